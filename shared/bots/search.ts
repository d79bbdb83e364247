/**
 * The search bot: information-set Monte Carlo over plans. Each turn it draws a few plausible full states from
 * its view (sample.ts), pairs each with a model of the rival (a persona, weighted by what the rival has been seen
 * doing), and plays every candidate plan to the end of the match from each of them (rollout.ts). The candidate
 * with the best average chance of winning gives this turn's orders; next turn it thinks again.
 * Deterministic given its generator; the work per turn is a fixed number of rollouts, never a clock.
 */
import type { DeepReadonly, MatchState, Order, Scenario, Side, SideView } from "../rules/index.ts";
import { judgedLead } from "../rules/index.ts";
import type { Rng } from "../rules/rng.ts";
import { Dice } from "../rules/rng.ts";
import type { Bot } from "./bot.ts";
import { scenarioFor } from "./context.ts";
import type { Plan } from "./personas.ts";
import {
  BUILDER,
  CHINA_ALL_ROUNDER,
  HAWK,
  OFFSHORER,
  planDraft,
  SELF_RELIANCE,
  US_ALL_ROUNDER,
} from "./personas.ts";
import { rollout } from "./rollout.ts";
import { sampleState } from "./sample.ts";

export interface SearchConfig {
  /**
   * Sampled worlds (hidden state, rival model, chance) each candidate is played out in; the two best are then
   * played out in twice as many more. The work per turn is (candidates + 4) x samples rollouts.
   */
  samples: number;
  /** Months of lead over which a rollout's score goes from a likely loss to a likely win. */
  temperature: number;
  /** Called with each decision's candidate scores (for analysis; not part of the bot's play). */
  trace?: (turn: number, scores: number[], chosen: number) => void;
}

/**
 * The default budget: 3 sampled worlds for each of the 5 candidates, then 6 more for the best two, so 27
 * rollouts a turn; about 20 ms a turn on average and well under 100 ms at the 95th percentile.
 */
export const DEFAULT_SEARCH: SearchConfig = { samples: 3, temperature: 1 };

/** The plans a side's search weighs each turn: its personas, the all-rounder and variations on it. */
export const CANDIDATES: Record<Side, readonly Plan[]> = {
  us: [
    { side: "us", plan: HAWK },
    { side: "us", plan: BUILDER },
    { side: "us", plan: US_ALL_ROUNDER },
    { side: "us", plan: { ...US_ALL_ROUNDER, ambition: 1.3 } },
    { side: "us", plan: { ...US_ALL_ROUNDER, chipsFrom: 0, algo: 25 } },
  ],
  china: [
    { side: "china", plan: OFFSHORER },
    { side: "china", plan: SELF_RELIANCE },
    { side: "china", plan: CHINA_ALL_ROUNDER },
    { side: "china", plan: { ...CHINA_ALL_ROUNDER, lease: 0.2, court: 2 } },
    { side: "china", plan: { ...CHINA_ALL_ROUNDER, exportGrade: 1, lease: 0.1 } },
  ],
};

/** Models of the rival, with how strongly the public record suggests each. */
function rivalModels(view: DeepReadonly<SideView>): { plan: Plan; weight: number }[] {
  let hawkish = 0;
  let building = 0;
  let offshore = 0;
  let domestic = 0;
  for (const e of view.events) {
    if (e.key === "pressureHost" || e.key === "pressureToolAllies" || e.key === "subsidiseAllies") hawkish++;
    if (e.key.startsWith("permittingReform")) building++;
    if (e.key === "courtHost" || e.key === "smuggleChips.caught") offshore++;
  }
  if (view.exportControlLevel === "banPlusRemoteAccess" || view.exportControlLevel === "fullBan")
    hawkish += 2;
  if (view.viewer === "us") {
    const leased = view.intel.leasedH100e?.estimate ?? 0;
    const home = view.intel.homeH100e?.estimate ?? 1;
    if (leased > 0.1 * home) offshore += 2;
    if (view.subsidyRate >= 0.4) domestic += 2;
    return [
      { plan: { side: "china", plan: OFFSHORER }, weight: 1 + offshore },
      { plan: { side: "china", plan: SELF_RELIANCE }, weight: 1 + domestic },
      { plan: { side: "china", plan: CHINA_ALL_ROUNDER }, weight: 2 },
    ];
  }
  return [
    { plan: { side: "us", plan: HAWK }, weight: 1 + hawkish },
    { plan: { side: "us", plan: BUILDER }, weight: 1 + building },
    { plan: { side: "us", plan: US_ALL_ROUNDER }, weight: 2 },
  ];
}

