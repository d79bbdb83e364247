/** Who won and by how much, with the secondary scores a debrief shows. */

import { turnLabel } from "./model.ts";
import type { MatchState, Side } from "./types.ts";
import { SIDES } from "./types.ts";

export interface SideScore {
  capability: number;
  spent: number;
  runningCost: number;
  energyTWh: number;
  emissionsMt: number;
}

export interface Outcome {
  finished: boolean;
  /** Set when the facilitator ended the match before its last turn: the turn's label, like "2029 H1". */
  endedEarlyAt: string | null;
  /** The winner once the match has ended; before that, the side that would win if it ended now. */
  winner: Side;
  /** The lead the match is judged on: the mean over the final turns (see judgedLead). */
  leadMonths: number;
  /** The lead now: where the US was, in months, when it had China's capability of today. */
  currentLeadMonths: number;
  /** How many final turns the judged lead averages. */
  judgedTurns: number;
  thresholdMonths: number;
  /** How far the lead is above (US) or below (China) the threshold, in months; positive favours the winner. */
  marginMonths: number;
  tension: number;
  peakTension: number;
  scores: Record<Side, SideScore>;
}

/** Who wins with this US lead (months) against this threshold: the US holds it, or China has closed it. */
export function winnerAt(leadMonths: number, thresholdMonths: number): Side {
  return leadMonths >= thresholdMonths ? "us" : "china";
}

/** The lead now, in months: the newest row of the match's history (every state has one). */
export function currentLead(state: MatchState): number {
  return state.history[state.history.length - 1]?.leadMonths ?? 0;
}

/**
 * The lead a match is judged on: the mean lead over its final `victory.judgedTurns` resolved turns (fewer
 * while fewer are played; the starting lead before any). A lead held over two years counts, not a last-turn
 * spurt.
 */
export function judgedLead(state: MatchState): number {
  return judgedLeadOf(
    state.history.map((row) => row.leadMonths),
    state.scenario.params.victory.judgedTurns,
  );
}

/**
 * The same from a match's leads, one a history row (the start first): the mean of the last `judgedTurns`
 * rows after the start, or the starting lead while no turn is played. The lab asks it of every prefix.
 */
export function judgedLeadOf(leads: readonly number[], judgedTurns: number): number {
  if (leads.length <= 1) return leads[0] ?? 0;
  const last = leads.slice(Math.max(1, leads.length - judgedTurns));
  let sum = 0;
  for (const lead of last) sum += lead;
  return sum / last.length;
}

/**
 * The asymmetric victory: the US wins by holding a lead of at least N months over the final turns (the mean
 * of the last `victory.judgedTurns`); China wins by holding it below N (or taking the lead).
 */
export function outcome(state: MatchState): Outcome {
  const p = state.scenario.params;
  const lead = judgedLead(state);
  const threshold = p.victory.leadMonths;
  const winner = winnerAt(lead, threshold);
  const scores = {} as Record<Side, SideScore>;
  for (const side of SIDES) {
    const s = state[side];
    let spent = 0;
    for (const v of Object.values(s.spentByLever)) spent += v;
    scores[side] = {
      capability: s.capability,
      spent,
      runningCost: s.runningCostTotal,
      energyTWh: s.energyTWh,
      emissionsMt: s.emissionsMt,
    };
  }
  let peak = state.tension;
  for (const row of state.history) peak = Math.max(peak, row.tension);
  const turns = p.time.turns;
  return {
    finished: state.phase === "ended",
    endedEarlyAt: state.phase === "ended" && state.turn < turns ? turnLabel(p, state.turn) : null,
    winner,
    leadMonths: lead,
    currentLeadMonths: currentLead(state),
    judgedTurns: p.victory.judgedTurns,
    thresholdMonths: threshold,
    marginMonths: winner === "us" ? lead - threshold : threshold - lead,
    tension: state.tension,
    peakTension: peak,
    scores,
  };
}
