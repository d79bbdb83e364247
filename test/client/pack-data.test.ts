/**
 * The debrief pack's facts: each side's decisions by turn are the orders it had confirmed when the turn
 * resolved (a withdrawn confirmation counts for nothing), turning points are the largest moves of the lead,
 * spending by category adds up to the side's whole spending, and the part of a running room that the pack
 * shows is exactly what a spectator sees.
 */
import { describe, expect, it } from "vitest";
import type { FacilitatorView, MatchState, Order, SpectatorView } from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  createMatch,
  injectEvent,
  ORDER_TYPES,
  outcome,
  resolveTurn,
  submitOrders,
  viewFor,
  withdrawOrders,
} from "../../shared/rules/index.ts";
import {
  cardsDrawn,
  decisionsByTurn,
  finalSpending,
  LEVER_CATEGORY,
  type LoggedAction,
  type MatchExport,
  publicPart,
  spendingByCategory,
  turningPoints,
} from "../../client/src/ui/pack-data.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

/** Plays the actions through the rules, as a room does, and returns the final state. */
function play(actions: LoggedAction[]): MatchState {
  let state = createMatch(scenario, 7);
  for (const a of actions) {
    if (a.kind === "submit") {
      const r = submitOrders(state, a.side, a.orders);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      state = r.state;
    } else if (a.kind === "withdraw") {
      const r = withdrawOrders(state, a.side);
      if (!r.ok) throw new Error(r.error);
      state = r.state;
    } else if (a.kind === "inject") {
      const r = injectEvent(state, a.eventId, a.turn);
      if (!r.ok) throw new Error(r.error);
      state = r.state;
    } else if (a.kind === "resolve") state = resolveTurn(state).state;
  }
  return state;
}

const usFirst: Order[] = [{ type: "fundAlgorithms", amount: 5 }];
const usSecond: Order[] = [{ type: "buildDataCenters", gw: 1 }];
const china: Order[] = [{ type: "fundChipResearch", amount: 3 }];

const actions: LoggedAction[] = [
  { kind: "start" },
  { kind: "submit", side: "us", orders: usFirst },
  // The US takes its confirmation back and confirms other orders: only those resolve.
  { kind: "withdraw", side: "us" },
  { kind: "submit", side: "us", orders: usSecond },
  { kind: "submit", side: "china", orders: china },
  { kind: "inject", eventId: "deepseekShock", turn: 0 },
  { kind: "resolve", turn: 0 },
  { kind: "submit", side: "china", orders: [] },
  { kind: "resolve", turn: 1 },
];

function exported(state: MatchState): MatchExport {
  return {
    code: "ABCDEF",
    scenario: scenario.id,
    seed: 7,
    outcome: outcome(state),
    history: state.history,
    events: state.events,
    actions,
  };
}

describe("the debrief pack's facts", () => {
  const state = play(actions);
  const match = exported(state);

  it("lists each side's confirmed orders and the facilitator's events by turn", () => {
    const turns = decisionsByTurn(match.actions, match.history);
    expect(turns.map((d) => d.label)).toEqual(["2025 H1", "2025 H2"]);
    expect(turns[0]!.orders).toEqual({ us: usSecond, china });
    expect(turns[0]!.injected).toEqual(["deepseekShock"]);
    expect(turns[1]!.orders).toEqual({ us: [], china: [] });
    expect(turns[1]!.injected).toEqual([]);
  });

  it("finds the turns where the lead moved most, in the order they happened", () => {
    const history = [0, 10, 9, 4, 4.5, 8].map((lead, i) => ({
      turn: i - 1,
      label: `t${i}`,
      leadMonths: lead,
    }));
    // Moves: +10, -1, -5, +0.5, +3.5.
    expect(turningPoints(history, 3).map((p) => [p.label, p.delta])).toEqual([
      ["t1", 10],
      ["t3", -5],
      ["t5", 3.5],
    ]);
    expect(turningPoints(history.slice(0, 1))).toEqual([]);
  });

  it("sums spending by category to the side's whole spending", () => {
    expect(Object.keys(LEVER_CATEGORY).sort()).toEqual([...ORDER_TYPES].sort());
    for (const side of ["us", "china"] as const) {
      const byCategory = spendingByCategory(finalSpending(match, side));
      const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(match.outcome.scores[side].spent, 9);
    }
    const us = spendingByCategory(finalSpending(match, "us"));
    expect(us.power).toBeGreaterThan(0);
    expect(us.research).toBe(0);
    expect(spendingByCategory(finalSpending(match, "china")).chips).toBeGreaterThan(0);
  });

  it("names the event cards drawn in the match once each, with their sources", () => {
    const cards = cardsDrawn([...match.events, ...match.events]);
    expect(cards.map((c) => c.id)).toContain("deepseekShock");
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(cards.every((c) => c.source.length > 0 && c.echo.length > 0)).toBe(true);
  });

  it("shows of a running room exactly what a spectator sees", () => {
    const facilitator = viewFor(state, "facilitator") as FacilitatorView;
    const spectator = viewFor(state, "spectator") as SpectatorView;
    const shown = publicPart(facilitator);
    expect(JSON.parse(JSON.stringify(shown.history))).toEqual(JSON.parse(JSON.stringify(spectator.history)));
    expect(JSON.parse(JSON.stringify(shown.events))).toEqual(JSON.parse(JSON.stringify(spectator.events)));
    // The facilitator saw events of one side only; none of them is shown.
    expect(facilitator.events.some((e) => e.audience !== "public")).toBe(true);
    expect(Object.keys(shown).sort()).toEqual(
      ["events", "history", "judgedTurns", "label", "scenario", "turn", "turns", "victoryLeadMonths"].sort(),
    );
    expect(shown).toMatchObject({ turn: 2, label: spectator.label, turns: spectator.scenario.turns });
  });
});
