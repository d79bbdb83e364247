/**
 * What each viewer may see. A side sees its own state exactly and the other side only through public facts and
 * its intelligence estimates; spectators see the public facts; the facilitator sees everything. The server
 * sends a client nothing but its viewer's projection, so nothing hidden can leak through a state patch.
 */
import { intelReport } from "./intel.ts";
import { budget, toolPressureLevel, turnLabel } from "./model.ts";
import { currentLead } from "./outcome.ts";
import { chipSupply } from "./levers/buyChips.ts";
import type { Order } from "./orders.ts";
import type {
  ChinaState,
  ControlLevel,
  GameEvent,
  HostId,
  HostState,
  IntelReport,
  MatchState,
  Modifier,
  Side,
  SideRecord,
  TurnRecord,
  UsState,
  Viewer,
} from "./types.ts";
import { HOSTS } from "./types.ts";

export interface PublicTurnRecord {
  turn: number;
  label: string;
  tension: number;
  exportControlLevel: ControlLevel;
  leadMonths: number;
  capability: Record<Side, number>;
}

export interface PublicView {
  viewer: Viewer;
  scenario: {
    id: string;
    title: { en: string; de: string };
    summary: { en: string; de: string };
    turns: number;
    victoryLeadMonths: number;
    /** The outcome is the mean lead over this many final turns. */
    judgedTurns: number;
  };
  turn: number;
  label: string;
  phase: MatchState["phase"];
  tension: number;
  exportControlLevel: ControlLevel;
  subsidyRate: number;
  permitReform: number;
  /**
   * Frontier chips on offer this turn (H100e). Public: the supply follows from reported foundry output and
   * public events, and China's purchase limit is read from it.
   */
  frontierSupply: number;
  /**
   * US pressure on tool-making allies, 0..1. Public: allied export rules are announced, and China pays for it
   * in the price and lead time of every fab expansion.
   */
  toolPressure: number;
  /** Turns until the remote-access bill becomes law (0: none before Congress). Public: bills are debated openly. */
  remoteAccessBillTurns: number;
  /** Whether China's mineral export ban on the US is in force (public). */
  mineralBan: boolean;
  hosts: Record<HostId, HostState>;
  capability: Record<Side, number>;
  leadMonths: number;
  submitted: Record<Side, boolean>;
  modifiers: Modifier[];
  history: PublicTurnRecord[];
  /** Public events plus, for a side, its own. */
  events: GameEvent[];
}

export interface UsView extends PublicView {
  viewer: "us";
  own: UsState;
  ownHistory: SideRecord[];
  intel: IntelReport;
  pendingOrders: Order[] | null;
  runningCost: number;
  spendable: number;
}

export interface ChinaView extends PublicView {
  viewer: "china";
  own: ChinaState;
  ownHistory: SideRecord[];
  intel: IntelReport;
  pendingOrders: Order[] | null;
  runningCost: number;
  spendable: number;
}

export interface SpectatorView extends PublicView {
  viewer: "spectator";
}

export interface FacilitatorView extends PublicView {
  viewer: "facilitator";
  us: UsState;
  china: ChinaState;
  intel: Record<Side, IntelReport>;
  fullHistory: TurnRecord[];
  pending: Record<Side, Order[] | null>;
  injected: MatchState["injected"];
}

export type View = UsView | ChinaView | SpectatorView | FacilitatorView;
export type SideView = UsView | ChinaView;

function publicRecord(row: TurnRecord): PublicTurnRecord {
  return {
    turn: row.turn,
    label: row.label,
    tension: row.tension,
    exportControlLevel: row.exportControlLevel,
    leadMonths: row.leadMonths,
    capability: { us: row.sides.us.capability, china: row.sides.china.capability },
  };
}

/** What every viewer knows of the scenario: its name, length and victory threshold. */
export function scenarioInfo(state: MatchState): PublicView["scenario"] {
  const p = state.scenario.params;
  return {
    id: state.scenario.id,
    title: state.scenario.title,
    summary: state.scenario.summary,
    turns: p.time.turns,
    victoryLeadMonths: p.victory.leadMonths,
    judgedTurns: p.victory.judgedTurns,
  };
}

function publicView(state: MatchState, viewer: Viewer): PublicView {
  const p = state.scenario.params;
  const hosts = {} as Record<HostId, HostState>;
  for (const h of HOSTS) hosts[h] = state.hosts[h];
  const audienceOk = (e: GameEvent) =>
    viewer === "facilitator" || e.audience === "public" || e.audience === viewer;
  return {
    viewer,
    scenario: scenarioInfo(state),
    turn: state.turn,
    label: turnLabel(p, state.turn),
    phase: state.phase,
    tension: state.tension,
    exportControlLevel: state.us.exportControlLevel,
    subsidyRate: state.china.subsidyRate,
    permitReform: state.us.permitReform,
    frontierSupply: chipSupply(state, "china", "frontier"),
    toolPressure: toolPressureLevel(state),
    remoteAccessBillTurns: state.us.remoteAccessBillTurns,
    mineralBan: state.mineralBan,
    hosts,
    capability: { us: state.us.capability, china: state.china.capability },
    leadMonths: currentLead(state),
    submitted: { us: state.pending.us !== null, china: state.pending.china !== null },
    modifiers: state.modifiers,
    history: state.history.map(publicRecord),
    events: state.events.filter(audienceOk),
  };
}

/** A read-only type: views share structure with the state they come from, so nobody may write to them. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Exactly what `viewer` may see of the match. Guarantee: a side's view holds no hidden value of the other side,
 * only the public facts and its estimates. The view shares unchanged parts with the state (the rules never
 * mutate a state they are given), so it is typed read-only; serialise it to send it anywhere.
 */
export function viewFor(state: MatchState, viewer: Viewer): DeepReadonly<View> {
  // The viewer's own fields are added to the public part in place: spreading the public part into a new
  // literal was the hottest spot of a view (about three times slower than the whole view is now).
  const view = publicView(state, viewer);
  switch (viewer) {
    case "us":
    case "china": {
      const own: Omit<SideView, keyof PublicView> = {
        own: state[viewer],
        ownHistory: state.history.map((row) => row.sides[viewer]),
        intel: intelReport(state, viewer),
        pendingOrders: state.pending[viewer],
        ...budget(state, viewer),
      };
      return Object.assign(view, own) as DeepReadonly<SideView>;
    }
    case "spectator":
      return view as DeepReadonly<SpectatorView>;
    case "facilitator": {
      const all: Omit<FacilitatorView, keyof PublicView> = {
        us: state.us,
        china: state.china,
        intel: { us: intelReport(state, "us"), china: intelReport(state, "china") },
        fullHistory: state.history,
        pending: state.pending,
        injected: state.injected,
      };
      return Object.assign(view, all) as DeepReadonly<FacilitatorView>;
    }
  }
}
