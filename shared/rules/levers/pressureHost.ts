import { clamp, goodwillShare, saturate } from "../model.ts";
import { diplomaticEffect, forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** US diplomatic and trade pressure on one host country to enforce chip permits and close doors to China. */
export const pressureHost = spendingLever({
  type: "pressureHost",
  sides: ["us"],
  perHost: true,
  explanation: "Press a host government to enforce chip permits and turn away Chinese AI customers.",
  likelyEffect: () =>
    forecast(
      "The host grows stricter and less open to Chinese leases; tension rises a little and goodwill falls.",
    ),
  apply(ctx, side, o) {
    const s = ctx.s;
    const l = s.scenario.params.levers;
    const host = s.hosts[o.host];
    const push = saturate(o.amount, l.pressureRef) * diplomaticEffect(ctx, side);
    // Pressure works less where China has more goodwill than the US.
    const leverage = goodwillShare(host.influence, "us");
    host.strictness = clamp(
      host.strictness + (1 - host.strictness) * push * l.pressureStrictnessEffect,
      0,
      1,
    );
    host.openness = clamp(
      host.openness - l.pressureOpennessEffect * push * (l.leverageBase + leverage),
      0,
      1,
    );
    host.influence.us = clamp(host.influence.us - l.pressureInfluenceCost * push, 0, 100);
    s.tension = clamp(s.tension + l.pressureTension * push, 0, 100);
    ctx.emit(
      "public",
      "pressureHost",
      `The US presses ${o.host} to tighten chip permits and AI cloud rules.`,
      { host: o.host },
    );
  },
});
