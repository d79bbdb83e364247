import type { Scenario, Side } from "../rules/index.ts";
import { SIDES } from "../rules/index.ts";
import type { Bot } from "./bot.ts";
import { passiveBot } from "./passive.ts";
import { announced2025Bot, builderBot, hawkBot, offshorerBot, selfRelianceBot } from "./personas.ts";
import { randomLegalBot } from "./randomLegal.ts";
import type { SearchConfig } from "./search.ts";
import { createSearchBot, DEFAULT_SEARCH, searchBot } from "./search.ts";

export type { Bot, BotInput } from "./bot.ts";
export type { SearchConfig } from "./search.ts";
export { DEFAULT_SEARCH } from "./search.ts";

/**
 * Every bot by id, for the CLI, the balance lab and the server. A table without a prototype, so that a name
 * from outside ("constructor", "toString") finds no bot instead of a built-in object property.
 */
export const BOTS: Record<string, Bot> = Object.assign(Object.create(null) as object, {
  passive: passiveBot,
  "random-legal": randomLegalBot,
  hawk: hawkBot,
  builder: builderBot,
  offshorer: offshorerBot,
  "self-reliance": selfRelianceBot,
  search: searchBot,
  "announced-2025": announced2025Bot,
});

/**
 * A bot by id, planning with the match's scenario (so that variants and sweeps are played as they are), with
 * the search bot's budget when given. Undefined for an unknown id.
 */
export function makeBot(
  id: string,
  scenario?: Scenario,
  search: Partial<SearchConfig> = {},
): Bot | undefined {
  if (id === "search") return createSearchBot({ ...DEFAULT_SEARCH, ...search }, scenario);
  const bot = BOTS[id];
  if (!bot) return undefined;
  return scenario && bot.bind ? bot.bind(scenario) : bot;
}

/** Whether a bot can play a side (a persona plays the one side its strategy is written for). */
export function playsSide(bot: Bot, side: Side): boolean {
  return !bot.sides || bot.sides.includes(side);
}

/** The bots that can play a side, by id. */
export function botsFor(side: Side): string[] {
  return Object.values(BOTS)
    .filter((b) => playsSide(b, side))
    .map((b) => b.id);
}

/** What a menu shows of every bot: its id, the sides it plays and a line about its strategy. */
export function botList(): { id: string; sides: Side[]; description: string }[] {
  return Object.values(BOTS).map((b) => ({
    id: b.id,
    sides: SIDES.filter((side) => playsSide(b, side)),
    description: b.description ?? "",
  }));
}

/**
 * The bot `id` for `side` in a match of `scenario`, or a sentence saying why it cannot play there (an unknown
 * id, or a persona written for the other side).
 */
export function botForSide(id: string, side: Side, scenario?: Scenario): Bot | string {
  const named = BOTS[id];
  const who = side === "us" ? "the US" : "China";
  if (!named) return `no bot "${id}" (bots for ${who}: ${botsFor(side).join(", ")})`;
  if (!playsSide(named, side))
    return `bot "${id}" cannot play ${who} (bots for ${who}: ${botsFor(side).join(", ")})`;
  return makeBot(id, scenario) ?? `no bot "${id}"`;
}