/** Picks `n` rival models, each about as often as its weight says (stratified, so few samples still cover them). */
function pickRivals(models: { plan: Plan; weight: number }[], n: number, dice: Dice): Plan[] {
  const total = models.reduce((a, m) => a + m.weight, 0);
  const offset = dice.uniform();
  const picks: Plan[] = [];
  for (let k = 0; k < n; k++) {
    let r = ((k + offset) / n) * total;
    let chosen = models[models.length - 1]!.plan;
    for (const m of models) {
      r -= m.weight;
      if (r < 0) {
        chosen = m.plan;
        break;
      }
    }
    picks.push(chosen);
  }
  return picks;
}

function orderKey(orders: readonly Order[]): string {
  return JSON.stringify(orders);
}

/** The search bot for a budget; bound to a scenario when given one. */
export function createSearchBot(config: SearchConfig = DEFAULT_SEARCH, bound?: Scenario, id = "search"): Bot {
  return {
    id,
    description:
      "Information-set Monte Carlo: samples the hidden state from its estimates and plays candidate plans out",
    decide(input, rng: Rng) {
      const view = input.view;
      const side = view.viewer;
      const rival: Side = side === "us" ? "china" : "us";
      const scenario = scenarioFor(view, bound);
      const p = scenario.params;
      const dice = new Dice(rng);

      // Each candidate's orders for this turn come from the real view and options, so they are legal.
      const candidates: { plan: Plan; orders: Order[] }[] = [];
      const seen = new Set<string>();
      for (const plan of CANDIDATES[side]) {
        const draft = planDraft(view, input.options, scenario, plan);
        if (!draft) continue;
        const key = orderKey(draft.orders);
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push({ plan, orders: draft.orders });
      }
      if (candidates.length <= 1 || view.phase === "ended")
        return { orders: candidates[0]?.orders ?? [], rng: dice.state };

      // Successive halving: every candidate is played out in `samples` worlds, then the two best in twice as
      // many more, so that the final choice rests on three times the evidence at little extra cost.
      const models = rivalModels(view);
      const sign = side === "us" ? 1 : -1;
      const threshold = p.victory.leadMonths;
      const worlds: { state: MatchState; rival: Plan }[] = [];
      const addWorlds = (n: number) => {
        for (const rivalPlan of pickRivals(models, n, dice))
          worlds.push({ state: sampleState(view, scenario, dice), rival: rivalPlan });
      };
      const totals = candidates.map(() => 0);
      const counts = candidates.map(() => 0);
      const playOut = (i: number, from: number) => {
        const c = candidates[i]!;
        for (let k = from; k < worlds.length; k++) {
          const w = worlds[k]!;
          const plans = { [side]: c.plan, [rival]: w.rival } as Record<Side, Plan>;
          const end = rollout(w.state, plans, { side, orders: c.orders });
          const margin = sign * (judgedLead(end) - threshold);
          // The chance of winning, with a little weight on the margin to break ties between sure wins or losses.
          totals[i]! += 1 / (1 + Math.exp(-margin / config.temperature)) + 0.01 * margin;
          counts[i]! += 1;
        }
      };
      addWorlds(config.samples);
      candidates.forEach((_, i) => playOut(i, 0));
      const mean = (i: number) => totals[i]! / Math.max(1, counts[i]!);
      const ranked = candidates.map((_, i) => i).sort((a, b) => mean(b) - mean(a) || a - b);
      const finalists = ranked.slice(0, 2);
      const first = worlds.length;
      addWorlds(2 * config.samples);
      for (const i of finalists) playOut(i, first);
      const best = finalists.sort((a, b) => mean(b) - mean(a) || a - b)[0]!;
      const scores = candidates.map((_, i) => mean(i));
      config.trace?.(view.turn, scores, CANDIDATES[side].indexOf(candidates[best]!.plan));
      return { orders: candidates[best]!.orders, rng: dice.state };
    },
    bind: (scenario) => createSearchBot(config, scenario, id),
  };
}

export const searchBot = createSearchBot();
