/**
 * Seeded random play: random sequences of legal and illegal orders (junk JSON, wrong types, extreme and
 * out-of-range amounts, orders for the wrong side, orders built from the order options), resolved turn by turn,
 * with the engine's guarantees checked after every step.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LeverOption, MatchState, OrderError, OrderOptions, Side } from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  EVENT_DECK,
  HOSTS,
  SCENARIO_IDS,
  SIDES,
  createMatch,
  endMatch,
  hashState,
  injectEvent,
  keepValidOrders,
  orderOptions,
  resolveTurn,
  submitOrders,
} from "../../shared/rules/index.ts";
import { intelReport } from "../../shared/rules/intel.ts";
import { fleetH100e } from "../../shared/rules/model.ts";
import { makeState, play } from "./helpers.ts";

/** Scales every numRuns (e.g. FC_SCALE=20 for a long hunt); the default keeps the file well under 30 s. */
const SCALE = Math.max(1, Number(process.env.FC_SCALE ?? "1") || 1);
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });
const TIMEOUT = 60_000 * SCALE;

// ---------------------------------------------------------------------------------------------------------
// Plans: random data that is turned into orders against the state of the moment.

const MODES = [
  "inside",
  "max",
  "justAbove",
  "double",
  "release",
  "negative",
  "zero",
  "huge",
  "nan",
  "infinity",
  "tiny",
  "string",
] as const;
type Mode = (typeof MODES)[number];

/** An order built from a lever option (of this side, or of the other side when `foreign`). */
interface OptionAttempt {
  kind: "option";
  foreign: boolean;
  lever: number;
  choice: number;
  mode: Mode;
  x: number;
}
/** Anything at all in place of an order. */
interface JunkAttempt {
  kind: "junk";
  value: unknown;
}
/** A well-formed order with one field replaced or added. */
interface MutantAttempt {
  kind: "mutant";
  lever: number;
  choice: number;
  key: string;
  value: unknown;
}
type Attempt = OptionAttempt | JunkAttempt | MutantAttempt;

interface SidePlan {
  send: boolean;
  attempts: Attempt[];
}
interface TurnPlan {
  us: SidePlan;
  china: SidePlan;
  inject: { card: number; ahead: number } | null;
  /** The facilitator ends the match before this turn. */
  end: boolean;
}
interface Plan {
  scenario: string;
  seed: number;
  turns: TurnPlan[];
}

const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -1,
    0,
    -0,
    1e300,
    -1e-300,
    5e-324,
    "",
    "1",
    null,
    undefined,
    true,
    [],
    {},
  ),
);

const optionAttempt = (foreign: boolean): fc.Arbitrary<Attempt> =>
  fc.record({
    kind: fc.constant("option" as const),
    foreign: fc.constant(foreign),
    lever: fc.nat(40),
    choice: fc.nat(10),
    mode: fc.oneof(
      { arbitrary: fc.constantFrom<Mode>("inside", "max", "release"), weight: 6 },
      { arbitrary: fc.constantFrom<Mode>(...MODES), weight: 2 },
    ),
    x: fc.double({ min: 0, max: 1, noNaN: true }),
  });

const junkAttempt: fc.Arbitrary<Attempt> = fc.record({
  kind: fc.constant("junk" as const),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.anything({ maxDepth: 2 }),
    // Near misses: a real order type with random fields.
    fc
      .record({
        type: fc.constantFrom(...orderTypes()),
        extra: weird,
        amount: weird,
        h100e: weird,
        host: weird,
      })
      .map((o) => o as unknown),
  ),
});

const mutantAttempt: fc.Arbitrary<Attempt> = fc.record({
  kind: fc.constant("mutant" as const),
  lever: fc.nat(40),
  choice: fc.nat(10),
  key: fc.oneof(
    fc.constantFrom(
      "type",
      "host",
      "amount",
      "h100e",
      "gw",
      "chipType",
      "source",
      "level",
      "rate",
      "stacksPerTurn",
    ),
    fc.string({ maxLength: 8 }),
  ),
  value: weird,
});

