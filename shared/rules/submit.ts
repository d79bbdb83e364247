/** Checking and accepting a side's orders, and listing what a side may do. */
import type { LeverOption } from "./levers/lever.ts";
import { fmt } from "./levers/lever.ts";
import { LEVERS, leverOf } from "./levers/index.ts";
import { budget, spendable } from "./model.ts";
import type { Order } from "./orders.ts";
import { ORDER_TYPES, OrdersSchema } from "./orders.ts";
import { because, type Reason } from "./reasons.ts";
import type { MatchState, Side } from "./types.ts";

export interface OrderError {
  /** Where the problem is, like "orders[2].h100e" ("orders" for the whole list). */
  path: string;
  /** In English, for logs and programs. */
  message: string;
  /** The rules' reason, for interfaces that say it in their own language (absent for malformed input). */
  reason?: Reason;
}

export type SubmitResult =
  { ok: true; state: MatchState; cost: number } | { ok: false; errors: OrderError[] };

function pathOf(segments: readonly PropertyKey[]): string {
  let path = "orders";
  for (const seg of segments) path += typeof seg === "number" ? `[${seg}]` : `.${String(seg)}`;
  return path;
}

/** Checks already-parsed orders against the rules and the side's money; an empty list means they are all allowed. */
export function checkOrders(
  state: MatchState,
  side: Side,
  orders: readonly Order[],
): { errors: OrderError[]; cost: number } {
  const errors: OrderError[] = [];
  const seen = new Set<string>();
  let cost = 0;
  orders.forEach((order, i) => {
    const lever = leverOf(order);
    const path = `orders[${i}]`;
    if (!lever.sides.includes(side)) {
      const message = `${side === "us" ? "The US" : "China"} has no lever called ${order.type}.`;
      errors.push({ path, message, reason: because("noSuchLever", { type: order.type }, message) });
      return;
    }
    const key = lever.key(order);
    if (seen.has(key)) {
      const message = `A second ${order.type} order for the same target in one turn; combine them into one.`;
      errors.push({ path, message, reason: because("duplicate", { type: order.type }, message) });
      return;
    }
    seen.add(key);
    const reason = lever.check(state, side, order);
    if (reason) {
      errors.push({ path, message: `${order.type}: ${reason.text}.`, reason });
      return;
    }
    cost += lever.cost(state, side, order);
  });
  const money = spendable(state, side);
  if (errors.length === 0 && cost > money + 1e-9) {
    const message = `These orders cost ${fmt(cost)} $B but only ${fmt(money)} $B can be spent this turn.`;
    errors.push({ path: "orders", message, reason: because("overBudget", { cost, money }, message) });
  }
  return { errors, cost };
}

/**
 * Accepts a side's orders for the current turn (replacing any it sent before) or refuses them all with
 * reasons in plain words, leaving the state untouched. Never throws, whatever the input.
 */
export function submitOrders(state: MatchState, side: unknown, orders: unknown): SubmitResult {
  if (side !== "us" && side !== "china")
    return { ok: false, errors: [{ path: "side", message: "Orders come from a side: us or china." }] };
  if (state.phase === "ended")
    return { ok: false, errors: [{ path: "orders", message: "The match is over; no more orders." }] };
  const parsed = OrdersSchema.safeParse(orders);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
    };
  }
  const { errors, cost } = checkOrders(state, side, parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, state: { ...state, pending: { ...state.pending, [side]: parsed.data } }, cost };
}

/**
 * Takes back a side's confirmed orders before the turn resolves, so that it may change them. Refused (with a
 * reason, the state untouched) when the side has nothing confirmed or the match is over. Never throws.
 */
export function withdrawOrders(
  state: MatchState,
  side: unknown,
): { ok: true; state: MatchState } | { ok: false; error: string } {
  if (side !== "us" && side !== "china") return { ok: false, error: "Orders come from a side: us or china." };
  if (state.phase === "ended") return { ok: false, error: "The match is over." };
  if (state.pending[side] === null) return { ok: false, error: "This side has not confirmed any orders." };
  return { ok: true, state: { ...state, pending: { ...state.pending, [side]: null } } };
}

/**
 * The largest set of a draft's orders that is allowed, keeping them in order and dropping each one that would
 * break the rules or the budget. Used when a turn timer submits a draft and by bots.
 */
export function keepValidOrders(state: MatchState, side: Side, draft: readonly unknown[]): Order[] {
  const kept: Order[] = [];
  for (const item of draft) {
    const one = OrdersSchema.safeParse([item]);
    if (!one.success || !one.data[0]) continue;
    const trial = [...kept, one.data[0]];
    if (checkOrders(state, side, trial).errors.length === 0) kept.push(one.data[0]);
  }
  return kept;
}

export interface OrderOptions {
  side: Side;
  turn: number;
  cash: number;
  runningCost: number;
  spendable: number;
  levers: LeverOption[];
}

/** What a side may do right now: every lever of that side with its limits, costs and a short explanation. */
export function orderOptions(state: MatchState, side: Side): OrderOptions {
  const levers: LeverOption[] = [];
  const { runningCost, spendable: money } = budget(state, side);
  for (const type of ORDER_TYPES) {
    const lever = LEVERS[type];
    if (!lever.sides.includes(side)) continue;
    const option = lever.option(state, side, money);
    levers.push(
      state.phase === "ended"
        ? { ...option, available: false, reason: because("matchOver", {}, "the match is over") }
        : option,
    );
  }
  return {
    side,
    turn: state.turn,
    cash: state[side].cash,
    runningCost,
    spendable: money,
    levers,
  };
}
