/**
 * Fast imagined play for the search bot: both sides follow plans from a (sampled) state to the end of the match.
 * Orders come from the plans' drafts, which keep within each lever's limits and the money, so the rollout sets
 * them as pending directly instead of parsing them again; the real orders a bot sends still go through the rules.
 */
import type { IntelReport, MatchState, Order, Side } from "../rules/index.ts";
import { HOSTS, orderOptions, resolveTurn, saturate, scenarioInfo } from "../rules/index.ts";
import type { PolicyView } from "./context.ts";
import type { Plan } from "./personas.ts";
import { planDraft } from "./personas.ts";

/** Exact values of what the heuristics read from intelligence: inside a rollout the state is the imagined truth. */
function rolloutIntel(state: MatchState, side: Side): IntelReport {
  const intel: IntelReport = {};
  const exact = (value: number) => ({ estimate: value, low: value, high: value, exact: true });
  if (side === "us") {
    for (const h of HOSTS) intel[`lease.${h}`] = exact(state.china.leases[h]);
  } else {
    intel.enforcement = exact(
      saturate(state.us.enforcementStock, state.scenario.params.levers.enforcementRef),
    );
  }
  return intel;
}

/** The fields of a side's view that the heuristics read, straight from a state. */
export function rolloutView(state: MatchState, side: Side): PolicyView {
  return {
    viewer: side,
    turn: state.turn,
    own: state[side],
    hosts: state.hosts,
    modifiers: state.modifiers,
    intel: rolloutIntel(state, side),
    exportControlLevel: state.us.exportControlLevel,
    remoteAccessBillTurns: state.us.remoteAccessBillTurns,
    capability: { us: state.us.capability, china: state.china.capability },
    scenario: scenarioInfo(state),
  } as PolicyView;
}

/** A plan's orders for a side in a rollout state. */
export function rolloutOrders(state: MatchState, side: Side, plan: Plan): Order[] {
  const draft = planDraft(rolloutView(state, side), orderOptions(state, side), state.scenario, plan);
  return draft ? draft.orders : [];
}

/**
 * Plays a state to the end with both sides following their plans; `first` fixes one side's orders for the
 * coming turn (the candidate being judged). Returns the final state.
 */
export function rollout(
  start: MatchState,
  plans: Record<Side, Plan>,
  first?: { side: Side; orders: Order[] },
): MatchState {
  let state = start;
  let firstTurn = true;
  while (state.phase !== "ended") {
    const us = firstTurn && first?.side === "us" ? first.orders : rolloutOrders(state, "us", plans.us);
    const china =
      firstTurn && first?.side === "china" ? first.orders : rolloutOrders(state, "china", plans.china);
    state = resolveTurn({ ...state, pending: { us, china } }).state;
    firstTurn = false;
  }
  return state;
}
