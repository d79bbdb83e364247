import { HOSTS } from "../types.ts";
import { clamp } from "../model.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption, forecast } from "./lever.ts";

const SOURCE =
  "DeepSeek-V3 technical report (2024); Stanford AI Index 2025 (open models close the benchmark gap)";

/** Release open-weight models: wins influence with hosts and helpers abroad, but the rival learns from them too. */
export const publishOpenModels: Lever<"publishOpenModels"> = {
  type: "publishOpenModels",
  sides: ["us", "china"],
  key: () => "publishOpenModels",
  cost: () => 0,
  check: () => null,
  apply(ctx, side) {
    const s = ctx.s;
    const l = s.scenario.params.levers;
    const other = side === "us" ? "china" : "us";
    s[side].publishedThisTurn = true;
    for (const h of HOSTS)
      s.hosts[h].influence[side] = clamp(s.hosts[h].influence[side] + l.publishInfluence, 0, 100);
    const mine = s[side].algoEfficiency;
    const theirs = s[other].algoEfficiency;
    // The rival closes part of its gap to the published methods (in log terms); the publisher gains from outside contributors.
    if (mine > theirs) s[other].algoEfficiency = theirs * Math.pow(mine / theirs, l.publishSpillover);
    s[side].algoEfficiency = mine * (1 + l.publishSelfBoost);
    ctx.emit(
      "public",
      "publishOpenModels",
      `${side === "us" ? "US" : "Chinese"} labs release open-weight models.`,
      { side },
      SOURCE,
    );
  },
  option(state, side) {
    const l = state.scenario.params.levers;
    return leverOption({
      type: "publishOpenModels",
      available: true,
      unit: "",
      choices: [leverChoice({ value: "", available: true, max: 0, min: 0, costPerUnit: 0 })],
      explanation:
        "Release open-weight models. Hosts warm to the publisher; the rival learns from the methods.",
      likelyEffect: forecast(
        `+${l.publishInfluence} influence with every host and +${Math.round(l.publishSelfBoost * 100)}% efficiency; the rival closes ${Math.round(l.publishSpillover * 100)}% of any algorithmic gap to ${side === "us" ? "the US" : "China"}.`,
        {
          influence: l.publishInfluence,
          boost: Math.round(l.publishSelfBoost * 100),
          spillover: Math.round(l.publishSpillover * 100),
          context: side,
        },
      ),
    });
  },
};
