/**
 * The turn report: why the lead moved over one resolved turn, for one viewer. It is computed from two
 * consecutive views of the same viewer (before and after the turn), so it can hold nothing that viewer may not
 * see: a side's own growth is split exactly from its own records, the rival's growth is its public capability
 * with this side's intelligence estimate of its compute beside it, and a spectator sees only the public totals.
 *
 * How the lead change is split (all figures in months of the US lead; positive favours the US):
 * - the lead is read off the US's own past ("China is where the US was N months ago", model.ts), so a turn
 *   passing with both sides standing still moves it by itself: that is `turnPassed`;
 * - each side's growth in capability (orders of magnitude of its best training run) is worth some months; the
 *   two sides' shares are the mean over both orders of adding them (a Shapley split of two players), so they
 *   do not depend on which side is counted first;
 * - a side whose records this viewer sees splits its growth further, in proportion to the log-change of its
 *   effective compute: chips added, chips retired, powered share, event power cuts, leases abroad, the
 *   field's algorithmic progress, its own algorithm research, other algorithm shocks (events, open models),
 *   and the best-run rule (a weaker turn does not lower capability).
 *   While one side leads, its own growth moves today's lead by nothing (see `Contribution.trendMonths`).
 * The contributions therefore sum to the lead change up to floating-point rounding.
 */
import { leadFromHistory, monthsPerOrderOfMagnitude } from "./model.ts";
import type { ScenarioParams } from "./scenario.ts";
import type { DeepReadonly, View } from "./view.ts";
import type { Estimate, GameEvent, Modifier, Side, SideRecord } from "./types.ts";
import { HOSTS, SIDES } from "./types.ts";

/** What a part of the lead change is. */
export type ContributionKey =
  | "turnPassed"
  | "added"
  | "retired"
  | "powered"
  | "eventPower"
  | "leases"
  | "algoField"
  | "algoResearch"
  | "algoOther"
  | "bestRun"
  | "other"
  /** A side's growth seen only as a public total (the rival of a side, both sides for a spectator). */
  | "growth";

/** This viewer's estimate of the rival's compute (H100e at home plus leased) before and after the turn. */
export interface RivalEstimate {
  before: Estimate;
  after: Estimate;
}

export interface Contribution {
  key: ContributionKey;
  /** Whose growth this is (null for the turn passing). */
  side: Side | null;
  /** Months of US lead this part made (positive favours the US). */
  months: number;
  /** The change behind it, in orders of magnitude of the side's effective compute (0 for the turn passing). */
  oom: number;
  /**
   * The same change in months at the pre-game pace of progress (positive favours the US). The leading side's
   * growth moves today's lead by nothing (the lead reads the trailing side against the leader's past), but
   * it is banked: it raises the bar the trailing side must pass; this figure says how much.
   */
  trendMonths: number;
  /** The figures a client puts into the sentence (H100e, shares, $B). */
  params: Record<string, number>;
  /** Only on a rival's `growth`: the viewer's estimate of its compute, with its 95% band. */
  estimate?: RivalEstimate;
}

/** A sentence for the client: an i18n key under `report.` and its values. */
export interface ReportItem {
  key: string;
  params: Record<string, number | string>;
}

export interface TurnReport {
  viewer: View["viewer"];
  /** The resolved turn and its label (like "2026 H1"). */
  turn: number;
  label: string;
  leadBefore: number;
  leadAfter: number;
  leadChange: number;
  contributions: Contribution[];
  /** The two or three parts, decisions or events that mattered most, largest first. */
  top: ReportItem[];
  /** The turn's events this viewer may see. */
  events: DeepReadonly<GameEvent>[];
  /** What changed in the export controls, the hosts, tension and the other public settings. */
  changes: ReportItem[];
}

/** The scenario figures a report needs (all public: they are in the scenario file). */
export type ReportParams = {
  world: Pick<ScenarioParams["world"], "leadGrowthPerYear" | "algoGrowthPerYear">;
  levers: Pick<ScenarioParams["levers"], "algoMaxBoost" | "algoRef">;
};

