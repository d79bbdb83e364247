/**
 * Sampling the hidden state: a plausible full match state built only from a side's view and the scenario.
 * The side's own state is copied as it is; the other side's hidden numbers are drawn from the intelligence
 * estimates (within their 95% bands), and what the estimates do not cover is filled in from the scenario and
 * the public record. The true state is never read, so the search bot that plans on these samples cannot cheat.
 */
import type {
  ChinaState,
  DeepReadonly,
  Estimate,
  Fleet,
  HostId,
  MatchState,
  Project,
  Scenario,
  SideRecord,
  SideView,
  TurnOutput,
  TurnRecord,
  UsState,
} from "../rules/index.ts";
import {
  domesticKwPerH100e,
  findCard,
  fleetDemandGW,
  freshSide,
  generationAt,
  HOSTS,
  NO_OUTPUT,
} from "../rules/index.ts";
import type { Dice } from "../rules/rng.ts";

type View = DeepReadonly<SideView>;

/** A draw of a hidden value from its estimate: log-normal with the report's band as its 95% interval. */
export function drawEstimate(e: DeepReadonly<Estimate> | undefined, fallback: number, dice: Dice): number {
  if (!e) return fallback;
  if (e.exact || !(e.estimate > 0) || !(e.high > e.estimate)) return Math.max(0, e.estimate);
  const sigma = Math.log(e.high / e.estimate) / 1.96;
  return e.estimate * Math.exp(sigma * dice.normal());
}

/** Per-turn output consistent with the rival's public capability: the best run so far was that big. */
function outputFor(capability: number): TurnOutput {
  return { ...NO_OUTPUT, effectiveFlop: Math.pow(10, capability) };
}

/** FLOP of effective training compute per usable H100e and unit of algorithmic efficiency in one turn. */
function flopPerH100e(scenario: Scenario): number {
  const w = scenario.params.world;
  return w.h100Flops * w.utilisation * w.hoursPerTurn * 3600 * w.trainingShare;
}

/** Algorithmic efficiency that makes a usable fleet reproduce the rival's public capability. */
function impliedAlgo(scenario: Scenario, capability: number, usableH100e: number, ownAlgo: number): number {
  if (!(usableH100e > 0)) return ownAlgo;
  const algo = Math.pow(10, capability) / (usableH100e * flopPerH100e(scenario));
  return Math.min(ownAlgo * 4, Math.max(ownAlgo / 4, algo));
}

/** Public event cards seen so far, by id. */
function cardsSeen(view: View): string[] {
  const ids: string[] = [];
  for (const e of view.events) if (e.key.startsWith("event.")) ids.push(e.key.slice(6));
  return ids;
}

/** Projects the rival probably has under way: its recent build rate, continued over the lead time. */
function trendProjects(
  dcGrowth: number,
  firmGrowth: number,
  dcLead: number,
  powerLead: number,
  firstId: number,
): Project[] {
  const projects: Project[] = [];
  let id = firstId;
  for (let k = 1; k <= dcLead && dcGrowth > 0; k++)
    projects.push({ id: id++, kind: "dataCenter", amount: dcGrowth, turnsLeft: k, delayTurns: 0 });
  for (let k = 1; k <= powerLead && firmGrowth > 0; k++)
    projects.push({
      id: id++,
      kind: "power",
      source: "gas",
      amount: firmGrowth,
      turnsLeft: k,
      delayTurns: 0,
    });
  return projects;
}

