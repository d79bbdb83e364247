/** Who won and by how much, with the secondary scores a debrief shows. */
import { leadMonths } from "./model.ts";
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
  /** The winner once the match has ended; before that, the side that would win if it ended now. */
  winner: Side;
  leadMonths: number;
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

/**
 * The asymmetric victory: the US wins by holding a lead of at least N months at the end; China wins by closing
 * the gap below N (or taking the lead).
 */
export function outcome(state: MatchState): Outcome {
  const p = state.scenario.params;
  const lead = leadMonths(state.us.capability, state.china.capability, p.world.leadGrowthPerYear);
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
  return {
    finished: state.phase === "ended",
    winner,
    leadMonths: lead,
    thresholdMonths: threshold,
    marginMonths: winner === "us" ? lead - threshold : threshold - lead,
    tension: state.tension,
    peakTension: peak,
    scores,
  };
}
