/**
 * Resolving a turn: both sides' orders are carried out together on a private copy of the state, then the
 * world moves (projects, hosts, events, research, compute, intelligence, income). Pure: the same state always
 * gives the same result, and the caller's state is never changed.
 */
import { drawEvents, tickModifiers } from "./events.ts";
import { updateHosts } from "./hosts.ts";
import { updateIntel } from "./intel.ts";
import type { ResolveContext } from "./levers/lever.ts";
import { usd } from "./levers/lever.ts";
import { chipSupply } from "./levers/buyChips.ts";
import { leverOf, RESOLUTION_ORDER } from "./levers/index.ts";
import { ORDER_TYPES } from "./orders.ts";
import {
  availableGW,
  fastFollowFactor,
  fastFollowShare,
  fleetDemandGW,
  fleetH100e,
  generationAt,
  firmPowerGW,
  hbmProduction,
  leadFromHistory,
  openModelFactor,
  pipelineGW,
  runningCost,
  totalLeased,
  turnLabel,
} from "./model.ts";
import { advanceProjects } from "./projects.ts";
import type { DiceBase } from "./rng.ts";
import { secretDice, type SecretStream } from "./streams.ts";
import type { Order } from "./orders.ts";
import type {
  ChinaState,
  Fleet,
  GameEvent,
  HostId,
  HostState,
  MatchState,
  Side,
  SideCommon,
  SideRecord,
  TurnOutput,
  TurnRecord,
  UsState,
} from "./types.ts";
import { CHIP_TYPES, HOSTS, POWER_SOURCES, SIDES } from "./types.ts";

function cloneFleet(f: Fleet): Fleet {
  return {
    frontier: { h100e: f.frontier.h100e, kw: f.frontier.kw },
    exportGrade: { h100e: f.exportGrade.h100e, kw: f.exportGrade.kw },
    domestic: { h100e: f.domestic.h100e, kw: f.domestic.kw },
  };
}

/*
 * The copies below are written out field by field for the state's known shape (the compiler checks that no
 * field is missing). A generic deep copy was once the engine's hottest spot, and spread copies (`{ ...side }`)
 * slow down as the states of many matches take slightly different internal shapes; a literal always has one.
 */

function cloneCommon(c: SideCommon): SideCommon {
  return {
    cash: c.cash,
    income: c.income,
    fleet: cloneFleet(c.fleet),
    arriving: cloneFleet(c.arriving),
    dataCenterGW: c.dataCenterGW,
    powerGW: {
      grid: c.powerGW.grid,
      solar: c.powerGW.solar,
      wind: c.powerGW.wind,
      gas: c.powerGW.gas,
      nuclear: c.powerGW.nuclear,
    },
    projects: c.projects.map((p) => ({ ...p })),
    algoEfficiency: c.algoEfficiency,
    bestRunFlop: c.bestRunFlop,
    capability: c.capability,
    intelStock: c.intelStock,
    spentByLever: { ...c.spentByLever },
    runningCostTotal: c.runningCostTotal,
    energyTWh: c.energyTWh,
    emissionsMt: c.emissionsMt,
    ledger: { acquired: c.ledger.acquired, retired: c.ledger.retired, seized: c.ledger.seized },
    last: { ...c.last },
    publishedThisTurn: c.publishedThisTurn,
  };
}

function byHost(r: Record<HostId, number>): Record<HostId, number> {
  return {
    japan: r.japan,
    australia: r.australia,
    singapore: r.singapore,
    malaysia: r.malaysia,
    indonesia: r.indonesia,
  };
}

function cloneUs(u: UsState): UsState {
  const extra: Omit<UsState, keyof SideCommon> = {
    exportControlLevel: u.exportControlLevel,
    enforcementStock: u.enforcementStock,
    toolPressure: u.toolPressure,
    permitReform: u.permitReform,
    reformProgress: u.reformProgress,
    frontierSupply: u.frontierSupply,
    frontierKwPerH100e: u.frontierKwPerH100e,
    exportRevenueDue: u.exportRevenueDue,
    politicalCostTurns: u.politicalCostTurns,
    remoteAccessBillTurns: u.remoteAccessBillTurns,
  };
  return Object.assign(cloneCommon(u), extra);
}

