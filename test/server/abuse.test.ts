/**
 * Abuse: hundreds of malformed, out-of-turn, out-of-seat, unknown, oversized and garbage messages, a flooding
 * client, bad join and create options and a foreign Origin. The server stays up, answers what it can with a
 * readable error, closes what it must, and neither the target room nor any other room changes.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorReply } from "../../shared/protocol.ts";
import type { Order } from "../../shared/rules/index.ts";
import { person, seatMatch } from "../support/seats.ts";
import {
  getJson,
  leaveAll,
  playerId,
  Seat,
  startTestServer,
  type TestServer,
  waitFor,
  HOOK_TIMEOUT_MS,
  webSocketOutcome,
} from "./helpers.ts";

const MAX_MESSAGE_BYTES = 4096;
const ORIGIN = "http://classroom.example";
/** Below the flood limit (20 a second, the default), counting the join acknowledgement. */
const BURST = 15;

let server: TestServer;
const seats: Seat[] = [];
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

let teacher: Seat;
let ann: Seat;
let bo: Seat;
let cy: Seat;
let di: Seat;
let snapshot: { view: string; views: number; drafts: number; bystanderViews: number; logged: number };
const draft: Order[] = [{ type: "fundAlgorithms", amount: 1 }];

async function join(options: Partial<Parameters<typeof Seat.join>[2]> = {}): Promise<Seat> {
  const name = options.name ?? `Troll ${seats.length}`;
  const seat = await Seat.join(server.url, teacher.code, {
    role: "spectator",
    name,
    playerId: playerId("troll"),
    ...options,
  });
  seats.push(seat);
  return seat;
}

/** A small deterministic generator, so that a failing garbage frame can be found again. */
function bytes(seed: number): () => Uint8Array {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return () => {
    const b = new Uint8Array(1 + Math.floor(next() * 48));
    for (let i = 0; i < b.length; i++) b[i] = Math.floor(next() * 256);
    // Mostly frames that start like a real protocol message (10..22), so the decoders get exercised.
    if (next() < 0.8) b[0] = 10 + Math.floor(next() * 13);
    return b;
  };
}

beforeAll(async () => {
  process.on("unhandledRejection", onCrash);
  process.on("uncaughtException", onCrash);
  server = await startTestServer({ MAX_MESSAGE_BYTES, ALLOWED_ORIGINS: ORIGIN });
  [teacher, ann, bo] = await seatMatch(
    server.url,
    seats,
    { ...person("facilitator", "Teacher"), seed: 81 },
    person("us", "Ann"),
    person("china", "Bo"),
  );
  [cy, di] = await seatMatch(server.url, seats, { ...person("us", "Cy"), seed: 82 }, person("china", "Di"));
  for (const [us, china] of [
    [ann, bo],
    [cy, di],
  ] as const) {
    await us.request("confirm", { turn: 0 });
    await china.request("confirm", { turn: 0 });
    await us.waitTurn(1);
  }
  await teacher.waitTurn(1);
  await di.waitTurn(1);
  await waitFor("the synced state of turn 1", () => teacher.state.turn === 1 && !teacher.state.usConfirmed);
  await ann.request("draft", { orders: draft });
  await waitFor("the draft", () => ann.draft?.orders.length === 1);
  snapshot = {
    view: JSON.stringify(teacher.view),
    views: teacher.views.length,
    drafts: ann.drafts.length,
    bystanderViews: cy.views.length + di.views.length,
    logged: (await server.running.store.actions(teacher.code)).length,
  };
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await leaveAll(seats);
  await server.stop();
  process.off("unhandledRejection", onCrash);
  process.off("uncaughtException", onCrash);
}, HOOK_TIMEOUT_MS);

/** The target room is as it was: nothing logged, no new view, the same state, the same US draft. */
async function expectTargetUnchanged(): Promise<void> {
  expect(await server.running.store.actions(teacher.code)).toHaveLength(snapshot.logged);
  expect(teacher.views.length).toBe(snapshot.views);
  expect(JSON.stringify(teacher.view)).toBe(snapshot.view);
  expect(ann.drafts.length).toBe(snapshot.drafts);
  expect(ann.draft?.orders).toEqual(draft);
  expect(teacher.state.turn).toBe(1);
  expect(teacher.state.usConfirmed || teacher.state.chinaConfirmed).toBe(false);
  expect(cy.views.length + di.views.length).toBe(snapshot.bystanderViews);
}

