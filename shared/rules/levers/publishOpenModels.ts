import { HOSTS } from "../types.ts";
import { clamp } from "../model.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption, forecast } from "./lever.ts";

const SOURCE =
  "DeepSeek-V3 technical report (2024); Stanford AI Index 2025 (open models close the benchmark gap)";

/**
 * Release open-weight models: wins influence with hosts, and outside contributors improve the turn's training
 * run; a rival behind the publisher follows faster that turn (resolve.ts), a rival ahead gains nothing.
 */
export const publishOpenModels: Lever<"publishOpenModels"> = {
  type: "publishOpenModels",
  sides: ["us", "china"],
  key: () => "publishOpenModels",
  cost: () => 0,
  check: () => null,
  apply(ctx, side) {
    const s = ctx.s;
    const l = s.scenario.params.levers;
    // The boost to this turn's run and the rival's faster following are applied where the turn's algorithms
    // and runs are (resolve.ts, model.ts openModelFactor); here the flag and the hosts' goodwill.
    s[side].publishedThisTurn = true;
    for (const h of HOSTS)
      s.hosts[h].influence[side] = clamp(s.hosts[h].influence[side] + l.publishInfluence, 0, 100);
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
        "Release open-weight models. Hosts warm to the publisher; a rival behind it learns from them.",
      likelyEffect: forecast(
        `+${l.publishInfluence} influence with every host and +${Math.round(l.publishSelfBoost * 100)}% to this turn's training run (it does not build up); a rival behind ${side === "us" ? "the US" : "China"} closes ${Math.round(l.publishSpillover * 100)}% more of its capability gap this turn.`,
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
