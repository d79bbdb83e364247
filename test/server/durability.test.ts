/**
 * Durability, with the server as a child process: after kill -9 and a restart on the same data directory every
 * unfinished match resumes from its log in exactly the state the rules give for the same orders, and its
 * players rejoin by code; SIGTERM tells the clients, exits cleanly and loses nothing.
 */
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Order, viewFor } from "../../shared/rules/index.ts";
import { seatMatch } from "../support/seats.ts";
import {
  type ChildServer,
  ExpectedMatch,
  leaveAll,
  playerId,
  Seat,
  startChildServer,
  tempDir,
  waitFor,
  HOOK_TIMEOUT_MS,
} from "./helpers.ts";

const SEED = 61;
const dataDir = tempDir();
const env = {
  DATA_DIR: dataDir,
  RECONNECT_SECONDS: "30",
  MAX_MESSAGES_PER_SECOND: "1000",
  PLAYER_SEEDS: "1",
};
const seats: Seat[] = [];
let server: ChildServer;
let expected: ExpectedMatch;
let other: ExpectedMatch;
const ids = { ann: playerId("ann"), bo: playerId("bo"), cy: playerId("cy"), di: playerId("di") };
let code = "";
let otherCode = "";
let facilitatorKey = "";

const usTurns: Order[][] = [
  [{ type: "fundAlgorithms", amount: 1.5 }],
  [{ type: "buildDataCenters", gw: 0.3 }],
  [{ type: "fundIntelligence", amount: 0.4 }],
  [{ type: "fundAlgorithms", amount: 0.7 }],
  [{ type: "fundEnforcement", amount: 0.2 }],
];
const chinaTurns: Order[][] = [
  [{ type: "fundChipResearch", amount: 0.8 }],
  [],
  [{ type: "fundAlgorithms", amount: 0.3 }],
  [],
  [],
];

/** A match's secret, read straight from the server's SQLite file (the server never sends it). */
function secretOf(matchCode: string): string {
  const db = new Database(join(dataDir, "matches.sqlite"), { readonly: true });
  try {
    return (db.prepare("SELECT secret FROM matches WHERE code = ?").get(matchCode) as { secret: string })
      .secret;
  } finally {
    db.close();
  }
}

/** The last action the server wrote for a match, read straight from its SQLite file. */
function lastAction(matchCode: string): { kind: string; turn?: number; hash?: string; side?: string } {
  const db = new Database(join(dataDir, "matches.sqlite"), { readonly: true });
  try {
    const row = db
      .prepare("SELECT action FROM actions WHERE code = ? ORDER BY seq DESC LIMIT 1")
      .get(matchCode) as { action: string } | undefined;
    return row ? (JSON.parse(row.action) as { kind: string }) : { kind: "none" };
  } finally {
    db.close();
  }
}

async function sit(role: "us" | "china" | "facilitator", name: string, id: string): Promise<Seat> {
  const seat = await Seat.join(server.url, code, {
    role,
    name,
    playerId: id,
    ...(role === "facilitator" ? { facilitatorKey } : {}),
  });
  seats.push(seat);
  await seat.waitView("a view", () => true);
  return seat;
}

/** The facilitator's view of the match the rules give for the same orders, as JSON would carry it. */
function expectedView(): unknown {
  return JSON.parse(JSON.stringify(viewFor(expected.state, "facilitator")));
}

beforeAll(async () => {
  server = await startChildServer(env);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await leaveAll(seats);
  server.process.kill("SIGKILL");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}, HOOK_TIMEOUT_MS);

