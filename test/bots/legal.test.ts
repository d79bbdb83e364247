/**
 * Bots never send an order the rules refuse: every persona against every persona and the baselines over
 * thousands of seeded matches, and the search bot over a few (it is slower), counted by playMatch, which submits
 * each side's orders through submitOrders and records refusals.
 */
import { describe, expect, it } from "vitest";
import { BOTS, makeBot } from "../../shared/bots/index.ts";
import { BUILTIN_SCENARIOS, SCENARIO_IDS } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";

const baseline = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;
const US = ["hawk", "builder", "random-legal", "passive"];
const CHINA = ["offshorer", "self-reliance", "random-legal", "passive"];

function refusals(us: string, china: string, seeds: number, scenarioId = "baseline-2025", first = 0): number {
  const scenario = BUILTIN_SCENARIOS[scenarioId]!.scenario;
  const bots = { us: makeBot(us, scenario)!, china: makeBot(china, scenario)! };
  let refused = 0;
  for (let seed = first; seed < first + seeds; seed++) {
    const log = playMatch(scenario, seed, bots);
    refused += log.refused.us + log.refused.china;
  }
  return refused;
}

describe("bots play only legal orders", () => {
  it("every persona pairing, 2,000 baseline matches in all", () => {
    let total = 0;
    for (const us of US)
      for (const china of CHINA)
        total += refusals(us, china, us === "passive" && china === "passive" ? 5 : 135);
    expect(total).toBe(0);
  });

  it("on every built-in scenario", () => {
    for (const id of SCENARIO_IDS)
      for (const us of ["hawk", "builder"])
        for (const china of ["offshorer", "self-reliance"]) expect(refusals(us, china, 20, id, 500)).toBe(0);
  });

  it("a persona seated on the other side plays that side's all-rounder, legally", () => {
    const log = playMatch(baseline, 3, { us: BOTS.offshorer!, china: BOTS.hawk! });
    expect(log.refused).toEqual({ us: 0, china: 0 });
    expect(log.orders.us.some((turn) => turn.some((o) => o.type === "buyChips"))).toBe(true);
    expect(log.orders.china.some((turn) => turn.some((o) => o.type === "buyChips"))).toBe(true);
  });

  it("the search bot, on both sides, against personas and itself", () => {
    const search = makeBot("search", baseline, { samples: 2 })!;
    let refused = 0;
    for (const [us, china] of [
      [search, BOTS.offshorer!],
      [BOTS.hawk!, search],
      [search, search],
    ] as const)
      for (let seed = 0; seed < 3; seed++) {
        const log = playMatch(baseline, seed, { us, china });
        refused += log.refused.us + log.refused.china;
      }
    expect(refused).toBe(0);
  });
});