function sampleChina(view: DeepReadonly<SideView>, scenario: Scenario, dice: Dice): ChinaState {
  const p = scenario.params;
  const d = p.china.domestic;
  const intel = view.intel;
  const keep = Math.pow(1 - p.world.retirementPerTurn, view.turn);
  const home = drawEstimate(intel.homeH100e, 0, dice);
  const smuggled = Math.min(home, drawEstimate(intel.smuggledH100e, 0, dice));
  const perChip = Math.max(1e-6, drawEstimate(intel.domesticH100ePerChip, d.h100ePerChip, dice));
  const frontier = Math.min(home, p.china.fleet.frontier * keep + smuggled);
  const exportGrade = Math.min(home - frontier, p.china.fleet.exportGrade * keep);
  const domestic = Math.max(0, home - frontier - exportGrade);
  // Older domestic chips draw more per unit of compute than today's; take a middle value.
  const domesticKw =
    Math.sqrt(domesticKwPerH100e(p, view.turn) * p.chips.domesticPowerRatio * p.chips.legacyKwPerH100e) *
    domestic;
  const fleet: Fleet = {
    frontier: { h100e: frontier, kw: frontier * p.chips.legacyKwPerH100e },
    exportGrade: {
      h100e: exportGrade,
      kw: exportGrade * generationAt(p.chips.exportGradeRoadmap, 0).kwPerH100e,
    },
    domestic: { h100e: domestic, kw: domesticKw },
  };
  const leases = {} as Record<HostId, number>;
  let leased = 0;
  for (const h of HOSTS) {
    leases[h] = drawEstimate(intel[`lease.${h}`], 0, dice);
    leased += leases[h];
  }
  const power = drawEstimate(intel.powerGW, p.china.energy.powerGW.grid, dice);
  const demand = fleetDemandGW(fleet, p.world.pue);
  const powered = demand > 0 ? Math.min(1, power / demand) : 1;
  const capability = view.capability.china;
  const level = Math.log(perChip / d.h100ePerChip) / Math.log(1 + d.perfGainPerLevel);
  const capacity = drawEstimate(intel.domesticCapacityH100e, 0, dice);
  const fabChipsPerWafer = 6 * d.aiFabShare * d.yield * (d.diesPerWafer / d.diesPerChip);
  const wafers = Math.max(d.wafersPerMonth, capacity / perChip / fabChipsPerWafer);
  return Object.assign(
    freshSide(
      drawEstimate(intel.cash, p.china.cash, dice),
      p.china.incomePerTurn * Math.pow(1 + p.china.incomeGrowthPerTurn, view.turn),
      fleet,
      power,
      { grid: power, solar: 0, wind: 0, gas: 0, nuclear: 0 },
    ),
    {
      projects: [],
      algoEfficiency: impliedAlgo(scenario, capability, home * powered + leased, view.own.algoEfficiency),
      bestRunFlop: Math.pow(10, capability),
      capability,
      last: outputFor(capability),
      leases,
      subsidyRate: view.subsidyRate,
      chipDesignLevel: Number.isFinite(level) ? level : 0,
      domesticH100ePerChip: perChip,
      fabWafersPerMonth: wafers,
      fabYield: d.yield,
      hbmStock: drawEstimate(intel.hbmStock, d.hbmStock, dice),
      hbmProductionPerTurn: d.hbmProductionPerTurn,
      chipResearchStock: 0,
      smuggledTotal: smuggled,
      subsidyCostTotal: 0,
      // Leases the US cannot see starting or binding: none assumed.
      leasesArriving: { japan: 0, australia: 0, singapore: 0, malaysia: 0, indonesia: 0 },
      leaseCommittedUntil: { japan: 0, australia: 0, singapore: 0, malaysia: 0, indonesia: 0 },
    },
  );
}

function sampleUs(view: DeepReadonly<SideView>, scenario: Scenario, dice: Dice, seen: string[]): UsState {
  const p = scenario.params;
  const intel = view.intel;
  const l = p.levers;
  let kwPerH100e = generationAt(p.chips.frontierRoadmap, view.turn).kwPerH100e;
  let supply = p.us.frontierSupplyPerTurn * Math.pow(1 + p.us.frontierSupplyGrowthPerTurn, view.turn);
  for (const id of seen) {
    const card = findCard(id);
    if (card?.effect.kind === "newGeneration") {
      kwPerH100e *= card.effect.kwFactor;
      supply *= card.effect.supplyFactor;
    }
  }
  const keep = Math.pow(1 - p.world.retirementPerTurn, view.turn);
  const home = drawEstimate(intel.homeH100e, p.us.fleetH100e, dice);
  const legacy = Math.min(home, p.us.fleetH100e * keep);
  const fleet: Fleet = {
    frontier: { h100e: home, kw: legacy * p.chips.legacyKwPerH100e + (home - legacy) * kwPerH100e },
    exportGrade: { h100e: 0, kw: 0 },
    domestic: { h100e: 0, kw: 0 },
  };
  const power = drawEstimate(intel.powerGW, p.us.energy.powerGW.grid, dice);
  const dataCenterGW = drawEstimate(intel.dataCenterGW, power, dice);
  const demand = (fleet.frontier.kw * p.world.pue) / 1e6;
  const powered = demand > 0 ? Math.min(1, Math.min(power, dataCenterGW) / demand) : 1;
  const capability = view.capability.us;
  const enforcement = Math.min(0.99, drawEstimate(intel.enforcement, 0, dice));
  // What the US built beyond its committed pipeline, per turn so far, is assumed to keep coming.
  const e = p.us.energy;
  const pipelineSoFar = Math.min(view.turn, e.pipelineTurns) * e.pipelineGWPerTurn;
  const turns = Math.max(1, view.turn);
  const dcGrowth = Math.max(0, (dataCenterGW - e.dataCenterGW - pipelineSoFar) / turns);
  const firmGrowth = Math.max(0, (power - e.powerGW.grid - pipelineSoFar) / turns);
  const reform = view.permitReform;
  const delay = (base: number) => Math.round(base * (1 - reform));
  const dcLead = p.power.dataCenterLeadTurns + delay(p.power.usDataCenterPermitDelayTurns);
  const gas = p.power.sources.gas;
  const powerLead = gas.leadTurns + delay(gas.usPermitDelayTurns);
  return Object.assign(
    freshSide(
      drawEstimate(intel.cash, p.us.cash, dice),
      p.us.incomePerTurn * Math.pow(1 + p.us.incomeGrowthPerTurn, view.turn),
      fleet,
      dataCenterGW,
      { grid: power, solar: 0, wind: 0, gas: 0, nuclear: 0 },
    ),
    {
      projects: trendProjects(dcGrowth, firmGrowth / gas.firmFactor, dcLead, powerLead, 1_000_000),
      algoEfficiency: impliedAlgo(scenario, capability, home * powered, view.own.algoEfficiency),
      bestRunFlop: Math.pow(10, capability),
      capability,
      last: outputFor(capability),
      exportControlLevel: view.exportControlLevel,
      enforcementStock: -l.enforcementRef * Math.log(1 - enforcement),
      toolPressure: 0,
      permitReform: reform,
      reformProgress: Math.min(0.99, drawEstimate(intel.reformProgress, 0, dice)),
      frontierSupply: supply,
      frontierKwPerH100e: kwPerH100e,
      exportRevenueDue: 0,
      politicalCostTurns: 0,
      remoteAccessBillTurns: view.remoteAccessBillTurns,
    },
  );
}