describe("a crash and a restart", () => {
  it("kill -9 mid-turn, then a restart: the match resumes with the state and pending orders it had", async () => {
    // The teacher creates the match without a side, so she holds the facilitator key.
    const tess = await Seat.create(server.url, {
      role: "facilitator",
      name: "Tess",
      playerId: "tess-durability-01",
      seed: SEED,
    });
    seats.push(tess);
    code = tess.code;
    expected = new ExpectedMatch("baseline-2025", SEED, secretOf(code));
    facilitatorKey = (await waitFor("Tess's welcome", () => tess.welcome)).facilitatorKey ?? "";
    const ann = await sit("us", "Ann", ids.ann);
    const bo = await sit("china", "Bo", ids.bo);
    // A second match, one turn in, must come back too.
    const [cy, di] = await seatMatch(
      server.url,
      seats,
      { role: "us", name: "Cy", playerId: ids.cy, seed: SEED + 1, scenario: "hardline-2025" },
      { role: "china", name: "Di", playerId: ids.di },
    );
    otherCode = cy.code;
    other = new ExpectedMatch("hardline-2025", SEED + 1, secretOf(otherCode));
    await cy.request("confirm", { turn: 0 });
    await di.request("confirm", { turn: 0 });
    other.turn([], []);

    for (let turn = 0; turn < 3; turn++) {
      await ann.request("draft", { orders: usTurns[turn] });
      await bo.request("draft", { orders: chinaTurns[turn] });
      await ann.request("confirm", { turn });
      await bo.request("confirm", { turn });
      expected.turn(usTurns[turn] ?? [], chinaTurns[turn] ?? []);
      await ann.waitTurn(turn + 1);
    }
    // Turn 3: the US has confirmed, a change made and confirmed within DRAFT_SAVE_MS of the draft's first
    // save; China has a draft, not confirmed.
    await ann.request("draft", { orders: [{ type: "fundAlgorithms", amount: 0.1 }] });
    await ann.request("draft", { orders: usTurns[3] });
    await ann.request("confirm", { turn: 3 });
    expected.submit("us", usTurns[3] ?? []);
    // Written before the reply came back.
    expect(lastAction(code)).toEqual({ kind: "submit", side: "us", orders: usTurns[3] });
    const boDraft = [{ type: "fundAlgorithms", amount: 0.25 }];
    await bo.request("draft", { orders: boDraft });
    expect(lastAction(code)).toMatchObject({ kind: "draft", side: "china", orders: boDraft });

    for (const s of seats) s.room.reconnection.enabled = false;
    server.process.kill("SIGKILL");
    expect(await server.exited).toBe("SIGKILL");
    await waitFor("the clients to notice", () => seats.every((s) => s.leftWith !== undefined));

    server = await startChildServer(env);
    const teacher = await sit("facilitator", "Teacher", playerId("teacher"));
    expect(teacher.view.turn).toBe(3);
    expect(teacher.view.submitted).toEqual({ us: true, china: false });
    expect(teacher.view).toEqual(expectedView());
    await waitFor("the synced state", () => teacher.state.usConfirmed && teacher.state.turn === 3);
  });

  it("players rejoin by code to their sides and play on; the logged hash is the rules' hash", async () => {
    const ann = await sit("us", "Ann", ids.ann);
    const bo = await sit("china", "Bo", ids.bo);
    expect(ann.view.viewer).toBe("us");
    expect(bo.view.viewer).toBe("china");
    expect(ann.view.turn).toBe(3);
    // China's team gets back the draft it was working on before the crash.
    await waitFor("China's draft", () => bo.draft);
    expect(bo.draft).toMatchObject({
      side: "china",
      orders: [{ type: "fundAlgorithms", amount: 0.25 }],
      by: "Bo",
    });
    // The US team, which had confirmed, sees the orders it confirmed as its draft; taking the confirmation back
    // leaves it those orders (the resolved hash below is the rules' for them), and it confirms them again.
    await waitFor("the US draft", () => ann.draft);
    expect(ann.draft).toMatchObject({ side: "us", orders: usTurns[3], by: "Ann" });
    expect(await ann.request("unconfirm", { turn: 3 })).toEqual({ confirmed: false });
    await ann.request("confirm", { turn: 3 });
    await bo.request("draft", { orders: chinaTurns[3] });
    await bo.request("confirm", { turn: 3 });
    expected.submit("china", chinaTurns[3] ?? []).resolve();
    await ann.waitTurn(4);
    expect(lastAction(code)).toEqual({ kind: "resolve", turn: 3, hash: expected.hash });
    const teacher = seats.find((s) => s.options.role === "facilitator" && s.leftWith === undefined);
    expect((await teacher?.waitTurn(4)) ?? null).toEqual(expectedView());
  });

  it("every unfinished match comes back, not just one", async () => {
    const cy = await Seat.join(server.url, otherCode, { role: "us", name: "Cy", playerId: ids.cy });
    seats.push(cy);
    const view = await cy.waitView("a view", () => true);
    expect(view).toEqual(JSON.parse(JSON.stringify(viewFor(other.state, "us"))));
  });
});

describe("a graceful shutdown (SIGTERM)", () => {
  it("tells every client with a notice and close code 4500, and exits with code 0", async () => {
    const [ann, bo] = ["us", "china"].map((role) =>
      seats.find((s) => s.options.role === role && s.code === code && s.leftWith === undefined),
    );
    if (!ann || !bo) throw new Error("the players should be seated");
    await ann.request("draft", { orders: usTurns[4] });
    await ann.request("confirm", { turn: 4 });
    expected.submit("us", usTurns[4] ?? []);
    const open = seats.filter((s) => s.leftWith === undefined);
    for (const s of open) s.room.reconnection.enabled = false;

    server.process.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    await waitFor("every client to be closed", () => open.every((s) => s.leftWith !== undefined));
    for (const s of open) {
      expect(s.leftWith, s.options.name).toBe(4500);
      expect(s.notices.join(" "), s.options.name).toMatch(/rejoin with the same code/);
    }
  });

  it("loses nothing: after a restart the orders confirmed before the shutdown are still in", async () => {
    server = await startChildServer(env);
    const teacher = await sit("facilitator", "Teacher", playerId("teacher"));
    expect(teacher.view).toEqual(expectedView());
    expect(teacher.view.submitted).toEqual({ us: true, china: false });
    const bo = await sit("china", "Bo", ids.bo);
    await bo.request("confirm", { turn: 4 });
    expected.submit("china", []).resolve();
    await bo.waitTurn(5);
    expect(lastAction(code)).toEqual({ kind: "resolve", turn: 4, hash: expected.hash });
  });
});
