/**
 * The US heuristic: one parametrised policy that the US personas (and the search bot's candidates) share.
 * Each turn it sets policy (controls, enforcement, pressure), fills the power it has with frontier chips, pays
 * for research and reform, and starts the data centres and power plants that will be ready before the end.
 */
import type {
  BuildableSource,
  ChinaView,
  ControlLevel,
  DeepReadonly,
  HostId,
  OrderOptions,
  Scenario,
  UsView,
} from "../rules/index.ts";
import { HOSTS } from "../rules/index.ts";
import { demandGW, homeCapacity, pipelineGW, firmGW, turnsLeft } from "./context.ts";
import { Draft } from "./draft.ts";

export interface UsPlan {
  /** Export-control level to move to (null keeps the current one), from `controlsFrom` on. */
  controls: ControlLevel | null;
  controlsFrom: number;
  /** $B a turn on enforcement, intelligence and pressure on tool-making allies. */
  enforcement: number;
  intelligence: number;
  toolAllies: number;
  /** $B a turn of pressure on each of the `pressureHosts` hosts most useful to China. */
  pressure: number;
  pressureHosts: number;
  /** $B a turn co-funding trusted data centres in the host China uses most. */
  allySubsidy: number;
  /** $B a turn pushing permitting reform until it is complete. */
  reform: number;
  /** Algorithm research: at most `algo` $B and at most `algoShare` of the money a turn. */
  algo: number;
  algoShare: number;
  /** Share of the money left after chips and policy that starts new data centres and power. */
  buildShare: number;
  /** Mix of the power built, as shares of firm GW by source. */
  powerMix: Partial<Record<BuildableSource, number>>;
  /** Extra chips beyond today's powered headroom, as a share of it (0 = only chips that will run). */
  overbuy: number;
  /** Skip building in the first turns to save up (turns). */
  saveTurns: number;
}

type View = DeepReadonly<UsView>;

/** Hosts ranked by how much they help China: estimated leases first, then what China could rent there. */
export function hostsByChineseUse(view: View, scenario: Scenario): HostId[] {
  const p = scenario.params;
  const kwWall = view.own.frontierKwPerH100e * p.world.pue;
  const score = (h: HostId): number => {
    const host = view.hosts[h];
    if (host.appliesRemoteAccessRule) return -1;
    const lease = view.intel[`lease.${h}`]?.estimate ?? 0;
    const room = (host.capacityGW * p.hosts[h].foreignAiShare * host.openness * 1e6) / kwWall;
    return lease + 0.5 * room;
  };
  return [...HOSTS].sort((a, b) => score(b) - score(a));
}

/** Starts data centres and power that finish before the match ends, keeping halls and power in step. */
export function buildCapacity(
  draft: Draft,
  view: DeepReadonly<UsView> | DeepReadonly<ChinaView>,
  scenario: Scenario,
  budget: number,
  mix: Partial<Record<BuildableSource, number>>,
  reform: number,
): void {
  if (budget <= 0) return;
  const p = scenario.params;
  const side = view.viewer;
  const left = turnsLeft(view);
  const delay = (base: number) => (side === "us" ? Math.round(base * (1 - reform)) : 0);
  const dcLead = p.power.dataCenterLeadTurns + delay(p.power.usDataCenterPermitDelayTurns);
  // A project started now is delivered `lead` resolutions later; it must arrive by the last one.
  if (dcLead > left - 1) return;
  const sources = (Object.keys(mix) as BuildableSource[]).filter((s) => {
    const src = p.power.sources[s];
    return (mix[s] ?? 0) > 0 && src.leadTurns + delay(src.usPermitDelayTurns) <= left - 1;
  });
  if (sources.length === 0) return;
  const dcChoice = draft.choice("buildDataCenters");
  if (!dcChoice) return;
  let weight = 0;
  let costPerFirm = 0;
  for (const s of sources) weight += mix[s] ?? 0;
  const perSource = new Map<BuildableSource, { share: number; cost: number; firm: number }>();
  for (const s of sources) {
    const c = draft.choice("buildPower", s);
    if (!c) continue;
    const firm = p.power.sources[s].firmFactor;
    const share = (mix[s] ?? 0) / weight;
    perSource.set(s, { share, cost: c.costPerUnit, firm });
    costPerFirm += (share * c.costPerUnit) / firm;
  }
  if (perSource.size === 0) return;
  const own = view.own;
  const pipe = pipelineGW(scenario, own);
  const dcFuture = own.dataCenterGW + pipe.dataCenterGW;
  const firmFuture = firmGW(scenario, own.powerGW) + pipe.firmGW;
  const cDc = dcChoice.costPerUnit;
  const gap = dcFuture - firmFuture;
  // Spend `budget` so that halls and firm power end level: cDc*x + costPerFirm*y = budget, x + gap = y.
  let x = (budget - costPerFirm * gap) / (cDc + costPerFirm);
  let y = x + gap;
  if (x < 0) {
    x = 0;
    y = budget / costPerFirm;
  } else if (y < 0) {
    y = 0;
    x = budget / cDc;
  }
  if (x > 0) draft.buy("buildDataCenters", x);
  if (y > 0)
    for (const [s, v] of perSource) {
      const gw = (y * v.share) / v.firm;
      if (gw > 0) draft.buy("buildPower", gw, s);
    }
}

/** The US heuristic for one turn. */
export function usOrders(view: View, options: OrderOptions, scenario: Scenario, plan: UsPlan): Draft {
  const draft = new Draft(options);
  const p = scenario.params;
  const own = view.own;
  const left = turnsLeft(view);

  if (plan.controls && view.turn >= plan.controlsFrom && own.exportControlLevel !== plan.controls)
    draft.setControls(plan.controls);

  draft.spend("fundEnforcement", plan.enforcement);
  draft.spend("fundIntelligence", plan.intelligence);
  draft.spend("pressureToolAllies", plan.toolAllies);
  if (plan.pressure > 0 || plan.allySubsidy > 0) {
    const ranked = hostsByChineseUse(view, scenario);
    for (const h of ranked.slice(0, plan.pressureHosts)) draft.spend("pressureHost", plan.pressure, h);
    const top = ranked[0];
    if (top && plan.allySubsidy > 0) draft.spend("subsidiseAllies", plan.allySubsidy, top);
  }

  // Chips for the power that will be there at this resolution; chips without power would sit idle.
  const kwWall = own.frontierKwPerH100e * p.world.pue;
  let powerFactor = 1;
  for (const m of view.modifiers) if (m.target === "us.power") powerFactor *= m.factor;
  const cap = homeCapacity(scenario, view, 1);
  const usable = Math.min(cap.dataCenterGW, cap.firmGW * powerFactor);
  const headroomGW = usable - demandGW(scenario, own);
  if (headroomGW > 0) draft.buy("buyChips", ((headroomGW * 1e6) / kwWall) * (1 + plan.overbuy), "frontier");

  const money = draft.left;
  draft.spend("fundAlgorithms", Math.min(plan.algo, plan.algoShare * money));
  if (left > 4) draft.spend("permittingReform", plan.reform);
  if (view.turn >= plan.saveTurns)
    buildCapacity(draft, view, scenario, draft.left * plan.buildShare, plan.powerMix, own.permitReform);
  return draft;
}