const attempt: fc.Arbitrary<Attempt> = fc.oneof(
  { arbitrary: optionAttempt(false), weight: 14 },
  { arbitrary: optionAttempt(true), weight: 2 },
  { arbitrary: junkAttempt, weight: 2 },
  { arbitrary: mutantAttempt, weight: 2 },
);

const sidePlan: fc.Arbitrary<SidePlan> = fc.record({
  send: fc.nat(9).map((n) => n < 8),
  attempts: fc.oneof(
    { arbitrary: fc.array(attempt, { maxLength: 6 }), weight: 30 },
    { arbitrary: fc.array(attempt, { minLength: 41, maxLength: 44 }), weight: 1 },
  ),
});

const turnPlan: fc.Arbitrary<TurnPlan> = fc.record({
  us: sidePlan,
  china: sidePlan,
  inject: fc.option(fc.record({ card: fc.nat(100), ahead: fc.nat(2) }), { freq: 4 }),
  end: fc.nat(60).map((n) => n === 0),
});

/** Plans of up to `maxTurns` turns; a quarter of them play a whole match (16 turns) and try one more. */
const planArb = (maxTurns: number): fc.Arbitrary<Plan> =>
  fc.record({
    scenario: fc.constantFrom(...SCENARIO_IDS),
    seed: fc.integer(),
    turns: fc.oneof(
      { arbitrary: fc.array(turnPlan, { minLength: 1, maxLength: maxTurns, size: "max" }), weight: 3 },
      { arbitrary: fc.array(turnPlan, { minLength: 17, maxLength: 17 }), weight: maxTurns >= 16 ? 1 : 0 },
    ),
  });

function orderTypes(): string[] {
  const state = makeState();
  return SIDES.flatMap((side) => orderOptions(state, side).levers.map((l) => l.type));
}

/** The amount an option attempt names, from the choice's limits and the mode. */
function amountFor(option: LeverOption, choice: LeverOption["choices"][number], a: OptionAttempt): unknown {
  switch (a.mode) {
    case "inside":
      return option.amountField === "rate" ? choice.max * a.x : choice.max * (0.001 + 0.999 * a.x);
    case "max":
      return choice.max;
    case "justAbove":
      return choice.max * (1 + 1e-6) + 1e-6;
    case "double":
      return choice.max * 2 + 1;
    case "release":
      return choice.min < 0 ? choice.min * (0.001 + 0.999 * a.x) : choice.max * a.x;
    case "negative":
      return -(a.x * 1e6 + 1e-9);
    case "zero":
      return 0;
    case "huge":
      return 1e12 * (1 + a.x);
    case "nan":
      return NaN;
    case "infinity":
      return a.x < 0.5 ? Infinity : -Infinity;
    case "tiny":
      return 1e-12;
    case "string":
      return String(choice.max * a.x);
  }
}

function optionOrder(
  options: OrderOptions,
  a: { lever: number; choice: number },
  amount: (option: LeverOption, choice: LeverOption["choices"][number]) => unknown,
): { order: Record<string, unknown>; option: LeverOption; choice: LeverOption["choices"][number] } | null {
  const option = options.levers[a.lever % options.levers.length];
  if (!option) return null;
  const choice = option.choices[a.choice % option.choices.length];
  if (!choice) return null;
  const order: Record<string, unknown> = { type: option.type };
  if (option.choiceField) order[option.choiceField] = choice.value;
  if (option.amountField) order[option.amountField] = amount(option, choice);
  return { order, option, choice };
}

/** Caches the order options of a state for both sides (they are asked for once per attempt). */
function optionsCache(state: MatchState): (side: Side) => OrderOptions {
  const cache: Partial<Record<Side, OrderOptions>> = {};
  return (side) => (cache[side] ??= orderOptions(state, side));
}

function other(side: Side): Side {
  return side === "us" ? "china" : "us";
}

// ---------------------------------------------------------------------------------------------------------
// Checks.

/** Every number in the state (outside the static scenario) is finite; stocks are never negative. */
/**
 * Every number in the state (outside the static scenario) is finite, and stocks are never negative. The
 * append-only logs (history, events) are walked from `since` on: earlier entries were checked before.
 */