type V = DeepReadonly<View>;
type Row = DeepReadonly<SideRecord>;

/** A side's records as this viewer sees them: its history rows, or null when only public totals are known. */
function sideRows(view: V, side: Side): readonly Row[] | null {
  if (view.viewer === "facilitator") return view.fullHistory.map((r) => r.sides[side]);
  if (view.viewer === side) return view.ownHistory;
  return null;
}

function log10Ratio(after: number, before: number): number {
  return after > 0 && before > 0 ? Math.log10(after / before) : 0;
}

function homeOf(row: Row): number {
  return row.fleetByType.frontier + row.fleetByType.exportGrade + row.fleetByType.domestic;
}

function powerFactor(modifiers: readonly DeepReadonly<Modifier>[], side: Side): number {
  let f = 1;
  for (const m of modifiers) if (m.target === `${side}.power`) f *= m.factor;
  return f;
}

/** The share of a fleet that had power, as the rules compute it, with a power modifier of `factor`. */
function poweredShare(row: Row, factor: number): number {
  if (row.demandGW <= 0) return 1;
  return Math.min(1, Math.min(row.dataCenterGW, row.powerGW * factor) / row.demandGW);
}

/**
 * Splits the log-change of a side's effective compute over one turn into its causes, in orders of magnitude.
 * The parts sum to the capability change (`bestRun` and `other` take what the named parts do not explain).
 */
function splitGrowth(
  prev: Row,
  next: Row,
  modsBefore: readonly DeepReadonly<Modifier>[],
  modsAfter: readonly DeepReadonly<Modifier>[],
  side: Side,
  p: ReportParams,
): Contribution[] {
  const fPrev = powerFactor(modsBefore, side);
  const fNext = powerFactor(modsAfter, side);
  const pwPrev = poweredShare(prev, fPrev);
  const pwPrevPlain = poweredShare(prev, 1);
  const pwNext = poweredShare(next, fNext);
  const pwNextPlain = poweredShare(next, 1);
  // Chips counted in the previous run, what was left after retirement, and what ran this turn.
  const homePrev = prev.homeH100e;
  const kept = homeOf(prev);
  const homeNext = next.homeH100e;
  const u0 = homePrev * pwPrev + prev.leasedH100e;
  const u1 = kept * pwPrev + prev.leasedH100e;
  const u2 = homeNext * pwPrev + prev.leasedH100e;
  const u2plain = homeNext * pwPrevPlain + prev.leasedH100e;
  const u3 = homeNext * pwNextPlain + prev.leasedH100e;
  const u4 = homeNext * pwNext + prev.leasedH100e;
  const u5 = homeNext * pwNext + next.leasedH100e;
  const researchSpent = next.spentByLever.fundAlgorithms - prev.spentByLever.fundAlgorithms;
  const field = Math.log10(Math.sqrt(p.world.algoGrowthPerYear));
  const boost = 1 + p.levers.algoMaxBoost * (1 - Math.exp(-Math.max(0, researchSpent) / p.levers.algoRef));
  const research = Math.log10(boost);
  const algo = log10Ratio(next.algoEfficiency, prev.algoEfficiency);
  const parts: [ContributionKey, number, Record<string, number>][] = [
    ["retired", log10Ratio(u1, u0), { h100e: kept - homePrev }],
    ["added", log10Ratio(u2, u1), { h100e: homeNext - kept }],
    ["powered", log10Ratio(u3, u2plain), { before: pwPrevPlain, after: pwNextPlain }],
    [
      "eventPower",
      log10Ratio(u2plain, u2) + log10Ratio(u4, u3),
      { before: pwPrev / Math.max(1e-12, pwPrevPlain), after: pwNext / Math.max(1e-12, pwNextPlain) },
    ],
    ["leases", log10Ratio(u5, u4), { h100e: next.leasedH100e - prev.leasedH100e }],
    ["algoField", field, { factor: Math.sqrt(p.world.algoGrowthPerYear) }],
    ["algoResearch", research, { spent: Math.max(0, researchSpent), factor: boost }],
    ["algoOther", algo - field - research, { factor: Math.pow(10, algo - field - research) }],
  ];
  const flopChange = log10Ratio(next.effectiveFlop, prev.effectiveFlop);
  let named = 0;
  for (const [, oom] of parts) named += oom;
  const capabilityChange = next.capability - prev.capability;
  parts.push(["other", flopChange - named, {}]);
  parts.push(["bestRun", capabilityChange - flopChange, {}]);
  return parts.map(([key, oom, params]) => ({ key, side, months: 0, oom, trendMonths: 0, params }));
}

