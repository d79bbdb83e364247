import { clamp, goodwillShare, saturate } from "../model.ts";
import { diplomaticEffect, forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** China courts a host government with investment and deals, to keep its data centres open to Chinese firms. */
export const courtHost = spendingLever({
  type: "courtHost",
  sides: ["china"],
  perHost: true,
  explanation:
    "Court a host government with investment and deals, so that it keeps renting compute to Chinese firms.",
  likelyEffect: () =>
    forecast(
      "More influence and a more open host (a host applies the US remote-access rule only where the US has more goodwill than China); less effect where the US has more goodwill.",
    ),
  apply(ctx, side, o) {
    const s = ctx.s;
    const l = s.scenario.params.levers;
    const host = s.hosts[o.host];
    const pull = saturate(o.amount, l.courtRef) * diplomaticEffect(ctx, side);
    const leverage = goodwillShare(host.influence, "china");
    host.influence.china = clamp(host.influence.china + l.courtInfluence * pull, 0, 100);
    host.openness = clamp(
      host.openness + l.courtOpennessEffect * pull * (l.leverageBase + leverage) * (1 - host.openness),
      0,
      1,
    );
    ctx.emit("public", "courtHost", `China courts ${o.host} with investment and trade deals.`, {
      host: o.host,
    });
  },
});
