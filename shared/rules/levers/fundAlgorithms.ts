import { saturate } from "../model.ts";
import { forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** Research on training methods: raises algorithmic efficiency on top of the field's own progress. */
export const fundAlgorithms = spendingLever({
  type: "fundAlgorithms",
  sides: ["us", "china"],
  explanation:
    "Fund research on training methods. Algorithms improve about 2.8x a year anyway; money buys extra, with diminishing returns.",
  likelyEffect: (state) => {
    const percent = Math.round(state.scenario.params.levers.algoMaxBoost * 100);
    return forecast(`Up to ${percent}% extra efficiency this turn.`, { percent });
  },
  apply(ctx, side, o) {
    const l = ctx.s.scenario.params.levers;
    ctx.algoBoost[side] *= 1 + l.algoMaxBoost * saturate(o.amount, l.algoRef);
  },
});
