/**
 * The match session as a pure function, on a simulated clock: turn timers, pause and resume, the bots' pace,
 * restores, refusals, and the promise that a match folded back from its log is the match as it was played.
 * Nothing here opens a socket or waits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CreateOptions } from "../../shared/protocol.ts";
import {
  BUILDABLE_SOURCES,
  CHIP_TYPES,
  EVENT_DECK,
  hashState,
  HOSTS,
  type Side,
  type SideView,
  submitOrders,
  viewFor,
} from "../../shared/rules/index.ts";
import { newMatch } from "../../server/session/create.ts";
import {
  type ClientMessage,
  DRAFT_SAVE_MS,
  draftOf,
  type Effect,
  foldLog,
  type Input,
  type Limits,
  newSession,
  paceSpreadMs,
  phaseOf,
  restoredSession,
  type Session,
  type Step,
  step,
  wakeAt,
  WITHDRAWALS_PER_TURN,
} from "../../server/session/session.ts";
import type { Action, MatchRecord } from "../../server/store.ts";

const LIMITS: Limits = { teamMax: 2, spectatorsMax: 1, reconnectMs: 120_000, botTurnMs: 3_000 };
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

function fresh(code = "ABCDEF") {
  return {
    code,
    seed: 7,
    secret: "0123456789abcdef0123456789abcdef",
    facilitatorKey: "facilitator-key",
    seatKey: "c2VhdC1rZXktb2YtdGVzdHMtMzItYnl0ZXMtbG9uZy1vaw",
    createdAt: new Date(T0).toISOString(),
  };
}

/** A new session from create options (the creator's role is a spectator unless given). */
function create(options: Partial<CreateOptions> = {}): { record: MatchRecord; first: Step } {
  const made = newMatch(
    { role: "spectator", name: "Host", playerId: "host-0000", ...options },
    fresh(),
    false,
  );
  if (typeof made === "string") throw new Error(made);
  return { record: made.record, first: newSession(made.record, LIMITS, made.bots, T0) };
}

/** Drives a session and keeps what it logged, as the room's store would. */
class Driver {
  session: Session;
  readonly log: Action[] = [];
  readonly effects: Effect[] = [];
  constructor(
    readonly record: MatchRecord,
    first: Step,
  ) {
    this.session = first.session;
    this.keep(first);
  }
  private keep(result: Step): Step {
    this.session = result.session;
    for (const e of result.effects) {
      this.effects.push(e);
      if (e.kind === "append") this.log.push(e.action);
    }
    return result;
  }
  input(input: Input, now: number): Step {
    return this.keep(step(this.session, input, now));
  }
  join(playerId: string, role: "us" | "china" | "spectator" | "facilitator", now = T0, extra = {}): Step {
    return this.input({ kind: "join", playerId, name: playerId, role, ...extra }, now);
  }
  send(playerId: string, message: ClientMessage, now = T0): Step {
    return this.input({ kind: "message", playerId, message }, now);
  }
  logged(kind: Action["kind"]): Action[] {
    return this.log.filter((a) => a.kind === kind);
  }
}

function twoSides(options: Partial<CreateOptions> = {}): Driver {
  const { record, first } = create(options);
  const d = new Driver(record, first);
  d.join("us-ann-01", "us");
  d.join("cn-bo-001", "china");
  return d;
}

