/**
 * From match summaries to the balance report: win rates with Wilson intervals, the pairing matrix, Bradley-Terry
 * ratings with bootstrap intervals, lead, margin and decision-turn distributions, lever usage against winning,
 * the lead over the years, how much hangs on the final turn, the balance checks of issue 5 and, when measured,
 * the lever-effects table (levers.ts) with its checks. Pure: the same summaries give the same report.
 */
import type { OrderType, Side } from "../../shared/rules/index.ts";
import { ORDER_TYPES, SIDES, turnLabel } from "../../shared/rules/index.ts";
import type { ScenarioParams } from "../../shared/rules/index.ts";
import type { LeverChecks, LeverEffect } from "./levers.ts";
import { leverChecks } from "./levers.ts";
import type { Pairing } from "./pool.ts";
import type { Histogram, Interval, Rating } from "./stats.ts";
import { correlation, histogram, mean, quantiles, ratingsWithIntervals, wilson } from "./stats.ts";
import type { MatchSummary } from "./summary.ts";

export interface LeverUse {
  lever: OrderType;
  /** Share of matches in which the side ordered the lever at least once. */
  usedShare: number;
  /** Mean turns per match in which it was ordered, and mean $B spent on it. */
  turnsPerMatch: number;
  meanSpent: number;
  /** The side's win rate in matches where it used the lever, and where it did not (null without such matches). */
  winRateUsed: number | null;
  winRateUnused: number | null;
  /** Correlation between the $B spent on the lever and the side winning (null when either never varies). */
  spendWinCorrelation: number | null;
}

export interface Quantiles {
  mean: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
}

export interface PairingReport {
  us: string;
  china: string;
  matches: number;
  usWins: number;
  usWinRate: number;
  usInterval: Interval;
  chinaWinRate: number;
  chinaInterval: Interval;
  /** Final US lead in months. */
  lead: Quantiles;
  /** US lead minus the threshold at the end (positive: the US won by that much), in months. */
  usMargin: { quantiles: Quantiles; histogram: Histogram };
  /** Turn from which the match's winner was never again behind. */
  decidedTurn: { mean: number; median: number; counts: number[] };
  leadByTurn: ({ turn: number; label: string } & Quantiles)[];
  levers: Record<Side, LeverUse[]>;
  refused: number;
  /** How much the match turns on its last turn: the hoarding the design notes warn about. */
  finalTurn: FinalTurn;
}

export interface FinalTurn {
  /**
   * Mean over matches of the share of each side's total spending that it spent on the final turn (matches in
   * which the side spent nothing are left out; null when it never spent).
   */
  spendShare: Record<Side, number | null>;
  /** Mean absolute change of the lead on the final turn, in months. */
  meanAbsLeadChange: number;
}

export interface RunReport {
  /** The swept parameter's value in this run (null without a sweep). */
  value: number | null;
  thresholdMonths: number;
  pairings: PairingReport[];
  matrix: { us: string[]; china: string[]; usWinRate: (number | null)[][] };
  ratings: (Rating & { bot: string; side: Side })[];
  /**
   * The lever-effects table: every pairing of two personas, every lever of each side, in pairing, side and
   * ORDER_TYPES order. Null when not measured (--lever-effects 0).
   */
  leverEffects: LeverEffect[] | null;
  checks: BalanceChecks;
}

export interface PairingRef {
  us: string;
  china: string;
  usWinRate: number;
  usInterval: Interval;
}

/** The targets of issue 5, judged on this run (null when the run lacks the bots a check needs). */
export interface BalanceChecks {
  /** Win rates must lie in [45%, 55%] with their whole interval. */
  band: [number, number];
  searchVsSearch: (PairingRef & { withinBand: boolean }) | null;
  bestPersonaPairing: (PairingRef & { withinBand: boolean }) | null;
  /** Personas that beat (win more than half against) every persona of the other side. */
  dominantPersonas: string[];
  /** The search bot's lowest win rate against an opposing persona, per side. */
  searchVsPersonas: { side: Side; worst: PairingRef | null; atLeast60: boolean | null }[];
  /** Every lever moves the lead somewhere, and none decides every pairing alone (null when not measured). */
  leverEffects: LeverChecks | null;
}

/** Bots that are personas (heuristic styles), as opposed to the search bot and the baselines. */
export const PERSONAS: ReadonlySet<string> = new Set(["hawk", "builder", "offshorer", "self-reliance"]);
const BAND: [number, number] = [0.45, 0.55];

function q(values: readonly number[]): Quantiles {
  const [p10, p25, median, p75, p90] = quantiles(values, [0.1, 0.25, 0.5, 0.75, 0.9]);
  return { mean: mean(values), p10: p10!, p25: p25!, median: median!, p75: p75!, p90: p90! };
}