function cloneChina(c: ChinaState): ChinaState {
  const extra: Omit<ChinaState, keyof SideCommon> = {
    leases: byHost(c.leases),
    leasesArriving: byHost(c.leasesArriving),
    leaseCommittedUntil: byHost(c.leaseCommittedUntil),
    subsidyRate: c.subsidyRate,
    chipDesignLevel: c.chipDesignLevel,
    domesticH100ePerChip: c.domesticH100ePerChip,
    fabWafersPerMonth: c.fabWafersPerMonth,
    fabYield: c.fabYield,
    hbmStock: c.hbmStock,
    hbmProductionPerTurn: c.hbmProductionPerTurn,
    chipResearchStock: c.chipResearchStock,
    smuggledTotal: c.smuggledTotal,
    subsidyCostTotal: c.subsidyCostTotal,
  };
  return Object.assign(cloneCommon(c), extra);
}

function cloneHost(h: HostState): HostState {
  return {
    capacityGW: h.capacityGW,
    openness: h.openness,
    strictness: h.strictness,
    influence: { us: h.influence.us, china: h.influence.china },
    leasePrice: h.leasePrice,
    alliedGW: h.alliedGW,
    appliesRemoteAccessRule: h.appliesRemoteAccessRule,
  };
}

/**
 * A copy of everything a resolution changes. The scenario, the append-only logs and the pending orders are
 * never edited in place, so they are shared.
 */
function cloneForResolve(state: MatchState): MatchState {
  const hosts = {} as Record<HostId, HostState>;
  for (const h of HOSTS) hosts[h] = cloneHost(state.hosts[h]);
  return {
    version: state.version,
    scenario: state.scenario,
    seed: state.seed,
    secret: state.secret,
    turn: state.turn,
    phase: state.phase,
    tension: state.tension,
    mineralBan: state.mineralBan,
    us: cloneUs(state.us),
    china: cloneChina(state.china),
    hosts,
    pending: state.pending,
    modifiers: state.modifiers.map((m) => ({ ...m })),
    injected: state.injected.map((q) => ({ ...q })),
    drawn: [...state.drawn],
    events: state.events,
    history: state.history,
    exposed: state.exposed,
    nextProjectId: state.nextProjectId,
  };
}

function makeContext(s: MatchState, before: MatchState, events: GameEvent[]): ResolveContext {
  const supply: Record<string, number> = {};
  const streams = new Map<SecretStream, DiceBase>();
  const ctx: ResolveContext = {
    s,
    before,
    dice(stream) {
      let dice = streams.get(stream);
      if (!dice) streams.set(stream, (dice = secretDice(s.secret, stream, s.turn)));
      return dice;
    },
    algoBoost: { us: 1, china: 1 },
    exposed: new Set(),
    hbmUsed: 0,
    emit(audience, key, message, params, source) {
      events.push({
        turn: s.turn,
        key,
        audience,
        message,
        ...(params ? { params } : {}),
        ...(source ? { source } : {}),
      });
    },
    charge(side, lever, amount) {
      const paid = Math.min(Math.max(0, amount), s[side].cash);
      s[side].cash -= paid;
      s[side].spentByLever[lever] += paid;
    },
    supplyLeft(side, chipType) {
      const key = chipType === "frontier" ? "frontier" : `${side}.${chipType}`;
      if (supply[key] === undefined) supply[key] = chipSupply(before, side, chipType);
      return supply[key] ?? 0;
    },
    useSupply(side, chipType, h100e) {
      const key = chipType === "frontier" ? "frontier" : `${side}.${chipType}`;
      supply[key] = ctx.supplyLeft(side, chipType) - h100e;
      if (chipType === "domestic")
        ctx.hbmUsed +=
          (h100e / before.china.domesticH100ePerChip) *
          before.scenario.params.china.domestic.hbmStacksPerChip;
    },
  };
  return ctx;
}

/** Pays the running costs owed from the start of the turn; unpaid leases lapse in proportion. */
function payRunningCosts(ctx: ResolveContext, side: Side): void {
  const { s, before } = ctx;
  const cost = runningCost(before, side);
  const mine = s[side];
  if (side === "china")
    s.china.subsidyCostTotal +=
      cost.subsidyOffBudget / Math.max(1e-9, 1 - s.scenario.params.china.subsidyCentralShare);
  if (mine.cash >= cost.total) {
    mine.cash -= cost.total;
    mine.runningCostTotal += cost.total;
    return;
  }
  // Short of money: electricity first, then as much of the leases as the rest pays for.
  const forLeases = Math.max(0, mine.cash - cost.electricity);
  const keep = cost.leases > 0 ? forLeases / cost.leases : 1;
  mine.runningCostTotal += mine.cash;
  mine.cash = 0;
  if (side === "china" && keep < 1) {
    for (const h of HOSTS) s.china.leases[h] *= keep;
    ctx.emit(
      "china",
      "lease.unpaid",
      `Not enough money for all leases: ${Math.round((1 - keep) * 100)}% of leased compute lapses.`,
    );
  }
}

