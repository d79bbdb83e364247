/**
 * The parts of the room adapter that are not Colyseus: its timers (room-timers.ts) and who is sent what
 * (room-connections.ts), on fake clients and a fake clock. The adapter as a whole runs in the server tests.
 */
import type { Client } from "@colyseus/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ViewMessage } from "../../shared/protocol.ts";
import { Connections } from "../../server/room-connections.ts";
import { RoomTimers } from "../../server/room-timers.ts";
import { newMatch } from "../../server/session/create.ts";
import { type Input, type Limits, newSession, type Session, step } from "../../server/session/session.ts";

describe("a room's timers", () => {
  beforeEach(() => void vi.useFakeTimers({ now: 0 }));
  afterEach(() => void vi.useRealTimers());

  function timers() {
    const hooks = { failed: vi.fn<(e: Error) => void>(), afterEach: vi.fn() };
    return { hooks, timers: new RoomTimers(hooks) };
  }

  it("wakes once at the asked time; asking again for it keeps the timer, a new time replaces it, null cancels", () => {
    const { timers: t } = timers();
    const woke: string[] = [];
    t.wakeAt(1_000, 0, () => woke.push("a"));
    vi.advanceTimersByTime(500);
    t.wakeAt(1_000, 500, () => woke.push("same time, not a second timer"));
    vi.advanceTimersByTime(500);
    expect(woke).toEqual(["a"]);
    t.wakeAt(3_000, 1_000, () => woke.push("b"));
    t.wakeAt(2_000, 1_000, () => woke.push("c"));
    vi.advanceTimersByTime(5_000);
    expect(woke).toEqual(["a", "c"]);
    t.wakeAt(9_000, 6_000, () => woke.push("d"));
    t.wakeAt(null, 6_000, () => woke.push("e"));
    vi.advanceTimersByTime(10_000);
    expect(woke).toEqual(["a", "c"]);
  });

  it("takes a wait longer than an hour in hour-long steps (Node's timers cannot hold 25 days)", () => {
    const { timers: t } = timers();
    const woke: number[] = [];
    const month = 30 * 24 * 3_600_000;
    t.wakeAt(month, 0, () => woke.push(Date.now()));
    vi.advanceTimersByTime(3_599_999);
    expect(woke).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(woke).toEqual([3_600_000]);
  });

  it("hands a timer's error to the room's hook, runs afterEach after every timer, and clearAll stops all", () => {
    const { hooks, timers: t } = timers();
    t.after(() => {
      throw new Error("boom");
    }, 10);
    const ran = vi.fn();
    t.after(ran, 20);
    vi.advanceTimersByTime(15);
    expect(hooks.failed).toHaveBeenCalledWith(expect.objectContaining({ message: "boom" }));
    expect(hooks.afterEach).toHaveBeenCalledTimes(1);
    t.clearAll();
    t.wakeAt(100, 15, ran);
    t.clearAll();
    vi.advanceTimersByTime(1_000);
    expect(ran).not.toHaveBeenCalled();
  });
});

