/**
 * The live forecast of a draft: what a side's draft does next turn and by the end of the match on its own side,
 * computed from that side's view only (its own state exactly, the rival through public facts and its
 * estimates). The rules themselves do the work: the view is turned into a stand-in match whose own side is
 * exact, the draft is resolved on it with the rival doing nothing and no event drawn, and the match is then
 * played on with the same draft each turn (what is still allowed of it) to the last turn.
 *
 * What the forecast cannot know, it does not pretend to: events, the rival's orders and the secret luck (project
 * delays, detections, diplomacy) are left out, and the projected lead carries a band from the rival's public
 * trend widened by how unsure this side's estimate of the rival's compute is.
 *
 * `leverGuide` gives each spending lever its effect curve (they all saturate: the first billions do most) and
 * a sensible range, so that an interface can stop at "most of the effect" instead of "all your cash".
 */
import { createMatch } from "./create.ts";
import { leadFromHistory, fleetDemandGW, fleetH100e, firmPowerGW, saturate } from "./model.ts";
import type { Order, OrderType } from "./orders.ts";
import { resolveTurn } from "./resolve.ts";
import type { Scenario } from "./scenario.ts";
import { keepValidOrders, submitOrders, type OrderError } from "./submit.ts";
import type {
  ChinaState,
  HostId,
  HostState,
  MatchState,
  Side,
  SideRecord,
  TurnRecord,
  UsState,
} from "./types.ts";
import { CHIP_TYPES, HOSTS } from "./types.ts";
import type { DeepReadonly, SideView } from "./view.ts";

type SV = DeepReadonly<SideView>;

/** A stand-in secret: the forecast draws no secret luck that matters to the numbers it reports. */
const STAND_IN_SECRET = "0".repeat(32);

