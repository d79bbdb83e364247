import { detectionChance } from "../model.ts";
import { forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** Money for export enforcement: investigators, end-use checks, customs. Hidden from China. */
export const fundEnforcement = spendingLever({
  type: "fundEnforcement",
  sides: ["us"],
  explanation:
    "Fund investigators and end-use checks against chip smuggling and diversion (China does not see this).",
  likelyEffect: (state) => {
    const percent = Math.round(detectionChance(state, false) * 100);
    return forecast(
      `A smuggling shipment is now caught with about ${percent}% chance (less whatever China's intelligence lets it avoid); more money raises it, with diminishing returns.`,
      { percent },
    );
  },
  apply(ctx, _side, o) {
    ctx.s.us.enforcementStock += o.amount;
  },
});
