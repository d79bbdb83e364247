/**
 * A bot cannot cheat: its input type holds only the side's view and order options (checked by the compiler
 * below), and at run time every bot decides from exactly that. It is handed a frozen copy of the view and
 * options behind a guard that fails on any other property, and must give the same orders as with the real input.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Bot, BotInput } from "../../shared/bots/index.ts";
import { BOTS, makeBot } from "../../shared/bots/index.ts";
import type {
  ChinaView,
  DeepReadonly,
  MatchState,
  OrderOptions,
  Side,
  SideView,
  UsView,
} from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  createMatch,
  orderOptions,
  resolveTurn,
  submitOrders,
  viewFor,
} from "../../shared/rules/index.ts";
import { botOrders } from "../../shared/sim/match.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

describe("the bot input type", () => {
  it("has the view and the options and nothing else", () => {
    expectTypeOf<keyof BotInput>().toEqualTypeOf<"view" | "options">();
    expectTypeOf<BotInput["view"]>().toEqualTypeOf<DeepReadonly<SideView>>();
    expectTypeOf<BotInput["options"]>().toEqualTypeOf<OrderOptions>();
  });

  it("holds no hidden state of the other side, the generator or the pending orders", () => {
    type Hidden = "us" | "china" | "secret" | "seed" | "pending" | "injected" | "fullHistory";
    expectTypeOf<Extract<keyof UsView, Hidden>>().toEqualTypeOf<never>();
    expectTypeOf<Extract<keyof ChinaView, Hidden>>().toEqualTypeOf<never>();
    expectTypeOf<UsView["own"]>().toEqualTypeOf<MatchState["us"]>();
    expectTypeOf<ChinaView["own"]>().toEqualTypeOf<MatchState["china"]>();
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The view and options as plain data, frozen, behind a guard that fails on anything else. */
function guardedInput(state: MatchState, side: Side): BotInput {
  const copy = deepFreeze(
    structuredClone({ view: viewFor(state, side), options: orderOptions(state, side) }),
  ) as BotInput;
  return new Proxy(copy, {
    get(target, key) {
      if (key !== "view" && key !== "options") throw new Error(`a bot read ${String(key)} from its input`);
      return target[key];
    },
  });
}

/** States at the start of turns 0, 5, 10 and 15 of a match between two personas. */
function midMatchStates(seed: number): MatchState[] {
  const out: MatchState[] = [];
  let state = createMatch(scenario, seed);
  const players = { us: BOTS.hawk!, china: BOTS.offshorer! };
  while (state.phase !== "ended") {
    if (state.turn % 5 === 0) out.push(state);
    for (const side of ["us", "china"] as const) {
      const result = submitOrders(state, side, botOrders(state, side, players[side], 7).orders);
      if (result.ok) state = result.state;
    }
    state = resolveTurn(state).state;
  }
  return out;
}

describe("bots decide from the view and options alone", () => {
  const bots: Bot[] = [
    ...["passive", "random-legal", "hawk", "builder", "offshorer", "self-reliance", "announced-2025"].map(
      (id) => BOTS[id]!,
    ),
    makeBot("search", scenario, { samples: 1 })!,
  ];
  const states = [...midMatchStates(1), ...midMatchStates(2)];

  it("gives the same orders from a guarded, frozen copy as from the real input", () => {
    for (const bot of bots)
      for (const side of ["us", "china"] as const)
        for (const state of states) {
          const real = botOrders(state, side, bot, 12345);
          const guarded = bot.decide(guardedInput(state, side), 12345);
          expect(guarded).toEqual(real);
        }
  });

  it("does not depend on hidden values that its view does not show", () => {
    for (const state of states) {
      // Change what neither side's view shows: the public seed, China's projects and running totals.
      const changed: MatchState = {
        ...state,
        seed: (state.seed + 1) >>> 0,
        china: { ...state.china, chipResearchStock: 99, runningCostTotal: 1234, projects: [] },
      };
      expect(viewFor(changed, "us")).toEqual(viewFor(state, "us"));
      for (const bot of bots)
        expect(botOrders(changed, "us", bot, 9)).toEqual(botOrders(state, "us", bot, 9));
    }
  });
});
