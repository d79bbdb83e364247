/**
 * The match state and its parts. Everything here is plain data (JSON round-trips exactly), so that a state
 * can be hashed, stored, sent and restored. Units: money in billions of US dollars ($B), compute in
 * H100-equivalents (H100e), power in gigawatts (GW), energy in terawatt-hours (TWh).
 */
import type { Scenario } from "./scenario.ts";
import type { Order, OrderType } from "./orders.ts";

export const SIDES = ["us", "china"] as const;
export type Side = (typeof SIDES)[number];

export const VIEWERS = ["us", "china", "spectator", "facilitator"] as const;
export type Viewer = (typeof VIEWERS)[number];

export const HOSTS = ["japan", "australia", "singapore", "malaysia", "indonesia"] as const;
export type HostId = (typeof HOSTS)[number];

export const CHIP_TYPES = ["frontier", "exportGrade", "domestic"] as const;
export type ChipType = (typeof CHIP_TYPES)[number];

/** Where data-centre power comes from: the existing grid share at the start, and what can be built. */
export const POWER_SOURCES = ["grid", "solar", "wind", "gas", "nuclear"] as const;
export type PowerSource = (typeof POWER_SOURCES)[number];
export const BUILDABLE_SOURCES = ["solar", "wind", "gas", "nuclear"] as const;
export type BuildableSource = (typeof BUILDABLE_SOURCES)[number];

/** The US export-control dial, from loosest to tightest. */
export const CONTROL_LEVELS = ["open", "performanceCap", "fullBan", "banPlusRemoteAccess"] as const;
export type ControlLevel = (typeof CONTROL_LEVELS)[number];

/** A stock of chips of one type: how much compute, and how much power it draws at system level. */
export interface ChipStock {
  h100e: number;
  kw: number;
}

export type Fleet = Record<ChipType, ChipStock>;
export type PowerMix = Record<PowerSource, number>;

export type ProjectKind = "power" | "dataCenter" | "fab" | "hbm" | "hostCapacity";

/** A long project: paid when started, delivering `amount` when `turnsLeft` reaches zero. */
export interface Project {
  id: number;
  kind: ProjectKind;
  amount: number;
  turnsLeft: number;
  source?: BuildableSource;
  host?: HostId;
  /** Turns added by permitting and local opposition (US only), shown to the owner. */
  delayTurns: number;
}

/** What a side's fleet did in the last resolved turn. */
export interface TurnOutput {
  usableH100e: number;
  homeH100e: number;
  leasedH100e: number;
  demandGW: number;
  availableGW: number;
  poweredFraction: number;
  effectiveFlop: number;
  electricityCost: number;
}

export interface SideCommon {
  cash: number;
  income: number;
  fleet: Fleet;
  /**
   * Chips bought, made or smuggled this turn: they are installed during the next turn and join the fleet (and
   * count) from then on, so chips bought in the last turn never count.
   */
  arriving: Fleet;
  dataCenterGW: number;
  powerGW: PowerMix;
  projects: Project[];
  algoEfficiency: number;
  bestRunFlop: number;
  capability: number;
  /** Accumulated intelligence spending (decays); sets the width of this side's estimates of the other. */
  intelStock: number;
  /** Spending on the levers so far, by order type (every type present, from zero). */
  spentByLever: Record<OrderType, number>;
  /** Running costs so far (electricity, leases). */
  runningCostTotal: number;
  energyTWh: number;
  emissionsMt: number;
  /** Chip accounting: every H100e that entered or left the fleet, by cause. */
  ledger: { acquired: number; retired: number; seized: number };
  last: TurnOutput;
  /** Whether the side released open-weight models in the turn resolved last (it counts for that turn's run). */
  publishedThisTurn: boolean;
}

export interface UsState extends SideCommon {
  exportControlLevel: ControlLevel;
  /** Accumulated enforcement spending (decays); hidden from China. */
  enforcementStock: number;
  /** Accumulated pressure on tool-making allies (decays). */
  toolPressure: number;
  /** Permitting reform in force, 0..1 (share of permitting delay and opposition removed). */
  permitReform: number;
  /** Progress of the reform bill towards a vote, 0..1; hidden from China. */
  reformProgress: number;
  frontierSupply: number;
  frontierKwPerH100e: number;
  /** Export revenue share earned on China's legal purchases this turn, paid next turn. */
  exportRevenueDue: number;
  /** Turns left of an income dip after a reform's political cost. */
  politicalCostTurns: number;
  /**
   * Turns until the remote-access bill becomes law (0: no bill before Congress). Public: a bill is debated in
   * the open. When it passes, the controls move to the ban plus the remote-access rule.
   */
  remoteAccessBillTurns: number;
}

