/**
 * The China personas' choices that the balance report leans on: open models only while behind (publishing
 * while ahead lets the rival behind close more of its gap), and courting hosts ahead of the turns it rents in.
 */
import { describe, expect, it } from "vitest";
import { publishingHelps } from "../../shared/bots/chinaPolicy.ts";
import type { ChinaPlan } from "../../shared/bots/chinaPolicy.ts";
import { BUILDER, OFFSHORER, planBot, SELF_RELIANCE } from "../../shared/bots/personas.ts";
import type { MatchState, Order } from "../../shared/rules/index.ts";
import { BUILTIN_SCENARIOS, createMatch, orderOptions, viewFor } from "../../shared/rules/index.ts";
import { botOrders, playMatch } from "../../shared/sim/match.ts";

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

describe("courting hosts ahead of leasing", () => {
  const firstTurn = (orders: Order[][], type: Order["type"]) =>
    orders.findIndex((t) => t.some((o) => o.type === type));
  const play = (plan: ChinaPlan) =>
    playMatch(scenario, 1, {
      us: planBot("builder", "", { side: "us", plan: BUILDER }, scenario),
      china: planBot("offshorer", "", { side: "china", plan }, scenario),
    }).orders.china;

  it("without courtAhead the offshorer starts courting in the first turn renting pays", () => {
    const orders = play({ ...OFFSHORER, courtAhead: 0 });
    const from = firstTurn(orders, "courtHost");
    expect(from).toBeGreaterThan(0);
    // Every turn from then on it courts and rents: renting keeps paying as the end nears.
    for (const turn of orders.slice(from, -1)) {
      expect(turn.some((o) => o.type === "courtHost")).toBe(true);
      expect(turn.some((o) => o.type === "leaseCompute" && "h100e" in o && o.h100e > 0)).toBe(true);
    }
  });

  it.each([1, 3, 5])("with courtAhead %i it starts courting that many turns earlier", (ahead) => {
    const from = firstTurn(play({ ...OFFSHORER, courtAhead: 0 }), "courtHost");
    expect(firstTurn(play({ ...OFFSHORER, courtAhead: ahead }), "courtHost")).toBe(from - ahead);
  });
});
