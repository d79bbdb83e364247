/**
 * Headless matches: two bots play a whole match on the rules, with nothing but pure calls. Used by the CLI,
 * the benchmarks, the balance lab and the tests.
 */
import type { Bot, BotInput } from "../bots/bot.ts";
import type {
  DeepReadonly,
  MatchState,
  Order,
  OrderOptions,
  Scenario,
  Side,
  SideView,
} from "../rules/index.ts";
import {
  createMatch,
  keepValidOrders,
  orderOptions,
  resolveTurn,
  submitOrders,
  viewFor,
} from "../rules/index.ts";
import { offlineSecret, secretDice } from "../rules/streams.ts";

export interface MatchLog {
  state: MatchState;
  /** Orders each side sent, per turn (after any refused ones were dropped). */
  orders: Record<Side, Order[][]>;
  /** Orders the rules refused (a correct bot has none). */
  refused: Record<Side, number>;
}

/** A bot's input: its options now, and its view built only when first read (simple bots never read it). */
class LazyBotInput implements BotInput {
  #view: DeepReadonly<SideView> | undefined;
  readonly options: OrderOptions;
  constructor(
    private readonly state: MatchState,
    private readonly side: Side,
  ) {
    this.options = orderOptions(state, side);
  }
  get view(): DeepReadonly<SideView> {
    this.#view ??= viewFor(this.state, this.side) as DeepReadonly<SideView>;
    return this.#view;
  }
}

/**
 * The generator a side's bot starts from this turn: the side's secret bot stream, so that nobody can foresee
 * a bot's orders from the seed (the server's match secret never leaves it).
 */
export function botSeed(state: MatchState, side: Side): number {
  return secretDice(state.secret, side === "us" ? "bots.us" : "bots.china", state.turn).int(2 ** 32);
}

/** Asks a bot for its orders from what its side may see. */
export function botOrders(
  state: MatchState,
  side: Side,
  bot: Bot,
  rng: number,
): { orders: Order[]; rng: number } {
  return bot.decide(new LazyBotInput(state, side), rng);
}

/**
 * Plays a match to its end. The same scenario, seed, secret and bots always give the same log; offline the
 * secret follows from the seed, and the server's matches replay here when given theirs.
 */
export function playMatch(
  scenario: Scenario,
  seed: number,
  bots: Record<Side, Bot>,
  secret = offlineSecret(seed),
): MatchLog {
  let state = createMatch(scenario, seed, secret);
  const log: MatchLog = { state, orders: { us: [], china: [] }, refused: { us: 0, china: 0 } };
  while (state.phase !== "ended") {
    for (const side of ["us", "china"] as const) {
      const decided = botOrders(state, side, bots[side], botSeed(state, side));
      let result = submitOrders(state, side, decided.orders);
      if (!result.ok) {
        log.refused[side] += decided.orders.length;
        result = submitOrders(state, side, keepValidOrders(state, side, decided.orders));
      }
      if (result.ok) {
        state = result.state;
        log.orders[side].push(state.pending[side] ?? []);
      }
    }
    state = resolveTurn(state).state;
  }
  log.state = state;
  return log;
}