const BAD: [string, unknown][] = [
  ["draft", "not an object"],
  ["draft", { orders: "all of them" }],
  ["draft", { orders: Array.from({ length: 41 }, () => ({ type: "fundAlgorithms", amount: 1 })) }],
  ["draft", { orders: [], extra: true }],
  ["draft", null],
  ["confirm", { turn: "one" }],
  ["confirm", { turn: -1 }],
  ["confirm", { turn: 1.5 }],
  ["confirm", { turn: 0 }], // out of turn: the match is at turn 1
  ["confirm", { turn: 99 }],
  ["extendTimer", { seconds: 1e9 }],
  ["injectEvent", { eventId: "x".repeat(100) }],
  ["pause", { now: true }],
  ["endMatch", {}], // not a facilitator
  ["resume", []],
];

describe("hundreds of bad messages", () => {
  it("answers every malformed, out-of-turn or out-of-seat message with a readable error and changes nothing", async () => {
    const trolls = [
      await join({ role: "us", name: "Al" }),
      await join({ role: "china", name: "Bea" }),
      ...(await Promise.all(Array.from({ length: 10 }, () => join()))),
    ];
    for (const t of trolls) for (const [type, payload] of BAD) t.room.send(type, payload);
    for (const t of trolls)
      await waitFor(`${t.options.name} to get ${BAD.length} errors`, () => t.errors.length >= BAD.length);
    const all: ErrorReply[] = trolls.flatMap((t) => t.errors);
    expect(all).toHaveLength(trolls.length * BAD.length);
    for (const e of all) {
      expect(["invalid", "not-allowed", "wrong-turn", "refused", "ended"]).toContain(e.code);
      expect(e.message.length).toBeGreaterThan(5);
    }
    // A side member's wrong turn is named as such, and a malformed draft names the bad field.
    expect(trolls[0]?.errors.map((e) => e.code)).toContain("wrong-turn");
    expect(trolls[0]?.errors[1]?.errors?.[0]?.path).toBe("orders");
    expect(trolls.every((t) => t.isOpen())).toBe(true);
    await expectTargetUnchanged();
  });

  it("survives frames of garbage bytes: at worst their sender is closed", async () => {
    const next = bytes(2024);
    const trolls = await Promise.all(Array.from({ length: 8 }, () => join()));
    for (const t of trolls) for (let i = 0; i < BURST; i++) if (t.isOpen()) t.sendRaw(next());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    await expectTargetUnchanged();
  });

  it("tells a client that sends an unknown message type why, then closes it (4400)", async () => {
    const types = ["hack", "constructor", "__proto__", "toString", "hasOwnProperty", "view", "welcome", "*"];
    const trolls = await Promise.all(types.map(() => join()));
    trolls.forEach((t, i) => t.room.send(types[i] ?? "hack", { orders: [] }));
    for (const [i, t] of trolls.entries()) {
      await waitFor(`the ${types[i]} sender to be closed`, () => t.leftWith !== undefined);
      expect(t.leftWith, types[i]).toBe(4400);
      expect(t.errors[0]?.message, types[i]).toMatch(/unknown message type/);
    }
    await expectTargetUnchanged();
  });

  it('survives the payloads that once stopped the process through a message typed "*"', async () => {
    // `room.send("*", { toString: 1 })` reached the unknown-type handler with the payload as its "type", and
    // turning that into text threw outside any handler: the whole process exited.
    const payloads: unknown[] = [
      { toString: 1 },
      { toString: 1, valueOf: 1 },
      [{ toString: 1 }],
      { valueOf: "x", toJSON: 1, [Symbol.toPrimitive]: 1 },
      { constructor: { prototype: 1 }, __proto__: { toString: 1 } },
    ];
    const senders = await Promise.all(payloads.map(() => join()));
    senders.forEach((t, i) => t.room.send("*", payloads[i]));
    for (const t of senders) {
      await waitFor(`${t.options.name} to be closed`, () => t.leftWith !== undefined);
      expect(t.leftWith).toBe(4400);
      expect(t.errors[0]?.message).toMatch(/unknown message type \(not a message name\)/);
    }
    // The raw frame from the report: ROOM_DATA, the type "*", then a msgpack map { toString: 1 }.
    const raw = await join();
    raw.sendRaw(
      Uint8Array.from([0x0d, 0xa1, 0x2a, 0xde, 0x00, 0x01, 0xa8, ...Buffer.from("toString"), 0x01]),
    );
    await waitFor("the raw sender to be closed", () => raw.leftWith !== undefined);
    // As a request, the refusal is a plain reply: no exception text comes back.
    const asker = await join();
    const reply = await asker.refused("*", { toString: 1 });
    expect(reply.message).toMatch(/^unknown message type "\*"/);
    expect(asker.isOpen()).toBe(true);
    expect(JSON.stringify(reply)).not.toMatch(/TypeError|primitive|at \w+ \(/);
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    expect(crashes).toEqual([]);
    await expectTargetUnchanged();
  });

  it("survives a fuzz of prototype-named types and hostile payloads, sent and requested", async () => {
    // In a room of its own, so that the fuzzing side members may change their own drafts.
    const host = await Seat.create(server.url, {
      role: "spectator",
      name: "Host",
      playerId: playerId("host"),
    });
    seats.push(host);
    const names = ["*", "constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "then", "draft"];
    const hostile: unknown[] = [
      { toString: 1 },
      { valueOf: 1 },
      { __proto__: { orders: [] } },
      { orders: { length: 1e9 } },
      { orders: [{ type: "constructor" }, { type: "__proto__", amount: { valueOf: 1 } }] },
      { orders: [{ type: "fundAlgorithms", amount: { toString: 1 } }] },
      { turn: { valueOf: 1 } },
      [[[[[[[[{ toString: 1 }]]]]]]]],
      "toString",
      12,
      null,
    ];
    let sent = 0;
    for (const [i, type] of names.entries()) {
      const troll = await Seat.join(server.url, host.code, {
        role: i % 2 === 0 ? "us" : "china",
        name: `Fuzz ${i}`,
        playerId: playerId("fuzz"),
      });
      seats.push(troll);
      for (const payload of hostile) {
        // A request that is refused, answered or left unanswered: none of them may stop the server.
        await Promise.race([
          troll.room.request(type, payload).catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 200)),
        ]);
        sent++;
        if (troll.isOpen()) troll.room.send(type, payload);
        sent++;
      }
    }
    expect(sent).toBe(names.length * hostile.length * 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    expect(crashes).toEqual([]);
    // Nothing was confirmed in the fuzzed room and none of the junk reached its log: at most a draft line with
    // no orders, naming who changed the draft last (a restart gives the team that name back). The target room
    // never heard of it.
    const logged = await server.running.store.actions(host.code);
    expect(logged.filter((a) => a.kind !== "draft" || a.orders.length > 0)).toEqual([]);
    expect(host.state.turn).toBe(0);
    await expectTargetUnchanged();
  });

  it(`closes a client whose message is larger than MAX_MESSAGE_BYTES (${MAX_MESSAGE_BYTES})`, async () => {
    const trolls = [
      await join({ role: "us", name: "Amy" }),
      await join({ role: "us", name: "Abe" }),
      ...(await Promise.all(Array.from({ length: 3 }, () => join()))),
    ];
    const huge = [{ type: "fundAlgorithms", amount: 1, note: "x".repeat(MAX_MESSAGE_BYTES) }];
    for (const t of trolls) t.room.send("draft", { orders: huge });
    for (const t of trolls) await waitFor(`${t.options.name} to be closed`, () => t.leftWith !== undefined);
    expect(trolls.map((t) => t.leftWith)).toEqual(trolls.map(() => 1009));
    await expectTargetUnchanged();
  });

  it("disconnects a client that sends more than MAX_MESSAGES_PER_SECOND, and not one that stays below", async () => {
    const flooder = await join({ name: "Flood" });
    const calm = await join({ name: "Calm" });
    for (let i = 0; i < 100; i++) flooder.room.send("confirm", { turn: 1 });
    for (let i = 0; i < BURST; i++) calm.room.send("confirm", { turn: 1 });
    await waitFor("the flooder to be closed", () => flooder.leftWith !== undefined);
    expect(flooder.leftWith).toBe(4002);
    expect(flooder.errors.length).toBeLessThan(30);
    await waitFor("the calm client's answers", () => calm.errors.length === BURST);
    expect(calm.isOpen()).toBe(true);
    await expectTargetUnchanged();
  });

  it("after all of it the server is up, and the players of both rooms play on", async () => {
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    await expectTargetUnchanged();
    for (const [us, china] of [
      [ann, bo],
      [cy, di],
    ] as const) {
      await us.request("confirm", { turn: 1 });
      await china.request("confirm", { turn: 1 });
      const v = await us.waitTurn(2);
      expect(v.turn).toBe(2);
    }
    expect(crashes).toEqual([]);
  });
});

describe("bad join and create options", () => {
  it("refuses each with a message that names the problem, and seats nobody", async () => {
    const before = teacher.state.players.size;
    const logged = (await server.running.store.actions(teacher.code)).length;
    const client = new Client(server.url);
    const code = teacher.code;
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => client.joinById(code, { role: "pirate", name: "X", playerId: playerId("x") }), /role/],
      [() => client.joinById(code, { role: "us", playerId: playerId("x") }), /name/],
      [() => client.joinById(code, { role: "us", name: "   ", playerId: playerId("x") }), /enter a name/],
      [
        () => client.joinById(code, { role: "us", name: "X".repeat(41), playerId: playerId("x") }),
        /at most 40/,
      ],
      [() => client.joinById(code, { role: "us", name: "X", playerId: "x" }), /player id is 8 to 64/],
      [() => client.joinById(code, { role: "us", name: "X", playerId: "../../etc/passwd" }), /player id/],
      [
        () => client.joinById(code, { role: "facilitator", name: "X", playerId: playerId("x") }),
        /facilitator key/,
      ],
      [
        () =>
          client.joinById(code, {
            role: "facilitator",
            name: "X",
            playerId: playerId("x"),
            facilitatorKey: "guess",
          }),
        /facilitator key is missing or wrong/,
      ],
      [
        () => client.joinById(code, { role: "us", name: "X", playerId: playerId("x"), colour: "red" }),
        /unknown option "colour"/,
      ],
      [
        () => client.joinById("ZZZZZZ", { role: "us", name: "X", playerId: playerId("x") }),
        /ZZZZZZ|not found/i,
      ],
      [
        () => client.create("match", { role: "us", name: "X", playerId: playerId("x"), scenario: "mars" }),
        /no scenario "mars"/,
      ],
      [
        () => client.create("match", { role: "us", name: "X", playerId: playerId("x"), botId: "skynet" }),
        /no bot "skynet"/,
      ],
      // Names that are properties of every JavaScript object are not bots or scenarios either.
      [
        () =>
          client.create("match", { role: "us", name: "X", playerId: playerId("x"), botChina: "constructor" }),
        /no bot "constructor"/,
      ],
      [
        () =>
          client.create("match", { role: "us", name: "X", playerId: playerId("x"), scenario: "toString" }),
        /no scenario "toString"/,
      ],
      [
        () => client.create("match", { role: "us", name: "X", playerId: playerId("x"), timerSeconds: 1 }),
        /timerSeconds/,
      ],
      [() => client.create("match", { role: "us", name: "X", playerId: playerId("x"), seed: -5 }), /seed/],
      // Restoring from the log is the server's own business: a client must not open a second room for a match.
      [
        () => client.create("match", { role: "china", name: "Eve", playerId: playerId("x"), restore: code }),
        /restore/,
      ],
      [
        () => client.create("match", { role: "us", name: "X", playerId: playerId("x"), restore: "ABCDEF" }),
        /restore/,
      ],
      [() => client.create("match", { name: "X", playerId: playerId("x") }), /role/],
    ];
    // One at a time, each awaited as it is made.
    for (const [i, [attempt, message]] of cases.entries())
      await expect(attempt(), `case ${i}`).rejects.toThrow(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(teacher.state.players.size).toBe(before);
    expect(await server.running.store.actions(teacher.code)).toHaveLength(logged);
    expect((await getJson(`${server.url}/api/scenarios/constructor/sources`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    expect(crashes).toEqual([]);
  });
});

describe("allowed origins", () => {
  it("refuses HTTP requests and WebSocket connections from an Origin that is not on the list", async () => {
    const foreign = await fetch(`${server.url}/api/health`, { headers: { Origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    const allowed = await fetch(`${server.url}/api/health`, { headers: { Origin: ORIGIN } });
    expect(allowed.status).toBe(200);
    const outcome = (origin: string) => webSocketOutcome(server.port, origin);
    expect(await outcome("http://evil.example")).toMatch(/^refused 4\d\d$/);
    await expect(
      new Client(server.url, { headers: { Origin: "http://evil.example" } }).joinById(teacher.code, {
        role: "spectator",
        name: "Eve",
        playerId: playerId("eve"),
      }),
    ).rejects.toThrow();
  });
});
