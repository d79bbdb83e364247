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

/**
 * US hawk: the full ban with the remote-access rule from the first turn, enforcement against smuggling,
 * pressure on the three hosts China uses most and on the tool-making allies, and co-funded trusted data centres
 * in the host China uses most (a host applies the remote-access rule only where the US has more goodwill than
 * China, and co-funding wins it). It builds at home too, with power for the whole chip supply and permitting
 * reform, and funds algorithm research (with fast following a US that does not keep its own methods ahead is
 * caught up; the amounts were re-tuned in docs/balance, Model v3.2 and v3.3).
 */
export const HAWK: UsPlan = {
  controls: "banPlusRemoteAccess",
  controlsFrom: 0,
  enforcement: 2.5,
  intelligence: 0,
  toolAllies: 0.9,
  pressure: 2,
  pressureHosts: 3,
  allySubsidy: 8,
  reform: 20,
  algo: 45,
  algoShare: 0.4,
  ambition: 1,
  powerMix: { gas: 1 },
  chipsFrom: 0,
};

/**
 * US builder: frontier chips, data centres and power (gas and solar) at home, permitting reform to cut the
 * wait for them, and algorithm research (up to $60B and 45% of its money a turn, docs/balance Model v3.3);
 * export controls stay as they are. Abroad it co-funds trusted data centres in the host China uses most, which
 * keeps capacity there for trusted customers.
 */
export const BUILDER: UsPlan = {
  controls: null,
  controlsFrom: 0,
  enforcement: 0,
  intelligence: 0,
  toolAllies: 0,
  pressure: 0,
  pressureHosts: 0,
  allySubsidy: 3,
  reform: 20,
  algo: 60,
  algoShare: 0.45,
  ambition: 1,
  powerMix: { gas: 0.6, solar: 0.4 },
  chipsFrom: 0,
};

/**
 * China offshorer: rents compute in the hosts whenever renting beats buying (a lease over the turns left costs no
 * more than a chip: the last turns, or when nothing is on offer at home), courting them then, and with the money
 * the home route leaves over; buys the export-grade chips the US allows, smuggles frontier chips while the risk
 * is low, and buys domestic chips with the rest, with a little fab and HBM investment throughout. From the turn
 * the US asks for a remote-access rule it courts the two hosts with the most at stake to keep them from applying
 * it; once the rule is law it stops courting for room, keeps renting where hosts stay open and smuggles at a
 * higher risk.
 */
export const OFFSHORER: ChinaPlan = {
  subsidy: 0.2,
  publish: true,
  intelligence: 0.5,
  algo: 15,
  algoShare: 0.3,
  smuggle: 1,
  smuggleMaxRisk: 0.4,
  domestic: 1,
  exportGrade: 1,
  chipsFrom: 0,
  lease: 0.2,
  leaseWhen: "whenItPays",
  court: 2,
  courtHosts: 3,
  chipResearch: 0,
  fabs: 1,
  hbm: 2,
  powerMix: { solar: 1 },
  keepOpen: 1,
  keepOpenHosts: 2,
  whenDoorsClose: { court: 0, smuggleMaxRisk: 0.5 },
};

/**
 * China self-reliance: domestic chips at whatever the fabs and HBM can make, fab and HBM expansion, some chip
 * design work and algorithm research, the full power subsidy for domestic-chip data centres and cheap solar.
 * Like every China plan here it publishes open models only while China is behind (chinaPolicy.ts
 * `publishingHelps`).
 */
export const SELF_RELIANCE: ChinaPlan = {
  subsidy: 0.5,
  publish: true,
  intelligence: 0,
  algo: 9.5,
  algoShare: 0.3,
  smuggle: 0,
  smuggleMaxRisk: 0,
  domestic: 1,
  exportGrade: 0,
  chipsFrom: 0,
  lease: 0,
  leaseWhen: "always",
  court: 0,
  courtHosts: 0,
  chipResearch: 2,
  fabs: 3,
  hbm: 2,
  powerMix: { solar: 0.7, gas: 0.3 },
};

/**
 * US all-rounder (not a persona): builds at scale with reform, funds research hard, and uses the cheap denial
 * levers. Found by a coordinate search over the policy's parameters against the China personas; the search
 * bot's main candidate, and what a China persona plays if a live room seats it for the US.
 */
export const US_ALL_ROUNDER: UsPlan = {
  controls: "banPlusRemoteAccess",
  controlsFrom: 0,
  enforcement: 2,
  intelligence: 0,
  toolAllies: 1,
  pressure: 2,
  pressureHosts: 2,
  allySubsidy: 0,
  reform: 40,
  algo: 40,
  algoShare: 0.5,
  ambition: 1,
  powerMix: { gas: 1 },
  chipsFrom: 2,
};

/**
 * China all-rounder (not a persona): fabs and chip design, research, and smuggling while it is cheap. Found like the US all-rounder; what a US persona plays if seated for China.
 */