/**
 * China's counter-lever: while tension stays high, its export ban on gallium, germanium and rare earths to the
 * US is in force and makes every US power plant and data centre dearer (it lifts again once tension eases
 * well below the threshold, as the truce of November 2025 suspended it).
 */
function updateMineralBan(ctx: ResolveContext): void {
  const s = ctx.s;
  const w = s.scenario.params.world;
  if (!s.mineralBan && s.tension >= w.mineralBanTension) {
    s.mineralBan = true;
    ctx.emit(
      "public",
      "mineralBan.on",
      `China bans exports of gallium, germanium and rare earths to the US: US power plants and data centres cost ${Math.round(w.mineralBanCostShare * 100)}% more while it lasts.`,
      { percent: Math.round(w.mineralBanCostShare * 100) },
      MINERAL_SOURCE,
    );
  } else if (s.mineralBan && s.tension < w.mineralBanTension - w.mineralBanHysteresis) {
    s.mineralBan = false;
    ctx.emit(
      "public",
      "mineralBan.off",
      "Tension eases and China suspends its mineral export ban.",
      {},
      MINERAL_SOURCE,
    );
  }
}

const MINERAL_SOURCE =
  "Law-firm summaries, Dec 2024 (gallium, germanium, antimony ban); MOFCOM Announcement No. 70 of 2025 (rare earths), suspended after the Busan meeting of 30 Oct 2025";

/** The remote-access bill moves through Congress; once law, the controls close offshore leases too. */
function advanceRemoteAccessBill(ctx: ResolveContext): void {
  const u = ctx.s.us;
  if (u.remoteAccessBillTurns <= 0) return;
  u.remoteAccessBillTurns -= 1;
  if (u.remoteAccessBillTurns > 0) return;
  u.exportControlLevel = "banPlusRemoteAccess";
  ctx.emit(
    "public",
    "remoteAccess.law",
    "The remote-access bill becomes law: US firms may no longer rent AI compute to Chinese customers abroad.",
    {},
    "Law-firm commentary, Jan 2026 (Remote Access Security Act passed the House 369-22)",
  );
}

/** Last turn's chips join the fleet, and China's new leases start running (they were paid when signed). */
function receiveDeliveries(s: MatchState, side: Side): void {
  const mine = s[side];
  for (const t of CHIP_TYPES) {
    const stock = mine.fleet[t];
    const coming = mine.arriving[t];
    stock.h100e += coming.h100e;
    stock.kw += coming.kw;
    mine.ledger.acquired += coming.h100e;
    coming.h100e = 0;
    coming.kw = 0;
  }
  if (side !== "china") return;
  for (const h of HOSTS) {
    s.china.leases[h] += s.china.leasesArriving[h];
    s.china.leasesArriving[h] = 0;
  }
}

function orderedOrders(state: MatchState): { side: Side; order: Order }[] {
  const list: { side: Side; order: Order }[] = [];
  for (const type of RESOLUTION_ORDER)
    for (const side of SIDES)
      for (const order of state.pending[side] ?? []) if (order.type === type) list.push({ side, order });
  return list;
}

/** Fleet output for a turn: powered chips at home plus leases abroad, times utilisation and algorithms. */
function runFleet(s: MatchState, side: Side): TurnOutput {
  const p = s.scenario.params;
  const mine = s[side];
  const demandGW = fleetDemandGW(mine.fleet, p.world.pue);
  const available = availableGW(s, side);
  const powered = demandGW > 0 ? Math.min(1, available / demandGW) : 1;
  const homeH100e = fleetH100e(mine.fleet);
  const leasedH100e = side === "china" ? totalLeased(s.china) : 0;
  const usableH100e = homeH100e * powered + leasedH100e;
  const seconds = p.world.hoursPerTurn * 3600;
  const effectiveFlop =
    usableH100e *
    p.world.h100Flops *
    p.world.utilisation *
    seconds *
    p.world.trainingShare *
    mine.algoEfficiency *
    openModelFactor(s, side);
  return {
    usableH100e,
    homeH100e,
    leasedH100e,
    demandGW,
    availableGW: available,
    poweredFraction: powered,
    effectiveFlop,
    electricityCost: runningCost(s, side).electricity,
  };
}