/** Sums the viewer's estimates of the rival's compute: at home plus leased abroad (bands added end to end). */
function rivalCompute(view: V): Estimate | null {
  if (view.viewer !== "us" && view.viewer !== "china") return null;
  const home = view.intel.homeH100e;
  if (!home) return null;
  const leased = view.intel.leasedH100e;
  if (!leased) return { ...home };
  return {
    estimate: home.estimate + leased.estimate,
    low: home.low + leased.low,
    high: home.high + leased.high,
    exact: home.exact && leased.exact,
  };
}

function changesBetween(before: V, after: V): ReportItem[] {
  const out: ReportItem[] = [];
  if (before.exportControlLevel !== after.exportControlLevel)
    out.push({
      key: "change.controls",
      params: { from: before.exportControlLevel, to: after.exportControlLevel },
    });
  if (Math.abs(after.tension - before.tension) >= 0.5)
    out.push({ key: "change.tension", params: { from: before.tension, to: after.tension } });
  if (before.mineralBan !== after.mineralBan)
    out.push({ key: after.mineralBan ? "change.mineralBanOn" : "change.mineralBanOff", params: {} });
  if (before.remoteAccessBillTurns === 0 && after.remoteAccessBillTurns > 0)
    out.push({ key: "change.billIntroduced", params: { turns: after.remoteAccessBillTurns } });
  if (Math.abs(after.subsidyRate - before.subsidyRate) > 1e-9)
    out.push({ key: "change.subsidy", params: { from: before.subsidyRate, to: after.subsidyRate } });
  if (Math.abs(after.permitReform - before.permitReform) > 1e-9)
    out.push({ key: "change.permitReform", params: { from: before.permitReform, to: after.permitReform } });
  for (const host of HOSTS) {
    const a = before.hosts[host];
    const b = after.hosts[host];
    if (a.appliesRemoteAccessRule !== b.appliesRemoteAccessRule)
      out.push({
        key: b.appliesRemoteAccessRule ? "change.hostRuleOn" : "change.hostRuleOff",
        params: { host },
      });
    if (Math.abs(b.openness - a.openness) >= 0.02)
      out.push({ key: "change.hostOpenness", params: { host, from: a.openness, to: b.openness } });
    if (Math.abs(b.strictness - a.strictness) >= 0.02)
      out.push({ key: "change.hostStrictness", params: { host, from: a.strictness, to: b.strictness } });
    if (Math.abs(b.capacityGW - a.capacityGW) >= 0.1)
      out.push({ key: "change.hostCapacity", params: { host, from: a.capacityGW, to: b.capacityGW } });
  }
  return out;
}

/** The events of one turn that a view holds, card events first. */
function turnEvents(after: V, turn: number): DeepReadonly<GameEvent>[] {
  return after.events.filter((e) => e.turn === turn);
}

const MIN_TOP_MONTHS = 0.05;

/**
 * The report of the turn resolved between `before` and `after`, two views of one viewer (after.turn must be
 * before.turn + 1). Guarantee: it reads nothing but those two views and the public scenario figures, so it
 * tells a viewer nothing its views do not; its contributions sum to `leadChange` up to rounding.
 */
