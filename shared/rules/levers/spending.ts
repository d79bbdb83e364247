/**
 * Most levers are "spend money on X": one amount in $B, limited by what the side can spend. This helper builds
 * their common parts so that each lever file holds only what is particular to it.
 */
import type { OrderOf, OrderType } from "../orders.ts";
import { because, type Reason } from "../reasons.ts";
import type { HostId, MatchState, Side } from "../types.ts";
import { HOSTS } from "../types.ts";
import type { Forecast, Lever, LeverChoice, ResolveContext } from "./lever.ts";
import { leverChoice, leverOption } from "./lever.ts";

type AmountOrder = Extract<OrderOf<OrderType>, { amount: number }>;

interface SpendingSpec<T extends AmountOrder["type"]> {
  type: T;
  sides: readonly Side[];
  explanation: string;
  likelyEffect: (state: MatchState, side: Side) => Forecast;
  /** An extra reason the lever is closed now, if any. */
  closed?: (state: MatchState, side: Side, order?: OrderOf<T>) => Reason | null;
  apply: (ctx: ResolveContext, side: Side, order: OrderOf<T>) => void;
  /** Spending levers aimed at one host take `host` as their choice. */
  perHost?: boolean;
}

export function spendingLever<T extends AmountOrder["type"]>(spec: SpendingSpec<T>): Lever<T> {
  return {
    type: spec.type,
    sides: spec.sides,
    key: (o) => (spec.perHost ? `${spec.type}:${(o as { host?: HostId }).host}` : spec.type),
    cost: (_state, _side, o) => (o as { amount: number }).amount,
    check(state, side, o) {
      return spec.closed?.(state, side, o) ?? null;
    },
    apply(ctx, side, o) {
      ctx.charge(side, spec.type, (o as { amount: number }).amount);
      spec.apply(ctx, side, o);
    },
    option(state, side, money) {
      const closed = spec.closed?.(state, side) ?? null;
      const max = money;
      const choices: LeverChoice[] = spec.perHost
        ? HOSTS.map((h) => leverChoice({ value: h, available: !closed, max, min: 0, costPerUnit: 1 }))
        : [leverChoice({ value: "", available: !closed, max, min: 0, costPerUnit: 1 })];
      return leverOption({
        type: spec.type,
        available: !closed && max > 0,
        reason: closed ?? (max > 0 ? null : because("noMoney", {}, "no money left this turn")),
        amountField: "amount",
        unit: "$B",
        choiceField: spec.perHost ? "host" : null,
        choices,
        explanation: spec.explanation,
        likelyEffect: spec.likelyEffect(state, side),
      });
    },
  };
}