function finalTurn(matches: readonly MatchSummary[]): FinalTurn {
  const spendShare = {} as Record<Side, number | null>;
  for (const side of SIDES) {
    const shares = matches.flatMap((m) => {
      const share = m.finalTurnSpendShare[side];
      return share === null ? [] : [share];
    });
    spendShare[side] = shares.length > 0 ? mean(shares) : null;
  }
  return { spendShare, meanAbsLeadChange: mean(matches.map((m) => Math.abs(m.finalTurnLeadChange))) };
}

function leverUse(side: Side, matches: readonly MatchSummary[]): LeverUse[] {
  return ORDER_TYPES.map((lever, i) => {
    const won = matches.map((m) => (m.usWon === (side === "us") ? 1 : 0));
    const used = matches.map((m) => m.ordered[side][i]! > 0);
    const spent = matches.map((m) => m.spent[side][i]!);
    const usedWins = won.filter((_, k) => used[k]);
    const unusedWins = won.filter((_, k) => !used[k]);
    const corr = correlation(spent, won);
    return {
      lever,
      usedShare: used.filter(Boolean).length / Math.max(1, matches.length),
      turnsPerMatch: mean(matches.map((m) => m.ordered[side][i]!)),
      meanSpent: mean(spent),
      winRateUsed: usedWins.length > 0 ? mean(usedWins) : null,
      winRateUnused: unusedWins.length > 0 ? mean(unusedWins) : null,
      spendWinCorrelation: Number.isFinite(corr) ? corr : null,
    };
  }).filter((u) => u.usedShare > 0 || u.meanSpent > 0);
}

export function pairingReport(
  pairing: Pairing,
  matches: readonly MatchSummary[],
  params: ScenarioParams,
): PairingReport {
  const n = matches.length;
  const usWins = matches.filter((m) => m.usWon).length;
  const threshold = params.victory.leadMonths;
  const turns = params.time.turns;
  const margins = matches.map((m) => m.lead - threshold);
  const decided = matches.map((m) => m.decidedTurn);
  const counts = new Array<number>(turns).fill(0);
  for (const d of decided) counts[Math.min(turns - 1, Math.max(0, d))]! += 1;
  const rows = matches[0]?.leadByTurn.length ?? 0;
  const leadByTurn = Array.from({ length: rows }, (_, k) => ({
    turn: k - 1,
    label: turnLabel(params, k - 1),
    ...q(matches.map((m) => m.leadByTurn[k]!)),
  }));
  const [, dMedian] = quantiles(decided, [0, 0.5]);
  return {
    us: pairing.us,
    china: pairing.china,
    matches: n,
    usWins,
    usWinRate: usWins / Math.max(1, n),
    usInterval: wilson(usWins, n),
    chinaWinRate: (n - usWins) / Math.max(1, n),
    chinaInterval: wilson(n - usWins, n),
    lead: q(matches.map((m) => m.lead)),
    usMargin: { quantiles: q(margins), histogram: histogram(margins, 0.5) },
    decidedTurn: { mean: mean(decided), median: dMedian!, counts },
    leadByTurn,
    levers: { us: leverUse("us", matches), china: leverUse("china", matches) },
    refused: matches.reduce((a, m) => a + m.refused, 0),
    finalTurn: finalTurn(matches),
  };
}

function ref(p: PairingReport): PairingRef {
  return { us: p.us, china: p.china, usWinRate: p.usWinRate, usInterval: p.usInterval };
}

function withinBand(p: PairingReport): boolean {
  return p.usInterval.low >= BAND[0] && p.usInterval.high <= BAND[1];
}

export function balanceChecks(
  pairings: readonly PairingReport[],
  ratings: RunReport["ratings"],
  leverEffects: readonly LeverEffect[] | null = null,
): BalanceChecks {
  const find = (us: string, china: string) => pairings.find((p) => p.us === us && p.china === china);
  const ss = find("search", "search");
  const best = (side: Side) =>
    ratings.filter((r) => r.side === side && PERSONAS.has(r.bot)).sort((a, b) => b.elo - a.elo)[0]?.bot;
  const bestUs = best("us");
  const bestChina = best("china");
  const bp = bestUs && bestChina ? find(bestUs, bestChina) : undefined;
  const personaPairings = pairings.filter((p) => PERSONAS.has(p.us) && PERSONAS.has(p.china));
  const dominant: string[] = [];
  for (const side of SIDES) {
    const mine = [...new Set(personaPairings.map((p) => p[side]))];
    for (const bot of mine) {
      const games = personaPairings.filter((p) => p[side] === bot);
      const rate = (p: PairingReport) => (side === "us" ? p.usWinRate : p.chinaWinRate);
      if (games.length > 0 && games.every((p) => rate(p) > 0.5)) dominant.push(`${side}:${bot}`);
    }
  }
  const searchVsPersonas = SIDES.map((side) => {
    const games = pairings.filter(
      (p) => p[side] === "search" && PERSONAS.has(p[side === "us" ? "china" : "us"]),
    );
    if (games.length === 0) return { side, worst: null, atLeast60: null };
    const rate = (p: PairingReport) => (side === "us" ? p.usWinRate : p.chinaWinRate);
    const worst = [...games].sort((a, b) => rate(a) - rate(b))[0]!;
    return { side, worst: ref(worst), atLeast60: rate(worst) >= 0.6 };
  });
  return {
    band: BAND,
    searchVsSearch: ss ? { ...ref(ss), withinBand: withinBand(ss) } : null,
    bestPersonaPairing: bp ? { ...ref(bp), withinBand: withinBand(bp) } : null,
    dominantPersonas: dominant,
    searchVsPersonas,
    leverEffects: leverEffects ? leverChecks(leverEffects) : null,
  };
}

