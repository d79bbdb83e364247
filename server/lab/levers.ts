/**
 * Lever effects: what a persona's lever is worth, measured by taking it away. The same seeds are played again
 * with one side's orders of one type removed, and each match is compared with its twin (match i uses seed
 * SEED + i in both), so the luck cancels and only the lever's effect is left. The lead and the winner are read
 * from the match summaries, which take them from the rules' `outcome`: when the rules change how the lead is
 * judged, this table follows without a change here.
 *
 * Kept free of Node built-ins: the worker bundle imports `withoutLever` from here.
 */
import type { Bot } from "../../shared/bots/index.ts";
import type { OrderType, Side } from "../../shared/rules/index.ts";
import { ORDER_TYPES } from "../../shared/rules/index.ts";
import type { Interval } from "./stats.ts";
import { normalInterval } from "./stats.ts";
import type { MatchSummary } from "./summary.ts";

/** One side's lever taken away from its bot. */
export interface LeverRemoval {
  side: Side;
  lever: OrderType;
}

/**
 * The bot with every order of type `lever` dropped from its decisions, and nothing else changed: the bot sees
 * the same input and draws from the same generator, which goes on as the bot advanced it, so that its other
 * choices differ only where the missing lever changed the match. A bound bot stays wrapped when rebound.
 */
export function withoutLever(bot: Bot, lever: OrderType): Bot {
  const wrapped: Bot = {
    id: `${bot.id} without ${lever}`,
    decide(input, rng) {
      const decided = bot.decide(input, rng);
      return { orders: decided.orders.filter((order) => order.type !== lever), rng: decided.rng };
    },
  };
  if (bot.sides) wrapped.sides = bot.sides;
  if (bot.description) wrapped.description = `${bot.description} (without ${lever})`;
  const rebind = bot.bind;
  if (rebind) wrapped.bind = (scenario) => withoutLever(rebind.call(bot, scenario), lever);
  return wrapped;
}

/** Whether a side ordered a lever in a match. */
export function ordered(match: MatchSummary, side: Side, lever: OrderType): boolean {
  return match.ordered[side][ORDER_TYPES.indexOf(lever)]! > 0;
}

/** One row of the lever-effects table: one pairing, one side's lever. */
export interface LeverEffect {
  us: string;
  china: string;
  /** Whose lever: the side, and its bot. */
  side: Side;
  bot: string;
  lever: OrderType;
  /**
   * "measured", or "not used" when the bot never ordered the lever in the pairing's matches: removing it could
   * change nothing, so those matches are not played again.
   */
  status: "measured" | "not used";
  /** Paired matches compared (0 when not used). */
  matches: number;
  /** Share of the compared matches in which the side ordered the lever. */
  usedShare: number;
  /**
   * Mean over paired matches of the final US lead with the lever minus without it, in months: positive when the
   * lever helps the US's lead (so a China lever that works shows a negative number). Null when not used.
   */
  effectMonths: number | null;
  /** 95% normal interval of that mean from the paired differences (mean ± 1.96·sd/√n). */
  interval: Interval | null;
  /** Standard deviation of the paired differences. */
  sd: number | null;
  /** Share of matches whose winner changes when the lever is removed. */
  flipShare: number | null;
  /** The US win rate with the lever, and without it. */
  usWinRateWith: number | null;
  usWinRateWithout: number | null;
  /** Orders the rules refused in the matches without the lever (an order that needed the missing one). */
  refusedWithout: number;
}

/**
 * The row for one side's lever in one pairing from the matches with the lever and, when it was measured, the
 * same seeds without it (null when the lever was never used). Throws when the two lists are not paired seed
 * by seed: that is a bug in the lab, not a result.
 */
export function leverEffect(
  pairing: { us: string; china: string },
  removal: LeverRemoval,
  withLever: readonly MatchSummary[],
  withoutIt: readonly MatchSummary[] | null,
): LeverEffect {
  const { side, lever } = removal;
  const base = {
    us: pairing.us,
    china: pairing.china,
    side,
    bot: pairing[side],
    lever,
    usedShare: withLever.filter((m) => ordered(m, side, lever)).length / Math.max(1, withLever.length),
  };
  if (withoutIt === null)
    return {
      ...base,
      status: "not used",
      matches: 0,
      effectMonths: null,
      interval: null,
      sd: null,
      flipShare: null,
      usWinRateWith: null,
      usWinRateWithout: null,
      refusedWithout: 0,
    };
  if (withoutIt.length !== withLever.length || withoutIt.some((m, i) => m.seed !== withLever[i]!.seed))
    throw new Error(`lever effects: the matches without ${lever} are not paired with the baseline by seed`);
  const n = withLever.length;
  const differences = withLever.map((m, i) => m.lead - withoutIt[i]!.lead);
  const { mean, low, high, sd } = normalInterval(differences);
  const flips = withLever.filter((m, i) => m.usWon !== withoutIt[i]!.usWon).length;
  const usWins = (list: readonly MatchSummary[]) => list.filter((m) => m.usWon).length / Math.max(1, n);
  return {
    ...base,
    status: "measured",
    matches: n,
    effectMonths: mean,
    interval: { low, high },
    sd,
    flipShare: flips / Math.max(1, n),
    usWinRateWith: usWins(withLever),
    usWinRateWithout: usWins(withoutIt),
    refusedWithout: withoutIt.reduce((a, m) => a + m.refused, 0),
  };
}

