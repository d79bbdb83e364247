/**
 * The US heuristic: one parametrised policy that the US personas (and the search bot's candidates) share.
 * Each turn it sets policy (controls, enforcement, pressure), fills the power it has with frontier chips, pays
 * for research and reform, and starts the data centres and power plants that the chips of the coming turns
 * will need, as long as they are ready before the match ends.
 */
import type { ControlLevel, HostId, OrderOptions, Scenario } from "../rules/index.ts";
import { HOSTS } from "../rules/index.ts";
import type { PowerMix } from "./capacity.ts";
import { buildCapacity, headroomGW } from "./capacity.ts";
import type { UsPolicyView } from "./context.ts";
import { turnsLeft } from "./context.ts";
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
  /** $B a turn pushing permitting reform until it is complete (stops when too late to pay off). */
  reform: number;
  /** Algorithm research: at most `algo` $B and at most `algoShare` of the money a turn. */
  algo: number;
  algoShare: number;
  /** Share of the frontier supply of the coming turns that new halls and power are planned for. */
  ambition: number;
  /** Power built, as shares of firm GW by source. */
  powerMix: PowerMix;
  /** Buys chips only from this turn on (earlier chips retire before the end); power is built all along. */
  chipsFrom: number;
}

type View = UsPolicyView;

/** Hosts ranked by how much they help China: estimated leases first, then what China could rent there. */
export function hostsByChineseUse(view: View, scenario: Scenario): HostId[] {
  const p = scenario.params;
  const kwWall = view.own.frontierKwPerH100e * p.world.pue;
  const intel = view.intel;
  const score = {} as Record<HostId, number>;
  for (const h of HOSTS) {
    const host = view.hosts[h];
    const lease = intel[`lease.${h}`]?.estimate ?? 0;
    const room = (host.capacityGW * p.hosts[h].foreignAiShare * host.openness * 1e6) / kwWall;
    score[h] = host.appliesRemoteAccessRule ? -1 : lease + 0.5 * room;
  }
  return [...HOSTS].sort((a, b) => score[b] - score[a]);
}

/** The US heuristic for one turn. */
export function usOrders(view: View, options: OrderOptions, scenario: Scenario, plan: UsPlan): Draft {
  const draft = new Draft(options);
  const p = scenario.params;
  const own = view.own;

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

  // Chips for the power there will be; chips without power would sit idle. On the last turn only research
  // counts: chips bought then would be installed after the end.
  const last = turnsLeft(view) <= 1;
  const kwWall = (own.frontierKwPerH100e * p.world.pue) / 1e6;
  const room = headroomGW(scenario, view);
  if (room > 0 && view.turn >= plan.chipsFrom && !last) draft.buy("buyChips", room / kwWall, "frontier");

  draft.spend("fundAlgorithms", Math.min(plan.algo, plan.algoShare * draft.left));
  if (last) return draft;
  if (turnsLeft(view) > 6) draft.spend("permittingReform", plan.reform);

  // Halls and power for the chips of the coming turns: the supply grows every turn.
  const growth = 1 + p.us.frontierSupplyGrowthPerTurn;
  const supplyGW = (ahead: number) => own.frontierSupply * Math.pow(growth, ahead) * kwWall * plan.ambition;
  buildCapacity(draft, view, scenario, {
    budget: draft.left,
    mix: plan.powerMix,
    reform: own.permitReform,
    addedGW: supplyGW,
    firstChipTurn: plan.chipsFrom,
  });
  return draft;
}