function copy<T>(x: DeepReadonly<T> | T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The stock that gives a saturated level `level` at scale `ref` (the inverse of `saturate`). */
function stockFor(level: number, ref: number): number {
  return -ref * Math.log(1 - Math.min(0.999, Math.max(0, level)));
}

/**
 * A match the rules can resolve, built from one side's view: its own side exactly, the public world, and the
 * rival from the scenario's start with what the side knows of it put in (its public capability, the public
 * controls and supply, and its estimate of the rival's enforcement). Events are off.
 */
export function standInMatch(view: SV, scenario: Scenario): MatchState {
  const quiet: Scenario = {
    ...scenario,
    params: { ...scenario.params, world: { ...scenario.params.world, eventChancePerTurn: 0 } },
  };
  const base = createMatch(quiet, 0, STAND_IN_SECRET);
  const side = view.viewer;
  const rival: Side = side === "us" ? "china" : "us";
  const hosts = {} as Record<HostId, HostState>;
  for (const h of HOSTS) hosts[h] = copy<HostState>(view.hosts[h]);
  const state: MatchState = {
    ...base,
    turn: view.turn,
    phase: "orders",
    tension: view.tension,
    mineralBan: view.mineralBan,
    hosts,
    modifiers: copy<MatchState["modifiers"]>(view.modifiers),
    pending: { us: null, china: null },
  };
  if (side === "us") state.us = copy<UsState>(view.own as DeepReadonly<UsState>);
  else state.china = copy<ChinaState>(view.own as DeepReadonly<ChinaState>);
  const l = quiet.params.levers;
  if (rival === "us") {
    const us = state.us;
    us.exportControlLevel = view.exportControlLevel;
    us.permitReform = view.permitReform;
    us.toolPressure = stockFor(view.toolPressure, l.toolPressureRef);
    us.remoteAccessBillTurns = view.remoteAccessBillTurns;
    let supplyFactor = 1;
    for (const m of view.modifiers) if (m.target === "us.frontierSupply") supplyFactor *= m.factor;
    us.frontierSupply = view.frontierSupply / supplyFactor;
    const enforcement = view.intel.enforcement;
    if (enforcement) us.enforcementStock = stockFor(enforcement.estimate, l.enforcementRef);
  } else {
    state.china.subsidyRate = view.subsidyRate;
  }
  state[rival].capability = view.capability[rival];
  state[rival].bestRunFlop = Math.pow(10, view.capability[rival]);
  // The history the lead is read from: public capabilities, with the side's own rows where it has them.
  state.history = view.history.map((row, i): TurnRecord => {
    const own = copy<SideRecord>(view.ownHistory[i]!);
    const other: SideRecord = { ...own, capability: row.capability[rival] };
    const sides = side === "us" ? { us: own, china: other } : { us: other, china: own };
    return {
      turn: row.turn,
      label: row.label,
      tension: row.tension,
      exportControlLevel: row.exportControlLevel,
      leadMonths: row.leadMonths,
      sides,
    };
  });
  return state;
}

/** Power and halls a side's fleet needs once its arriving chips are in, against what it has and is building. */
export interface CapacityCheck {
  /** GW the fleet draws at the wall once the arriving chips are installed. */
  neededGW: number;
  /** Firm generation, GW, now and once the projects under way are done. */
  powerGW: number;
  powerGWBuilding: number;
  /** Data-centre halls, GW, now and once the projects under way are done. */
  hallsGW: number;
  hallsGWBuilding: number;
}

export interface TurnOutlook {
  /** H100e bought or made this turn: they join the fleet next turn. */
  computeAdded: number;
  /** H100e running next turn, at home and leased, before power limits. */
  fleetH100e: number;
  /** The share of the home fleet with power this turn. */
  poweredShare: number;
  capacity: CapacityCheck;
  /** Cash after the turn's orders, running costs and income, $B. */
  cashLeft: number;
  /** The side's capability after the turn (log10 of its best training run). */
  capability: number;
}

export interface LeadOutlook {
  /** The turn's label and the projected US lead in months with its band (positive: the US leads). */
  label: string;
  lead: number;
  low: number;
  high: number;
}

export type DraftForecast =
  | {
      ok: true;
      side: Side;
      /** After this turn's resolution. */
      next: TurnOutlook;
      /** At the last turn, keeping the same draft each turn where it is still allowed. */
      end: TurnOutlook;
      /** The projected lead turn by turn to the end, with this draft and with no orders at all. */
      lead: LeadOutlook[];
      leadIfIdle: LeadOutlook[];
    }
  | { ok: false; errors: OrderError[] };

function outlook(s: MatchState, side: Side, computeAdded: number): TurnOutlook {
  const mine = s[side];
  const p = s.scenario.params;
  const arriving = { frontier: { kw: 0 }, exportGrade: { kw: 0 }, domestic: { kw: 0 } };
  for (const t of CHIP_TYPES) arriving[t].kw = mine.fleet[t].kw + mine.arriving[t].kw;
  let powerBuilding = 0;
  let hallsBuilding = 0;
  for (const project of mine.projects) {
    if (project.kind === "power" && project.source)
      powerBuilding += project.amount * p.power.sources[project.source].firmFactor;
    if (project.kind === "dataCenter") hallsBuilding += project.amount;
  }
  const leased =
    side === "china" ? HOSTS.reduce((sum, h) => sum + s.china.leases[h] + s.china.leasesArriving[h], 0) : 0;
  const firm = firmPowerGW(s, side);
  return {
    computeAdded,
    fleetH100e: fleetH100e(mine.fleet) + fleetH100e(mine.arriving) + leased,
    poweredShare: mine.last.poweredFraction,
    capacity: {
      neededGW: fleetDemandGW(arriving, p.world.pue),
      powerGW: firm,
      powerGWBuilding: firm + powerBuilding,
      hallsGW: mine.dataCenterGW,
      hallsGWBuilding: mine.dataCenterGW + hallsBuilding,
    },
    cashLeft: mine.cash,
    capability: mine.capability,
  };
}

/** The rival's capability growth a turn from its public record, and how unsure the side is of its compute. */
function rivalTrend(view: SV, rival: Side, scenario: Scenario): { step: number; spread: number } {
  const caps = view.history.map((r) => r.capability[rival]);
  const recent = caps.slice(-4);
  const fieldStep = Math.log10(Math.sqrt(scenario.params.world.algoGrowthPerYear));
  const step =
    recent.length >= 2 ? (recent[recent.length - 1]! - recent[0]!) / (recent.length - 1) : fieldStep;
  const home = view.intel.homeH100e;
  const width = home && home.estimate > 0 ? (home.high - home.low) / (2 * home.estimate) : 1;
  // Half the relative width of the estimate's 95% band, kept within 5% and 50% of the trend: better
  // intelligence gives a narrower band, and no estimate makes the rival stop or double its pace.
  return { step: Math.max(0, step), spread: Math.min(0.5, Math.max(0.05, width / 2)) };
}

/** Plays the stand-in match to the end with `orders` each turn, returning the side's capability per turn. */
function playOn(start: MatchState, side: Side, orders: readonly Order[]): { states: MatchState[] } {
  const states: MatchState[] = [];
  let s = start;
  while (s.phase !== "ended") {
    const allowed = keepValidOrders(s, side, orders as Order[]);
    const submitted = submitOrders(s, side, allowed);
    s = resolveTurn(submitted.ok ? submitted.state : s).state;
    states.push(s);
  }
  return { states };
}

function leadPath(view: SV, side: Side, own: number[], scenario: Scenario, firstTurn: number): LeadOutlook[] {
  const rival: Side = side === "us" ? "china" : "us";
  const { step, spread } = rivalTrend(view, rival, scenario);
  const g = scenario.params.world.leadGrowthPerYear;
  const pastUs = view.history.map((r) => r.capability.us);
  const pastChina = view.history.map((r) => r.capability.china);
  const now = view.capability[rival];
  const out: LeadOutlook[] = [];
  const leads = (rate: number) => {
    const path: number[] = [];
    for (let k = 0; k < own.length; k++) {
      const ownSeries = own.slice(0, k + 1);
      const rivalSeries = own.slice(0, k + 1).map((_, i) => now + rate * (i + 1));
      const us = side === "us" ? [...pastUs, ...ownSeries] : [...pastUs, ...rivalSeries];
      const china = side === "us" ? [...pastChina, ...rivalSeries] : [...pastChina, ...ownSeries];
      path.push(leadFromHistory(us, china, g));
    }
    return path;
  };
  const mid = leads(step);
  const slow = leads(step * (1 - spread));
  const fast = leads(step * (1 + spread));
  for (let k = 0; k < own.length; k++) {
    const a = slow[k]!;
    const b = fast[k]!;
    out.push({
      label: labelOf(scenario, firstTurn + k),
      lead: mid[k]!,
      low: Math.min(a, b),
      high: Math.max(a, b),
    });
  }
  return out;
}

function labelOf(scenario: Scenario, turn: number): string {
  const t = scenario.params.time;
  const halves = t.startHalf - 1 + turn;
  return `${t.startYear + Math.floor(halves / 2)} H${(halves % 2) + 1}`;
}

/** H100e a turn's orders add: chips arriving next turn and, for China, leases starting next turn. */
function addedBy(after: MatchState, side: Side): number {
  const leases = side === "china" ? HOSTS.reduce((sum, h) => sum + after.china.leasesArriving[h], 0) : 0;
  return fleetH100e(after[side].arriving) + leases;
}

/**
 * What `orders` would do for the side whose view this is. Guarantee: reads only the view, the orders and the
 * public scenario, so it tells the side nothing its view does not; a draft the rules refuse gives their errors.
 * For the side's own numbers after one turn it equals the resolved turn when the rival does nothing, no event
 * fires and no secret luck touches the orders.
 */
export function forecastDraft(view: SV, orders: readonly Order[], scenario: Scenario): DraftForecast {
  const side = view.viewer;
  const start = standInMatch(view, scenario);
  const submitted = submitOrders(start, side, orders as Order[]);
  if (!submitted.ok) return { ok: false, errors: submitted.errors };
  const first = resolveTurn(submitted.state).state;
  const rest = playOn(first, side, orders);
  const idle = playOn(start, side, []);
  const all = [first, ...rest.states];
  const last = all[all.length - 1]!;
  return {
    ok: true,
    side,
    next: outlook(first, side, addedBy(first, side)),
    end: outlook(last, side, addedBy(last, side)),
    lead: leadPath(
      view,
      side,
      all.map((s) => s[side].capability),
      scenario,
      view.turn,
    ),
    leadIfIdle: leadPath(
      view,
      side,
      idle.states.map((s) => s[side].capability),
      scenario,
      view.turn,
    ),
  };
}

/** How a spending lever's effect grows with the amount, and where more stops paying. */
export interface LeverGuide {
  type: OrderType;
  /** What the effect is measured in, as an i18n key under `forecast.effect.` (the unit is in the text). */
  effect: string;
  /** The effect of spending `amount` $B this turn, on a grid from 0 to a little past the sensible range. */
  points: { amount: number; effect: number }[];
  /** The most the lever can give (as the amount grows without end). */
  fullEffect: number;
  /** Spending that gives half of what is left to gain, and spending that gives 95% of it ($B). */
  halfAt: number;
  sensibleMax: number;
  /** What the side can spend this turn ($B): the sensible range stops there too. */
  spendable: number;
}

interface Curve {
  effect: string;
  /** The accumulated stock now (after this turn's decay), its saturation scale and the effect at full. */
  stock: number;
  ref: number;
  full: number;
}

function curveOf(view: SV, type: OrderType, scenario: Scenario): Curve | null {
  const l = scenario.params.levers;
  const own = view.own;
  switch (type) {
    case "fundAlgorithms":
      return { effect: "algoBoost", stock: 0, ref: l.algoRef, full: l.algoMaxBoost };
    case "fundIntelligence":
      return { effect: "intelQuality", stock: own.intelStock * (1 - l.intelDecay), ref: l.intelRef, full: 1 };
    case "fundEnforcement":
      return view.viewer === "us"
        ? {
            effect: "enforcement",
            stock: view.own.enforcementStock * (1 - l.enforcementDecay),
            ref: l.enforcementRef,
            full: 1,
          }
        : null;
    case "pressureToolAllies":
      return view.viewer === "us"
        ? {
            effect: "toolPressure",
            stock: view.own.toolPressure * (1 - l.toolPressureDecay),
            ref: l.toolPressureRef,
            full: 1,
          }
        : null;
    case "fundChipResearch":
      return { effect: "designLevels", stock: 0, ref: l.chipResearchRef, full: l.chipResearchLevelsMax };
    case "courtHost":
      return { effect: "hostPull", stock: 0, ref: l.courtRef, full: 1 };
    case "pressureHost":
      return { effect: "hostPush", stock: 0, ref: l.pressureRef, full: 1 };
    default:
      return null;
  }
}

/**
 * The effect curve of a spending lever for this side now, or null for a lever without diminishing returns (chips,
 * building, leases are priced per unit). Guarantee: the effect never falls as the amount grows, and
 * `sensibleMax` never exceeds what the side can spend.
 */
export function leverGuide(view: SV, type: OrderType, scenario: Scenario): LeverGuide | null {
  const curve = curveOf(view, type, scenario);
  if (!curve) return null;
  const { stock, ref, full } = curve;
  const now = saturate(stock, ref);
  const gain = (amount: number) => full * (saturate(stock + amount, ref) - now);
  // Half and 95% of what is left to gain: saturate's remainder falls by e^(-amount/ref).
  const halfAt = ref * Math.LN2;
  const spendable = view.spendable;
  const sensibleMax = Math.min(spendable, ref * Math.log(20));
  const top = Math.max(sensibleMax, Math.min(spendable, ref * Math.log(20) * 1.5));
  const points: LeverGuide["points"] = [];
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    const amount = (top * i) / steps;
    points.push({ amount, effect: gain(amount) });
  }
  return {
    type,
    effect: curve.effect,
    points,
    fullEffect: full * (1 - now),
    halfAt,
    sensibleMax,
    spendable,
  };
}
