import type { Bot } from "./bot.ts";
import { passiveBot } from "./passive.ts";
import { randomLegalBot } from "./randomLegal.ts";

export type { Bot, BotInput } from "./bot.ts";

/** Every bot by id, for the CLI, the balance lab and the server. */
export const BOTS: Record<string, Bot> = {
  passive: passiveBot,
  "random-legal": randomLegalBot,
};
