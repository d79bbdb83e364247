/**
 * Throughput of the rules engine: full default-length matches between two random-legal players, on one core.
 * Run through test/bench/run.ts, which bundles this file first (as the browser and a production build run it).
 */
import { BOTS } from "../../shared/bots/index.ts";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";

/** Matches per second over about `seconds`; `smoke` warms up with a few matches instead of 200. */
export function benchSim(seconds: number, smoke = false): Record<string, number> {
  const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;
  const bot = BOTS["random-legal"]!;
  // Warm up the JIT before measuring.
  for (let i = 0; i < (smoke ? 5 : 200); i++) playMatch(scenario, 1_000_000 + i, { us: bot, china: bot });
  let matches = 0;
  const start = performance.now();
  // At least one match, so that a rate is measured however short the run.
  while (matches === 0 || performance.now() - start < seconds * 1000) {
    playMatch(scenario, matches, { us: bot, china: bot });
    matches++;
  }
  const elapsed = (performance.now() - start) / 1000;
  return { "sim.random.matches_per_s": Math.round(matches / elapsed) };
}
