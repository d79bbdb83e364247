/**
 * The heuristic personas: recognisable strategies built on the shared US and China policies. Each is a preset
 * of the policy's parameters; the search bot uses the same presets (and variations) as its candidate plans.
 */
import type { OrderOptions, Scenario, Side } from "../rules/index.ts";
import type { Bot } from "./bot.ts";
import type { ChinaPlan } from "./chinaPolicy.ts";
import { chinaOrders } from "./chinaPolicy.ts";
import type { ChinaPolicyView, PolicyView, UsPolicyView } from "./context.ts";
import { scenarioFor } from "./context.ts";
import type { Draft } from "./draft.ts";
import type { UsPlan } from "./usPolicy.ts";
import { usOrders } from "./usPolicy.ts";

/** US hawk: the full ban with the remote-access rule, enforcement, pressure on hosts and tool allies. */
export const HAWK: UsPlan = {
  controls: "banPlusRemoteAccess",
  controlsFrom: 0,
  enforcement: 1.5,
  intelligence: 1,
  toolAllies: 2,
  pressure: 2,
  pressureHosts: 3,
  allySubsidy: 3,
  reform: 0,
  algo: 15,
  algoShare: 0.3,
  ambition: 0.6,
  powerMix: { gas: 1 },
  chipsFrom: 0,
};

/** US builder: frontier chips, data centres and power at home, permitting reform; controls left as they are. */
export const BUILDER: UsPlan = {
  controls: null,
  controlsFrom: 0,
  enforcement: 0,
  intelligence: 0,
  toolAllies: 0,
  pressure: 0,
  pressureHosts: 0,
  allySubsidy: 0,
  reform: 10,
  algo: 25,
  algoShare: 0.3,
  ambition: 1,
  powerMix: { gas: 0.6, solar: 0.4 },
  chipsFrom: 0,
};

/** China offshorer: leases compute in the hosts, courts them, smuggles while frontier chips are banned. */
export const OFFSHORER: ChinaPlan = {
  subsidy: 0.2,
  publish: true,
  intelligence: 0.5,
  algo: 4,
  algoShare: 0.2,
  smuggle: 1,
  smuggleMaxRisk: 0.4,
  domestic: 1,
  exportGrade: 0,
  chipsFrom: 0,
  lease: 0.15,
  leaseAtEnd: true,
  court: 2,
  courtHosts: 2,
  chipResearch: 0,
  fabs: 0,
  hbm: 0,
  powerMix: { solar: 1 },
  hoard: 0.3,
  releaseTurns: 1,
};

/** China self-reliance: domestic chips, fabs, HBM and chip design, with subsidised power and cheap solar. */
export const SELF_RELIANCE: ChinaPlan = {
  subsidy: 0.5,
  publish: true,
  intelligence: 0,
  algo: 5,
  algoShare: 0.2,
  smuggle: 0,
  smuggleMaxRisk: 0,
  domestic: 1,
  exportGrade: 0,
  chipsFrom: 0,
  lease: 0,
  leaseAtEnd: false,
  court: 0,
  courtHosts: 0,
  chipResearch: 5,
  fabs: 3,
  hbm: 2,
  powerMix: { solar: 0.7, gas: 0.3 },
  hoard: 0,
  releaseTurns: 1,
};

/** US all-rounder: the builder's programme with the hawk's cheap denial levers. Not a persona of its own. */
export const US_BALANCED: UsPlan = {
  ...BUILDER,
  controls: "banPlusRemoteAccess",
  enforcement: 1.5,
  toolAllies: 2,
  pressure: 2,
  pressureHosts: 2,
};

/** China all-rounder: self-reliance plus smuggling while it is safe and a last-turn lease abroad. */
export const CHINA_BALANCED: ChinaPlan = {
  ...SELF_RELIANCE,
  smuggle: 1,
  smuggleMaxRisk: 0.35,
  leaseAtEnd: true,
  hoard: 0.1,
  releaseTurns: 1,
  court: 1,
  courtHosts: 2,
};

export type Plan = { side: "us"; plan: UsPlan } | { side: "china"; plan: ChinaPlan };

/** Orders of a plan for one turn, as a draft (null when the plan is for the other side). */
export function planDraft(
  view: PolicyView,
  options: OrderOptions,
  scenario: Scenario,
  plan: Plan,
): Draft | null {
  if (view.viewer !== plan.side) return null;
  return plan.side === "us"
    ? usOrders(view as UsPolicyView, options, scenario, plan.plan)
    : chinaOrders(view as ChinaPolicyView, options, scenario, plan.plan);
}

const BALANCED: Record<Side, Plan> = {
  us: { side: "us", plan: US_BALANCED },
  china: { side: "china", plan: CHINA_BALANCED },
};

/**
 * A bot that follows a plan; it never draws chance, so its generator passes through unchanged. Seated on the
 * other side (a live room may seat one bot on both), it plays that side's all-rounder instead of nothing.
 */
export function planBot(id: string, description: string, plan: Plan, bound?: Scenario): Bot {
  const sides: readonly Side[] = [plan.side];
  return {
    id,
    sides,
    description,
    decide(input, rng) {
      const mine = input.view.viewer === plan.side ? plan : BALANCED[input.view.viewer];
      const draft = planDraft(input.view, input.options, scenarioFor(input.view, bound), mine);
      return { orders: draft ? draft.orders : [], rng };
    },
    bind: (scenario) => planBot(id, description, plan, scenario),
  };
}

export const hawkBot = planBot(
  "hawk",
  "US: full ban with the remote-access rule, enforcement, pressure on hosts and tool-making allies",
  { side: "us", plan: HAWK },
);
export const builderBot = planBot(
  "builder",
  "US: frontier chips, data centres and power at home, permitting reform",
  { side: "us", plan: BUILDER },
);
export const offshorerBot = planBot(
  "offshorer",
  "China: leases compute abroad, courts hosts, smuggles while chips are banned",
  { side: "china", plan: OFFSHORER },
);
export const selfRelianceBot = planBot(
  "self-reliance",
  "China: domestic chips, fabs and HBM, chip design, subsidised power and cheap solar",
  { side: "china", plan: SELF_RELIANCE },
);