function unsoundNumbers(state: MatchState, since = { history: 0, events: 0 }): string[] {
  const out: string[] = [];
  // The lead is negative when China leads, the starting row of the history is turn -1, a seed is any integer.
  const mayBeNegative = (path: string) => path === "seed" || /^history\[\d+\]\.(leadMonths|turn)$/.test(path);
  const walk = (node: unknown, path: string): void => {
    if (typeof node === "number") {
      if (!Number.isFinite(node)) out.push(`${path} = ${node}`);
      else if (node < 0 && !mayBeNegative(path)) out.push(`${path} = ${node} < 0`);
      return;
    }
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`));
    else
      for (const [k, v] of Object.entries(node))
        if (path !== "" || (k !== "scenario" && k !== "history" && k !== "events"))
          walk(v, path ? `${path}.${k}` : k);
  };
  walk(state, "");
  for (let i = since.history; i < state.history.length; i++) walk(state.history[i], `history[${i}]`);
  for (let i = since.events; i < state.events.length; i++) walk(state.events[i], `events[${i}]`);
  return out;
}

/** Values that live on a bounded scale and lie outside it. */
function outOfRange(state: MatchState): string[] {
  const out: string[] = [];
  const within = (name: string, x: number, lo: number, hi: number) => {
    if (!(x >= lo && x <= hi)) out.push(`${name} = ${x} outside ${lo}..${hi}`);
  };
  within("tension", state.tension, 0, 100);
  for (const h of HOSTS) {
    const host = state.hosts[h];
    within(`hosts.${h}.openness`, host.openness, 0, 1);
    within(`hosts.${h}.strictness`, host.strictness, 0, 1);
    within(`hosts.${h}.influence.us`, host.influence.us, 0, 100);
    within(`hosts.${h}.influence.china`, host.influence.china, 0, 100);
  }
  within("us.permitReform", state.us.permitReform, 0, 1);
  within("us.reformProgress", state.us.reformProgress, 0, 1);
  within("china.subsidyRate", state.china.subsidyRate, 0, state.scenario.params.china.subsidyMax);
  within("china.fabYield", state.china.fabYield, 0, 1);
  for (const side of SIDES) {
    within(`${side}.last.poweredFraction`, state[side].last.poweredFraction, 0, 1);
    within(`${side}.cash`, state[side].cash, 0, Number.MAX_VALUE);
    for (const [key, e] of Object.entries(intelReport(state, side)))
      if (!Number.isFinite(e.estimate) || !Number.isFinite(e.low) || !Number.isFinite(e.high) || e.low < 0)
        out.push(`intel.${side}.${key} = ${JSON.stringify(e)} is not finite and non-negative`);
      else if (!(e.low <= e.estimate * (1 + 1e-12) && e.estimate <= e.high * (1 + 1e-12)))
        out.push(`intel.${side}.${key}: ${e.low} <= ${e.estimate} <= ${e.high} fails`);
  }
  return out;
}

/** Why a refusal is not readable (no errors, or an error without a path or a message); empty when it is. */
function unreadable(errors: readonly OrderError[]): string[] {
  if (errors.length === 0) return ["a refusal without errors"];
  return errors
    .filter(
      (e) =>
        typeof e.path !== "string" ||
        e.path.length === 0 ||
        typeof e.message !== "string" ||
        e.message.trim().length === 0,
    )
    .map((e) => `unreadable error ${JSON.stringify(e)}`);
}

function expectReadable(errors: readonly OrderError[]): void {
  expect(unreadable(errors)).toEqual([]);
}

function spentSoFar(state: MatchState, side: Side): number {
  let total = 0;
  for (const v of Object.values(state[side].spentByLever)) total += v;
  return total;
}

// ---------------------------------------------------------------------------------------------------------
// The driver.

/** What random play reached, so that a weakened generator shows up as a failing test. */
const reached = { accepted: new Set<string>(), refusedDrafts: 0, events: new Set<string>(), ended: 0 };

interface Checks {
  /** Invariants of every state and of every refused or accepted order list. */
  invariants?: boolean;
  /** Hashes: refused orders and resolutions leave their input unchanged. */
  purity?: boolean;
  /** JSON round trips keep the hash and resolve to the same next state. */
  roundTrip?: boolean;
}

/**
 * Plays a plan turn by turn and returns the hash after every resolution (when `record`). Problems are gathered
 * in words and asserted once a step, which keeps thousands of checks cheap and the failure message readable.
 */
function playPlan(plan: Plan, checks: Checks, record = false): string[] {
  const scenario = BUILTIN_SCENARIOS[plan.scenario]!.scenario;
  let state = createMatch(scenario, plan.seed);
  const startFleet = { us: fleetH100e(state.us.fleet), china: fleetH100e(state.china.fleet) };
  const problems: string[] = [];
  const check = (ok: boolean, what: () => string) => {
    if (!ok) problems.push(`turn ${state.turn}: ${what()}`);
  };
  if (checks.invariants) problems.push(...unsoundNumbers(state), ...outOfRange(state));
  const hashes = record ? [hashState(state)] : [];

  for (const turn of plan.turns) {
    if (turn.end) state = endMatch(state);
    if (state.phase === "ended") {
      const refused = submitOrders(state, "us", []);
      check(!refused.ok, () => "orders accepted after the end");
      if (!refused.ok) problems.push(...unreadable(refused.errors));
      const same = resolveTurn(state);
      check(same.state === state && same.events.length === 0, () => "resolving an ended match changed it");
      break;
    }
    const original = state;
    const originalHash = checks.purity ? hashState(original) : "";
    if (turn.inject) {
      const card = EVENT_DECK[turn.inject.card % EVENT_DECK.length]!;
      const queued = injectEvent(state, card.id, state.turn + turn.inject.ahead);
      if (queued.ok) state = queued.state;
    }

    const cost: Record<Side, number> = { us: 0, china: 0 };
    for (const side of SIDES) {
      const sp = turn[side];
      if (!sp.send) continue;
      const options = optionsCache(state);
      const own = new Set(options(side).levers.map((l) => l.type));
      const draft: unknown[] = [];
      for (const a of sp.attempts) {
        if (a.kind === "junk") {
          draft.push(a.value);
          continue;
        }
        if (a.kind === "mutant") {
          const built = optionOrder(options(side), a, (_o, c) => c.max * 0.5);
          if (built) draft.push({ ...built.order, [a.key]: a.value });
          continue;
        }
        const built = optionOrder(options(a.foreign ? other(side) : side), a, (o, c) => amountFor(o, c, a));
        if (!built) continue;
        draft.push(built.order);
        if (!checks.invariants) continue;
        const alone = submitOrders(state, side, [built.order]);
        if (!alone.ok) problems.push(...unreadable(alone.errors));
        if (a.foreign && !own.has(built.option.type)) {
          // An order for a lever only the other side has is refused.
          check(!alone.ok, () => `${side} may use the other side's lever: ${JSON.stringify(built.order)}`);
        } else if (!a.foreign && (a.mode === "inside" || a.mode === "max")) {
          // What the options advertise as allowed is accepted on its own.
          const { option, choice } = built;
          const amount = built.order[option.amountField ?? ""];
          const advertised =
            option.available &&
            choice.available &&
            (option.amountField === null ||
              (option.amountField === "rate"
                ? Math.abs(Number(amount) - (choice.current ?? 0)) > 1e-6
                : choice.max > 0));
          if (advertised && !alone.ok)
            problems.push(
              `${side}'s advertised order ${JSON.stringify(built.order)} refused: ${JSON.stringify(alone.errors)}`,
            );
        }
      }

      const before = checks.purity ? hashState(state) : "";
      let result = submitOrders(state, side, draft);
      if (!result.ok) {
        reached.refusedDrafts += 1;
        problems.push(...unreadable(result.errors));
        if (checks.purity) check(hashState(state) === before, () => "a refused submission changed the state");
        // The largest allowed part of a refused draft is always accepted.
        const kept = keepValidOrders(state, side, draft);
        result = submitOrders(state, side, kept);
        if (!result.ok)
          problems.push(`keepValidOrders kept refused orders: ${JSON.stringify(result.errors)}`);
      }
      if (result.ok) {
        const { cost: c } = result;
        const money = orderOptions(state, side).spendable;
        check(
          Number.isFinite(c) && c >= 0 && c <= money + 1e-9,
          () => `${side} cost ${c} with ${money} to spend`,
        );
        for (const o of result.state.pending[side] ?? []) reached.accepted.add(`${side}.${o.type}`);
        cost[side] = c;
        state = result.state;
      }
    }

    const submitted = state;
    const submittedHash = checks.purity || checks.roundTrip ? hashState(submitted) : "";
    const resolved = resolveTurn(submitted);
    const next = resolved.state;
    const nextHash = record || checks.roundTrip ? hashState(next) : "";
    if (checks.purity) {
      check(hashState(submitted) === submittedHash, () => "resolveTurn changed its input");
      check(hashState(original) === originalHash, () => "submitting or injecting changed the state");
    }
    if (checks.roundTrip) {
      const copy = JSON.parse(JSON.stringify(submitted)) as MatchState;
      check(hashState(copy) === submittedHash, () => "a JSON round trip changed the hash");
      check(
        hashState(resolveTurn(copy).state) === nextHash,
        () => "the round-tripped state resolved differently",
      );
      check(
        hashState(JSON.parse(JSON.stringify(next))) === nextHash,
        () => "a JSON round trip changed the hash",
      );
    }
    if (checks.invariants) {
      check(next.turn === submitted.turn + 1, () => "the turn did not advance by one");
      check(next.history.length === submitted.history.length + 1, () => "not one history row per turn");
      check(
        next.events.length === submitted.events.length + resolved.events.length &&
          resolved.events.every((e, i) => next.events[submitted.events.length + i] === e),
        () => "the returned events are not the tail of the state's events",
      );
      problems.push(
        ...unsoundNumbers(next, { history: submitted.history.length, events: submitted.events.length }),
        ...outOfRange(next),
      );
      for (const side of SIDES) {
        const had = submitted[side].cash;
        const spent = spentSoFar(next, side) - spentSoFar(submitted, side);
        const running = next[side].runningCostTotal - submitted[side].runningCostTotal;
        // A side never pays more than it had, nor more for its orders than they were priced at.
        check(spent >= -1e-9 && running >= -1e-9, () => `${side} spent ${spent} and ran up ${running}`);
        check(
          spent + running <= had * (1 + 1e-12) + 1e-9,
          () => `${side} paid ${spent} + ${running} with ${had} in cash`,
        );
        check(
          spent <= cost[side] * (1 + 1e-12) + 1e-9,
          () => `${side} paid ${spent} for orders priced ${cost[side]}`,
        );
        // Chips are conserved: the fleet is the start plus what came in less what left, by cause.
        const ledger = next[side].ledger;
        const expected = startFleet[side] + ledger.acquired - ledger.retired - ledger.seized;
        const fleet = fleetH100e(next[side].fleet);
        check(
          Math.abs(fleet - expected) <= 1e-9 * (startFleet[side] + ledger.acquired),
          () => `${side} fleet ${fleet} H100e, ledger says ${expected} (${JSON.stringify(ledger)})`,
        );
      }
    }
    for (const e of resolved.events) reached.events.add(e.key);
    if (next.phase === "ended") reached.ended += 1;
    if (record) hashes.push(nextHash);
    state = next;
    if (problems.length > 0) break;
  }
  expect(problems).toEqual([]);
  return hashes;
}

