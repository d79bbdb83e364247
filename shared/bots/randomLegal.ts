import type { LeverOption, Order } from "../rules/index.ts";
import { Dice } from "../rules/rng.ts";
import type { Bot } from "./bot.ts";

/** Builds an order for one lever from its option, with a random choice and amount within the limits. */
export function randomOrder(
  option: LeverOption,
  dice: Dice,
  budgetShare: number,
  spendable: number,
): Order | null {
  const choices = option.choices.filter(
    (c) => c.available && (option.amountField === null || option.amountField === "rate" || c.max > 0),
  );
  if (choices.length === 0) return null;
  const choice = choices[dice.int(choices.length)];
  if (!choice) return null;
  const order: Record<string, unknown> = { type: option.type };
  if (option.choiceField) order[option.choiceField] = choice.value;
  if (option.amountField) {
    const moneyCap = choice.costPerUnit > 0 ? (spendable * budgetShare) / choice.costPerUnit : choice.max;
    const hi = Math.min(choice.max, moneyCap);
    const amount =
      option.amountField === "rate" ? dice.uniform() * choice.max : hi * (0.05 + 0.95 * dice.uniform());
    if (!(amount > 0) && option.amountField !== "rate") return null;
    order[option.amountField] = amount;
  }
  return order as Order;
}

/**
 * Picks a few random levers each turn and spends a random share of the money on each. Every order it sends is
 * legal by construction (it stays within each option's limits and splits the budget), which the tests check.
 */
export const randomLegalBot: Bot = {
  id: "random-legal",
  description: "Spends random shares of its money on a few random levers, always within the rules",
  decide({ options }, rng) {
    const dice = new Dice(rng);
    const open = options.levers.filter((l) => l.available);
    const picks = 1 + dice.int(4);
    const orders: Order[] = [];
    const used = new Set<string>();
    for (let i = 0; i < picks && open.length > 0; i++) {
      const lever = open[dice.int(open.length)];
      if (!lever || used.has(lever.type)) continue;
      used.add(lever.type);
      const order = randomOrder(lever, dice, 1 / (picks + 1), options.spendable);
      if (order) orders.push(order);
    }
    return { orders, rng: dice.state };
  },
};
