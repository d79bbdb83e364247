/**
 * The balance lab's speed: persona-against-persona matches per second through the lab's worker pool (two
 * workers, then one), and the search bot's time per decision at its default budget (95th percentile over the
 * turns of matches against every persona, on both sides). Run through test/bench/run.ts, which bundles this
 * file and the lab's worker first.
 */
import type { Bot } from "../../shared/bots/index.ts";
import { BOTS, makeBot } from "../../shared/bots/index.ts";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";
import type { Pairing } from "../../server/lab/pool.ts";
import { LabPool } from "../../server/lab/pool.ts";
import { quantiles } from "../../server/lab/stats.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;
const PERSONAS: Pairing[] = [
  { us: "hawk", china: "offshorer" },
  { us: "hawk", china: "self-reliance" },
  { us: "builder", china: "offshorer" },
  { us: "builder", china: "self-reliance" },
];

/** How much the lab benchmark plays: the full sizes, or the least that still measures each number once. */
interface LabSizes {
  /** Warm-up matches per worker thread. */
  warmPerWorker: number;
  /** The fewest matches a pairing plays in the measured run. */
  minPerPairing: number;
  /** Matches the search bot plays on each side. */
  searchMatches: (seconds: number) => number;
}

const FULL: LabSizes = {
  // The warm-up (one to two seconds) starts the threads, lets the engine optimise the hot code (a shorter
  // warm-up measured a one-worker rate a quarter too low) and sizes the measured run.
  warmPerWorker: 1_200,
  minPerPairing: 100,
  searchMatches: (seconds) => Math.max(2, Math.round(seconds * 2)),
};
const SMOKE: LabSizes = { warmPerWorker: 8, minPerPairing: 2, searchMatches: () => 1 };

/** Matches per second through a pool of `workers` threads, over a run of about `seconds` after a warm-up. */
async function poolRate(workerUrl: URL, workers: number, seconds: number, sizes: LabSizes): Promise<number> {
  const pool = new LabPool(workerUrl, workers);
  try {
    const warm = sizes.warmPerWorker * workers;
    let start = performance.now();
    await pool.run({ scenario, pairings: PERSONAS, matches: warm / PERSONAS.length, seed: 1 });
    const guess = (warm / ((performance.now() - start) / 1000)) * seconds;
    const perPairing = Math.max(sizes.minPerPairing, Math.round(guess / PERSONAS.length / 50) * 50);
    start = performance.now();
    await pool.run({ scenario, pairings: PERSONAS, matches: perPairing, seed: 1_000 });
    return (perPairing * PERSONAS.length) / ((performance.now() - start) / 1000);
  } finally {
    await pool.close();
  }
}

/** A bot that records how long each decision takes. */
function timed(bot: Bot, times: number[]): Bot {
  return {
    ...bot,
    decide(input, rng) {
      const start = performance.now();
      const out = bot.decide(input, rng);
      times.push(performance.now() - start);
      return out;
    },
  };
}

function searchP95(matches: number): number {
  const times: number[] = [];
  const search = timed(makeBot("search", scenario)!, times);
  // Warm up the JIT, then measure against each persona on both sides.
  playMatch(scenario, 999, { us: search, china: BOTS.offshorer! });
  times.length = 0;
  for (let i = 0; i < matches; i++) {
    playMatch(scenario, i, { us: search, china: BOTS[i % 2 ? "offshorer" : "self-reliance"]! });
    playMatch(scenario, i, { us: BOTS[i % 2 ? "hawk" : "builder"]!, china: search });
  }
  return quantiles(times, [0.95])[0]!;
}

/** The lab's rates with two threads and one, and the search bot's 95th-percentile decision time. */
export async function benchLab(
  seconds: number,
  workerUrl: URL,
  smoke = false,
): Promise<Record<string, number>> {
  const sizes = smoke ? SMOKE : FULL;
  const two = await poolRate(workerUrl, 2, seconds, sizes);
  const one = await poolRate(workerUrl, 1, seconds, sizes);
  const p95 = searchP95(sizes.searchMatches(seconds));
  return {
    "lab.greedy.matches_per_s": Math.round(two),
    "lab.greedy.matches_per_s_one_core": Math.round(one),
    "bot.search.ms_per_turn_p95": Math.round(p95 * 10) / 10,
  };
}
