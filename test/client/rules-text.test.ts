/**
 * The rules' sentences in both languages: every reason for a refusal or a closed lever, and every lever's
 * forecast, that the rules give over many seeded matches, renders in English and German with all its values
 * filled in (no placeholder left, no missing key), from the same locale files the browser uses.
 */
import i18next, { type i18n } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { BOTS } from "../../shared/bots/index.ts";
import type { LeverOption, MatchState, Order, Reason, Side } from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  checkOrders,
  createMatch,
  orderOptions,
  resolveTurn,
  SIDES,
  submitOrders,
} from "../../shared/rules/index.ts";
import { Dice } from "../../shared/rules/rng.ts";
import { botOrders } from "../../shared/sim/match.ts";
import { de } from "../../client/src/locales/de.ts";
import { en } from "../../client/src/locales/en.ts";

const LANGUAGES = { en, de } as const;
const translators: Record<string, i18n> = {};

beforeAll(async () => {
  for (const [lng, strings] of Object.entries(LANGUAGES)) {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      resources: { [lng]: { translation: strings } },
      interpolation: { escapeValue: false },
    });
    translators[lng] = instance;
  }
});

/** Renders like the client (client/src/ui/rules-text.ts) but with plain values, so that gaps show. */
function render(lng: string, key: string, params: Record<string, string | number>): string {
  return translators[lng]!.t(key, params);
}

/** Every state of seeded matches between several bots, turn by turn: a spread of situations. */
function states(): MatchState[] {
  const out: MatchState[] = [];
  const pairs = [
    ["hawk", "offshorer"],
    ["builder", "self-reliance"],
    ["random-legal", "random-legal"],
    ["hawk", "self-reliance"],
  ] as const;
  for (const entry of Object.values(BUILTIN_SCENARIOS))
    for (let seed = 0; seed < 4; seed++) {
      const [us, china] = pairs[seed % pairs.length]!;
      const bots = { us: BOTS[us]!, china: BOTS[china]! };
      let state = createMatch(entry.scenario, seed);
      let rng = seed + 1;
      while (state.phase !== "ended") {
        out.push(state);
        for (const side of SIDES) {
          const decided = botOrders(state, side, bots[side], rng);
          rng = decided.rng;
          const result = submitOrders(state, side, decided.orders);
          if (result.ok) state = result.state;
        }
        state = resolveTurn(state).state;
      }
      out.push(state);
    }
  return out;
}

/** Orders that break a rule in many ways: too much, not held, already in force, closed, twice, over budget. */
function badOrders(state: MatchState, side: Side, dice: Dice): Order[][] {
  const options = orderOptions({ ...state, phase: "orders" }, side);
  const lists: Order[][] = [];
  for (const lever of options.levers)
    for (const choice of lever.choices) {
      const order: Record<string, unknown> = { type: lever.type };
      if (lever.choiceField) order[lever.choiceField] = choice.value;
      if (lever.amountField)
        order[lever.amountField] = lever.amountField === "rate" ? 1 : (choice.max + 1) * 1e3;
      if (lever.type === "leaseCompute") order.h100e = dice.chance(0.5) ? -1e9 : 1e9;
      lists.push([order as Order], [order as Order, order as Order]);
    }
  return lists;
}

describe("the rules' sentences in English and German", () => {
  it("fill every value of every reason the rules give", () => {
    const seen = new Map<string, Reason>();
    const dice = new Dice(7);
    for (const state of states())
      for (const side of SIDES) {
        for (const lever of orderOptions(state, side).levers) {
          if (lever.reason) seen.set(lever.reason.key, lever.reason);
          for (const c of lever.choices) if (c.reason) seen.set(c.reason.key, c.reason);
        }
        for (const orders of badOrders(state, side, dice))
          for (const e of checkOrders(state, side, orders).errors)
            if (e.reason) seen.set(e.reason.key, e.reason);
      }
    // Most reasons turn up; those that need a rare situation (a host applying the remote-access rule, a finished
    // reform) are covered by the compiler's check that every key has words in both languages.
    expect(seen.size).toBeGreaterThanOrEqual(12);
    for (const reason of seen.values())
      for (const lng of Object.keys(LANGUAGES)) {
        const text = render(lng, `reasons.${reason.key}`, reason.params as Record<string, string | number>);
        expect(text, `${lng} ${reason.key}`).not.toMatch(/{{|}}|^reasons\./);
        expect(text.length, `${lng} ${reason.key}`).toBeGreaterThan(10);
      }
  });

  it("fill every value of every lever's forecast, and say it differently in German", () => {
    const options: LeverOption[] = [];
    for (const state of states()) for (const side of SIDES) options.push(...orderOptions(state, side).levers);
    const types = new Set(options.map((o) => o.type));
    expect(types.size).toBe(19);
    for (const lever of options) {
      const { context, ...values } = lever.likelyEffectParams;
      const params = { ...values, ...(context ? { context } : {}) };
      const english = render("en", `levers.${lever.type}.effect`, params);
      const german = render("de", `levers.${lever.type}.effect`, params);
      for (const text of [english, german]) expect(text, lever.type).not.toMatch(/{{|}}|^levers\./);
      expect(german, lever.type).not.toBe(english);
      // The English words match the rules' own sentence where it has no numbers to format differently.
      if (Object.keys(values).length === 0) expect(english, lever.type).toBe(lever.likelyEffect);
    }
  });
});