/** The smallest |mean effect| in months that counts as a lever moving the final lead. */
export const MIN_EFFECT_MONTHS = 0.3;
/** A lever whose removal flips more than this share of the matches of every pairing decides matches alone. */
export const MAX_FLIP_SHARE = 0.5;

/**
 * Whom each lever's text says it helps: "user" when it promises to strengthen the side that pulls it (every
 * lever's explanation in shared/rules/levers and its text in client/src/locales says so today), "rival" for
 * a lever whose text says it works for the other side. A new order type must be declared here.
 */
export const LEVER_HELPS: Readonly<Record<OrderType, "user" | "rival">> = {
  setExportControls: "user",
  pressureHost: "user",
  pressureToolAllies: "user",
  fundEnforcement: "user",
  buyChips: "user",
  smuggleChips: "user",
  leaseCompute: "user",
  fundChipResearch: "user",
  expandFabs: "user",
  expandHbm: "user",
  buildDataCenters: "user",
  buildPower: "user",
  permittingReform: "user",
  setPowerSubsidy: "user",
  fundAlgorithms: "user",
  publishOpenModels: "user",
  courtHost: "user",
  subsidiseAllies: "user",
  fundIntelligence: "user",
};

/**
 * A row's effect in months in the direction its lever's text promises: positive when the lever does what it
 * says (a US lever raises the US lead, a China lever lowers it), negative when it works the wrong way.
 */
export function promisedMonths(row: Pick<LeverEffect, "side" | "lever">, months: number): number {
  const helpsUs = (row.side === "us") === (LEVER_HELPS[row.lever] === "user");
  return helpsUs ? months : -months;
}

/** Balance checks on the lever-effects table, per side's lever (a lever both sides have is judged per side). */
export interface LeverChecks {
  minEffectMonths: number;
  maxFlipShare: number;
  /**
   * Every lever used by some persona moves the final lead by at least MIN_EFFECT_MONTHS in the direction its
   * text promises (LEVER_HELPS) in some pairing, with its interval excluding 0. Offending: the levers that
   * never do, with the largest effect they had in the promised direction (negative: always the wrong way).
   */
  everyLeverMoves: { pass: boolean; offending: { side: Side; lever: OrderType; largestMonths: number }[] };
  /**
   * No lever's removal flips more than MAX_FLIP_SHARE of the matches of every pairing it was measured in.
   * Offending: the levers that do, with the smallest flip share they had.
   */
  noLeverAlwaysFlips: {
    pass: boolean;
    offending: { side: Side; lever: OrderType; smallestFlipShare: number }[];
  };
}

/**
 * Whether a measured row shows the lever moving the final lead clearly the way its text says: big enough, and
 * its interval wholly on that side of 0.
 */
export function movesLead(row: LeverEffect): boolean {
  if (row.effectMonths === null || row.interval === null) return false;
  const low = Math.min(promisedMonths(row, row.interval.low), promisedMonths(row, row.interval.high));
  return promisedMonths(row, row.effectMonths) >= MIN_EFFECT_MONTHS && low > 0;
}

/** The two lever checks over a run's table; null when no lever was measured. */
export function leverChecks(rows: readonly LeverEffect[]): LeverChecks | null {
  const measured = rows.filter((r) => r.status === "measured");
  if (measured.length === 0) return null;
  const groups = new Map<string, LeverEffect[]>();
  for (const r of measured) {
    const key = `${r.side}:${r.lever}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const weak: LeverChecks["everyLeverMoves"]["offending"] = [];
  const decisive: LeverChecks["noLeverAlwaysFlips"]["offending"] = [];
  for (const list of groups.values()) {
    const { side, lever } = list[0]!;
    if (!list.some(movesLead))
      weak.push({
        side,
        lever,
        largestMonths: Math.max(...list.map((r) => promisedMonths(r, r.effectMonths ?? 0))),
      });
    if (list.every((r) => (r.flipShare ?? 0) > MAX_FLIP_SHARE))
      decisive.push({ side, lever, smallestFlipShare: Math.min(...list.map((r) => r.flipShare ?? 0)) });
  }
  return {
    minEffectMonths: MIN_EFFECT_MONTHS,
    maxFlipShare: MAX_FLIP_SHARE,
    everyLeverMoves: { pass: weak.length === 0, offending: weak },
    noLeverAlwaysFlips: { pass: decisive.length === 0, offending: decisive },
  };
}
