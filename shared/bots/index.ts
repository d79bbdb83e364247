import type { Scenario } from "../rules/index.ts";
import type { Bot } from "./bot.ts";
import { passiveBot } from "./passive.ts";
import { builderBot, hawkBot, offshorerBot, selfRelianceBot } from "./personas.ts";
import { randomLegalBot } from "./randomLegal.ts";
import type { SearchConfig } from "./search.ts";
import { createSearchBot, DEFAULT_SEARCH, searchBot } from "./search.ts";

export type { Bot, BotInput } from "./bot.ts";
export type { SearchConfig } from "./search.ts";
export { DEFAULT_SEARCH } from "./search.ts";

/** Every bot by id, for the CLI, the balance lab and the server. */
export const BOTS: Record<string, Bot> = {
  passive: passiveBot,
  "random-legal": randomLegalBot,
  hawk: hawkBot,
  builder: builderBot,
  offshorer: offshorerBot,
  "self-reliance": selfRelianceBot,
  search: searchBot,
};

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