/**
 * The match's past as far as the view shows it: each turn's lead and both capabilities (public), which is all
 * that the lead over the final turns is computed from; the rest of each row is left empty.
 */
function pastRows(view: View): TurnRecord[] {
  const empty = (capability: number): SideRecord => ({
    capability,
    effectiveFlop: 0,
    homeH100e: 0,
    leasedH100e: 0,
    usableH100e: 0,
    fleetByType: { frontier: 0, exportGrade: 0, domestic: 0 },
    leasesByHost: { japan: 0, australia: 0, singapore: 0, malaysia: 0, indonesia: 0 },
    powerGW: 0,
    demandGW: 0,
    dataCenterGW: 0,
    spent: 0,
    spentByLever: view.own.spentByLever as SideRecord["spentByLever"],
    algoEfficiency: 1,
    emissionsMt: 0,
    energyTWh: 0,
    cash: 0,
  });
  return view.history.map((row) => ({
    turn: row.turn,
    label: row.label,
    tension: row.tension,
    exportControlLevel: row.exportControlLevel,
    leadMonths: row.leadMonths,
    sides: { us: empty(row.capability.us), china: empty(row.capability.china) },
  }));
}

/**
 * A full match state that agrees with everything the view shows: the viewer's own state, the public facts
 * (hosts, tension, controls, modifiers, capabilities, one-time cards drawn) and a draw of the rival's hidden
 * numbers from the viewer's estimates. The generator state of the world is drawn too.
 */
export function sampleState(view: View, scenario: Scenario, dice: Dice): MatchState {
  const seen = cardsSeen(view);
  const drawn = seen.filter((id) => findCard(id)?.once);
  const own = view.own as unknown;
  const us = view.viewer === "us" ? (own as UsState) : sampleUs(view, scenario, dice, seen);
  const china = view.viewer === "china" ? (own as ChinaState) : sampleChina(view, scenario, dice);
  return {
    version: 2,
    scenario,
    seed: dice.int(2 ** 31),
    // A guess at the world's luck: the bot knows neither the seed's future cards nor the secret.
    secret: Array.from({ length: 4 }, () =>
      dice
        .int(2 ** 32)
        .toString(16)
        .padStart(8, "0"),
    ).join(""),
    turn: view.turn,
    phase: view.phase,
    tension: view.tension,
    mineralBan: view.mineralBan,
    us,
    china,
    hosts: view.hosts as MatchState["hosts"],
    pending: { us: null, china: null },
    injected: [],
    modifiers: view.modifiers as MatchState["modifiers"],
    drawn,
    events: [],
    history: pastRows(view),
    exposed: [],
    nextProjectId: 2_000_000,
  };
}
