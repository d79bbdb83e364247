/**
 * What a bot knows besides its view: the scenario (the rules of the match, public to both sides) and a few
 * projections of its own state that the heuristics share. Nothing here reads the other side's hidden state.
 */
import type { ChinaView, DeepReadonly, Scenario, SideView, UsView } from "../rules/index.ts";
import { BUILTIN_SCENARIOS, fleetDemandGW, pipelineGW, POWER_SOURCES } from "../rules/index.ts";

/**
 * The part of a side's view that the heuristics read. A real view has it all; the search bot's rollouts build
 * just these fields for imagined states, which keeps thousands of rollouts a turn cheap.
 */
export type PolicyView<V extends SideView = SideView> = DeepReadonly<
  Pick<
    V,
    | "viewer"
    | "turn"
    | "own"
    | "hosts"
    | "modifiers"
    | "intel"
    | "scenario"
    | "exportControlLevel"
    | "remoteAccessBillTurns"
    | "capability"
  >
>;
export type UsPolicyView = PolicyView<UsView>;
export type ChinaPolicyView = PolicyView<ChinaView>;

type View = PolicyView;
type OwnState = View["own"];
type Project = OwnState["projects"][number];

const FALLBACK = "baseline-2025";

/**
 * The scenario a bot plans with: the one it was bound to (the lab binds every bot to the match's scenario),
 * else the built-in scenario named in the view, with the public victory threshold and length from the view.
 */
export function scenarioFor(view: View, bound?: Scenario): Scenario {
  if (bound) return bound;
  const base = (BUILTIN_SCENARIOS[view.scenario.id] ?? BUILTIN_SCENARIOS[FALLBACK])!.scenario;
  const p = base.params;
  if (
    p.victory.leadMonths === view.scenario.victoryLeadMonths &&
    p.victory.judgedTurns === view.scenario.judgedTurns &&
    p.time.turns === view.scenario.turns
  )
    return base;
  return {
    ...base,
    params: {
      ...p,
      victory: { leadMonths: view.scenario.victoryLeadMonths, judgedTurns: view.scenario.judgedTurns },
      time: { ...p.time, turns: view.scenario.turns },
    },
  };
}

/** Firm power of a power mix, in GW (the grid counts fully, new sources by their firm factor). */
export function firmGW(scenario: Scenario, mix: DeepReadonly<Record<string, number>>): number {
  const sources = scenario.params.power.sources;
  let gw = 0;
  for (const src of POWER_SOURCES)
    gw += (mix[src] ?? 0) * (src === "grid" ? 1 : sources[src as keyof typeof sources].firmFactor);
  return gw;
}

/** Power a fleet draws at the wall, in GW. */
export function demandGW(scenario: Scenario, own: OwnState): number {
  return fleetDemandGW(own.fleet, scenario.params.world.pue);
}

function projectFirm(scenario: Scenario, p: Project): number {
  return p.kind === "power" && p.source ? p.amount * scenario.params.power.sources[p.source].firmFactor : 0;
}

/**
 * Data-centre halls and firm power a side will have at home after `ahead` more resolutions (1 = the coming
 * one), from its projects and the scenario's committed pipeline. Local opposition may still delay a project.
 */
export function homeCapacity(
  scenario: Scenario,
  view: View,
  ahead: number,
): { dataCenterGW: number; firmGW: number; usableGW: number } {
  const own = view.own;
  const side = view.viewer;
  let dc = own.dataCenterGW;
  let firm = firmGW(scenario, own.powerGW);
  for (const p of own.projects) {
    if (p.turnsLeft > ahead) continue;
    if (p.kind === "dataCenter") dc += p.amount;
    firm += projectFirm(scenario, p);
  }
  const rate = "subsidyRate" in own ? own.subsidyRate : 0;
  for (let k = 0; k < ahead; k++) {
    const added = pipelineGW(scenario.params, side, view.turn + k, rate);
    dc += added;
    firm += added;
  }
  return { dataCenterGW: dc, firmGW: firm, usableGW: Math.min(dc, firm) };
}

/** Resolutions left in the match counting the coming one (1 on the last turn). */
export function turnsLeft(view: View): number {
  return view.scenario.turns - view.turn;
}
