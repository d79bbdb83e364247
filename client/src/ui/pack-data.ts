/**
 * What the debrief pack and the class summary show of a room, worked out from what the console may read: a
 * finished match's export (its whole log, open once the match is over), or, for a room still playing, the
 * public part of the facilitator's view (the lead, tension and export controls over the years, and the public
 * events; nothing of either side's hidden state). Pure functions, so that the pack's facts can be tested
 * without a browser.
 */
import deck from "../../../shared/scenarios/events.json";
import type { MatchExportResponse } from "../../../shared/api.ts";
import type {
  DeepReadonly,
  FacilitatorView,
  GameEvent,
  Order,
  OrderType,
  PublicTurnRecord,
  Side,
  TurnRecord,
} from "../../../shared/rules/index.ts";

/** The parts of GET /api/matches/:code/export.json (shared/api.ts MatchExportResponse) that the pack reads. */
export type MatchExport = Pick<
  MatchExportResponse,
  "code" | "scenario" | "seed" | "outcome" | "history" | "events"
> & {
  actions: LoggedAction[];
};

/**
 * The parts of a line of a match's log (shared/api.ts ExportedAction) that the pack reads: the lines that
 * only pace the room (deadline, pause, resume) or keep a draft are there but say nothing about decisions.
 */
export type LoggedAction =
  | { kind: "submit"; side: Side; orders: Order[] }
  | { kind: "withdraw"; side: Side }
  | { kind: "inject"; eventId: string; turn: number }
  | { kind: "resolve"; turn: number }
  | { kind: "end" }
  | { kind: "start" }
  | { kind: "deadline" | "draft" | "pause" | "resume" };

/** What anyone may see of a room that is still playing. */
export interface PublicRoom {
  scenario: string;
  turn: number;
  turns: number;
  label: string;
  victoryLeadMonths: number;
  judgedTurns: number;
  history: PublicTurnRecord[];
  events: GameEvent[];
}

/** A room of the pack: finished (its export), still playing (its public part), or not reachable. */
export type PackRoom =
  | { code: string; kind: "finished"; match: MatchExport }
  | { code: string; kind: "playing"; room: PublicRoom }
  | { code: string; kind: "unknown"; problem?: string };

/**
 * The public part of a facilitator's view: the fields every spectator sees, with the events cut to the public
 * ones. The facilitator sees both sides' states, drafts and intelligence; none of those is copied.
 */
export function publicPart(view: DeepReadonly<FacilitatorView>): PublicRoom {
  return {
    scenario: view.scenario.id,
    turn: view.turn,
    turns: view.scenario.turns,
    label: view.label,
    victoryLeadMonths: view.scenario.victoryLeadMonths,
    judgedTurns: view.scenario.judgedTurns,
    history: view.history.map((r) => ({
      turn: r.turn,
      label: r.label,
      tension: r.tension,
      exportControlLevel: r.exportControlLevel,
      leadMonths: r.leadMonths,
      capability: { us: r.capability.us, china: r.capability.china },
    })),
    events: view.events.filter((e) => e.audience === "public").map((e) => ({ ...e }) as GameEvent),
  };
}

/** One resolved turn's decisions: what each side had confirmed when it resolved, and the facilitator's events. */
export interface TurnDecisions {
  turn: number;
  label: string;
  orders: Record<Side, Order[]>;
  /** Event cards the facilitator added for this turn. */
  injected: string[];
}

/**
 * Each side's decisions by turn, read from the log: the orders a side had confirmed (its last submission not
 * taken back) when the turn resolved. A side that confirmed nothing shows no orders.
 */
export function decisionsByTurn(
  actions: readonly LoggedAction[],
  history: readonly TurnRecord[],
): TurnDecisions[] {
  const labels = new Map(history.map((r) => [r.turn, r.label]));
  const out: TurnDecisions[] = [];
  let pending: Record<Side, Order[] | null> = { us: null, china: null };
  const injected = new Map<number, string[]>();
  for (const a of actions) {
    if (a.kind === "submit") pending[a.side] = a.orders;
    else if (a.kind === "withdraw") pending[a.side] = null;
    else if (a.kind === "inject") injected.set(a.turn, [...(injected.get(a.turn) ?? []), a.eventId]);
    else if (a.kind === "resolve") {
      out.push({
        turn: a.turn,
        label: labels.get(a.turn) ?? String(a.turn + 1),
        orders: { us: pending.us ?? [], china: pending.china ?? [] },
        injected: injected.get(a.turn) ?? [],
      });
      pending = { us: null, china: null };
    }
  }
  return out;
}

