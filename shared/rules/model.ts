/**
 * The model's formulas, each a small pure function of the state and the scenario. The levers, the resolution
 * and the views all call these, so a formula is written once.
 */
import { because, type Reason } from "./reasons.ts";
import type { ScenarioParams } from "./scenario.ts";
import type {
  ChinaState,
  ChipType,
  Fleet,
  HostId,
  HostState,
  MatchState,
  ModifierTarget,
  Side,
  UsState,
} from "./types.ts";
import { CHIP_TYPES, HOSTS, POWER_SOURCES } from "./types.ts";

/** The product of the active event modifiers on a quantity (1 when none). */
export function modifier(state: MatchState, target: ModifierTarget): number {
  let f = 1;
  for (const m of state.modifiers) if (m.target === target) f *= m.factor;
  return f;
}

/** Saturating response to an accumulated stock: 0 at none, about 0.63 at `ref`, approaching 1. */
export function saturate(stock: number, ref: number): number {
  return ref > 0 ? 1 - Math.exp(-Math.max(0, stock) / ref) : 0;
}

/**
 * The fast follower's gain in algorithmic efficiency for a turn: the side behind closes `share` of its
 * capability gap (in orders of magnitude) to the side ahead, by studying what the leader shows (papers,
 * open-weight models, distillation); the side ahead gains nothing. Capabilities are from the start of the turn.
 */
export function fastFollowFactor(capabilityMine: number, capabilityRival: number, share: number): number {
  return Math.pow(10, share * Math.max(0, capabilityRival - capabilityMine));
}

/**
 * The publisher's efficiency from outside contributors in a turn it releases open-weight models: a factor on
 * that turn's run only, so that publishing every turn keeps it at the same level instead of compounding.
 */
export function openModelFactor(state: MatchState, side: Side): number {
  return state[side].publishedThisTurn ? 1 + state.scenario.params.levers.publishSelfBoost : 1;
}

/** The share of its capability gap the side behind closes by fast following in `turn` (0 is the first). */
export function fastFollowShare(params: ScenarioParams, turn: number): number {
  const w = params.world;
  return w.fastFollowShare * Math.pow(0.5, turn / w.fastFollowHalfLifeTurns);
}

