import { clamp, saturate } from "../model.ts";
import { forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** US pressure on tool-making allies (the Netherlands, Japan) to stop servicing and selling tools to Chinese fabs. */
export const pressureToolAllies = spendingLever({
  type: "pressureToolAllies",
  sides: ["us"],
  explanation: "Press the allies who make chip tools to stop selling and servicing them in China.",
  likelyEffect: () =>
    forecast(
      "China's new fab capacity costs more and takes longer; its yields improve more slowly. Tension rises.",
    ),
  apply(ctx, _side, o) {
    const s = ctx.s;
    s.us.toolPressure += o.amount;
    s.tension = clamp(s.tension + 3 * saturate(o.amount, s.scenario.params.levers.toolPressureRef), 0, 100);
    ctx.emit(
      "public",
      "pressureToolAllies",
      "US allies tighten exports and servicing of chip-making tools for China.",
    );
  },
});