// ---------------------------------------------------------------------------------------------------------

describe("random play keeps the engine's guarantees", () => {
  it(
    "after every step: finite numbers, no negative stock, bounded scales, cash and chips accounted for",
    () => {
      fc.assert(
        fc.property(planArb(16), (plan) => {
          playPlan(plan, { invariants: true });
        }),
        runs(300),
      );
      // The plans reached every lever of both sides, refused drafts, event cards and the end of a match.
      const everyLever = SIDES.flatMap((side) =>
        orderOptions(makeState(), side).levers.map((l) => `${side}.${l.type}`),
      );
      expect(everyLever.filter((key) => !reached.accepted.has(key))).toEqual([]);
      expect(reached.refusedDrafts).toBeGreaterThan(100);
      expect(reached.ended).toBeGreaterThan(5);
      for (const key of [
        "smuggleChips.caught",
        "smuggleChips.arrived",
        "leaseCompute.done",
        "lease.cut",
        "project.done",
      ])
        expect([...reached.events]).toContain(key);
      expect([...reached.events].filter((k) => k.startsWith("event.")).length).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    "a refused order list leaves the state's hash unchanged, and resolveTurn never changes its input",
    () => {
      fc.assert(
        fc.property(planArb(10), (plan) => {
          playPlan(plan, { purity: true });
        }),
        runs(100),
      );
    },
    TIMEOUT,
  );

  it(
    "the same seed and orders give the same hashes, turn after turn",
    () => {
      fc.assert(
        fc.property(planArb(12), (plan) => {
          expect(playPlan(plan, {}, true)).toEqual(playPlan(plan, {}, true));
        }),
        runs(100),
      );
    },
    TIMEOUT,
  );

  it(
    "a JSON round trip keeps the hash, and the round-tripped state resolves to the same next state",
    () => {
      fc.assert(
        fc.property(planArb(10), (plan) => {
          playPlan(plan, { roundTrip: true });
        }),
        runs(80),
      );
    },
    TIMEOUT,
  );
});

describe("submitOrders on any input", () => {
  const start = makeState({}, { events: true });
  const midGame = play(
    play(
      start,
      [{ type: "setExportControls", level: "fullBan" }],
      [{ type: "leaseCompute", host: "malaysia", h100e: 1000 }],
    ),
  );
  let ended = start;
  while (ended.phase !== "ended") ended = resolveTurn(ended).state;
  const states = [start, midGame, ended];
  const hashes = states.map(hashState);

  const anySide = fc.oneof(
    { arbitrary: fc.constantFrom<unknown>("us", "china"), weight: 4 },
    { arbitrary: fc.anything({ maxDepth: 1 }), weight: 1 },
  );
  const anyOrders = fc.oneof(
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withTypedArray: true,
      withSparseArray: true,
    }),
    fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), junkOrder()), { maxLength: 45 }),
  );

  it(
    "never throws, and refuses with readable errors and an unchanged state",
    () => {
      fc.assert(
        fc.property(fc.nat(states.length - 1), anySide, anyOrders, (i, side, orders) => {
          const state = states[i]!;
          const result = submitOrders(state, side, orders);
          if (!result.ok) expectReadable(result.errors);
          else {
            expect(result.state.pending[side as Side]).not.toBeNull();
            expect(result.cost).toBeGreaterThanOrEqual(0);
          }
          expect(hashState(state)).toBe(hashes[i]);
        }),
        runs(1500),
      );
    },
    TIMEOUT,
  );

  it(
    "keepValidOrders never throws, and what it keeps is accepted",
    () => {
      fc.assert(
        fc.property(
          fc.nat(1),
          fc.constantFrom<Side>("us", "china"),
          fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), junkOrder()), { maxLength: 30 }),
          (i, side, draft) => {
            const state = states[i]!;
            const kept = keepValidOrders(state, side, draft);
            const result = submitOrders(state, side, kept);
            expect(result.ok ? "accepted" : result.errors).toBe("accepted");
          },
        ),
        runs(800),
      );
    },
    TIMEOUT,
  );

  it("refuses every order once the match is over", () => {
    const result = submitOrders(ended, "us", []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/over/);
  });
});

/** Orders of a real type whose fields are right, wrong or absent. */
function junkOrder(): fc.Arbitrary<unknown> {
  const amount = fc.oneof(
    fc.double({ noNaN: false }),
    fc.double({ min: 0, max: 1e4, noNaN: true }),
    fc.integer({ min: -10, max: 1e7 }),
    weird,
  );
  return fc
    .record(
      {
        type: fc.constantFrom(...orderTypes()),
        host: fc.oneof(fc.constantFrom<unknown>(...HOSTS), weird),
        amount,
        h100e: amount,
        gw: amount,
        wafersPerMonth: amount,
        stacksPerTurn: amount,
        rate: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), weird),
        chipType: fc.constantFrom<unknown>("frontier", "exportGrade", "domestic", "quantum", 3),
        source: fc.constantFrom<unknown>("solar", "wind", "gas", "nuclear", "coal"),
        level: fc.constantFrom<unknown>("open", "performanceCap", "fullBan", "banPlusRemoteAccess", "total"),
      },
      { requiredKeys: ["type"] },
    )
    .map((o) => o as unknown);
}