export const CHINA_ALL_ROUNDER: ChinaPlan = {
  subsidy: 0.5,
  publish: true,
  intelligence: 0,
  algo: 15,
  algoShare: 0.35,
  smuggle: 0.5,
  smuggleMaxRisk: 0.35,
  domestic: 1,
  exportGrade: 0,
  chipsFrom: 0,
  lease: 0,
  leaseWhen: "always",
  court: 0,
  courtHosts: 2,
  chipResearch: 5,
  fabs: 3,
  hbm: 0,
  powerMix: { solar: 0.7, gas: 0.3 },
};

/**
 * The US of the policies announced as of 2025 (the reference run, not a persona). Each value is a design
 * reading of a reported policy: export controls stay where the scenario starts them (the Diffusion Rule was
 * rescinded in May 2025 and H20 sales resumed in Aug 2025; CSIS, Reuters), enforcement at about BIS's scale
 * ($0.1B a turn, a thirtieth of the game's $3B reference), light pressure on transit hosts (Malaysia's permit
 * rule of Jul 2025) and on the tool-making allies, the AI Action Plan's faster permitting (Jul 2025) and a
 * build for the whole frontier supply (Stargate, Jan 2025), with gas first.
 */
export const US_ANNOUNCED_2025: UsPlan = {
  controls: null,
  controlsFrom: 0,
  enforcement: 0.1,
  intelligence: 0,
  toolAllies: 0.5,
  pressure: 0.5,
  pressureHosts: 1,
  allySubsidy: 0,
  reform: 10,
  algo: 5,
  algoShare: 0.35,
  ambition: 1,
  powerMix: { gas: 0.7, solar: 0.3 },
  chipsFrom: 0,
};

/**
 * China of the policies announced as of 2025 (the reference run). Design readings of reported policies: the
 * full power subsidy for domestic-chip data centres (FT, Nov 2025), open-weight models (DeepSeek, Qwen),
 * domestic chips for state-funded data centres and no Nvidia China-only chips (Reuters, Nov 2025; FT, Sep
 * 2025), leases in Singapore, Malaysia and Japan (FT, Nov and Dec 2025), smuggling while the risk is low
 * at CNAS's median of ~140k chips in 2024 (derived: 70k a half-year of the scenario's 150k cap, 0.47), fabs, HBM
 * and chip design (Big Fund III, May 2024; Huawei's Ascend roadmap,
 * Sep 2025) and solar first (NEA: 277 GW of solar added in 2024).
 */
export const CHINA_ANNOUNCED_2025: ChinaPlan = {
  subsidy: 0.5,
  publish: true,
  intelligence: 0,
  algo: 10,
  algoShare: 0.3,
  smuggle: 0.47,
  smuggleMaxRisk: 0.4,
  domestic: 1,
  exportGrade: 0,
  chipsFrom: 0,
  lease: 0.1,
  leaseWhen: "always",
  court: 0.5,
  courtHosts: 2,
  chipResearch: 2,
  fabs: 3,
  hbm: 2,
  powerMix: { solar: 0.7, gas: 0.3 },
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

const ALL_ROUNDERS: Record<Side, Plan> = {
  us: { side: "us", plan: US_ALL_ROUNDER },
  china: { side: "china", plan: CHINA_ALL_ROUNDER },
};

/**
 * A bot that follows a plan; it never draws chance, so its generator passes through unchanged. The server and
 * the command lines seat a persona only on its own side (see botForSide); a caller that seats it on the other
 * side anyway gets that side's all-rounder rather than nothing.
 */
export function planBot(id: string, description: string, plan: Plan, bound?: Scenario): Bot {
  const sides: readonly Side[] = [plan.side];
  return {
    id,
    sides,
    description,
    decide(input, rng) {
      const mine = input.view.viewer === plan.side ? plan : ALL_ROUNDERS[input.view.viewer];
      const draft = planDraft(input.view, input.options, scenarioFor(input.view, bound), mine);
      return { orders: draft ? draft.orders : [], rng };
    },
    bind: (scenario) => planBot(id, description, plan, scenario),
  };
}

export const hawkBot = planBot(
  "hawk",
  "US: full ban with the remote-access rule, enforcement, pressure on hosts and tool-making allies, co-funded trusted data centres",
  { side: "us", plan: HAWK },
);
export const builderBot = planBot(
  "builder",
  "US: frontier chips, data centres and power at home, permitting reform, co-funded trusted data centres abroad",
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

const ANNOUNCED_2025: Record<Side, Plan> = {
  us: { side: "us", plan: US_ANNOUNCED_2025 },
  china: { side: "china", plan: CHINA_ANNOUNCED_2025 },
};

/** A bot that plays, on either side, the policies that side announced as of 2025 (the reference run). */
function announcedBot(bound?: Scenario): Bot {
  return {
    id: "announced-2025",
    description: "Either side: the policies announced as of 2025 (the reference run)",
    decide(input, rng) {
      const plan = ANNOUNCED_2025[input.view.viewer];
      const draft = planDraft(input.view, input.options, scenarioFor(input.view, bound), plan);
      return { orders: draft ? draft.orders : [], rng };
    },
    bind: (scenario) => announcedBot(scenario),
  };
}

export const announced2025Bot = announcedBot();
