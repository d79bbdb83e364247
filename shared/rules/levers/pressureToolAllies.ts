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
      "China's new fab capacity costs more and takes longer, and its fabs yield fewer good chips. Tension rises, and Japan, a tool maker, resents it.",
    ),
  apply(ctx, _side, o) {
    const s = ctx.s;
    const l = s.scenario.params.levers;
    const push = saturate(o.amount, l.toolPressureRef);
    s.us.toolPressure += o.amount;
    s.tension = clamp(s.tension + l.toolPressureTension * push, 0, 100);
    // Allies resist: Japan makes tools and hosts data centres.
    s.hosts.japan.influence.us = clamp(
      s.hosts.japan.influence.us - l.toolPressureAllyInfluence * push,
      0,
      100,
    );
    ctx.emit(
      "public",
      "pressureToolAllies",
      "US allies tighten exports and servicing of chip-making tools for China.",
    );
  },
});