export function turnReport(before: V, after: V, p: ReportParams): TurnReport {
  if (before.viewer !== after.viewer) throw new Error("a turn report needs two views of the same viewer");
  if (after.history.length !== before.history.length + 1)
    throw new Error("a turn report needs the views just before and just after one resolved turn");
  const growth = p.world.leadGrowthPerYear;
  const usPast = before.history.map((r) => r.capability.us);
  const chinaPast = before.history.map((r) => r.capability.china);
  const row = after.history[after.history.length - 1]!;
  const cu0 = usPast[usPast.length - 1] ?? 0;
  const cc0 = chinaPast[chinaPast.length - 1] ?? 0;
  const lead = (cu: number, cc: number) => leadFromHistory([...usPast, cu], [...chinaPast, cc], growth);
  const leadBefore = before.history[before.history.length - 1]?.leadMonths ?? 0;
  const leadAfter = row.leadMonths;
  const still = lead(cu0, cc0);
  const bothUs = lead(row.capability.us, cc0);
  const bothChina = lead(cu0, row.capability.china);
  const sideMonths: Record<Side, number> = {
    us: (bothUs - still + (leadAfter - bothChina)) / 2,
    china: (bothChina - still + (leadAfter - bothUs)) / 2,
  };

  const contributions: Contribution[] = [
    { key: "turnPassed", side: null, months: still - leadBefore, oom: 0, trendMonths: 0, params: {} },
  ];
  for (const side of SIDES) {
    const capChange = row.capability[side] - (side === "us" ? cu0 : cc0);
    const rowsBefore = sideRows(before, side);
    const rowsAfter = sideRows(after, side);
    const prev = rowsBefore?.[rowsBefore.length - 1];
    const next = rowsAfter?.[rowsAfter.length - 1];
    if (!prev || !next) {
      const contribution: Contribution = {
        key: "growth",
        side,
        months: sideMonths[side],
        oom: capChange,
        trendMonths: 0,
        params: {},
      };
      const b = rivalCompute(before);
      const a = rivalCompute(after);
      if (b && a) contribution.estimate = { before: b, after: a };
      contributions.push(contribution);
      continue;
    }
    const parts = splitGrowth(prev, next, before.modifiers, after.modifiers, side, p);
    for (const part of parts) {
      // Each part gets the side's months in proportion to its share of the capability change.
      part.months = Math.abs(capChange) > 1e-12 ? (sideMonths[side] * part.oom) / capChange : 0;
      contributions.push(part);
    }
    // With no capability change the side's months are zero; the parts still say what happened underneath.
  }

  const perOom = monthsPerOrderOfMagnitude(growth);
  for (const c of contributions)
    c.trendMonths = c.side === null ? 0 : (c.side === "us" ? 1 : -1) * c.oom * perOom;

  const events = turnEvents(after, before.turn);
  return {
    viewer: after.viewer,
    turn: before.turn,
    label: before.label,
    leadBefore,
    leadAfter,
    leadChange: leadAfter - leadBefore,
    contributions,
    top: topItems(contributions, events, after.viewer),
    events,
    changes: changesBetween(before, after),
  };
}

/** How much a part mattered: its months now, or what its growth is worth at the trend pace if more. */
function weight(c: Contribution): number {
  return Math.max(Math.abs(c.months), Math.abs(c.trendMonths));
}

/** The parts and events that mattered most: the largest parts by size, then the turn's card events. */
function topItems(
  parts: Contribution[],
  events: DeepReadonly<GameEvent>[],
  viewer: View["viewer"],
): ReportItem[] {
  const ranked = parts
    .filter((c) => c.key !== "turnPassed" && c.key !== "bestRun" && c.key !== "other")
    .filter((c) => weight(c) >= MIN_TOP_MONTHS)
    .sort((a, b) => weight(b) - weight(a))
    .slice(0, 3);
  const items: ReportItem[] = ranked.map((c) => ({
    key: `top.${c.key}`,
    params: {
      ...c.params,
      side: c.side ?? "",
      own: c.side !== null && c.side === viewer ? 1 : 0,
      months: c.months,
      trendMonths: c.trendMonths,
      favours: (c.months !== 0 ? c.months : c.trendMonths) >= 0 ? "us" : "china",
    },
  }));
  // A card that fired (an event with a source) is worth naming even when its months are spread over parts.
  for (const e of events) {
    if (items.length >= 3) break;
    if (e.source && !items.some((i) => i.key === "top.event" && i.params.event === e.key))
      items.push({ key: "top.event", params: { event: e.key } });
  }
  return items;
}
