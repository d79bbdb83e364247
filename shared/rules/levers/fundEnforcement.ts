import { detectionChance } from "../model.ts";
import { spendingLever } from "./spending.ts";

/** Money for export enforcement: investigators, end-use checks, customs. Hidden from China. */
export const fundEnforcement = spendingLever({
  type: "fundEnforcement",
  sides: ["us"],
  explanation:
    "Fund investigators and end-use checks against chip smuggling and diversion (China does not see this).",
  likelyEffect: (state) =>
    `A smuggling shipment is now caught with about ${Math.round(detectionChance(state) * 100)}% chance; more money raises it, with diminishing returns.`,
  apply(ctx, _side, o) {
    ctx.s.us.enforcementStock += o.amount;
  },
});
