/** Builders that keep rules tests short. */
import type { MatchState, Order, Scenario, Side } from "../../shared/rules/index.ts";
import { BUILTIN_SCENARIOS, createMatch, resolveTurn, submitOrders } from "../../shared/rules/index.ts";

export const baseline: Scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

type Patch<T> = { [K in keyof T]?: T[K] extends object ? Patch<T[K]> : T[K] };

function merge<T>(target: T, patch: Patch<T> | undefined): T {
  if (!patch) return target;
  const out = { ...target } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    out[k] =
      v !== null && typeof v === "object" && !Array.isArray(v) && cur !== null && typeof cur === "object"
        ? merge(cur, v as Patch<unknown>)
        : v;
  }
  return out as T;
}

/** A scenario with some parameters replaced, e.g. scenarioWith({ world: { eventChancePerTurn: 0 } }). */
export function scenarioWith(patch: Patch<Scenario["params"]>): Scenario {
  return { ...baseline, params: merge(baseline.params, patch) };
}

/** A fresh baseline match (events off unless asked for) with parts of its state replaced. */
export function makeState(
  overrides: Patch<MatchState> = {},
  options: { seed?: number; scenario?: Scenario; events?: boolean } = {},
): MatchState {
  const scenario =
    options.scenario ?? (options.events ? baseline : scenarioWith({ world: { eventChancePerTurn: 0 } }));
  return merge(createMatch(scenario, options.seed ?? 1), overrides);
}

/** Submits orders for a side and fails the test with the reasons if they are refused. */
export function submit(state: MatchState, side: Side, orders: Order[]): MatchState {
  const result = submitOrders(state, side, orders);
  if (!result.ok) throw new Error(`orders refused: ${JSON.stringify(result.errors)}`);
  return result.state;
}

/** Submits both sides' orders and resolves the turn. */
export function play(state: MatchState, us: Order[] = [], china: Order[] = []): MatchState {
  return resolveTurn(submit(submit(state, "us", us), "china", china)).state;
}
