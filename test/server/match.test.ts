/**
 * A match over real sockets with the official SDK: two people play it to its end, a team of three shares one
 * draft, a spectator watches, a facilitator runs the room, and a finished match can be exported and replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order, View } from "../../shared/rules/index.ts";
import { person, seatMatch } from "../support/seats.ts";
import {
  confirmTurn,
  ExpectedMatch,
  getJson,
  leaveAll,
  playerId,
  Seat,
  startTestServer,
  type TestServer,
  waitFor,
  HOOK_TIMEOUT_MS,
} from "./helpers.ts";

let server: TestServer;
const seats: Seat[] = [];

async function create(options: Parameters<typeof Seat.create>[1]): Promise<Seat> {
  const seat = await Seat.create(server.url, options);
  seats.push(seat);
  return seat;
}
async function join(code: string, options: Parameters<typeof Seat.join>[2]): Promise<Seat> {
  const seat = await Seat.join(server.url, code, options);
  seats.push(seat);
  return seat;
}

beforeAll(async () => {
  // These clients play many turns a second; the flood limit has its own test (abuse.test.ts).
  server = await startTestServer({ MAX_MESSAGES_PER_SECOND: 1000 });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await leaveAll(seats);
  await server.stop();
}, HOOK_TIMEOUT_MS);

type SideViewJson = View & { own: { spentByLever: Record<string, number> }; pendingOrders: Order[] | null };

describe("a full match between two people", () => {
  const SEED = 7;
  const usOrders: Order[] = [{ type: "fundAlgorithms", amount: 0.5 }];
  let us: Seat;
  let china: Seat;
  let expected: ExpectedMatch;
  const turnsSeen: number[] = [];

  beforeAll(async () => {
    [us, china] = await seatMatch(
      server.url,
      seats,
      { ...person("us", "Ann"), seed: SEED },
      person("china", "Bo"),
    );
    await Promise.all([us.waitTurn(0), china.waitTurn(0)]);
    expected = new ExpectedMatch("baseline-2025", SEED, (await server.running.store.get(us.code))!.secret);
    // Turn 0 with one small US order, then empty orders to the end.
    await us.request("draft", { orders: usOrders });
    expected.turn(usOrders, []);
    turnsSeen.push(await confirmTurn(us, china));
    while (us.view.phase !== "ended" && turnsSeen.length < 40) {
      if (us.view.turn === us.state.turns - 1) {
        // Exports reveal both sides: still closed on the last turn.
        const early = await getJson(`${server.url}/api/matches/${us.code}/export.json`);
        expect(early.status).toBe(403);
      }
      await us.request("draft", { orders: [] });
      expected.turn([], []);
      turnsSeen.push(await confirmTurn(us, china));
    }
  }, HOOK_TIMEOUT_MS);

  it("runs every turn of the scenario and ends with phase 'ended' for both clients", async () => {
    expect(turnsSeen).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    await waitFor("the synced phase to be ended on both clients", () =>
      [us, china].every((s) => s.state.phase === "ended"),
    );
    expect(us.view.phase).toBe("ended");
    expect(china.view.phase).toBe("ended");
    expect(us.state.turn).toBe(16);
  });

  it("sends each side its own view: own state for its side only, the other side as estimates", () => {
    expect(us.views.every((v) => v.viewer === "us")).toBe(true);
    expect(china.views.every((v) => v.viewer === "china")).toBe(true);
    const last = us.view as SideViewJson;
    // The one US order of turn 0 reached the rules and shows in the US's own accounting.
    expect(last.own.spentByLever.fundAlgorithms).toBeCloseTo(0.5, 9);
    // China knows the US fleet only as an estimate with a band.
    expect((china.view as unknown as { intel: Record<string, unknown> }).intel.homeH100e).toEqual({
      estimate: expect.any(Number),
      low: expect.any(Number),
      high: expect.any(Number),
      exact: false,
    });
    expect(china.view).not.toHaveProperty("us");
    expect(us.view).not.toHaveProperty("china");
  });

  it("refuses orders once the match is over", async () => {
    const reply = await us.refused("confirm", { turn: us.state.turn });
    expect(reply.code).toBe("ended");
  });

  it("exports the finished match as JSON with the hash the rules give for the same orders", async () => {
    const res = await getJson(`${server.url}/api/matches/${us.code.toLowerCase()}/export.json`);
    expect(res.status).toBe(200);
    const body = res.body as {
      code: string;
      seed: number;
      hash: string;
      outcome: unknown;
      actions: unknown[];
    };
    expect(body.code).toBe(us.code);
    expect(body.seed).toBe(SEED);
    expect(body.hash).toBe(expected.hash);
    expect(body.outcome).toBeTruthy();
    // 16 turns: two submits and one resolution each (and the drafts the sides sent, kept for a restart).
    const kinds = (body.actions as { kind: string }[]).map((a) => a.kind);
    expect(kinds.filter((k) => k !== "draft")).toHaveLength(48);
    expect(kinds.filter((k) => k === "resolve")).toHaveLength(16);
    const finished = await getJson(`${server.url}/api/matches/finished`);
    expect(finished.body).toContain(us.code);
  });

  it("exports the finished match as CSV: the start row, then one row per turn", async () => {
    const res = await fetch(`${server.url}/api/matches/${us.code}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^turn,label,lead_months,/);
    expect(lines[1]).toMatch(/^-1,start,/);
    expect(lines).toHaveLength(1 + 1 + 16);
  });

  it("replays the finished match turn by turn as a chosen viewer", async () => {
    const res = await getJson(`${server.url}/api/matches/${us.code}/replay?viewer=china`);
    expect(res.status).toBe(200);
    const body = res.body as { turns: View[] };
    expect(body.turns).toHaveLength(17);
    expect(body.turns.map((t) => t.turn)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(body.turns.every((t) => t.viewer === "china")).toBe(true);
    expect((await getJson(`${server.url}/api/matches/${us.code}/replay?viewer=everyone`)).status).toBe(400);
  });

  it("lists a workshop's finished rooms with their outcome and running ones without their numbers; bad lists get 400 and 404", async () => {
    const running = await create({ role: "us", name: "Fi", playerId: playerId("fi") });
    const res = await fetch(`${server.url}/api/matches/results.csv?codes=${us.code},${running.code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const [header, done, open] = (await res.text()).trim().split("\n") as [string, string, string];
    expect(header).toMatch(/^code,scenario,seed,finished,turns_played,winner,lead_months,threshold_months,/);
    const exported = (await getJson(`${server.url}/api/matches/${us.code}/export.json`)).body as {
      outcome: { winner: string; leadMonths: number };
    };
    expect(done.split(",").slice(0, 7)).toEqual([
      us.code,
      "baseline-2025",
      expect.any(String),
      "yes",
      "16",
      exported.outcome.winner,
      exported.outcome.leadMonths.toFixed(3),
    ]);
    // A running match shows no number that depends on hidden state, nor its seed (the intelligence noise).
    // Its turn, phase and seats are public.
    expect(open).toBe(`${running.code},baseline-2025,,no,0${",".repeat(11)},2025 H1,orders,1,0,0`);
    const bad = await getJson(`${server.url}/api/matches/results.csv?codes=0O1I00`);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/^codes: /);
    expect((await getJson(`${server.url}/api/matches/results.csv`)).status).toBe(400);
    const unknown = await getJson(`${server.url}/api/matches/results.csv?codes=${us.code},ZZZZZZ`);
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: string }).error).toBe("no match with code ZZZZZZ");
  });
});

describe("exports and replays of a running match", () => {
  it("are refused with 403 until the match is over; unknown and malformed codes get 404 and 400", async () => {
    const host = await create({ role: "us", name: "Cy", playerId: playerId("cy") });
    for (const path of ["export.json", "export.csv", "replay"]) {
      const res = await getJson(`${server.url}/api/matches/${host.code}/${path}`);
      expect(res.status, path).toBe(403);
      expect((res.body as { error: string }).error).toMatch(/when the match is over/);
    }
    expect((await getJson(`${server.url}/api/matches/ZZZZZZ/export.json`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/matches/0O1I00/export.json`)).status).toBe(400);
  });
});

describe("the open-matches list", () => {
  it("lists a public match that is not over and leaves out a private one", async () => {
    const open = await create({ role: "us", name: "Di", playerId: playerId("di") });
    const hidden = await create({ role: "us", name: "Ed", playerId: playerId("ed"), private: true });
    const res = await getJson(`${server.url}/api/matches`);
    const codes = (res.body as { code: string }[]).map((m) => m.code);
    expect(codes).toContain(open.code);
    expect(codes).not.toContain(hidden.code);
    expect(open.code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
  });
});

describe("a team of three on one side", () => {
  it("shares one draft: any member edits it, every member sees each edit, one confirms for the side", async () => {
    const [ann, al, amy, bo] = await seatMatch(
      server.url,
      seats,
      { ...person("us", "Ann"), seed: 11 },
      person("us", "Al"),
      person("us", "Amy"),
      person("china", "Bo"),
    );
    const team = [ann, al, amy];
    await Promise.all([...team, bo].map((s) => s.waitTurn(0)));

    const first: Order[] = [{ type: "fundAlgorithms", amount: 1 }];
    const edited: Order[] = [
      { type: "fundAlgorithms", amount: 1 },
      { type: "fundIntelligence", amount: 0.25 },
    ];
    await ann.request("draft", { orders: first });
    for (const s of team)
      await waitFor(`${s.options.name} to see Ann's draft`, () => s.draft?.by === "Ann" && s.draft);
    await al.request("draft", { orders: edited });
    for (const s of team) {
      const d = await waitFor(`${s.options.name} to see Al's edit`, () => s.draft?.by === "Al" && s.draft);
      expect(d.orders).toEqual(edited);
      expect(d.side).toBe("us");
      expect(d.errors).toEqual([]);
    }
    // The other side never receives this team's draft.
    expect(bo.drafts.every((d) => d.side === "china")).toBe(true);

    await amy.request("confirm", { turn: 0 });
    for (const s of team) {
      await waitFor(`${s.options.name} to see the US confirmed`, () => s.state.usConfirmed);
      const v = (await s.waitView("US orders pending", (x) => x.submitted.us)) as SideViewJson;
      expect(v.pendingOrders).toEqual(edited);
    }
    expect(bo.state.chinaConfirmed).toBe(false);

    await bo.request("confirm", { turn: 0 });
    const next = await Promise.all(team.map((s) => s.waitTurn(1)));
    // One side, one view: every member sees exactly the same.
    expect(JSON.stringify(next[1])).toBe(JSON.stringify(next[0]));
    expect(JSON.stringify(next[2])).toBe(JSON.stringify(next[0]));
    expect((next[0] as SideViewJson).own.spentByLever.fundIntelligence).toBeCloseTo(0.25, 9);
    // Every member is listed in the synced state as a US player.
    const usNames: string[] = [];
    bo.state.players.forEach((p) => p.role === "us" && usNames.push(p.name));
    expect(usNames.sort()).toEqual(["Al", "Amy", "Ann"]);
  });
});

describe("a spectator", () => {
  it("receives the public view only, no drafts, and may not write or confirm orders", async () => {
    const [us, china, fan] = await seatMatch(
      server.url,
      seats,
      { ...person("us", "Ann"), seed: 3 },
      person("china", "Bo"),
      person("spectator", "Fan"),
    );
    await fan.waitTurn(0);
    await us.request("draft", { orders: [{ type: "fundAlgorithms", amount: 1 }] });
    await confirmTurn(us, china, [fan]);
    expect(fan.views.every((v) => v.viewer === "spectator")).toBe(true);
    for (const key of ["own", "intel", "pendingOrders", "us", "china", "ownHistory", "spendable"])
      expect(fan.view, key).not.toHaveProperty(key);
    expect(fan.drafts).toEqual([]);
    expect((await fan.refused("draft", { orders: [] })).code).toBe("not-allowed");
    expect((await fan.refused("confirm", { turn: 1 })).code).toBe("not-allowed");
    await waitFor("the synced state of turn 1", () => fan.state.turn === 1);
    expect(fan.state.usConfirmed).toBe(false);
  });
});

describe("the facilitator", () => {
  let teacher: Seat;
  let us: Seat;
  let china: Seat;

  beforeAll(async () => {
    [teacher, us, china] = await seatMatch(
      server.url,
      seats,
      { ...person("facilitator", "Teacher"), seed: 21, timerSeconds: 600 },
      person("us", "Ann"),
      person("china", "Bo"),
    );
    await Promise.all([teacher, us, china].map((s) => s.waitTurn(0)));
  }, HOOK_TIMEOUT_MS);

  it("sees both sides and receives the facilitator key as the match's creator", () => {
    expect(teacher.view.viewer).toBe("facilitator");
    expect(teacher.view).toHaveProperty("us");
    expect(teacher.view).toHaveProperty("china");
    expect(teacher.welcome?.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(us.welcome?.facilitatorKey).toBeUndefined();
  });

  it("pauses the match: confirming is refused and the timer stops; resume starts it again", async () => {
    const deadline = teacher.state.deadline;
    expect(deadline).toBeGreaterThan(Date.now());
    await teacher.request("pause");
    await waitFor("everyone to see the pause", () => [us, china].every((s) => s.state.phase === "paused"));
    expect(us.state.deadline).toBe(0);
    expect(us.state.remainingMs).toBeGreaterThan(590_000);
    const reply = await us.refused("confirm", { turn: 0 });
    expect(reply.code).toBe("not-allowed");
    expect(reply.message).toMatch(/paused/);
    expect(us.state.usConfirmed).toBe(false);
    expect((await teacher.refused("pause")).code).toBe("not-allowed");

    await teacher.request("resume");
    await waitFor("everyone to see the resume", () => us.state.phase === "orders" && us.state.deadline > 0);
    expect(us.state.deadline).toBeGreaterThan(Date.now() + 590_000);
    await us.request("confirm", { turn: 0 });
    await waitFor("the US confirmation", () => teacher.state.usConfirmed);
  });

  it("extends the timer: the deadline moves by the seconds asked", async () => {
    const before = teacher.state.deadline;
    const result = await teacher.request<{ deadline: number }>("extendTimer", { seconds: 120 });
    expect(result.deadline - before).toBeGreaterThan(119_000);
    expect(result.deadline - before).toBeLessThan(121_000);
    await waitFor("the new deadline on a player's client", () => us.state.deadline === result.deadline);
  });

  it("injects an event card that fires when the turn resolves, for everyone to see", async () => {
    const turn = teacher.state.turn;
    const queued = await teacher.request<{ queued: { eventId: string; turn: number } }>("injectEvent", {
      eventId: "deepseekShock",
    });
    expect(queued.queued).toEqual({ eventId: "deepseekShock", turn });
    await teacher.waitView("the queued card", (v) =>
      (v as unknown as { injected: { eventId: string }[] }).injected.some(
        (q) => q.eventId === "deepseekShock",
      ),
    );
    const unknown = await teacher.refused("injectEvent", { eventId: "alienInvasion" });
    expect(unknown.code).toBe("refused");
    expect(unknown.message).toMatch(/alienInvasion/);

    await us.request("confirm", { turn });
    await china.request("confirm", { turn });
    for (const s of [teacher, us, china]) {
      const v = await s.waitTurn(turn + 1);
      const fired = v.events.find((e) => e.key === "event.deepseekShock" && e.turn === turn);
      expect(fired, s.options.name).toBeDefined();
      expect(fired?.params?.injected).toBe("yes");
    }
  });

  it("refuses every facilitator control from players and spectators", async () => {
    const fan = await join(teacher.code, { role: "spectator", name: "Fan", playerId: playerId("fan") });
    const phase = teacher.state.phase;
    for (const seat of [us, china, fan]) {
      for (const [type, payload] of [
        ["pause", {}],
        ["resume", {}],
        ["extendTimer", { seconds: 60 }],
        ["injectEvent", { eventId: "deepseekShock" }],
        ["endMatch", {}],
      ] as const) {
        const reply = await seat.refused(type, payload);
        expect(reply.code, `${seat.options.role} ${type}`).toBe("not-allowed");
      }
    }
    expect(teacher.state.phase).toBe(phase);
  });

  it("gives a creator who plays a side no facilitator key and no way to facilitate", async () => {
    const id = playerId("quickplay");
    const player = await create({ role: "us", name: "Quinn", playerId: id, bots: true });
    await waitFor("Quinn's welcome", () => player.welcome);
    expect(player.welcome?.facilitatorKey).toBeUndefined();
    await player.leave();
    await expect(join(player.code, { role: "facilitator", name: "Quinn", playerId: id })).rejects.toThrow(
      /facilitator key is missing or wrong/,
    );
  });

  it("admits a second facilitator only with the key", async () => {
    await expect(
      join(teacher.code, { role: "facilitator", name: "Mallory", playerId: playerId("mallory") }),
    ).rejects.toThrow(/facilitator key is missing or wrong/);
    await expect(
      join(teacher.code, {
        role: "facilitator",
        name: "Mallory",
        playerId: playerId("mallory"),
        facilitatorKey: "not-the-key",
      }),
    ).rejects.toThrow(/facilitator key is missing or wrong/);
    const coTeacher = await join(teacher.code, {
      role: "facilitator",
      name: "Co",
      playerId: playerId("co"),
      facilitatorKey: teacher.welcome?.facilitatorKey ?? "",
    });
    const v = await coTeacher.waitView("a facilitator view", () => true);
    expect(v.viewer).toBe("facilitator");
  });

  it("ends the match: every client sees it ended and no more orders are taken", async () => {
    await teacher.request("endMatch");
    for (const s of [teacher, us, china]) {
      await waitFor(`${s.options.name} to see the end`, () => s.state.phase === "ended");
      await s.waitView("an ended view", (v) => v.phase === "ended");
    }
    expect((await us.refused("confirm", { turn: us.state.turn })).code).toBe("ended");
    expect((await teacher.refused("pause")).code).toBe("ended");
    const res = await getJson(`${server.url}/api/matches/${teacher.code}/export.json`);
    expect(res.status).toBe(200);
  });
});

describe("choosing the seed", () => {
  it("is refused to a creator who takes a side unless the server allows it, and open to a facilitator", async () => {
    const strict = await startTestServer({ PLAYER_SEEDS: false });
    try {
      await expect(
        Seat.create(strict.url, { role: "us", name: "Gu", playerId: playerId("gu"), seed: 5 }),
      ).rejects.toThrow(/only a facilitator or a spectator may choose the seed/);
      const teacher = await Seat.create(strict.url, {
        role: "facilitator",
        name: "Ha",
        playerId: playerId("ha"),
        seed: 5,
      });
      seats.push(teacher);
      expect(teacher.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
      // Without a seed a player creates as before.
      seats.push(await Seat.create(strict.url, { role: "china", name: "Io", playerId: playerId("io") }));
    } finally {
      await leaveAll(seats.splice(-2));
      await strict.stop();
    }
  });
});

describe("a finished match's room", () => {
  it("closes once its last client has left and the grace period has passed; the match stays in the store", async () => {
    const quick = await startTestServer({ FINISHED_ROOM_SECONDS: 0.3 });
    const mine: Seat[] = [];
    try {
      const teacher = await Seat.create(quick.url, {
        role: "facilitator",
        name: "Jo",
        playerId: playerId("jo"),
      });
      const watcher = await Seat.join(quick.url, teacher.code, {
        role: "spectator",
        name: "Ki",
        playerId: playerId("ki"),
      });
      mine.push(teacher, watcher);
      await teacher.request("endMatch");
      await watcher.waitView("the end", (v) => v.phase === "ended");
      // While someone is still in the room it stays open past the grace period.
      await teacher.leave();
      await new Promise((resolve) => setTimeout(resolve, 600));
      const back = await Seat.join(quick.url, teacher.code, teacher.options);
      mine.push(back);
      expect(back.view.phase).toBe("ended");
      // Once everybody has gone it closes; the exports still answer from the store.
      await leaveAll(mine);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await expect(Seat.join(quick.url, teacher.code, teacher.options)).rejects.toThrow();
      expect((await getJson(`${quick.url}/api/matches/${teacher.code}/export.json`)).status).toBe(200);
    } finally {
      await leaveAll(mine);
      await quick.stop();
    }
  });
});

describe("a running match nobody is in", () => {
  it("closes its room after IDLE_ROOM_SECONDS and opens again where it was when someone asks for it", async () => {
    const idle = await startTestServer({ IDLE_ROOM_SECONDS: 0.3, RECONNECT_SECONDS: 0 });
    const mine: Seat[] = [];
    try {
      const ann = await Seat.create(idle.url, { role: "us", name: "Lu", playerId: playerId("lu"), seed: 9 });
      mine.push(ann);
      await ann.request("confirm", { turn: 0 });
      expect(ann.view.submitted.us).toBe(true);
      await ann.leave();
      await new Promise((resolve) => setTimeout(resolve, 700));
      await expect(Seat.join(idle.url, ann.code, ann.options)).rejects.toThrow(/not found/);

      const opened = await fetch(`${idle.url}/api/matches/${ann.code}/open`, { method: "POST" });
      expect(opened.status).toBe(200);
      expect(await opened.json()).toEqual({ code: ann.code, opened: true });
      const again = await fetch(`${idle.url}/api/matches/${ann.code}/open`, { method: "POST" });
      expect(await again.json()).toEqual({ code: ann.code, opened: false });
      const back = await Seat.join(idle.url, ann.code, ann.options);
      mine.push(back);
      // The same turn, with the orders confirmed before the room closed still in.
      expect(back.view.turn).toBe(0);
      expect(back.view.submitted.us).toBe(true);

      expect((await fetch(`${idle.url}/api/matches/ZZZZZZ/open`, { method: "POST" })).status).toBe(404);
      expect((await fetch(`${idle.url}/api/matches/0O1I00/open`, { method: "POST" })).status).toBe(400);
    } finally {
      await leaveAll(mine);
      await idle.stop();
    }
  });
});