export interface ChinaState extends SideCommon {
  /** Compute leased abroad and running, per host. */
  leases: Record<HostId, number>;
  /** Leases signed this turn: paid for their first turn now, running from the next turn. */
  leasesArriving: Record<HostId, number>;
  /** The first turn at which leases in a host may be released (a lease binds for a minimum term). */
  leaseCommittedUntil: Record<HostId, number>;
  subsidyRate: number;
  chipDesignLevel: number;
  domesticH100ePerChip: number;
  fabWafersPerMonth: number;
  fabYield: number;
  hbmStock: number;
  hbmProductionPerTurn: number;
  /** Accumulated spending on domestic chip research, which makes a yield breakthrough likelier. */
  chipResearchStock: number;
  smuggledTotal: number;
  subsidyCostTotal: number;
}

export interface HostState {
  capacityGW: number;
  /** Willingness to rent to Chinese firms, 0..1. */
  openness: number;
  /** Enforcement of chip-export and re-export permits, 0..1. */
  strictness: number;
  influence: Record<Side, number>;
  leasePrice: number;
  /**
   * Capacity the US co-funded, GW: part of capacityGW, on top of the host's own pipeline, and (with as much
   * again of the host's capacity, levers.allyReservePerGW) kept for trusted customers.
   */
  alliedGW: number;
  /** Set while the US remote-access rule is in force and this host applies it. */
  appliesRemoteAccessRule: boolean;
}

export type Audience = "public" | Side;

/** Something that happened, said in plain words, with who may know it. */
export interface GameEvent {
  turn: number;
  /** A stable identifier for translation and analysis (an event card id or a lever outcome). */
  key: string;
  audience: Audience;
  message: string;
  /** Where it echoes a real event: the source. */
  source?: string;
  params?: Record<string, number | string>;
}

/** One side's estimate of a hidden value of the other side. */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
  /** True when a detection revealed the exact value this turn. */
  exact: boolean;
}

export type IntelReport = Record<string, Estimate>;

/** One row per resolved turn, for charts, the debrief and analysis. */
export interface TurnRecord {
  turn: number;
  label: string;
  tension: number;
  exportControlLevel: ControlLevel;
  leadMonths: number;
  sides: Record<Side, SideRecord>;
}

export interface SideRecord {
  capability: number;
  effectiveFlop: number;
  homeH100e: number;
  leasedH100e: number;
  usableH100e: number;
  fleetByType: Record<ChipType, number>;
  leasesByHost: Record<HostId, number>;
  powerGW: number;
  demandGW: number;
  dataCenterGW: number;
  spent: number;
  spentByLever: Record<OrderType, number>;
  /** The algorithmic factor of this turn's run: the side's efficiency, with open models' boost if it published. */
  algoEfficiency: number;
  emissionsMt: number;
  energyTWh: number;
  cash: number;
}

export const MODIFIER_TARGETS = [
  "us.power",
  "china.power",
  "us.frontierSupply",
  "china.hbmProduction",
  "china.exportGradeSupply",
  "us.buildCost",
  "china.buildCost",
] as const;
export type ModifierTarget = (typeof MODIFIER_TARGETS)[number];

/** A temporary effect of an event: multiplies one quantity while it lasts. */
export interface Modifier {
  target: ModifierTarget;
  factor: number;
  turnsLeft: number;
  eventId: string;
}

export interface MatchState {
  version: 2;
  scenario: Scenario;
  /** The shareable seed: it drives only the public luck (the event deck), see streams.ts. */
  seed: number;
  /**
   * 128 random bits (hex) behind every draw that hides something from a side (intelligence noise,
   * detections, project luck, the bots). Never sent to a player; see streams.ts.
   */
  secret: string;
  /** Turns resolved so far; the current turn's index. */
  turn: number;
  phase: "orders" | "ended";
  tension: number;
  /** Whether China's export ban on gallium, germanium and rare earths to the US is in force (public). */
  mineralBan: boolean;
  us: UsState;
  china: ChinaState;
  hosts: Record<HostId, HostState>;
  pending: Record<Side, Order[] | null>;
  /** Events the facilitator queued: the card fires on that turn's resolution. */
  injected: { turn: number; eventId: string }[];
  modifiers: Modifier[];
  /** One-time cards already drawn. */
  drawn: string[];
  events: GameEvent[];
  history: TurnRecord[];
  /** Hosts where China's leases were exposed by an event this turn: the US sees them exactly. */
  exposed: HostId[];
  nextProjectId: number;
}
