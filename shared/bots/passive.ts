import type { Bot } from "./bot.ts";

/** Does nothing: the baseline against which every lever is measured. */
export const passiveBot: Bot = {
  id: "passive",
  decide: (_input, rng) => ({ orders: [], rng }),
};
