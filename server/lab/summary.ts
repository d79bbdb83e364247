/**
 * One lab match and the few numbers the report needs from it. Matches are played by the same `playMatch` as the
 * sim CLI, so match i of a pairing can be replayed exactly with `npm run sim -- --seed <seed> --us .. --china ..`.
 */
import type { Bot } from "../../shared/bots/index.ts";
import type { Scenario, Side } from "../../shared/rules/index.ts";
import { judgedLeadOf, ORDER_TYPES, outcome, SIDES, winnerAt } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";

export interface MatchSummary {
  seed: number;
  usWon: boolean;
  /** The US lead in months at the end (negative when China leads). */
  lead: number;
  /** How far the winner cleared the threshold, in months. */
  margin: number;
  /**
   * The turn (0-based) from which the side that won would have won had the match ended there: the last change
   * of fortune. Every match lasts the scenario's turns; this is when it was decided.
   */
  decidedTurn: number;
  /** The lead in months at the start and after every turn. */
  leadByTurn: number[];
  /** Turns in which each lever was ordered, by side, in ORDER_TYPES order. */
  ordered: Record<Side, number[]>;
  /** $B spent on each lever over the match, by side, in ORDER_TYPES order. */
  spent: Record<Side, number[]>;
  /** Orders the rules refused (a correct bot has none). */
  refused: number;
  /**
   * Share of each side's spending over the whole match that it spent on the final turn (null when it spent
   * nothing): near 1 means the side hoarded for the end.
   */
  finalTurnSpendShare: Record<Side, number | null>;
  /** How much the lead moved on the final turn, in months (the last history row's lead minus the one before). */
  finalTurnLeadChange: number;
}

/** The share of a side's cumulative spending (history rows hold running totals) that fell on the last turn. */
function lastTurnShare(spentBefore: number, spentAtEnd: number): number | null {
  return spentAtEnd > 0 ? (spentAtEnd - spentBefore) / spentAtEnd : null;
}

export function playSummary(scenario: Scenario, seed: number, bots: Record<Side, Bot>): MatchSummary {
  const log = playMatch(scenario, seed, bots);
  const state = log.state;
  const result = outcome(state);
  const threshold = result.thresholdMonths;
  const leadByTurn = state.history.map((row) => row.leadMonths);
  const usWon = result.winner === "us";
  // history[0] is the start; history[k + 1] is after turn k.
  // Had the match ended after row k, it would have been judged as the rules judge it on rows 0..k.
  const judged = state.scenario.params.victory.judgedTurns;
  let decidedTurn = 0;
  for (let k = leadByTurn.length - 1; k >= 1; k--) {
    if (winnerAt(judgedLeadOf(leadByTurn.slice(0, k + 1), judged), threshold) !== result.winner) {
      decidedTurn = k;
      break;
    }
  }
  const ordered = {} as Record<Side, number[]>;
  const spent = {} as Record<Side, number[]>;
  const finalTurnSpendShare = {} as Record<Side, number | null>;
  const last = state.history[state.history.length - 1];
  const beforeLast = state.history[state.history.length - 2];
  for (const side of SIDES) {
    finalTurnSpendShare[side] =
      last && beforeLast ? lastTurnShare(beforeLast.sides[side].spent, last.sides[side].spent) : null;
    const counts = new Array<number>(ORDER_TYPES.length).fill(0);
    for (const turn of log.orders[side])
      for (const order of turn) counts[ORDER_TYPES.indexOf(order.type)]! += 1;
    ordered[side] = counts;
    spent[side] = ORDER_TYPES.map((t) => state[side].spentByLever[t]);
  }
  return {
    seed,
    usWon,
    lead: result.leadMonths,
    margin: result.marginMonths,
    decidedTurn: Math.min(decidedTurn, state.scenario.params.time.turns - 1),
    leadByTurn,
    ordered,
    spent,
    refused: log.refused.us + log.refused.china,
    finalTurnSpendShare,
    finalTurnLeadChange: last && beforeLast ? last.leadMonths - beforeLast.leadMonths : 0,
  };
}
