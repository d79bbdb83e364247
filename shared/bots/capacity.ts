/**
 * Capacity planning shared by both sides' heuristics: how much powered room there is for chips now, and which
 * data centres and power plants to start so that the chips of the coming turns will have somewhere to run.
 */
import type { BuildableSource, Scenario } from "../rules/index.ts";
import type { PolicyView } from "./context.ts";
import { demandGW, homeCapacity, turnsLeft } from "./context.ts";
import type { Draft } from "./draft.ts";

export type PowerMix = Partial<Record<BuildableSource, number>>;
type View = PolicyView;

/** GW of powered data-centre room for new chips at the coming resolution (negative when chips sit idle). */
export function headroomGW(scenario: Scenario, view: View): number {
  let powerFactor = 1;
  const target = view.viewer === "us" ? "us.power" : "china.power";
  for (const m of view.modifiers) if (m.target === target) powerFactor *= m.factor;
  const cap = homeCapacity(scenario, view, 1);
  return Math.min(cap.dataCenterGW, cap.firmGW * powerFactor) - demandGW(scenario, view.own);
}

export interface BuildSpec {
  /** Most money to put into new projects this turn, in $B. */
  budget: number;
  mix: PowerMix;
  /** Permitting reform in force (US), 0..1. */
  reform: number;
  /** GW of chips expected to be added `ahead` turns from now (0 = this turn). */
  addedGW: (ahead: number) => number;
  /** No chips are added before this turn. */
  firstChipTurn: number;
}

/**
 * Starts halls and power that finish before the match ends, sized so that the capacity on the day they are
 * ready covers the fleet expected then (today's fleet after retirement plus the chips added meanwhile).
 */
export function buildCapacity(draft: Draft, view: View, scenario: Scenario, spec: BuildSpec): void {
  if (spec.budget <= 0) return;
  const p = scenario.params;
  const us = view.viewer === "us";
  const left = turnsLeft(view);
  const delay = (base: number) => (us ? Math.round(base * (1 - spec.reform)) : 0);
  const dcLead = p.power.dataCenterLeadTurns + delay(p.power.usDataCenterPermitDelayTurns);
  // A project started now is delivered `lead` resolutions later; it must arrive by the last one.
  if (dcLead > left - 1) return;
  let lead = dcLead;
  let weight = 0;
  const sources: { source: BuildableSource; share: number; firm: number; cost: number }[] = [];
  for (const [source, share] of Object.entries(spec.mix) as [BuildableSource, number][]) {
    const src = p.power.sources[source];
    const srcLead = src.leadTurns + delay(src.usPermitDelayTurns);
    const choice = draft.choice("buildPower", source);
    if (!(share > 0) || srcLead > left - 1 || !choice) continue;
    lead = Math.max(lead, srcLead);
    weight += share;
    sources.push({ source, share, firm: src.firmFactor, cost: choice.costPerUnit });
  }
  const dcChoice = draft.choice("buildDataCenters");
  if (sources.length === 0 || !dcChoice) return;

  const keep = 1 - p.world.retirementPerTurn;
  let target = demandGW(scenario, view.own) * Math.pow(keep, lead);
  for (let k = 0; k <= lead; k++)
    if (view.turn + k >= spec.firstChipTurn) target += spec.addedGW(k) * Math.pow(keep, lead - k);
  const future = homeCapacity(scenario, view, lead);
  const dcGW = Math.max(0, target - future.dataCenterGW);
  const firmGW = Math.max(0, target - future.firmGW);
  let costPerFirm = 0;
  for (const s of sources) costPerFirm += (s.share / weight) * (s.cost / s.firm);
  const cost = dcGW * dcChoice.costPerUnit + firmGW * costPerFirm;
  if (cost <= 0) return;
  const scale = Math.min(1, Math.min(spec.budget, draft.left) / cost);
  if (dcGW > 0) draft.buy("buildDataCenters", dcGW * scale);
  if (firmGW > 0)
    for (const s of sources) draft.buy("buildPower", (firmGW * scale * s.share) / weight / s.firm, s.source);
}
