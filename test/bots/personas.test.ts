/**
 * The China personas publish open models only while China is behind: publishing while ahead lets the rival
 * behind close more of its gap.
 */
import { describe, expect, it } from "vitest";
import { publishingHelps } from "../../shared/bots/chinaPolicy.ts";
import type { ChinaPlan } from "../../shared/bots/chinaPolicy.ts";
import { OFFSHORER, planBot, SELF_RELIANCE } from "../../shared/bots/personas.ts";
import type { MatchState, Order } from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  createMatch,
  domesticKwPerH100e,
  generationAt,
  orderOptions,
  viewFor,
} from "../../shared/rules/index.ts";
import { botOrders } from "../../shared/sim/match.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

function chinaOrdersAt(state: MatchState, plan: ChinaPlan): Order[] {
  const bot = planBot("test", "", { side: "china", plan }, scenario);
  return botOrders(state, "china", bot, 0).orders;
}

describe("open models", () => {
  it("publishingHelps: a side publishes only while its capability is below the rival's", () => {
    expect(publishingHelps({ viewer: "china", capability: { us: 26, china: 25.3 } })).toBe(true);
    expect(publishingHelps({ viewer: "china", capability: { us: 25.3, china: 26 } })).toBe(false);
    expect(publishingHelps({ viewer: "us", capability: { us: 25.3, china: 26 } })).toBe(true);
    expect(publishingHelps({ viewer: "us", capability: { us: 26, china: 26 } })).toBe(false);
  });

  it.each([
    ["offshorer", OFFSHORER],
    ["self-reliance", SELF_RELIANCE],
  ] as const)("the %s publishes while China is behind and holds back once it leads", (_name, plan) => {
    const state = createMatch(scenario, 1);
    expect(viewFor(state, "china").capability.china).toBeLessThan(state.us.capability);
    expect(chinaOrdersAt(state, plan).some((o) => o.type === "publishOpenModels")).toBe(true);

    state.china.capability = state.us.capability + 0.2;
    const ahead = chinaOrdersAt(state, plan);
    expect(ahead.some((o) => o.type === "publishOpenModels")).toBe(false);
    // Everything else it would order is still there: holding back open models is the only change.
    expect(ahead.length).toBeGreaterThan(0);
    expect(orderOptions(state, "china").levers.some((l) => l.type === "publishOpenModels")).toBe(true);
  });
});

describe("keeping the hosts open", () => {
  it("the offshorer courts the hosts with the most at stake from the turn the US asks for a remote-access rule", () => {
    const state = createMatch(scenario, 1);
    // Early in the match renting does not pay yet, so no courting for room either.
    expect(chinaOrdersAt(state, OFFSHORER).some((o) => o.type === "courtHost")).toBe(false);

    state.us.remoteAccessBillTurns = 2;
    state.hosts.japan.appliesRemoteAccessRule = true;
    const courted = chinaOrdersAt(state, OFFSHORER).filter((o) => o.type === "courtHost");
    expect(courted).toHaveLength(OFFSHORER.keepOpenHosts!);
    for (const o of courted) {
      expect(o).toMatchObject({ amount: OFFSHORER.keepOpen });
      // A host that already applies the rule is past keeping.
      expect(o).not.toMatchObject({ host: "japan" });
    }
    // A plan without it does not court for that reason.
    const without = { ...OFFSHORER, keepOpen: 0 };
    expect(chinaOrdersAt(state, without).some((o) => o.type === "courtHost")).toBe(false);
  });
});

describe("export-grade chips", () => {
  /** The offshorer's chip orders at a turn under the performance cap, with money and power to spare. */
  function chipOrdersAt(turn: number): Order[] {
    const state = createMatch(scenario, 1);
    state.turn = turn;
    state.china.cash = 500;
    state.china.powerGW.grid += 20;
    state.china.dataCenterGW += 20;
    return chinaOrdersAt(state, OFFSHORER).filter((o) => o.type === "buyChips");
  }

  it("come on top of the domestic output, and whichever draws less power per unit is bought first", () => {
    const p = scenario.params;
    const exportKw = (turn: number) => generationAt(p.chips.exportGradeRoadmap, turn).kwPerH100e;
    // 2026 H1: the H200 of the opening draws less power per H100e than the domestic part of the day.
    expect(exportKw(2)).toBeLessThan(domesticKwPerH100e(p, 2));
    expect(chipOrdersAt(2).map((o) => o.type === "buyChips" && o.chipType)).toEqual([
      "exportGrade",
      "domestic",
    ]);
    // From 2026 H2 the domestic roadmap has passed it: domestic first, the H200 with the power left.
    expect(exportKw(3)).toBeGreaterThan(domesticKwPerH100e(p, 3));
    expect(chipOrdersAt(3).map((o) => o.type === "buyChips" && o.chipType)).toEqual([
      "domestic",
      "exportGrade",
    ]);
  });
});
