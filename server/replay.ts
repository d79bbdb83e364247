/**
 * Rebuilding a match from its log: the scenario and seed, then every action in order, on the pure rules. A
 * resolved turn's recorded hash must match, so a log that no longer replays exactly is caught, not trusted.
 */
import type { MatchState, Scenario } from "../shared/rules/index.ts";
import {
  createMatch,
  endMatch,
  hashState,
  injectEvent,
  resolveTurn,
  submitOrders,
  withdrawOrders,
} from "../shared/rules/index.ts";
import type { Action } from "./store.ts";

export class ReplayError extends Error {}

export interface Replayed {
  state: MatchState;
  /** The state at the start and after each resolved turn (for turn-by-turn replay). */
  turns: MatchState[];
}

/** Applies one logged action to a state; throws ReplayError if the log and the rules disagree. */
export function applyAction(state: MatchState, action: Action): MatchState {
  switch (action.kind) {
    case "submit": {
      const result = submitOrders(state, action.side, action.orders);
      if (!result.ok)
        throw new ReplayError(
          `logged orders of ${action.side} are refused on replay: ${JSON.stringify(result.errors)}`,
        );
      return result.state;
    }
    case "withdraw": {
      const result = withdrawOrders(state, action.side);
      if (!result.ok)
        throw new ReplayError(`logged withdrawal of ${action.side} is refused on replay: ${result.error}`);
      return result.state;
    }
    case "inject": {
      const result = injectEvent(state, action.eventId, action.turn);
      if (!result.ok)
        throw new ReplayError(`logged event ${action.eventId} is refused on replay: ${result.error}`);
      return result.state;
    }
    case "resolve": {
      if (state.turn !== action.turn)
        throw new ReplayError(`log resolves turn ${action.turn} but the match is at turn ${state.turn}`);
      const next = resolveTurn(state).state;
      const hash = hashState(next);
      if (hash !== action.hash)
        throw new ReplayError(`turn ${action.turn} replays to hash ${hash}, the log says ${action.hash}`);
      return next;
    }
    case "end":
      return endMatch(state);
    case "start":
    case "deadline":
    case "draft":
    case "pause":
    case "resume":
      // The room's own pacing, not a rule: nothing changes in the match.
      return state;
  }
}

/** What a match starts from: its scenario, its shareable seed and its secret (see shared/rules/streams.ts). */
export interface MatchOrigin {
  scenario: unknown;
  seed: number;
  secret: string;
}

/** Rebuilds a match from where it started and its log; throws ReplayError where the log and the rules disagree. */
export function replay(origin: MatchOrigin, actions: readonly Action[]): Replayed {
  let state = createMatch(origin.scenario as Scenario, origin.seed, origin.secret);
  const turns = [state];
  for (const action of actions) {
    state = applyAction(state, action);
    if (action.kind === "resolve" || action.kind === "end") turns.push(state);
  }
  return { state, turns };
}
