import { clamp, saturate } from "../model.ts";
import { startProject } from "../projects.ts";
import { diplomaticEffect, forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** The US co-funds data centres in a host, on condition that they serve trusted customers. */
export const subsidiseAllies = spendingLever({
  type: "subsidiseAllies",
  sides: ["us"],
  perHost: true,
  explanation:
    "Co-fund data centres in a host on trusted-customer terms: more US goodwill there, and the new halls and as much again of the host's capacity are kept for trusted customers, leaving less room for Chinese leases.",
  likelyEffect: (state) => {
    const gwPerBillion = 1 / state.scenario.params.power.dataCenterCostPerGW;
    const turns = state.scenario.params.power.dataCenterLeadTurns;
    return forecast(
      `About ${gwPerBillion.toFixed(2)} GW of host capacity per $B in ${turns} turns, with more US influence (a host applies the US remote-access rule only where the US has more goodwill than China).`,
      { gwPerBillion, turns },
    );
  },
  apply(ctx, side, o) {
    const s = ctx.s;
    const l = s.scenario.params.levers;
    const host = s.hosts[o.host];
    const pull = saturate(o.amount, l.courtRef) * diplomaticEffect(ctx, side);
    host.influence.us = clamp(host.influence.us + l.subsidyAllyInfluence * pull, 0, 100);
    host.openness = clamp(host.openness - l.allyOpennessShare * l.courtOpennessEffect * pull, 0, 1);
    startProject(ctx, side, {
      kind: "hostCapacity",
      host: o.host,
      amount: o.amount / s.scenario.params.power.dataCenterCostPerGW,
      leadTurns: s.scenario.params.power.dataCenterLeadTurns,
    });
    ctx.emit("public", "subsidiseAllies", `The US co-funds trusted data centres in ${o.host}.`, {
      host: o.host,
    });
  },
});