/** A side's share of a host's goodwill (its influence over both sides'), 0 to 1. */
export function goodwillShare(influence: Readonly<Record<Side, number>>, side: Side): number {
  return influence[side] / Math.max(1, influence.us + influence.china);
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Months of lead that one order of magnitude of effective compute is worth at growth `g` per year. */
export function monthsPerOrderOfMagnitude(growthPerYear: number): number {
  return (12 * Math.LN10) / Math.log(growthPerYear);
}

/** The US lead in months (negative when China leads): capability gap in orders of magnitude, in months. */
export function leadMonths(capabilityUs: number, capabilityChina: number, growthPerYear: number): number {
  return (capabilityUs - capabilityChina) * monthsPerOrderOfMagnitude(growthPerYear);
}

/** Months in a turn: turns are half-years. */
export const MONTHS_PER_TURN = 6;

/**
 * The months since a capability series (one value a turn, oldest first, never falling) was at `level`: read
 * off the series itself between turns, and before its start off the trend of the years before the game
 * (`growthPerYear`, the sourced pre-2025 growth of effective compute).
 */
function monthsSince(series: readonly number[], level: number, growthPerYear: number): number {
  const last = series.length - 1;
  for (let i = last; i >= 0; i--) {
    const at = series[i]!;
    if (at > level) continue;
    if (i === last) return 0;
    const after = series[i + 1]!;
    const part = after > at ? (level - at) / (after - at) : 1;
    return (last - i - part) * MONTHS_PER_TURN;
  }
  return last * MONTHS_PER_TURN + (series[0]! - level) * monthsPerOrderOfMagnitude(growthPerYear);
}

/**
 * The US lead in months, as a teacher can say it: "China is now where the US was N months ago", read off the
 * US's own capability over the match (and before the match off the pre-2025 trend). Negative when China
 * leads: then the US is where China was that many months ago. Both series hold one capability a turn.
 */
export function leadFromHistory(
  us: readonly number[],
  china: readonly number[],
  growthPerYear: number,
): number {
  const usNow = us[us.length - 1] ?? 0;
  const chinaNow = china[china.length - 1] ?? 0;
  return usNow >= chinaNow
    ? monthsSince(us, chinaNow, growthPerYear)
    : -monthsSince(china, usNow, growthPerYear);
}

/** The label of a turn, like "2025 H1"; turn -1 is the starting position. */
export function turnLabel(params: ScenarioParams, turn: number): string {
  if (turn < 0) return "start";
  const halves = params.time.startHalf - 1 + turn;
  return `${params.time.startYear + Math.floor(halves / 2)} H${(halves % 2) + 1}`;
}

export function fleetH100e(fleet: Fleet): number {
  let total = 0;
  for (const t of CHIP_TYPES) total += fleet[t].h100e;
  return total;
}

/** Power a fleet needs at the wall, in GW: system kW times PUE. */
export function fleetDemandGW(
  fleet: { readonly [T in ChipType]: { readonly kw: number } },
  pue: number,
): number {
  let kw = 0;
  for (const t of CHIP_TYPES) kw += fleet[t].kw;
  return (kw * pue) / 1e6;
}

/** Firm power a side has for data centres: its sources weighted by how much of the time they deliver. */
export function firmPowerGW(state: MatchState, side: Side): number {
  const s = state[side];
  let gw = 0;
  const sources = state.scenario.params.power.sources;
  for (const src of POWER_SOURCES) gw += s.powerGW[src] * (src === "grid" ? 1 : sources[src].firmFactor);
  return gw;
}

/**
 * GW of halls with firm power that arrive at a side's resolution of `turn` without an order: the committed
 * pipeline while it lasts and, for China, what the subsidising provinces connect at the subsidy `rate` in force.
 */
export function pipelineGW(params: ScenarioParams, side: Side, turn: number, rate: number): number {
  const e = params[side].energy;
  const committed = turn < e.pipelineTurns ? e.pipelineGWPerTurn : 0;
  if (side !== "china" || params.china.subsidyMax <= 0) return committed;
  return (
    committed +
    (params.china.subsidyGWPerTurn * Math.min(rate, params.china.subsidyMax)) / params.china.subsidyMax
  );
}

/** Power usable by data centres at home: it needs both generation and a data centre to plug into. */
export function availableGW(state: MatchState, side: Side): number {
  return Math.min(state[side].dataCenterGW, firmPowerGW(state, side) * modifier(state, `${side}.power`));
}

export function totalLeased(china: ChinaState): number {
  let total = 0;
  for (const h of HOSTS) total += china.leases[h];
  return total;
}

/** H100e a host can rent to Chinese firms at most, given its capacity, foreign share and openness. */
export function leasableH100e(state: MatchState, host: HostId): number {
  const h: HostState = state.hosts[host];
  const p = state.scenario.params;
  const kwPerH100e = state.us.frontierKwPerH100e * p.world.pue;
  // Co-funded capacity, and as much again of the host's own, is kept for trusted customers.
  const open = Math.max(0, h.capacityGW - h.alliedGW * p.levers.allyReservePerGW);
  const gw = open * p.hosts[host].foreignAiShare * h.openness * (h.appliesRemoteAccessRule ? 0 : 1);
  return (gw * 1e6) / kwPerH100e;
}

/**
 * Price per H100e per turn in a host, in $B: the base price of the first turn, falling as Nvidia's price per
 * H100e falls along its roadmap (rentals follow the hardware they rent out), and dearer as the host tightens
 * its permits.
 */
export function leasePrice(state: MatchState, host: HostId): number {
  const h = state.hosts[host];
  const roadmap = state.scenario.params.chips.frontierRoadmap;
  const hardware = generationAt(roadmap, state.turn).usdPerH100e / roadmap[0]!.usdPerH100e;
  return h.leasePrice * hardware * (1 + h.strictness);
}

/** Domestic accelerators China can make this turn, bound by fab output and by HBM. */
export function domesticCapacity(state: MatchState): {
  chips: number;
  h100e: number;
  fabChips: number;
  hbmChips: number;
} {
  const c = state.china;
  const d = state.scenario.params.china.domestic;
  const wafers = c.fabWafersPerMonth * 6 * d.aiFabShare;
  const fabChips = (wafers * effectiveYield(state) * d.diesPerWafer) / d.diesPerChip;
  const hbmChips = (c.hbmStock + hbmProduction(state)) / d.hbmStacksPerChip;
  const chips = Math.max(0, Math.min(fabChips, hbmChips));
  return { chips, h100e: chips * c.domesticH100ePerChip, fabChips, hbmChips };
}

/** China's fab yield after US pressure on tool makers (servicing and spare-part bans hold it down). */
export function effectiveYield(state: MatchState): number {
  return (
    state.china.fabYield *
    (1 - state.scenario.params.levers.toolPressureYieldEffect * toolPressureLevel(state))
  );
}

/** HBM stacks China's lines make this turn, after any shortage. */
export function hbmProduction(state: MatchState): number {
  return state.china.hbmProductionPerTurn * modifier(state, "china.hbmProduction");
}

/** Multiplier on a side's building costs (power plants, data centres) from events. */
export function buildCostFactor(state: MatchState, side: Side): number {
  const p = state.scenario.params;
  const minerals = side === "us" && state.mineralBan ? 1 + p.world.mineralBanCostShare : 1;
  return p[side].energy.buildCostFactor * modifier(state, `${side}.buildCost`) * minerals;
}

/** The generation of a roadmap on sale at a turn: the latest one whose turn has come. */
export function generationAt<T extends { fromTurn: number }>(rows: readonly T[], turn: number): T {
  let found = rows[0]!;
  for (const row of rows) if (row.fromTurn <= turn) found = row;
  return found;
}

/** Nvidia's generation on sale this turn (scenario chips.frontierRoadmap). */
export function frontierGeneration(state: MatchState): ScenarioParams["chips"]["frontierRoadmap"][number] {
  return generationAt(state.scenario.params.chips.frontierRoadmap, state.turn);
}

/** The export-grade chip the performance cap lets through this turn (scenario chips.exportGradeRoadmap). */
export function exportGradeGeneration(
  state: MatchState,
): ScenarioParams["chips"]["exportGradeRoadmap"][number] {
  return generationAt(state.scenario.params.chips.exportGradeRoadmap, state.turn);
}

/**
 * System kW per H100e of China's newest domestic part at a turn: always `domesticPowerRatio` times Nvidia's
 * newest of the same turn (the sources' 2.3x), so that research makes domestic chips faster, never as frugal.
 */
export function domesticKwPerH100e(params: ScenarioParams, turn: number): number {
  return params.chips.domesticPowerRatio * generationAt(params.chips.frontierRoadmap, turn).kwPerH100e;
}

/** System kW per H100e of a chip type bought now by `side`. */
export function kwPerH100e(state: MatchState, side: Side, chipType: (typeof CHIP_TYPES)[number]): number {
  const p = state.scenario.params;
  if (chipType === "frontier") return state.us.frontierKwPerH100e;
  if (chipType === "exportGrade") return exportGradeGeneration(state).kwPerH100e;
  return side === "china" ? domesticKwPerH100e(p, state.turn) : p.chips.legacyKwPerH100e;
}

/** Price per H100e in $B of a chip type for a side now. */
export function chipPrice(state: MatchState, chipType: (typeof CHIP_TYPES)[number]): number {
  const usd =
    chipType === "frontier"
      ? frontierGeneration(state).usdPerH100e
      : chipType === "exportGrade"
        ? exportGradeGeneration(state).usdPerH100e
        : state.scenario.params.chips.domesticUsdPerH100e;
  return usd * 1e-9;
}

/** The share of a legal US chip sale to China that goes to the US government. */
export function exportRevenueShare(state: MatchState, chipType: (typeof CHIP_TYPES)[number]): number {
  if (chipType === "exportGrade") return exportGradeGeneration(state).revenueShare;
  return chipType === "frontier" ? state.scenario.params.exportControls.exportRevenueShare : 0;
}

/** Which chip types China may buy legally under the current controls and tension. */
export function chinaMayBuy(state: MatchState, chipType: (typeof CHIP_TYPES)[number]): Reason | null {
  if (chipType === "domestic") return null;
  if (state.tension >= state.scenario.params.world.escalationTension)
    return because(
      "chinaBoycott",
      {},
      "tension is so high that Beijing has told its firms to stop buying US chips",
    );
  const level = state.us.exportControlLevel;
  if (chipType === "frontier" && level !== "open")
    return because("frontierBanned", {}, "US export controls ban frontier chips for China");
  if (chipType === "exportGrade" && (level === "fullBan" || level === "banPlusRemoteAccess"))
    return because("exportGradeBanned", {}, "US export controls ban even export-grade chips for China");
  return null;
}

/**
 * Probability that one smuggling shipment is caught this turn, less what China's intelligence lets it avoid
 * (`evade: false` leaves that out, for the US's own forecast: China's intelligence is hidden from it).
 */
export function detectionChance(state: MatchState, evade = true): number {
  const l = state.scenario.params.levers;
  return detectionChanceFrom(
    l,
    saturate(state.us.enforcementStock, l.enforcementRef),
    state.hosts,
    evade ? intelQuality(state, "china") : 0,
  );
}

/** The hosts' mean permit strictness. */
function meanStrictness(hosts: { readonly [H in HostId]: { readonly strictness: number } }): number {
  let sum = 0;
  for (const h of HOSTS) sum += hosts[h].strictness / HOSTS.length;
  return sum;
}

/**
 * H100e smuggling networks can move this turn: `chips.smugglingChipsPerTurn` chips of the Nvidia generation on
 * sale, scaled by how much stricter (or laxer) the transit hosts are than at the start of the scenario.
 */
export function smugglingCap(state: MatchState): number {
  const p = state.scenario.params;
  let start = 0;
  for (const h of HOSTS) start += p.hosts[h].strictness / HOSTS.length;
  const room = (1 - meanStrictness(state.hosts)) / Math.max(0.05, 1 - start);
  return p.chips.smugglingChipsPerTurn * frontierGeneration(state).h100ePerChip * Math.max(0, room);
}

/**
 * The same chance from its parts: US enforcement (0..1), the hosts' permit strictness and China's intelligence
 * quality (0..1). China's bots call it with their estimate of the enforcement, the one part they cannot see.
 */
export function detectionChanceFrom(
  levers: ScenarioParams["levers"],
  enforcement: number,
  hosts: { readonly [H in HostId]: { readonly strictness: number } },
  chinaIntel = 0,
): number {
  const strictness = meanStrictness(hosts);
  // Enforcement and the hosts' own permit checks catch shipments independently.
  const pressure = 1 - (1 - clamp(enforcement, 0, 1)) * (1 - strictness);
  const caught = levers.detectionBase + (levers.detectionMax - levers.detectionBase) * pressure;
  return clamp(caught * (1 - levers.intelEvasion * chinaIntel), 0, 1);
}

/** Quality of a side's intelligence, 0..1. */
export function intelQuality(state: MatchState, side: Side): number {
  return saturate(state[side].intelStock, state.scenario.params.levers.intelRef);
}

/**
 * Running costs a side owes at the start of the next resolution, in $B: electricity for its powered fleet and,
 * for China, its leases abroad (less the share of the power subsidy paid outside the central budget).
 * Orders are validated against cash minus this amount, so cash never goes negative.
 */
export function runningCost(
  state: MatchState,
  side: Side,
): { electricity: number; leases: number; subsidyOffBudget: number; total: number } {
  const p = state.scenario.params;
  const s: UsState | ChinaState = state[side];
  const demand = fleetDemandGW(s.fleet, p.world.pue);
  const powered = Math.min(demand, availableGW(state, side));
  const price = p[side].energy.electricityPricePerKWh;
  // GW x hours = GWh = 1e6 kWh; times $/kWh, in $B.
  let electricity = powered * p.world.hoursPerTurn * price * 1e-3;
  let leases = 0;
  let subsidyOffBudget = 0;
  if (side === "china") {
    const china = state.china;
    const domesticShare = demand > 0 ? (china.fleet.domestic.kw * p.world.pue) / 1e6 / demand : 0;
    const subsidy = electricity * domesticShare * china.subsidyRate;
    subsidyOffBudget = subsidy * (1 - p.china.subsidyCentralShare);
    electricity -= subsidyOffBudget;
    for (const h of HOSTS) leases += china.leases[h] * leasePrice(state, h);
  }
  return { electricity, leases, subsidyOffBudget, total: electricity + leases };
}

/** Money a side can still commit to new orders this turn, in $B: cash less the running costs it owes. */
export function spendable(state: MatchState, side: Side): number {
  return budget(state, side).spendable;
}

/** A side's running costs this turn and the money left for new orders, in $B (one costing for both). */
export function budget(state: MatchState, side: Side): { runningCost: number; spendable: number } {
  const cost = runningCost(state, side).total;
  return { runningCost: cost, spendable: Math.max(0, state[side].cash - cost) };
}

/** Turns of permitting delay a new US project of this base delay gets, after reform. */
export function usPermitDelay(state: MatchState, baseDelayTurns: number): number {
  return Math.round(baseDelayTurns * (1 - state.us.permitReform));
}

/** Saturation of US pressure on tool-making allies, 0..1: slows and raises the cost of China's fab build-out. */
export function toolPressureLevel(state: MatchState): number {
  return saturate(state.us.toolPressure, state.scenario.params.levers.toolPressureRef);
}
