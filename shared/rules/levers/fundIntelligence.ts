import { intelQuality } from "../model.ts";
import { forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** Intelligence on the rival: narrows the confidence bands of estimates and helps detect offshore leases. */
export const fundIntelligence = spendingLever({
  type: "fundIntelligence",
  sides: ["us", "china"],
  explanation:
    "Fund intelligence on the rival: estimates of its hidden numbers get narrower, and hidden activity gets detected more often (China's smuggled shipments also slip past more US checks).",
  likelyEffect: (state, side) => {
    const percent = Math.round(intelQuality(state, side) * 100);
    return forecast(`Intelligence quality now ${percent}%; it fades without new money.`, { percent });
  },
  apply(ctx, side, o) {
    ctx.s[side].intelStock += o.amount;
  },
});