/** Everything the report says about one run (one scenario, or one value of a sweep). */
export function runReport(
  value: number | null,
  pairings: readonly Pairing[],
  results: readonly (readonly MatchSummary[])[],
  params: ScenarioParams,
  seed: number,
  leverEffects: LeverEffect[] | null = null,
): RunReport {
  const reports = pairings.map((p, i) => pairingReport(p, results[i] ?? [], params));
  const usBots = [...new Set(pairings.map((p) => p.us))];
  const chinaBots = [...new Set(pairings.map((p) => p.china))];
  const usWinRate = usBots.map((u) =>
    chinaBots.map((c) => reports.find((r) => r.us === u && r.china === c)?.usWinRate ?? null),
  );
  const records = reports.map((r) => ({
    a: `us:${r.us}`,
    b: `china:${r.china}`,
    wins: r.usWins,
    games: r.matches,
  }));
  const ratings = ratingsWithIntervals(records, 200, seed).map((r) => {
    const [side, ...rest] = r.player.split(":");
    return { ...r, side: side as Side, bot: rest.join(":") };
  });
  ratings.sort((a, b) => (a.side === b.side ? b.elo - a.elo : a.side === "us" ? -1 : 1));
  return {
    value,
    thresholdMonths: params.victory.leadMonths,
    pairings: reports,
    matrix: { us: usBots, china: chinaBots, usWinRate },
    ratings,
    leverEffects,
    checks: balanceChecks(reports, ratings, leverEffects),
  };
}

const CSV_HEAD = [
  "sweep_value",
  "threshold_months",
  "us",
  "china",
  "matches",
  "us_wins",
  "us_win_rate",
  "us_ci_low",
  "us_ci_high",
  "china_win_rate",
  "china_ci_low",
  "china_ci_high",
  "lead_mean",
  "lead_p10",
  "lead_median",
  "lead_p90",
  "decided_turn_median",
  "refused",
  "final_turn_spend_share_us",
  "final_turn_spend_share_china",
  "final_turn_abs_lead_change",
];

/** A number for the CSV files: six decimals, empty when there is none. */
function f(x: number | null): string {
  return x !== null && Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : "";
}

/** One CSV row per pairing and sweep value. */
export function toCsv(runs: readonly RunReport[]): string {
  const lines = [CSV_HEAD.join(",")];
  for (const run of runs)
    for (const p of run.pairings)
      lines.push(
        [
          run.value === null ? "" : f(run.value),
          f(run.thresholdMonths),
          p.us,
          p.china,
          p.matches,
          p.usWins,
          f(p.usWinRate),
          f(p.usInterval.low),
          f(p.usInterval.high),
          f(p.chinaWinRate),
          f(p.chinaInterval.low),
          f(p.chinaInterval.high),
          f(p.lead.mean),
          f(p.lead.p10),
          f(p.lead.median),
          f(p.lead.p90),
          f(p.decidedTurn.median),
          p.refused,
          f(p.finalTurn.spendShare.us),
          f(p.finalTurn.spendShare.china),
          f(p.finalTurn.meanAbsLeadChange),
        ].join(","),
      );
  return `${lines.join("\n")}\n`;
}

const LEVER_CSV_HEAD = [
  "sweep_value",
  "us",
  "china",
  "side",
  "bot",
  "lever",
  "status",
  "matches",
  "used_share",
  "effect_months",
  "ci_low",
  "ci_high",
  "sd",
  "flip_share",
  "us_win_rate_with",
  "us_win_rate_without",
  "refused_without",
];

/**
 * The lever-effects table as CSV (lever-effects.csv): one row per sweep value, pairing, side and lever; just
 * the header when lever effects were not measured.
 */
export function leverEffectsCsv(runs: readonly RunReport[]): string {
  const lines = [LEVER_CSV_HEAD.join(",")];
  for (const run of runs)
    for (const r of run.leverEffects ?? [])
      lines.push(
        [
          run.value === null ? "" : f(run.value),
          r.us,
          r.china,
          r.side,
          r.bot,
          r.lever,
          r.status,
          r.matches,
          f(r.usedShare),
          f(r.effectMonths),
          f(r.interval?.low ?? null),
          f(r.interval?.high ?? null),
          f(r.sd),
          f(r.flipShare),
          f(r.usWinRateWith),
          f(r.usWinRateWithout),
          r.refusedWithout,
        ].join(","),
      );
  return `${lines.join("\n")}\n`;
}
