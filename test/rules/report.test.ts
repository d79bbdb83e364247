/**
 * The turn report: its parts sum to the lead change, it tells a side nothing its views do not, and each part
 * says what it should on a small example.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DeepReadonly, MatchState, Order, Side, View, Viewer } from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  createMatch,
  keepValidOrders,
  orderOptions,
  resolveTurn,
  submitOrders,
  viewFor,
} from "../../shared/rules/index.ts";
import { turnReport, type Contribution, type TurnReport } from "../../shared/rules/report.ts";
import { seedRng } from "../../shared/rules/rng.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import type { SideView } from "../../shared/rules/index.ts";
import { makeState, play } from "./helpers.ts";

const VIEWERS: Viewer[] = ["us", "china", "spectator", "facilitator"];

/** A JSON copy of a view, as a client holds it. */
function seen(state: MatchState, viewer: Viewer): DeepReadonly<View> {
  return JSON.parse(JSON.stringify(viewFor(state, viewer))) as DeepReadonly<View>;
}

function reportOf(before: MatchState, after: MatchState, viewer: Viewer): TurnReport {
  return turnReport(seen(before, viewer), seen(after, viewer), before.scenario.params);
}

function part(report: TurnReport, key: Contribution["key"], side: Side | null): Contribution {
  const found = report.contributions.find((c) => c.key === key && c.side === side);
  if (!found) throw new Error(`no ${key} part for ${side}`);
  return found;
}

/** Plays a random legal match for `turns` turns and returns every state. */
function randomStates(seed: number, turns: number): MatchState[] {
  let state = createMatch(BUILTIN_SCENARIOS["baseline-2025"]!.scenario, seed);
  const states = [state];
  let rngs = { us: seedRng(seed * 2 + 1), china: seedRng(seed * 2 + 2) };
  for (let i = 0; i < turns && state.phase !== "ended"; i++) {
    for (const side of ["us", "china"] as const) {
      const view = viewFor(state, side) as DeepReadonly<SideView>;
      const decided = randomLegalBot.decide({ options: orderOptions(state, side), view }, rngs[side]);
      rngs = { ...rngs, [side]: decided.rng };
      const result = submitOrders(state, side, keepValidOrders(state, side, decided.orders));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      state = result.state;
    }
    state = resolveTurn(state).state;
    states.push(state);
  }
  return states;
}