/** Energy and emissions of the powered fleet, by the firm share of each source. */
function bookEnergy(s: MatchState, side: Side, out: TurnOutput): void {
  const p = s.scenario.params;
  const poweredGW = Math.min(out.demandGW, out.availableGW);
  const twh = (poweredGW * p.world.hoursPerTurn) / 1000;
  const firm = firmPowerGW(s, side);
  let intensity = 0;
  if (firm > 0) {
    for (const src of POWER_SOURCES) {
      const gw = s[side].powerGW[src] * (src === "grid" ? 1 : p.power.sources[src].firmFactor);
      const factor =
        src === "grid" ? p[side].energy.gridEmissionsTPerMWh : p.power.sources[src].emissionsTPerMWh;
      intensity += (gw / firm) * factor;
    }
  }
  s[side].energyTWh += twh;
  // TWh x t/MWh = Mt.
  s[side].emissionsMt += twh * intensity;
}

/** Computes this turn's training runs and capabilities for both sides. */
export function computeCapabilities(s: MatchState): void {
  for (const side of SIDES) {
    const out = runFleet(s, side);
    s[side].last = out;
    s[side].bestRunFlop = Math.max(s[side].bestRunFlop, out.effectiveFlop);
    s[side].capability = s[side].bestRunFlop > 0 ? Math.log10(s[side].bestRunFlop) : 0;
  }
}

/**
 * Money a side left unspent beyond `world.carryOverTurns` turns of its income lapses (budgets are set a year
 * at a time and unspent appropriations expire), so that saving up for one last-turn spurt does not pay.
 */
function lapseUnspent(ctx: ResolveContext, side: Side): void {
  const mine = ctx.s[side];
  const cap = ctx.s.scenario.params.world.carryOverTurns * mine.income;
  if (mine.cash <= cap) return;
  const lapsed = mine.cash - cap;
  mine.cash = cap;
  ctx.emit(
    side,
    "budget.lapsed",
    `${usd(lapsed)} of unspent money lapses: a side carries at most ${ctx.s.scenario.params.world.carryOverTurns} turns of income.`,
    { amount: lapsed },
  );
}

function retireChips(s: MatchState, side: Side): void {
  const r = s.scenario.params.world.retirementPerTurn;
  for (const t of CHIP_TYPES) {
    const stock = s[side].fleet[t];
    const gone = stock.h100e * r;
    stock.h100e -= gone;
    stock.kw -= stock.kw * r;
    s[side].ledger.retired += gone;
  }
}

function sideRecord(s: MatchState, side: Side): SideRecord {
  const mine = s[side];
  const f = mine.fleet;
  const l = s.china.leases;
  const china = side === "china";
  let spent = 0;
  for (const type of ORDER_TYPES) spent += mine.spentByLever[type];
  return {
    capability: mine.capability,
    effectiveFlop: mine.last.effectiveFlop,
    homeH100e: mine.last.homeH100e,
    leasedH100e: mine.last.leasedH100e,
    usableH100e: mine.last.usableH100e,
    fleetByType: { frontier: f.frontier.h100e, exportGrade: f.exportGrade.h100e, domestic: f.domestic.h100e },
    leasesByHost: {
      japan: china ? l.japan : 0,
      australia: china ? l.australia : 0,
      singapore: china ? l.singapore : 0,
      malaysia: china ? l.malaysia : 0,
      indonesia: china ? l.indonesia : 0,
    },
    powerGW: firmPowerGW(s, side),
    demandGW: mine.last.demandGW,
    dataCenterGW: mine.dataCenterGW,
    spent,
    spentByLever: { ...mine.spentByLever },
    algoEfficiency: mine.algoEfficiency * openModelFactor(s, side),
    emissionsMt: mine.emissionsMt,
    energyTWh: mine.energyTWh,
    cash: mine.cash,
  };
}

/** A table row for a state (used for the start and after each turn). */
export function turnRecord(s: MatchState, turn: number): TurnRecord {
  const p = s.scenario.params;
  return {
    turn,
    label: turnLabel(p, turn),
    tension: s.tension,
    exportControlLevel: s.us.exportControlLevel,
    leadMonths: leadFromHistory(
      [...s.history.map((row) => row.sides.us.capability), s.us.capability],
      [...s.history.map((row) => row.sides.china.capability), s.china.capability],
      p.world.leadGrowthPerYear,
    ),
    sides: { us: sideRecord(s, "us"), china: sideRecord(s, "china") },
  };
}

/**
 * Resolves the current turn with both sides' pending orders (a side that sent none does nothing). Guarantees:
 * the input state is untouched; cash and every stock stay finite and non-negative; the result depends only on
 * the input state. On an ended match it returns the same state and no events.
 */
