/**
 * The forecast of a draft: for a side's own numbers it is what the resolved turn gives when the rival does
 * nothing, it reads only the side's view, and each spending lever's curve shows its diminishing returns.
 */
import { describe, expect, it } from "vitest";
import type { DeepReadonly, MatchState, Order, Side, SideView } from "../../shared/rules/index.ts";
import { viewFor } from "../../shared/rules/index.ts";
import { forecastDraft, leverGuide } from "../../shared/rules/forecast.ts";
import { fleetH100e } from "../../shared/rules/model.ts";
import { baseline, makeState, play, submit } from "./helpers.ts";
import { resolveTurn } from "../../shared/rules/index.ts";

function sideView(state: MatchState, side: Side): DeepReadonly<SideView> {
  return JSON.parse(JSON.stringify(viewFor(state, side))) as DeepReadonly<SideView>;
}

function forecastOk(state: MatchState, side: Side, orders: Order[]) {
  const f = forecastDraft(sideView(state, side), orders, state.scenario);
  if (!f.ok) throw new Error(JSON.stringify(f.errors));
  return f;
}

const DRAFTS: Record<Side, Order[]> = {
  us: [
    { type: "buyChips", chipType: "frontier", h100e: 300_000 },
    { type: "buildDataCenters", gw: 1 },
    { type: "buildPower", source: "gas", gw: 1 },
    { type: "fundAlgorithms", amount: 10 },
  ],
  china: [
    { type: "buyChips", chipType: "domestic", h100e: 40_000 },
    { type: "leaseCompute", host: "malaysia", h100e: 20_000 },
    { type: "fundAlgorithms", amount: 5 },
    { type: "buildPower", source: "solar", gw: 2 },
  ],
};

describe("the forecast of a draft", () => {
  // A match two turns in, so that the own side has history, chips arriving and projects under way.
  const state = play(play(makeState(), [{ type: "buyChips", chipType: "frontier", h100e: 100_000 }]), [], []);

  it.each(["us", "china"] as const)(
    "matches the resolved turn for %s's own numbers when the rival does nothing",
    (side) => {
      const orders = DRAFTS[side];
      const forecast = forecastOk(state, side, orders);
      const real = resolveTurn(submit(state, side, orders)).state;
      const mine = real[side];
      expect(forecast.next.cashLeft).toBeCloseTo(mine.cash, 6);
      expect(forecast.next.capability).toBeCloseTo(mine.capability, 9);
      expect(forecast.next.poweredShare).toBeCloseTo(mine.last.poweredFraction, 9);
      const leasing =
        side === "china" ? Object.values(real.china.leasesArriving).reduce((a, b) => a + b, 0) : 0;
      expect(forecast.next.computeAdded).toBeCloseTo(fleetH100e(mine.arriving) + leasing, 3);
      expect(forecast.next.capacity.hallsGW).toBeCloseTo(mine.dataCenterGW, 9);
      expect(forecast.next.computeAdded).toBeGreaterThan(0);
    },
  );

  it("runs to the last turn, and a draft that adds compute projects a better lead for its side than doing nothing", () => {
    const us = forecastOk(state, "us", DRAFTS.us);
    expect(us.lead.at(-1)!.label).toBe("2032 H2");
    expect(us.lead).toHaveLength(baseline.params.time.turns - state.turn);
    expect(us.lead.at(-1)!.lead).toBeGreaterThanOrEqual(us.leadIfIdle.at(-1)!.lead);
    for (const row of us.lead) {
      expect(row.low).toBeLessThanOrEqual(row.lead + 1e-9);
      expect(row.high).toBeGreaterThanOrEqual(row.lead - 1e-9);
    }
    const china = forecastOk(state, "china", DRAFTS.china);
    expect(china.lead.at(-1)!.lead).toBeLessThanOrEqual(china.leadIfIdle.at(-1)!.lead);
  });

  it("says why a draft is refused instead of forecasting it", () => {
    const f = forecastDraft(sideView(state, "us"), [{ type: "fundAlgorithms", amount: 1e8 }], state.scenario);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.errors[0]!.message).toMatch(/can be spent/);
  });

  it("is the same whatever the rival's hidden numbers are", () => {
    const hidden: MatchState = {
      ...state,
      china: {
        ...state.china,
        chipResearchStock: 999,
        spentByLever: { ...state.china.spentByLever, fundAlgorithms: 77 },
      },
    };
    expect(forecastOk(hidden, "us", DRAFTS.us)).toEqual(forecastOk(state, "us", DRAFTS.us));
  });
});

describe("a lever's guide", () => {
  const state = makeState();

  it("shows diminishing returns and a sensible range well below all the cash", () => {
    const view = sideView(state, "us");
    const guide = leverGuide(view, "fundAlgorithms", state.scenario)!;
    expect(guide.effect).toBe("algoBoost");
    const gains = guide.points.map((p) => p.effect);
    for (let i = 1; i < gains.length; i++) expect(gains[i]!).toBeGreaterThanOrEqual(gains[i - 1]!);
    // Each step adds less than the one before: the returns diminish.
    const steps = gains.slice(1).map((g, i) => g - gains[i]!);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThanOrEqual(steps[i - 1]! + 1e-12);
    expect(guide.sensibleMax).toBeLessThan(view.spendable);
    expect(guide.halfAt).toBeLessThan(guide.sensibleMax);
    const at = (x: number) =>
      guide.points.reduce((best, p) => (Math.abs(p.amount - x) < Math.abs(best.amount - x) ? p : best));
    expect(at(guide.sensibleMax).effect).toBeGreaterThan(0.9 * guide.fullEffect);
  });

  it("counts what is already built up for levers that accumulate", () => {
    const built: MatchState = { ...state, us: { ...state.us, intelStock: 200 } };
    const fresh = leverGuide(sideView(state, "us"), "fundIntelligence", state.scenario)!;
    const after = leverGuide(sideView(built, "us"), "fundIntelligence", state.scenario)!;
    expect(after.fullEffect).toBeLessThan(fresh.fullEffect);
  });

  it("has no curve for levers priced per unit, and none for a lever the side does not have", () => {
    expect(leverGuide(sideView(state, "us"), "buyChips", state.scenario)).toBeNull();
    expect(leverGuide(sideView(state, "china"), "fundEnforcement", state.scenario)).toBeNull();
  });
});