/** A turn where the lead moved: the change in months over that turn. */
export interface TurningPoint {
  turn: number;
  label: string;
  delta: number;
}

/** The `count` turns where the lead moved most (either way), in the order they happened. */
export function turningPoints(
  history: readonly { turn: number; label: string; leadMonths: number }[],
  count = 3,
): TurningPoint[] {
  const moves = history.slice(1).map((r, i) => ({
    turn: r.turn,
    label: r.label,
    delta: r.leadMonths - (history[i]?.leadMonths ?? r.leadMonths),
  }));
  return moves
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, count)
    .sort((a, b) => a.turn - b.turn);
}

export const SPENDING_CATEGORIES = [
  "controls",
  "chips",
  "abroad",
  "power",
  "research",
  "intelligence",
] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];

/** Which category each lever's spending counts under in the class summary (every lever has one). */
export const LEVER_CATEGORY = {
  setExportControls: "controls",
  pressureHost: "controls",
  pressureToolAllies: "controls",
  fundEnforcement: "controls",
  buyChips: "chips",
  smuggleChips: "chips",
  fundChipResearch: "chips",
  expandFabs: "chips",
  expandHbm: "chips",
  leaseCompute: "abroad",
  courtHost: "abroad",
  subsidiseAllies: "abroad",
  buildDataCenters: "power",
  buildPower: "power",
  permittingReform: "power",
  setPowerSubsidy: "power",
  fundAlgorithms: "research",
  publishOpenModels: "research",
  fundIntelligence: "intelligence",
} as const satisfies Record<OrderType, SpendingCategory>;

/** A side's spending ($B) summed by category, from its spending by lever. */
export function spendingByCategory(
  spentByLever: Readonly<Partial<Record<OrderType, number>>>,
): Record<SpendingCategory, number> {
  const out = Object.fromEntries(SPENDING_CATEGORIES.map((c) => [c, 0])) as Record<SpendingCategory, number>;
  for (const [lever, amount] of Object.entries(spentByLever))
    out[LEVER_CATEGORY[lever as OrderType]] += amount ?? 0;
  return out;
}

/** A finished match's spending by lever for a side: the last history row's running totals. */
export function finalSpending(match: MatchExport, side: Side): Partial<Record<OrderType, number>> {
  return match.history.at(-1)?.sides[side].spentByLever ?? {};
}

export interface CardSource {
  id: string;
  title: { en: string; de: string };
  echo: string;
  source: string;
}

const CARDS = (deck as { cards: CardSource[] }).cards;

/** The event cards that were drawn or injected in a match, once each, with the real events they echo. */
export function cardsDrawn(events: readonly DeepReadonly<GameEvent>[]): CardSource[] {
  const ids = new Set(events.filter((e) => e.key.startsWith("event.")).map((e) => e.key.slice(6)));
  return CARDS.filter((c) => ids.has(c.id));
}

/** The event card with this id, for the title of an injected event. */
export function cardById(id: string): CardSource | undefined {
  return CARDS.find((c) => c.id === id);
}

/** The rooms' history of leads, for one chart: the longest history's labels, each room's leads along them. */
export function leadSeries(rooms: readonly PackRoom[]): {
  labels: string[];
  series: { code: string; leads: (number | null)[] }[];
} {
  const histories = rooms.map((r) => ({ code: r.code, rows: historyOf(r) }));
  const longest = histories.reduce<readonly { label: string }[]>(
    (best, h) => (h.rows.length > best.length ? h.rows : best),
    [],
  );
  const labels = longest.map((r) => r.label);
  return {
    labels,
    series: histories
      .filter((h) => h.rows.length > 0)
      .map((h) => ({ code: h.code, leads: labels.map((_, i) => h.rows[i]?.leadMonths ?? null) })),
  };
}

/** The public history of a room (the same for a finished and a running match), empty when unknown. */
export function historyOf(room: PackRoom): readonly { turn: number; label: string; leadMonths: number }[] {
  if (room.kind === "finished") return room.match.history;
  if (room.kind === "playing") return room.room.history;
  return [];
}

/** Whether every finished room was played with one seed (the same event deck and the same luck). */
export function sameSeed(rooms: readonly PackRoom[]): boolean | null {
  const seeds = new Set(rooms.flatMap((r) => (r.kind === "finished" ? [r.match.seed] : [])));
  return seeds.size === 0 ? null : seeds.size === 1;
}
