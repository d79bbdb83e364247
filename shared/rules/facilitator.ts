/** What a facilitator may do to a match beyond the players' orders: inject an event, end the match early. */
import { findCard } from "./events.ts";
import type { MatchState } from "./types.ts";

export type InjectResult = { ok: true; state: MatchState } | { ok: false; error: string };

/** Queues card `eventId` to fire when turn `turn` resolves (default: the current turn). Never throws. */
export function injectEvent(state: MatchState, eventId: unknown, turn: unknown = state.turn): InjectResult {
  if (typeof eventId !== "string" || !findCard(eventId))
    return { ok: false, error: `There is no event card called "${String(eventId)}".` };
  if (typeof turn !== "number" || !Number.isInteger(turn))
    return { ok: false, error: "The turn must be a whole number." };
  if (state.phase === "ended") return { ok: false, error: "The match is over." };
  if (turn < state.turn || turn >= state.scenario.params.time.turns)
    return {
      ok: false,
      error: `Events can be queued for turns ${state.turn} to ${state.scenario.params.time.turns - 1}.`,
    };
  if (state.injected.some((q) => q.turn === turn && q.eventId === eventId))
    return { ok: false, error: "That card is already queued for that turn." };
  return { ok: true, state: { ...state, injected: [...state.injected, { turn, eventId }] } };
}

/**
 * Ends the match now (a facilitator out of class time): no more orders; the outcome is judged on the current
 * state. Ending an ended match changes nothing.
 */
export function endMatch(state: MatchState): MatchState {
  return state.phase === "ended" ? state : { ...state, phase: "ended", pending: { us: null, china: null } };
}