describe("the turn timer on a simulated clock", () => {
  it("runs out at its deadline: valid draft orders count, refused ones are dropped, and the next turn's deadline is logged", () => {
    const d = twoSides({ timerSeconds: 15 });
    expect(d.logged("deadline")).toEqual([{ kind: "deadline", turn: 0, at: T0 + 15_000 }]);
    expect(wakeAt(d.session)).toBe(T0 + 15_000);
    const draft = [
      { type: "fundAlgorithms", amount: 2 },
      // Far more than the US can pay: the rules refuse it, so the timer drops it.
      { type: "buyChips", chipType: "frontier", h100e: 1e9 },
    ];
    const drafted = d.send("us-ann-01", { type: "draft", data: { orders: draft } });
    expect((drafted.reply as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    // A tick before the deadline changes nothing.
    d.input({ kind: "tick" }, T0 + 14_999);
    expect(d.session.game.turn).toBe(0);
    d.input({ kind: "tick" }, T0 + 15_000);
    expect(d.session.game.turn).toBe(1);
    const us = viewFor(d.session.game, "us") as SideView;
    expect(us.own.spentByLever.fundAlgorithms).toBeCloseTo(2, 9);
    expect(us.own.spentByLever.buyChips).toBe(0);
    expect(d.logged("deadline").at(-1)).toEqual({ kind: "deadline", turn: 1, at: T0 + 30_000 });
    expect(wakeAt(d.session)).toBe(T0 + 30_000);
  });

  it("pauses with the time left, refuses confirmations while paused, and resumes with that time", () => {
    const d = twoSides({ timerSeconds: 60, role: "facilitator" });
    d.join("host-0000", "facilitator");
    d.send("host-0000", { type: "pause", data: {} }, T0 + 20_000);
    expect(phaseOf(d.session)).toBe("paused");
    expect(d.session.pausedMs).toBe(40_000);
    expect(wakeAt(d.session)).toBeNull();
    const refused = d.send("us-ann-01", { type: "confirm", data: { turn: 0 } }, T0 + 21_000);
    expect(refused.refusal?.message).toMatch(/paused/);
    // Long after the old deadline, nothing resolves while paused.
    d.input({ kind: "tick" }, T0 + 600_000);
    expect(d.session.game.turn).toBe(0);
    d.send("host-0000", { type: "extendTimer", data: { seconds: 30 } }, T0 + 600_000);
    expect(d.session.pausedMs).toBe(70_000);
    d.send("host-0000", { type: "resume", data: {} }, T0 + 700_000);
    expect(phaseOf(d.session)).toBe("orders");
    expect(d.session.deadline).toBe(T0 + 770_000);
    d.input({ kind: "tick" }, T0 + 770_000);
    expect(d.session.game.turn).toBe(1);
  });

  it("extends a running timer from its deadline, and refuses to extend a match without one", () => {
    const d = twoSides({ timerSeconds: 60, role: "facilitator" });
    d.join("host-0000", "facilitator");
    const extended = d.send("host-0000", { type: "extendTimer", data: { seconds: 90 } }, T0 + 10_000);
    expect(extended.reply).toEqual({ deadline: T0 + 150_000, remainingMs: 0 });
    const plain = twoSides({ role: "facilitator" });
    plain.join("host-0000", "facilitator");
    const refused = plain.send("host-0000", { type: "extendTimer", data: { seconds: 90 } });
    expect(refused.refusal?.message).toBe("this match has no turn timer");
  });
});

describe("the bots' pace", () => {
  it("plays a match of bots alone at BOT_TURN_SECONDS plus a spread of at most a quarter of it", () => {
    const { record, first } = create({ bots: true });
    const d = new Driver(record, first);
    // Nobody is in the match yet: the bots wait for someone to watch.
    expect(wakeAt(d.session)).toBeNull();
    d.join("host-0000", "spectator");
    const spread = paceSpreadMs(d.session);
    expect(spread).toBeGreaterThanOrEqual(0);
    expect(spread).toBeLessThanOrEqual(LIMITS.botTurnMs / 4);
    const due = T0 + LIMITS.botTurnMs + spread;
    expect(wakeAt(d.session)).toBe(due);
    d.input({ kind: "tick" }, due - 1);
    expect(d.session.game.turn).toBe(0);
    d.input({ kind: "tick" }, due);
    expect(d.session.game.turn).toBe(1);
    expect(d.logged("submit").map((a) => (a.kind === "submit" ? a.side : ""))).toEqual(["us", "china"]);
    // The next turn counts from the moment this one resolved.
    expect(wakeAt(d.session)).toBe(due + LIMITS.botTurnMs + paceSpreadMs(d.session));
  });

  it("plays a side nobody holds at once when a person plays the other", () => {
    const { record, first } = create({ bots: true });
    const d = new Driver(record, first);
    d.join("us-ann-01", "us");
    expect(d.session.game.pending.china).not.toBeNull();
    expect(d.session.botConfirmed.china).toBe(true);
    d.send("us-ann-01", { type: "confirm", data: { turn: 0 } });
    expect(d.session.game.turn).toBe(1);
  });

  it("gives a person who takes a side from its bot the bot's orders as a draft, not confirmed", () => {
    const { record, first } = create({ bots: true });
    const d = new Driver(record, first);
    d.join("us-ann-01", "us");
    const botOrders = d.session.game.pending.china;
    const joined = d.join("cn-bo-001", "china");
    expect(d.session.game.pending.china).toBeNull();
    expect(d.session.drafts.china.orders).toEqual(botOrders);
    const notices = joined.effects.filter((e) => e.kind === "send" && e.out.type === "notice");
    expect(notices.map((e) => (e.kind === "send" ? e.out.message : null))).toContainEqual({
      message:
        "cn-bo-001 takes the China seat from the offshorer bot: its orders are now a suggested draft, not confirmed.",
    });
  });

  it("waits the reconnection window after a restore before a bot takes an empty side", () => {
    const d = twoSides({ bots: true });
    d.input({ kind: "leave", playerId: "cn-bo-001" }, T0 + 1);
    // A running match where China left: its bot played at once.
    expect(d.session.game.pending.china).not.toBeNull();
    const restored = restoredSession(d.record, d.log, LIMITS, d.session.bots, T0 + 5_000);
    // After a restore nobody is seated yet, and the bots wait for someone to come back; then they wait the
    // reconnection window for the people who were playing.
    expect(wakeAt(restored.session)).toBeNull();
    const back = step(
      restored.session,
      { kind: "join", playerId: "cn-bo-001", name: "Bo", role: "china" },
      T0 + 6_000,
    );
    expect(wakeAt(back.session)).toBe(T0 + 5_000 + LIMITS.reconnectMs);
  });
});

describe("restoring a session from its log", () => {
  it("is the session as it was played: the same state, turn timer and pause", () => {
    const d = twoSides({ timerSeconds: 120, role: "facilitator" });
    d.join("host-0000", "facilitator");
    d.send("us-ann-01", { type: "draft", data: { orders: [{ type: "fundAlgorithms", amount: 3 }] } });
    d.send("us-ann-01", { type: "confirm", data: { turn: 0 } });
    d.send("cn-bo-001", { type: "confirm", data: { turn: 0 } }, T0 + 1_000);
    d.send("host-0000", { type: "injectEvent", data: { eventId: EVENT_DECK[0]!.id } }, T0 + 2_000);
    d.send("host-0000", { type: "pause", data: {} }, T0 + 3_000);
    const restored = restoredSession(d.record, d.log, LIMITS, d.session.bots, T0 + 10_000).session;
    expect(hashState(restored.game)).toBe(hashState(d.session.game));
    expect(restored.pausedMs).toBe(d.session.pausedMs);
    expect(phaseOf(restored)).toBe("paused");
  });

  it("gives a team back the draft it was working on, and a deadline that passed meanwhile submits it", () => {
    const d = twoSides({ timerSeconds: 60 });
    const algorithms = (amount: number) => ({ type: "fundAlgorithms", amount });
    // The first draft of a turn is logged at once; a change within DRAFT_SAVE_MS waits for the session's tick.
    d.send("us-ann-01", { type: "draft", data: { orders: [algorithms(1)] } }, T0 + 1_000);
    d.send("us-ann-01", { type: "draft", data: { orders: [algorithms(4)] } }, T0 + 2_000);
    expect(d.logged("draft")).toHaveLength(1);
    expect(wakeAt(d.session)).toBe(T0 + 1_000 + DRAFT_SAVE_MS);
    d.input({ kind: "tick" }, T0 + 1_000 + DRAFT_SAVE_MS);
    expect(d.logged("draft").at(-1)).toMatchObject({ side: "us", orders: [algorithms(4)], by: "us-ann-01" });
    expect(wakeAt(d.session)).toBe(T0 + 60_000);
    // The server stops; another starts after the deadline passed: the saved draft is what runs.
    const restored = restoredSession(d.record, d.log, LIMITS, d.session.bots, T0 + 90_000).session;
    expect(restored.game.turn).toBe(1);
    expect((viewFor(restored.game, "us") as SideView).own.spentByLever.fundAlgorithms).toBeCloseTo(4, 9);
  });

  it("gives a side that confirmed between two draft saves the orders it confirmed as its draft, and back after an unconfirm", () => {
    const d = twoSides({ timerSeconds: 60 });
    d.join("us-al-0002", "us");
    const algorithms = (amount: number) => ({ type: "fundAlgorithms", amount });
    // Ann's draft is logged at once; Al's change comes within DRAFT_SAVE_MS, and Ann confirms it at once.
    d.send("us-ann-01", { type: "draft", data: { orders: [algorithms(1)] } }, T0 + 1_000);
    d.send("us-al-0002", { type: "draft", data: { orders: [algorithms(4)] } }, T0 + 2_000);
    d.send("us-ann-01", { type: "confirm", data: { turn: 0 } }, T0 + 3_000);
    expect(d.session.game.pending.us).toEqual([algorithms(4)]);
    const confirmed = { side: "us", orders: [algorithms(4)], by: "us-al-0002", errors: [] };
    expect(draftOf(d.session, "us")).toEqual(confirmed);
    // The server restarts before the next save was due: Ann comes back to the orders her side confirmed.
    const restored = restoredSession(d.record, d.log, LIMITS, d.session.bots, T0 + 4_000);
    const r = new Driver(d.record, restored);
    const sent = (result: Step) =>
      result.effects.flatMap((e) => (e.kind === "send" && e.out.type === "draft" ? [e.out.message] : []));
    expect(sent(r.join("us-ann-01", "us", T0 + 5_000))).toEqual([confirmed]);
    expect(r.session.game.pending.us).toEqual([algorithms(4)]);
    // Taking the confirmation back hands her those orders to edit, not an older draft.
    expect(r.send("us-ann-01", { type: "unconfirm", data: { turn: 0 } }, T0 + 6_000).reply).toEqual({
      confirmed: false,
    });
    expect(draftOf(r.session, "us")).toEqual(confirmed);
  });

  it("replays a log the old code wrote, whose confirm did not save the draft: the confirmed orders resolve", () => {
    const d = twoSides({ timerSeconds: 60 });
    const algorithms = (amount: number) => ({ type: "fundAlgorithms", amount });
    const old: Action[] = [
      ...d.log,
      { kind: "draft", side: "us", turn: 0, orders: [algorithms(1)], by: "us-ann-01", at: T0 + 1_000 },
      { kind: "submit", side: "us", orders: [algorithms(4)] },
    ];
    const r = new Driver(d.record, restoredSession(d.record, old, LIMITS, d.session.bots, T0 + 4_000));
    expect(r.session.game.pending.us).toEqual([algorithms(4)]);
    // Such a log holds no later draft: the side's draft is the last one it saved, as before.
    expect(draftOf(r.session, "us")).toMatchObject({ orders: [algorithms(1)], by: "us-ann-01" });
    r.join("cn-bo-001", "china", T0 + 5_000);
    r.send("cn-bo-001", { type: "confirm", data: { turn: 0 } }, T0 + 6_000);
    expect(r.session.game.turn).toBe(1);
    expect((viewFor(r.session.game, "us") as SideView).own.spentByLever.fundAlgorithms).toBeCloseTo(4, 9);
  });

  it("keeps who changed a draft last when a teammate's change leaves the orders the log holds", () => {
    const d = twoSides({ timerSeconds: 60 });
    d.join("us-al-0002", "us");
    const algorithms = (amount: number) => ({ type: "fundAlgorithms", amount });
    d.send("us-ann-01", { type: "draft", data: { orders: [algorithms(1)] } }, T0 + 1_000);
    d.send("us-al-0002", { type: "draft", data: { orders: [algorithms(2)] } }, T0 + 2_000);
    d.send("us-al-0002", { type: "draft", data: { orders: [algorithms(1)] } }, T0 + 3_000);
    d.send("us-ann-01", { type: "confirm", data: { turn: 0 } }, T0 + 4_000);
    const confirmed = { side: "us", orders: [algorithms(1)], by: "us-al-0002", errors: [] };
    expect(draftOf(d.session, "us")).toEqual(confirmed);
    const restored = restoredSession(d.record, d.log, LIMITS, d.session.bots, T0 + 5_000).session;
    expect(draftOf(restored, "us")).toEqual(confirmed);
  });

  it("logs a draft sent at the message rate at most once every DRAFT_SAVE_MS", () => {
    const d = twoSides();
    let now = T0;
    for (let i = 1; i <= 200; i++) {
      now += 50;
      d.send("cn-bo-001", { type: "draft", data: { orders: [{ type: "fundAlgorithms", amount: i }] } }, now);
      const due = wakeAt(d.session);
      if (due !== null && due <= now) d.input({ kind: "tick" }, now);
    }
    // 10 seconds of drafts: the first at once, then one save every 5 seconds.
    expect(d.logged("draft").length).toBeLessThanOrEqual(1 + Math.ceil(10_000 / DRAFT_SAVE_MS));
    const restoredDraft = foldLog(d.record, d.log, LIMITS, d.session.bots).drafts.china;
    expect(restoredDraft.saved).toBe(true);
  });

  it("keeps a hostile draft's junk out of the log, while the draft and its errors keep it", () => {
    const d = twoSides();
    const junk = [{ type: "__proto__", amount: { valueOf: 1 } }, "constructor"];
    const sent = d.send("us-ann-01", { type: "draft", data: { orders: junk } }, T0 + 1_000);
    expect((sent.reply as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    expect(d.session.drafts.us.orders).toEqual(junk);
    d.input({ kind: "tick" }, T0 + 60_000);
    // The log holds the draft's well-formed orders (none) and who changed it, nothing of the junk.
    expect(d.logged("draft")).toEqual([
      { kind: "draft", side: "us", turn: 0, orders: [], by: "us-ann-01", at: T0 + 1_000 },
    ]);
    const mixed = [...junk, { type: "fundAlgorithms", amount: 2 }];
    d.send("us-ann-01", { type: "draft", data: { orders: mixed } }, T0 + 61_000);
    expect(d.logged("draft").map((a) => (a.kind === "draft" ? a.orders : null))).toEqual([
      [],
      [{ type: "fundAlgorithms", amount: 2 }],
    ]);
    expect(d.session.drafts.us.orders).toEqual(mixed);
  });

  it("resolves a turn whose deadline passed while no process ran it, once", () => {
    const d = twoSides({ deadlineHours: 24 });
    const first = restoredSession(d.record, d.log, LIMITS, d.session.bots, T0 + 25 * 3_600_000);
    const resolves = first.effects.filter((e) => e.kind === "append" && e.action.kind === "resolve");
    expect(resolves).toHaveLength(1);
    expect(first.session.game.turn).toBe(1);
    const log = [...d.log, ...first.effects.flatMap((e) => (e.kind === "append" ? [e.action] : []))];
    const second = restoredSession(d.record, log, LIMITS, d.session.bots, T0 + 26 * 3_600_000);
    expect(second.effects.filter((e) => e.kind === "append" && e.action.kind === "resolve")).toHaveLength(0);
    expect(second.session.deadline).toBe(T0 + 49 * 3_600_000);
  });
});

describe("refusals", () => {
  it("change nothing and have no effects", () => {
    const d = twoSides({ seed: 5, role: "facilitator" });
    const cases: [string, Input][] = [
      [
        "wrong turn",
        { kind: "message", playerId: "us-ann-01", message: { type: "confirm", data: { turn: 3 } } },
      ],
      [
        "not seated",
        { kind: "message", playerId: "nobody", message: { type: "confirm", data: { turn: 0 } } },
      ],
      [
        "not the facilitator",
        { kind: "message", playerId: "us-ann-01", message: { type: "pause", data: {} } },
      ],
      ["team full", { kind: "join", playerId: "us-abe-03", name: "x", role: "us" }],
      [
        "no key",
        { kind: "join", playerId: "intruder", name: "x", role: "facilitator", facilitatorKey: "guess" },
      ],
      ["seed chooser", { kind: "join", playerId: "host-0000", name: "x", role: "china" }],
      [
        "bad token",
        {
          kind: "join",
          playerId: "us-ann-01",
          name: "x",
          role: "us",
          seatToken: "ABCDEF.us.us-ann-01.forged",
        },
      ],
    ];
    d.join("us-amy-02", "us");
    const full = d.session;
    for (const [why, input] of cases) {
      const result = step(full, input, T0);
      expect(result.refusal, why).toBeDefined();
      expect(result.session, why).toBe(full);
      expect(result.effects, why).toEqual([]);
    }
  });

  it("lets a seat token take back a seat held for a dropped connection, and releases the old one", () => {
    const d = twoSides();
    const welcome = d.effects.find(
      (e) => e.kind === "send" && e.out.type === "welcome" && e.out.message.playerId === "us-ann-01",
    );
    const token =
      welcome?.kind === "send" && welcome.out.type === "welcome" ? welcome.out.message.seatToken : "";
    // Without the token a second window is refused while the seat is held.
    d.input({ kind: "drop", playerId: "us-ann-01" }, T0);
    expect(
      step(d.session, { kind: "join", playerId: "us-ann-01", name: "us-ann-01", role: "us" }, T0).refusal
        ?.message,
    ).toMatch(/already connected in another window/);
    const back = d.input(
      { kind: "join", playerId: "us-ann-01", name: "us-ann-01", role: "us", seatToken: token },
      T0,
    );
    expect(back.refusal).toBeUndefined();
    expect(back.effects).toContainEqual({ kind: "release", playerId: "us-ann-01" });
  });
});

/** Every order of one lever and target the side may give at the start, small enough to be paid together. */
function manyOrders(session: Session, side: Side): unknown[] {
  const candidates: unknown[] = [
    { type: "expandFabs", wafersPerMonth: 1 },
    { type: "expandHbm", stacksPerTurn: 1 },
    { type: "buildDataCenters", gw: 0.001 },
    { type: "smuggleChips", h100e: 10 },
    { type: "setPowerSubsidy", rate: 0.1 },
  ];
  for (const host of HOSTS)
    for (const type of ["pressureHost", "subsidiseAllies", "courtHost"])
      candidates.push({ type, host, amount: 0.01 });
  for (const host of HOSTS) candidates.push({ type: "leaseCompute", host, h100e: 10 });
  for (const chipType of CHIP_TYPES) candidates.push({ type: "buyChips", chipType, h100e: 10 });
  for (const source of BUILDABLE_SOURCES) candidates.push({ type: "buildPower", source, gw: 0.001 });
  for (const type of ["fundChipResearch", "permittingReform", "fundAlgorithms", "fundIntelligence"])
    candidates.push({ type, amount: 0.01 });
  return candidates.filter((o) => submitOrders(session.game, side, [o]).ok);
}

/** The bytes of log lines as the store writes them (one JSON text each). */
function bytesOf(actions: readonly Action[]): number {
  return actions.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(a)), 0);
}

describe("a side that toggles its confirmation", () => {
  const unconfirm: ClientMessage = { type: "unconfirm", data: { turn: 0 } };
  const confirm: ClientMessage = { type: "confirm", data: { turn: 0 } };

  it("grows the log by at most WITHDRAWALS_PER_TURN + 1 confirmations a turn at the message rate, and a replay or restart keeps them", () => {
    const d = twoSides();
    const orders = manyOrders(d.session, "china");
    expect(orders.length).toBeGreaterThanOrEqual(20);
    expect(d.send("cn-bo-001", { type: "draft", data: { orders } }, T0).reply).toEqual({ errors: [] });
    const from = d.log.length;
    // 200 messages at 20 a second (the server's message limit), confirm and unconfirm in turn.
    let now = T0;
    for (let i = 0; i < 200; i++) {
      now += 50;
      const before = d.session;
      const result = d.send("cn-bo-001", i % 2 === 0 ? confirm : unconfirm, now);
      if (result.refusal) {
        expect(result.refusal.code).toBe("not-allowed");
        expect(result.refusal.message).toBe(
          `your side's confirmed orders stand for this turn: the side's confirmation was taken back ${WITHDRAWALS_PER_TURN} times this turn, the most one turn allows; the draft opens again with the next turn`,
        );
        expect(d.session).toBe(before);
      }
      const due = wakeAt(d.session);
      if (due !== null && due <= now) d.input({ kind: "tick" }, now);
    }
    const grown = d.log.slice(from);
    const submit = d.logged("submit")[0]!;
    expect(grown.filter((a) => a.kind === "submit")).toHaveLength(WITHDRAWALS_PER_TURN + 1);
    expect(grown.filter((a) => a.kind === "withdraw")).toHaveLength(WITHDRAWALS_PER_TURN);
    // Each confirmation logs the orders (~1.2 kB here; the old code logged one on every confirm, 126 kB for
    // these 200 messages). Now the whole turn's toggling stays under 11 confirmations and 10 withdrawals.
    expect(bytesOf(grown)).toBeLessThanOrEqual(
      (WITHDRAWALS_PER_TURN + 1) * bytesOf([submit]) +
        WITHDRAWALS_PER_TURN * bytesOf([{ kind: "withdraw", side: "china" }]),
    );
    expect(bytesOf(grown)).toBeLessThan(15_000);
    // The orders confirmed last stand.
    expect(d.session.game.pending.china).toEqual(submit.kind === "submit" ? submit.orders : null);
    // The log folds back to the same state and confirmations, and the limit holds after a restart.
    const folded = foldLog(d.record, d.log, LIMITS, d.session.bots);
    expect(hashState(folded.game)).toBe(hashState(d.session.game));
    expect(folded.game.pending).toEqual(d.session.game.pending);
    expect(folded.withdrawals).toEqual({ us: 0, china: WITHDRAWALS_PER_TURN });
    const restart = new Driver(d.record, restoredSession(d.record, d.log, LIMITS, d.session.bots, now + 1));
    restart.join("cn-bo-001", "china", now + 2);
    restart.join("us-ann-01", "us", now + 2);
    const again = restart.send("cn-bo-001", unconfirm, now + 3);
    expect(again.refusal?.message).toMatch(/stand for this turn/);
    // A draft is refused with the same reason, instead of being told to unconfirm.
    expect(
      restart.send("cn-bo-001", { type: "draft", data: { orders: [] } }, now + 4).refusal?.message,
    ).toMatch(
      /^your side's confirmed orders stand for this turn, so the draft cannot change: the side's confirmation was taken back/,
    );
    // The limit is per turn: once the turn resolves, the side may take a confirmation back again.
    restart.send("us-ann-01", confirm, now + 5);
    expect(restart.session.game.turn).toBe(1);
    restart.send("cn-bo-001", { type: "confirm", data: { turn: 1 } }, now + 6);
    expect(
      restart.send("cn-bo-001", { type: "unconfirm", data: { turn: 1 } }, now + 7).refusal,
    ).toBeUndefined();
  });

  it("still replays a log the old code wrote, with more withdrawals in a turn and repeated confirmations", () => {
    const d = twoSides();
    const orders = [{ type: "fundAlgorithms", amount: 2 }];
    const toggles: Action[] = [];
    for (let i = 0; i < 30; i++)
      toggles.push({ kind: "submit", side: "china", orders }, { kind: "withdraw", side: "china" });
    const log = [...d.log, ...toggles, ...Array.from({ length: 5 }, () => toggles[0]!)];
    const restored = restoredSession(d.record, log, LIMITS, d.session.bots, T0 + 1_000).session;
    expect(restored.game.pending.china).toEqual(orders);
    expect(restored.withdrawals.china).toBe(30);
    // The turn still resolves with what China confirmed last.
    const back = new Driver(d.record, { session: restored, effects: [] });
    back.join("us-ann-01", "us", T0 + 2_000);
    back.send("us-ann-01", confirm, T0 + 3_000);
    expect(back.session.game.turn).toBe(1);
    expect((viewFor(back.session.game, "china") as SideView).own.spentByLever.fundAlgorithms).toBeCloseTo(
      2,
      9,
    );
  });

  it("logs a confirmation repeated while the side is confirmed nothing more", () => {
    const d = twoSides();
    d.send("cn-bo-001", { type: "draft", data: { orders: manyOrders(d.session, "china") } }, T0);
    for (let i = 1; i <= 50; i++)
      expect(d.send("cn-bo-001", confirm, T0 + i * 50).reply).toEqual({ confirmed: true });
    expect(d.logged("submit")).toHaveLength(1);
  });

  it("never stops a team that confirms, unconfirms, edits and confirms again a few times", () => {
    const d = twoSides();
    let now = T0;
    for (let round = 1; round <= 6; round++) {
      now += 3_000;
      const edited = [{ type: "fundAlgorithms", amount: round }];
      expect(d.send("us-ann-01", { type: "draft", data: { orders: edited } }, now).refusal).toBeUndefined();
      expect(d.send("us-ann-01", confirm, now + 1_000).refusal).toBeUndefined();
      expect(d.send("us-ann-01", unconfirm, now + 2_000).refusal).toBeUndefined();
    }
    d.send("us-ann-01", confirm, now + 3_000);
    d.send("cn-bo-001", confirm, now + 3_000);
    expect(d.session.game.turn).toBe(1);
    expect((viewFor(d.session.game, "us") as SideView).own.spentByLever.fundAlgorithms).toBeCloseTo(6, 9);
  });

  it("bounds a person who leaves and takes the seat back from its bot over and over: past the limit the bot's orders stay confirmed", () => {
    const { record, first } = create({ bots: true });
    const d = new Driver(record, first);
    d.join("us-ann-01", "us");
    d.join("cn-bo-001", "china");
    let now = T0;
    let last: Step | undefined;
    // Each leave lets the bot confirm at once (a person plays the US); each join takes the seat back.
    for (let i = 0; i < 30; i++) {
      now += 100;
      d.input({ kind: "leave", playerId: "cn-bo-001" }, now);
      expect(d.session.game.pending.china).not.toBeNull();
      last = d.join("cn-bo-001", "china", now + 50);
      expect(last.refusal).toBeUndefined();
    }
    const china = d.log.filter((a) => a.kind === "submit" && a.side === "china");
    expect(china).toHaveLength(WITHDRAWALS_PER_TURN + 1);
    expect(d.session.game.pending.china).not.toBeNull();
    const notices = (last?.effects ?? []).flatMap((e) =>
      e.kind === "send" && e.out.type === "notice" ? [e.out.message.message] : [],
    );
    expect(notices).toContain(
      `cn-bo-001 takes the China seat from the offshorer bot: its orders stay confirmed for this turn (the side's confirmation was taken back ${WITHDRAWALS_PER_TURN} times this turn, the most one turn allows; the draft opens again with the next turn).`,
    );
  });
});

describe("the log replays exactly as it was played", () => {
  const players = ["us-ann-01", "us-al-0002", "cn-bo-001"] as const;
  const people = [...players, "host-0000"] as const;
  /** A confirm or unconfirm for this turn is for the turn the match is at when it arrives, as a client sends it. */
  const NOW = -1;
  // Amounts repeat now and then: a change may leave the orders as the log holds them.
  const amount = fc.oneof(fc.constantFrom(1, 2), fc.double({ min: 0, max: 40, noNaN: true }));
  const draft = amount.map<ClientMessage>((amount) => ({
    type: "draft",
    data: { orders: [{ type: "fundAlgorithms", amount }] },
  }));
  const message = fc.oneof(
    fc.constantFrom<ClientMessage>(
      { type: "confirm", data: { turn: NOW } },
      { type: "unconfirm", data: { turn: NOW } },
    ),
    fc.nat(3).map<ClientMessage>((turn) => ({ type: "confirm", data: { turn } })),
    fc.nat(3).map<ClientMessage>((turn) => ({ type: "unconfirm", data: { turn } })),
    draft,
    fc.constantFrom<ClientMessage>(
      { type: "pause", data: {} },
      { type: "resume", data: {} },
      { type: "extendTimer", data: { seconds: 30 } },
      { type: "start", data: {} },
    ),
  );
  const input = fc.oneof(
    fc.record({ who: fc.constantFrom(...people), message }).map<Input>(({ who, message: m }) => ({
      kind: "message",
      playerId: who,
      message: m,
    })),
    fc.constant<Input>({ kind: "tick" }),
    fc.constantFrom(...people).map<Input>((playerId) => ({ kind: "drop", playerId })),
    fc.constantFrom(...people).map<Input>((playerId) => ({ kind: "reconnect", playerId })),
  );
  /** What happens at one moment: an input, or a player changing the side's draft and confirming it at once. */
  const moment = fc.oneof(
    { weight: 4, arbitrary: input.map((i) => [i]) },
    fc
      .record({ who: fc.constantFrom(...players), changes: fc.array(draft, { minLength: 1, maxLength: 3 }) })
      .map<Input[]>(({ who, changes }) => [
        ...changes.map<Input>((change) => ({ kind: "message", playerId: who, message: change })),
        { kind: "message", playerId: who, message: { type: "confirm", data: { turn: NOW } } },
      ]),
  );

  /** The input with a confirm or unconfirm for NOW made for the given turn. */
  function atTurn(i: Input, turn: number): Input {
    if (i.kind !== "message") return i;
    const m = i.message;
    if ((m.type === "confirm" || m.type === "unconfirm") && m.data.turn === NOW)
      return { ...i, message: { type: m.type, data: { turn } } };
    return i;
  }

  /** The session its log folds back into is the live one: the game, its pacing, and the drafts. */
  function expectFoldsBack(d: Driver): void {
    const folded = foldLog(d.record, d.log, LIMITS, d.session.bots);
    expect(hashState(folded.game)).toBe(hashState(d.session.game));
    expect(folded.started).toBe(d.session.started);
    expect(folded.pausedMs).toBe(d.session.pausedMs);
    expect(phaseOf(folded) === "orders" ? folded.deadline : 0).toBe(
      phaseOf(d.session) === "orders" ? d.session.deadline : 0,
    );
    expect(folded.withdrawals).toEqual(d.session.withdrawals);
    for (const side of ["us", "china"] as const) {
      const live = d.session.drafts[side];
      // A draft the log holds comes back as it was.
      if (live.saved) {
        expect(folded.drafts[side].orders).toEqual(live.logged);
        expect(folded.drafts[side].by).toBe(live.by);
      }
      // A side's people who confirmed get back as their draft the orders they confirmed, by whoever changed it
      // last, however soon after the draft's last save they confirmed.
      const confirmed = d.session.game.pending[side];
      if (confirmed !== null && !d.session.botConfirmed[side]) {
        expect(folded.drafts[side].orders).toEqual(confirmed);
        expect(draftOf(folded, side)).toEqual(draftOf(d.session, side));
      }
    }
  }

  it("folds every logged action back into the same session, after any inputs on any clock", () => {
    fc.assert(
      fc.property(
        // Waits within DRAFT_SAVE_MS as often as longer ones: a change and a confirmation between two saves.
        fc.array(fc.tuple(moment, fc.oneof(fc.nat(DRAFT_SAVE_MS), fc.nat(90_000))), {
          maxLength: 40,
          size: "max",
        }),
        fc.boolean(),
        (moments, workshop) => {
          const d = twoSides({ timerSeconds: 60, bots: true, waitForStart: workshop, role: "facilitator" });
          d.join("us-al-0002", "us");
          d.join("host-0000", "facilitator");
          let now = T0;
          // After every input, not only the last: a restart may come at any moment.
          for (const [inputsAtOnce, wait] of moments) {
            now += wait;
            for (const i of inputsAtOnce) {
              const before = d.session;
              const result = d.input(atTurn(i, d.session.game.turn), now);
              if (result.refusal) expect(d.session).toBe(before);
              else expectFoldsBack(d);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
