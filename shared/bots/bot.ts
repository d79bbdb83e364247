/**
 * Bots: pure functions from what a side may see (its view and its order options) to orders. A bot's input type
 * holds no hidden value of the other side, so a bot cannot cheat; its own chance comes from a seeded generator
 * it carries, never from Math.random.
 */
import type { DeepReadonly, Order, OrderOptions, Scenario, Side, SideView } from "../rules/index.ts";
import type { Rng } from "../rules/rng.ts";

export interface BotInput {
  view: DeepReadonly<SideView>;
  options: OrderOptions;
}

export interface Bot {
  id: string;
  /** The sides this bot can play (both when absent). */
  sides?: readonly Side[];
  /** A one-line description for menus and reports. */
  description?: string;
  /** Returns the orders for this turn and the bot's advanced generator. */
  decide(input: BotInput, rng: Rng): { orders: Order[]; rng: Rng };
  /**
   * The same bot planning with a given scenario (the rules of the match, public to both sides). Unbound bots
   * plan with the built-in scenario named in their view.
   */
  bind?(scenario: Scenario): Bot;
}