describe("who is sent what", () => {
  const LIMITS: Limits = { teamMax: 2, spectatorsMax: 2, reconnectMs: 120_000, botTurnMs: 3_000 };
  const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

  function session(): Session {
    const made = newMatch(
      { role: "us", name: "Ann", playerId: "ann-0000", bots: false },
      {
        code: "ABCDEF",
        seed: 7,
        secret: "0123456789abcdef0123456789abcdef",
        facilitatorKey: "facilitator-key",
        seatKey: "c2VhdC1rZXktb2YtdGVzdHMtMzItYnl0ZXMtbG9uZy1vaw",
        createdAt: new Date(T0).toISOString(),
      },
      false,
    );
    if (typeof made === "string") throw new Error(made);
    let s = newSession(made.record, LIMITS, made.bots, T0).session;
    const joins: Input[] = [
      { kind: "join", playerId: "ann-0000", name: "Ann", role: "us" },
      { kind: "join", playerId: "bo-00000", name: "Bo", role: "china" },
      { kind: "join", playerId: "cy-00000", name: "Cy", role: "spectator" },
    ];
    for (const input of joins) s = step(s, input, T0).session;
    return s;
  }

  /** A fake connection that records what it is sent. */
  function client(sessionId: string) {
    const sent: { type: string; message: unknown }[] = [];
    const c = { sessionId, send: (type: string, message: unknown) => sent.push({ type, message }) };
    return { client: c as unknown as Client, sent };
  }

  function seated() {
    const people = { ann: client("s-ann"), bo: client("s-bo"), cy: client("s-cy") };
    const connections = new Connections();
    connections.connect("ann-0000", people.ann.client);
    connections.connect("bo-00000", people.bo.client);
    connections.connect("cy-00000", people.cy.client);
    return { people, connections };
  }

  it("sends a message to the audience it names: everyone, some roles, or one person", () => {
    const { people, connections } = seated();
    connections.deliver(session(), [
      { kind: "send", to: "all", out: { type: "notice", message: { message: "all" } } },
      { kind: "send", to: { roles: ["china"] }, out: { type: "notice", message: { message: "china" } } },
      { kind: "send", to: { playerId: "cy-00000" }, out: { type: "notice", message: { message: "cy" } } },
    ]);
    const texts = (p: { sent: { message: unknown }[] }) =>
      p.sent.map((s) => (s.message as { message: string }).message);
    expect(texts(people.ann)).toEqual(["all"]);
    expect(texts(people.bo)).toEqual(["all", "china"]);
    expect(texts(people.cy)).toEqual(["all", "cy"]);
  });

  it("sends each person one view of their own role, with order options only to a side, and then only what is new", () => {
    const { people, connections } = seated();
    const s = session();
    connections.deliver(s, [
      { kind: "views", to: "all" },
      { kind: "views", to: { roles: ["us"] } },
    ]);
    const views = (p: { sent: { type: string; message: unknown }[] }) =>
      p.sent.filter((m) => m.type === "view").map((m) => m.message as ViewMessage);
    expect(views(people.ann)).toHaveLength(1);
    expect(views(people.ann)[0]!.view.viewer).toBe("us");
    expect(views(people.bo)[0]!.view.viewer).toBe("china");
    expect(views(people.ann)[0]!.options).not.toBeNull();
    expect(views(people.cy)[0]!.options).toBeNull();
    const first = views(people.ann)[0]!;
    const held = first.view.history.length;
    expect(held).toBeGreaterThan(0);
    // The next view of the same state sends none of the history again; a fresh one sends all of it.
    connections.deliver(s, [{ kind: "views", to: { playerId: "ann-0000" } }]);
    expect(views(people.ann)[1]!.view.history).toEqual([]);
    expect(views(people.ann)[1]!.from.history).toBe(held);
    connections.deliver(s, [{ kind: "views", to: { playerId: "ann-0000" }, fresh: true }]);
    expect(views(people.ann)[2]!.view.history).toHaveLength(held);
  });

  it("sends nothing to a member who left, and a refused join puts back the connection it replaced", () => {
    const { people, connections } = seated();
    expect(connections.disconnect("bo-00000", people.bo.client)).toBe("bo-00000");
    const stranger = client("s-stranger");
    const previous = connections.connect("ann-0000", stranger.client);
    connections.undo("ann-0000", previous);
    // A connection that no longer holds the member's seat does not make the member leave.
    expect(connections.disconnect("ann-0000", stranger.client)).toBeUndefined();
    connections.deliver(session(), [
      { kind: "send", to: "all", out: { type: "notice", message: { message: "hi" } } },
    ]);
    expect(people.bo.sent).toEqual([]);
    expect(people.ann.sent).toHaveLength(1);
    expect(stranger.sent).toEqual([]);
  });
});
