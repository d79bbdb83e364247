/** Setting up a new match from a scenario and a seed. */
import { computeCapabilities, turnRecord } from "./resolve.ts";
import { generationAt } from "./model.ts";
import { ORDER_TYPES, type OrderType } from "./orders.ts";
import { offlineSecret, SECRET_PATTERN } from "./streams.ts";
import type { Scenario } from "./scenario.ts";
import type {
  ChinaState,
  Fleet,
  HostId,
  HostState,
  MatchState,
  PowerMix,
  TurnOutput,
  UsState,
} from "./types.ts";
import { HOSTS } from "./types.ts";

/** A fleet's output before its first turn (nothing run yet). */
export const NO_OUTPUT: TurnOutput = {
  usableH100e: 0,
  homeH100e: 0,
  leasedH100e: 0,
  demandGW: 0,
  availableGW: 0,
  poweredFraction: 1,
  effectiveFlop: 0,
  electricityCost: 0,
};

/** An empty fleet. */
export function noChips(): Fleet {
  return {
    frontier: { h100e: 0, kw: 0 },
    exportGrade: { h100e: 0, kw: 0 },
    domestic: { h100e: 0, kw: 0 },
  };
}

function power(mix: PowerMix): PowerMix {
  return { ...mix };
}

/** The parts both sides' states share, as a side starts: nothing spent, run or built yet. */
export function freshSide(
  cash: number,
  income: number,
  fleet: Fleet,
  dataCenterGW: number,
  powerGW: PowerMix,
) {
  return {
    cash,
    income,
    fleet,
    arriving: noChips(),
    dataCenterGW,
    powerGW: power(powerGW),
    projects: [],
    algoEfficiency: 1,
    bestRunFlop: 0,
    capability: 0,
    intelStock: 0,
    spentByLever: Object.fromEntries(ORDER_TYPES.map((t) => [t, 0])) as Record<OrderType, number>,
    runningCostTotal: 0,
    energyTWh: 0,
    emissionsMt: 0,
    ledger: { acquired: 0, retired: 0, seized: 0 },
    last: { ...NO_OUTPUT },
    publishedThisTurn: false,
  };
}

/**
 * A new match at its first turn. The same scenario, seed and secret always give the same state (and hash). The
 * start already shows each side's capability and the lead, computed from the starting fleets. A server passes
 * a secret it made with a CSPRNG (see streams.ts); offline play may leave it out, and it then follows from the
 * seed. Throws on a secret that is not 32-64 lower-case hexadecimal digits (a programming error, never input).
 */
export function createMatch(scenario: Scenario, seed: number, secret = offlineSecret(seed)): MatchState {
  if (!SECRET_PATTERN.test(secret)) throw new Error("a match secret is 32 to 64 lower-case hex digits");
  const p = scenario.params;
  const chips = p.chips;
  const d = p.china.domestic;
  const usFleet: Fleet = {
    frontier: { h100e: p.us.fleetH100e, kw: p.us.fleetH100e * chips.legacyKwPerH100e },
    exportGrade: { h100e: 0, kw: 0 },
    domestic: { h100e: 0, kw: 0 },
  };
  const cf = p.china.fleet;
  const chinaFleet: Fleet = {
    frontier: { h100e: cf.frontier, kw: cf.frontier * chips.legacyKwPerH100e },
    exportGrade: {
      h100e: cf.exportGrade,
      kw: cf.exportGrade * generationAt(chips.exportGradeRoadmap, 0).kwPerH100e,
    },
    // China's domestic fleet at the start was made against the H100: the same ratio to its power.
    domestic: { h100e: cf.domestic, kw: cf.domestic * chips.domesticPowerRatio * chips.legacyKwPerH100e },
  };
  // Object.assign rather than `{ ...freshSide(), more }`: V8 builds a spread followed by new keys slowly
  // (microseconds per object), and matches are created by the thousand in the balance lab.
  const us: UsState = Object.assign(
    freshSide(p.us.cash, p.us.incomePerTurn, usFleet, p.us.energy.dataCenterGW, p.us.energy.powerGW),
    {
      exportControlLevel: p.exportControls.startLevel,
      enforcementStock: 0,
      toolPressure: 0,
      permitReform: 0,
      reformProgress: 0,
      frontierSupply: p.us.frontierSupplyPerTurn,
      frontierKwPerH100e: generationAt(chips.frontierRoadmap, 0).kwPerH100e,
      exportRevenueDue: 0,
      politicalCostTurns: 0,
      remoteAccessBillTurns: 0,
    },
  );
  const china: ChinaState = Object.assign(
    freshSide(
      p.china.cash,
      p.china.incomePerTurn,
      chinaFleet,
      p.china.energy.dataCenterGW,
      p.china.energy.powerGW,
    ),
    {
      leases: { ...p.china.leases },
      leasesArriving: { japan: 0, australia: 0, singapore: 0, malaysia: 0, indonesia: 0 },
      leaseCommittedUntil: { japan: 0, australia: 0, singapore: 0, malaysia: 0, indonesia: 0 },
      subsidyRate: 0,
      chipDesignLevel: 0,
      domesticH100ePerChip: d.h100ePerChip,
      fabWafersPerMonth: d.wafersPerMonth,
      fabYield: d.yield,
      hbmStock: d.hbmStock,
      hbmProductionPerTurn: d.hbmProductionPerTurn,
      chipResearchStock: 0,
      smuggledTotal: 0,
      subsidyCostTotal: 0,
    },
  );
  const hosts = {} as Record<HostId, HostState>;
  for (const h of HOSTS) {
    const hp = p.hosts[h];
    hosts[h] = {
      capacityGW: hp.capacityGW,
      openness: hp.openness,
      strictness: hp.strictness,
      influence: { us: hp.influenceUs, china: hp.influenceChina },
      leasePrice: hp.leaseUsdPerH100eTurn * 1e-9,
      alliedGW: 0,
      appliesRemoteAccessRule: false,
    };
  }
  const state: MatchState = {
    version: 2,
    scenario,
    seed,
    secret,
    turn: 0,
    phase: "orders",
    tension: p.world.startTension,
    mineralBan: false,
    us,
    china,
    hosts,
    pending: { us: null, china: null },
    modifiers: [],
    injected: [],
    drawn: [],
    events: [],
    history: [],
    exposed: [],
    nextProjectId: 1,
  };
  computeCapabilities(state);
  state.history = [turnRecord(state, -1)];
  return state;
}