describe("the turn report's parts", () => {
  it("sum to the lead change within rounding, for every viewer, seed and turn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 13 }), (seed, turn) => {
        const states = randomStates(seed, turn);
        const before = states[states.length - 2]!;
        const after = states[states.length - 1]!;
        for (const viewer of VIEWERS) {
          const report = reportOf(before, after, viewer);
          const sum = report.contributions.reduce((s, c) => s + c.months, 0);
          expect(sum).toBeCloseTo(report.leadChange, 6);
          expect(report.leadChange).toBeCloseTo(
            after.history.at(-1)!.leadMonths - before.history.at(-1)!.leadMonths,
            9,
          );
          for (const c of report.contributions) expect(Number.isFinite(c.months)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("split a side's own growth exactly as its records show, and the rival's only as a public total", () => {
    const states = randomStates(7, 4);
    const report = reportOf(states[3]!, states[4]!, "us");
    const usKeys = report.contributions.filter((c) => c.side === "us").map((c) => c.key);
    expect(usKeys).toEqual(
      expect.arrayContaining(["added", "retired", "powered", "leases", "algoField", "algoResearch"]),
    );
    const china = report.contributions.filter((c) => c.side === "china");
    expect(china.map((c) => c.key)).toEqual(["growth"]);
    expect(china[0]!.estimate).toBeDefined();
    const spectator = reportOf(states[3]!, states[4]!, "spectator");
    expect(spectator.contributions.map((c) => c.key)).toEqual(["turnPassed", "growth", "growth"]);
    expect(spectator.contributions.every((c) => c.estimate === undefined)).toBe(true);
  });
});

describe("the turn report is hidden-information safe", () => {
  it("is the same when the rival's hidden values that the side's views do not show change", () => {
    const start = play(makeState(), [], []);
    const hide = (s: MatchState): MatchState => ({
      ...s,
      china: {
        ...s.china,
        spentByLever: { ...s.china.spentByLever, fundAlgorithms: s.china.spentByLever.fundAlgorithms + 500 },
        runningCostTotal: s.china.runningCostTotal + 77,
        chipResearchStock: s.china.chipResearchStock + 40,
        subsidyCostTotal: s.china.subsidyCostTotal + 9,
        energyTWh: s.china.energyTWh + 3,
        emissionsMt: s.china.emissionsMt + 2,
        ledger: { ...s.china.ledger, retired: s.china.ledger.retired + 12_345 },
      },
    });
    const orders: Order[] = [{ type: "buyChips", chipType: "frontier", h100e: 100_000 }];
    const after = play(start, orders, [{ type: "fundAlgorithms", amount: 20 }]);
    const plain = reportOf(start, after, "us");
    const changed = reportOf(hide(start), hide(after), "us");
    expect(changed).toEqual(plain);
    // The same change is visible to the facilitator, who may see it: the test's change does reach a view.
    expect(JSON.stringify(seen(hide(after), "facilitator"))).not.toEqual(
      JSON.stringify(seen(after, "facilitator")),
    );
  });

  it("gives a side no figure of the rival's true compute, only its estimate", () => {
    const start = makeState();
    const after = play(start, [], [{ type: "buyChips", chipType: "domestic", h100e: 50_000 }]);
    const report = reportOf(start, after, "us");
    const truth = after.history.at(-1)!.sides.china.homeH100e;
    const text = JSON.stringify(report);
    expect(text).not.toContain(String(truth));
    const growth = part(report, "growth", "china");
    expect(growth.estimate!.after.estimate).not.toBe(truth);
    expect(growth.estimate!.after.low).toBeLessThan(growth.estimate!.after.high);
  });

  it("refuses views of different viewers or turns that are not consecutive", () => {
    const a = makeState();
    const b = play(a);
    const c = play(b);
    expect(() => turnReport(seen(a, "us"), seen(b, "china"), a.scenario.params)).toThrow(/same viewer/);
    expect(() => turnReport(seen(a, "us"), seen(c, "us"), a.scenario.params)).toThrow(/one resolved turn/);
  });
});

describe("one readable example per part", () => {
  const start = makeState();

  it("a turn passing with nobody growing widens a US lead by the six months of the turn", () => {
    const after = play(start);
    const report = reportOf(start, after, "facilitator");
    // The US leads at the start: with both standing still China is where the US was six months earlier.
    expect(start.history[0]!.leadMonths).toBeGreaterThan(0);
    expect(part(report, "turnPassed", null).months).toBeCloseTo(6, 6);
  });

  it("chips bought arrive a turn later and count as added compute in favour of their buyer", () => {
    const t1 = play(start, [{ type: "buyChips", chipType: "frontier", h100e: 400_000 }], []);
    const t2 = play(t1);
    const withChips = reportOf(t1, t2, "us");
    const t1plain = play(start);
    const without = reportOf(t1plain, play(t1plain), "us");
    const added = part(withChips, "added", "us");
    expect(added.params.h100e).toBeGreaterThan(part(without, "added", "us").params.h100e!);
    expect(added.oom).toBeGreaterThan(part(without, "added", "us").oom);
  });

  it("chips retired count against their owner", () => {
    const t1 = play(start);
    const retired = part(reportOf(t1, play(t1), "china"), "retired", "china");
    expect(retired.params.h100e).toBeLessThan(0);
    expect(retired.oom).toBeLessThan(0);
    // China's growth pulls the US lead down: its retirement pushes the lead up, a positive number of months.
    expect(retired.months).toBeGreaterThan(0);
  });

  it("algorithm research shows as its own part, favouring the side that paid", () => {
    const after = play(start, [], [{ type: "fundAlgorithms", amount: 20 }]);
    const research = part(reportOf(start, after, "china"), "algoResearch", "china");
    expect(research.params.spent).toBeCloseTo(20, 6);
    expect(research.oom).toBeGreaterThan(0);
    // China trails, so its growth pulls the US lead down at once.
    expect(research.months).toBeLessThan(0);
    const field = part(reportOf(start, after, "china"), "algoField", "china");
    expect(field.params.factor).toBeCloseTo(Math.sqrt(start.scenario.params.world.algoGrowthPerYear), 9);
  });

  it("a power cut from an event shows as the event's part, not as the side's own powered share", () => {
    const cut: MatchState = {
      ...start,
      modifiers: [{ target: "china.power", factor: 0.5, turnsLeft: 3, eventId: "gridStrain" }],
    };
    const after = play(cut);
    const report = reportOf(start, after, "china");
    const event = part(report, "eventPower", "china");
    expect(event.oom).toBeLessThan(0);
    // China's loss is the US's gain.
    expect(event.months).toBeGreaterThan(0);
    expect(Math.abs(part(report, "powered", "china").oom)).toBeLessThan(Math.abs(event.oom));
  });

  it("the leader's own growth moves today's lead by nothing, but is banked at the trend pace", () => {
    const after = play(start, [{ type: "fundAlgorithms", amount: 30 }], []);
    const research = part(reportOf(start, after, "us"), "algoResearch", "us");
    expect(research.oom).toBeGreaterThan(0);
    expect(research.months).toBe(0);
    expect(research.trendMonths).toBeGreaterThan(0);
  });

  it("leases abroad show as China's own part", () => {
    const after = play(start, [], [{ type: "leaseCompute", host: "malaysia", h100e: 40_000 }]);
    const next = play(after);
    const leases = part(reportOf(after, next, "china"), "leases", "china");
    expect(leases.params.h100e).toBeGreaterThan(0);
    expect(leases.oom).toBeGreaterThan(0);
  });

  it("the rival's growth carries the side's estimate with a band, and names the largest parts", () => {
    const after = play(start, [{ type: "fundAlgorithms", amount: 40 }], []);
    const report = reportOf(start, after, "china");
    const us = part(report, "growth", "us");
    expect(us.estimate!.after.low).toBeLessThanOrEqual(us.estimate!.after.estimate);
    expect(us.estimate!.after.high).toBeGreaterThanOrEqual(us.estimate!.after.estimate);
    expect(report.top.length).toBeGreaterThan(0);
    expect(report.top.length).toBeLessThanOrEqual(3);
    expect(report.top[0]!.key).toMatch(/^top\./);
  });

  it("says what changed in the controls, tension and hosts", () => {
    const after = play(start, [{ type: "setExportControls", level: "fullBan" }], []);
    const report = reportOf(start, after, "spectator");
    expect(report.changes).toContainEqual({
      key: "change.controls",
      params: { from: start.us.exportControlLevel, to: "fullBan" },
    });
  });
});
