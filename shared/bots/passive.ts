import type { Bot } from "./bot.ts";

/** Does nothing: the baseline against which every lever is measured. */
export const passiveBot: Bot = {
  id: "passive",
  description: "Sends no orders: the baseline every lever is measured against",
  decide: (_input, rng) => ({ orders: [], rng }),
};