export function resolveTurn(state: MatchState): { state: MatchState; events: GameEvent[] } {
  if (state.phase === "ended") return { state, events: [] };
  const s = cloneForResolve(state);
  const events: GameEvent[] = [];
  const ctx = makeContext(s, state, events);
  const p = s.scenario.params;

  // Last turn's temporary effects and accumulated efforts fade first: what a side pays for this turn works at
  // full strength this turn (and in the reports it reads after it), and a card's effect lasts as many turns
  // of orders as it says.
  tickModifiers(s);
  const l = p.levers;
  s.us.enforcementStock *= 1 - l.enforcementDecay;
  s.us.toolPressure *= 1 - l.toolPressureDecay;
  for (const side of SIDES) s[side].intelStock *= 1 - l.intelDecay;

  // Open-weight models released last turn count for last turn only.
  for (const side of SIDES) s[side].publishedThisTurn = false;
  for (const side of SIDES) payRunningCosts(ctx, side);
  for (const side of SIDES) receiveDeliveries(s, side);

  for (const side of SIDES) {
    advanceProjects(ctx, side);
    // The committed pipeline, and China's subsidised provincial power at the rate in force this turn.
    const added = pipelineGW(p, side, s.turn, s.china.subsidyRate);
    s[side].dataCenterGW += added;
    s[side].powerGW.grid += added;
  }

  for (const { side, order } of orderedOrders(state)) leverOf(order).apply(ctx, side, order);

  s.china.hbmStock = Math.max(0, s.china.hbmStock + hbmProduction(state) - ctx.hbmUsed);
  s.china.chipDesignLevel += p.china.domestic.roadmapLevelsPerTurn;
  s.china.domesticH100ePerChip =
    p.china.domestic.h100ePerChip * Math.pow(1 + p.china.domestic.perfGainPerLevel, s.china.chipDesignLevel);

  // A remote-access law passed this turn can already be applied by willing hosts.
  advanceRemoteAccessBill(ctx);
  updateHosts(ctx);
  drawEvents(ctx);

  // The field's progress, a side's own research, and the side behind catching up by fast following: it closes
  // a share of last turn's capability gap, more while the side ahead publishes open-weight models.
  const algoStep = Math.sqrt(p.world.algoGrowthPerYear);
  for (const side of SIDES) {
    const rival = side === "us" ? "china" : "us";
    const spill = s[rival].publishedThisTurn ? l.publishSpillover : 0;
    const share = Math.min(1, fastFollowShare(p, s.turn) + spill);
    const follow = fastFollowFactor(s[side].capability, s[rival].capability, share);
    s[side].algoEfficiency *= algoStep * ctx.algoBoost[side] * follow;
  }

  computeCapabilities(s);
  for (const side of SIDES) bookEnergy(s, side, s[side].last);
  updateIntel(ctx);

  for (const side of SIDES) {
    retireChips(s, side);
    lapseUnspent(ctx, side);
    const dip = side === "us" && s.us.politicalCostTurns > 0 ? 1 - p.us.reformIncomeCost : 1;
    s[side].cash += s[side].income * dip;
    s[side].income *= 1 + p[side].incomeGrowthPerTurn;
  }
  s.us.cash += s.us.exportRevenueDue;
  if (s.us.exportRevenueDue > 0)
    ctx.emit("us", "exportRevenue", `Export revenue share earned: ${usd(s.us.exportRevenueDue)}.`);
  s.us.exportRevenueDue = 0;
  if (s.us.politicalCostTurns > 0) s.us.politicalCostTurns -= 1;
  s.us.frontierSupply *= 1 + p.us.frontierSupplyGrowthPerTurn;
  // A new Nvidia generation on sale next turn: chips bought from then on draw its power per H100e.
  const roadmap = p.chips.frontierRoadmap;
  const now = generationAt(roadmap, s.turn);
  const coming = generationAt(roadmap, s.turn + 1);
  if (coming !== now) {
    s.us.frontierKwPerH100e *= coming.kwPerH100e / now.kwPerH100e;
    ctx.emit("public", "roadmap.frontier", `Nvidia's ${coming.name} goes on sale.`, { name: coming.name });
  }
  s.tension *= 1 - p.world.tensionDecayPerTurn;
  updateMineralBan(ctx);

  s.history = [...state.history, turnRecord(s, s.turn)];
  s.events = [...state.events, ...events];
  s.pending = { us: null, china: null };
  s.turn += 1;
  if (s.turn >= p.time.turns) s.phase = "ended";
  return { state: s, events };
}
