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
import { seedRng } from "../rules/rng.ts";

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

/** Asks a bot for its orders from what its side may see. */
export function botOrders(
  state: MatchState,
  side: Side,
  bot: Bot,
  rng: number,
): { orders: Order[]; rng: number } {
  return bot.decide(new LazyBotInput(state, side), rng);
}

/** Plays a match to its end. The same scenario, seed and bots always give the same log. */
export function playMatch(scenario: Scenario, seed: number, bots: Record<Side, Bot>): MatchLog {
  let state = createMatch(scenario, seed);
  const rngs: Record<Side, number> = { us: seedRng(seed * 2 + 1), china: seedRng(seed * 2 + 2) };
  const log: MatchLog = { state, orders: { us: [], china: [] }, refused: { us: 0, china: 0 } };
  while (state.phase !== "ended") {
    for (const side of ["us", "china"] as const) {
      const decided = botOrders(state, side, bots[side], rngs[side]);
      rngs[side] = decided.rng;
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
