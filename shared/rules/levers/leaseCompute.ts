import { clamp, leasableH100e, leasePrice, saturate, turnLabel } from "../model.ts";
import { because, type Reason } from "../reasons.ts";
import type { HostId, MatchState } from "../types.ts";
import { HOSTS } from "../types.ts";
import type { Lever, LeverChoice } from "./lever.ts";
import { diplomaticEffect, fmt, leverChoice, leverOption, forecast } from "./lever.ts";

function closed(state: MatchState, host: HostId): Reason | null {
  if (state.hosts[host].appliesRemoteAccessRule)
    return because(
      "remoteAccessRule",
      { host },
      `${host} applies the US remote-access rule to Chinese customers`,
    );
  return null;
}

function room(state: MatchState, host: HostId): number {
  const c = state.china;
  return Math.max(0, leasableH100e(state, host) - c.leases[host] - c.leasesArriving[host]);
}

/** China rents compute in a host country's data centres: capacity-limited, open while the host allows it. */
export const leaseCompute: Lever<"leaseCompute"> = {
  type: "leaseCompute",
  sides: ["china"],
  key: (o) => `leaseCompute:${o.host}`,
  cost: (state, _side, o) => Math.max(0, o.h100e) * leasePrice(state, o.host),
  check(state, _side, o) {
    if (o.h100e < 0) {
      const until = state.china.leaseCommittedUntil[o.host];
      if (state.turn < until)
        return because(
          "leaseCommitted",
          { host: o.host, label: turnLabel(state.scenario.params, until) },
          `the leases in ${o.host} are committed until ${turnLabel(state.scenario.params, until)}`,
        );
      const held = state.china.leases[o.host];
      return -o.h100e > held + 1e-9
        ? because("leaseHeld", { host: o.host, held }, `only ${fmt(held)} H100e are leased in ${o.host}`)
        : null;
    }
    const reason = closed(state, o.host);
    if (reason) return reason;
    const free = room(state, o.host);
    return o.h100e > free + 1e-9
      ? because(
          "hostFull",
          { host: o.host, free },
          `${o.host} can rent at most ${fmt(free)} more H100e to Chinese firms now`,
        )
      : null;
  },
  apply(ctx, side, o) {
    const { s, before } = ctx;
    const china = s.china;
    if (o.h100e < 0) {
      china.leases[o.host] = Math.max(0, china.leases[o.host] + o.h100e);
      ctx.emit(
        "china",
        "leaseCompute.released",
        `Released ${fmt(-o.h100e)} H100e of leased compute in ${o.host}.`,
      );
      return;
    }
    // Capacity may have shrunk in this same resolution (US pressure, a host's new rule).
    const granted = closed(s, o.host) ? 0 : Math.min(o.h100e, room(s, o.host));
    if (granted <= 0) {
      ctx.emit(
        "china",
        "leaseCompute.refused",
        `No capacity could be leased in ${o.host} this turn; no money was spent.`,
      );
      return;
    }
    const l = s.scenario.params.levers;
    const cost = granted * leasePrice(before, o.host);
    ctx.charge(side, "leaseCompute", cost);
    china.leasesArriving[o.host] += granted;
    china.leaseCommittedUntil[o.host] = Math.max(china.leaseCommittedUntil[o.host], s.turn + l.leaseMinTurns);
    const host = s.hosts[o.host];
    // Paying customers make a host keener to keep them.
    const keen = l.leaseOpennessEffect * saturate(cost, l.courtRef) * diplomaticEffect(ctx, side);
    host.openness = clamp(host.openness + keen, 0, 1);
    ctx.emit(
      "china",
      "leaseCompute.done",
      `Leased ${fmt(granted)} H100e in ${o.host} for ${cost.toFixed(2)} $B, running from next turn and committed for ${l.leaseMinTurns} turns.`,
      { host: o.host, h100e: granted, turns: l.leaseMinTurns },
    );
  },
  option(state, _side, money) {
    const choices: LeverChoice[] = HOSTS.map((host) => {
      const reason = closed(state, host);
      const price = leasePrice(state, host);
      return leverChoice({
        value: host,
        available: !reason,
        reason,
        max: reason ? 0 : Math.min(room(state, host), money / price),
        min: -state.china.leases[host],
        costPerUnit: price,
        current: state.china.leases[host],
      });
    });
    return leverOption({
      type: "leaseCompute",
      available: choices.some((c) => c.available),
      amountField: "h100e",
      unit: "H100e",
      choiceField: "host",
      choices,
      explanation:
        "Rent frontier compute in a host country's data centres (negative to release). The host sets the limit and can cut it off.",
      likelyEffect: forecast(
        "Frontier compute from next turn, paid every turn and committed for a minimum term; the US may close this route with a remote-access rule.",
      ),
    });
  },
};
