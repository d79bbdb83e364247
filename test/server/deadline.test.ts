/**
 * Homework play over days: a turn deadline in hours is kept in the match's log. A restart before it keeps the
 * same deadline; a deadline that passed while the server was down resolves the turn when the server starts,
 * exactly once (a second restart over the same data resolves nothing more). A paused turn stays paused. The
 * server runs on a simulated clock, so nothing here waits for hours.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Action } from "../../server/store.ts";
import { person, seatMatch } from "../support/seats.ts";
import {
  HOOK_TIMEOUT_MS,
  leaveAll,
  playerId,
  Seat,
  startTestServer,
  tempDir,
  type TestServer,
  waitFor,
} from "./helpers.ts";

const HOUR = 3_600_000;
const dataDir = tempDir();
const seats: Seat[] = [];
let server: TestServer | undefined;
/** The simulated wall clock the server reads. */
let clock = Date.now();
const now = () => clock;

afterAll(async () => {
  await leaveAll(seats);
  await server?.stop();
}, HOOK_TIMEOUT_MS);

async function restart(): Promise<TestServer> {
  await leaveAll(seats.splice(0));
  await server?.running.stop();
  server = await startTestServer({ DATA_DIR: dataDir }, { now });
  return server;
}

const kinds = (actions: Action[]) =>
  actions.map((a) => (a.kind === "resolve" ? `resolve ${a.turn}` : a.kind));

describe("turn deadlines over days", () => {
  it("refuses a deadline beyond two weeks, or one given with a timer in seconds", async () => {
    server = await startTestServer({ DATA_DIR: dataDir }, { now });
    await expect(
      Seat.create(server.url, { role: "us", name: "A", playerId: playerId("a"), deadlineHours: 24 * 15 }),
    ).rejects.toThrow(/at most 336 hours/);
    await expect(
      Seat.create(server.url, {
        role: "us",
        name: "A",
        playerId: playerId("a"),
        deadlineHours: 24,
        timerSeconds: 60,
      }),
    ).rejects.toThrow(/not both/);
  });

  it("keeps a deadline across restarts and resolves a missed one exactly once on start", async () => {
    const [tess, ann] = await seatMatch(
      server!.url,
      seats,
      { ...person("facilitator", "Tess"), deadlineHours: 48 },
      person("us", "Ann"),
    );
    const code = tess.code;
    await ann.waitView("a view", () => true);
    expect(tess.state.timerSeconds).toBe(48 * 3600);
    const deadline = tess.state.deadline;
    expect(deadline).toBe(clock + 48 * HOUR);
    await ann.request("draft", { orders: [{ type: "fundAlgorithms", amount: 1 }] });
    await ann.request("confirm", { turn: 0 });
    const store = () => server!.running.store;

    // A restart a day later: the same deadline, nothing resolved.
    clock += 24 * HOUR;
    await restart();
    expect(kinds(await store().actions(code))).toEqual(["deadline", "draft", "submit"]);
    const back = await Seat.join(server!.url, code, {
      role: "spectator",
      name: "Sam",
      playerId: playerId("sam"),
    });
    seats.push(back);
    expect(back.state.deadline).toBe(deadline);
    expect(back.state.turn).toBe(0);

    // The server is down while the deadline passes: the turn resolves when it starts, with Ann's orders.
    await leaveAll(seats.splice(0));
    await server!.running.stop();
    clock += 25 * HOUR;
    server = await startTestServer({ DATA_DIR: dataDir }, { now });
    expect(kinds(await store().actions(code))).toEqual([
      "deadline",
      "draft",
      "submit",
      "submit",
      "resolve 0",
      "deadline",
    ]);
    const next = (await store().actions(code)).at(-1);
    expect(next).toEqual({ kind: "deadline", turn: 1, at: clock + 48 * HOUR });

    // Another restart over the same data resolves nothing more.
    await restart();
    expect(kinds(await store().actions(code))).toEqual([
      "deadline",
      "draft",
      "submit",
      "submit",
      "resolve 0",
      "deadline",
    ]);
    const sam = await Seat.join(server!.url, code, {
      role: "spectator",
      name: "Sam",
      playerId: playerId("sam"),
    });
    seats.push(sam);
    expect(sam.state.turn).toBe(1);
    expect(sam.state.deadline).toBe(clock + 48 * HOUR);
  });

  it("keeps a paused turn paused across a restart, with the time it had left", async () => {
    const tess = await Seat.create(server!.url, {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
      deadlineHours: 10,
    });
    seats.push(tess);
    const code = tess.code;
    clock += 4 * HOUR;
    await tess.request("pause");
    const fac = tess.welcome!.facilitatorKey!;
    clock += 100 * HOUR;
    await restart();
    const back = await Seat.join(server!.url, code, {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess2"),
      facilitatorKey: fac,
    });
    seats.push(back);
    expect(back.state.phase).toBe("paused");
    expect(back.state.remainingMs).toBe(6 * HOUR);
    await back.request("resume");
    await waitFor("the deadline back", () => back.state.deadline === clock + 6 * HOUR);
    expect((await server!.running.store.actions(code)).map((a) => a.kind)).toEqual([
      "deadline",
      "pause",
      "resume",
      "deadline",
    ]);
  });
});
