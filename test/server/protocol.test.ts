/**
 * The protocol's schemas against the real server: a short match played over sockets by a facilitator, both
 * sides and a spectator, where every message each client receives fits its schema in shared/protocol.ts
 * (SERVER_MESSAGES) and every request's reply fits REPLIES; then every JSON route's real answer fits its
 * schema in shared/api.ts. And the client's check (client/src/net.ts) refuses a message that does not fit.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Room } from "@colyseus/sdk";
import type { z } from "zod";
import {
  ApiErrorSchema,
  BotListSchema,
  DebriefSchema,
  EventCardListSchema,
  FinishedCodesSchema,
  ForkResponseSchema,
  HealthSchema,
  MatchExportSchema,
  MatchListSchema,
  MatchScenarioSchema,
  OpenResponseSchema,
  ReplaySchema,
  ResultRowsSchema,
  ScenarioListSchema,
  ScenarioSourcesSchema,
  SeatRowsSchema,
} from "../../shared/api.ts";
import {
  CLIENT_MESSAGES,
  type ClientMessageType,
  ErrorReplySchema,
  REPLIES,
  SERVER_MESSAGES,
  serverMessageProblem,
  type ServerMessageType,
} from "../../shared/protocol.ts";
import { onServerMessage } from "../../client/src/net.ts";
import { person, seatMatch } from "../support/seats.ts";
import { Seat, useTestServer, waitFor } from "./helpers.ts";

const world = useTestServer();

/** The messages a seat received, as `{ type, payload }` (its record also holds state snapshots). */
function messagesOf(seat: Seat): { type: string; payload: unknown }[] {
  return seat.received
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((m) => typeof m.type === "string" && Object.keys(m).every((k) => k === "type" || k === "payload"))
    .map((m) => ({ type: m.type as string, payload: m.payload }));
}

/** The first problem a value has with a schema, or null when it fits (the issue's path makes a failure readable). */
function misfit(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `${issue?.path.join(".")}: ${issue?.message}`;
}

describe("the room's messages and replies", () => {
  it("fit SERVER_MESSAGES and REPLIES over a short match with every request type", async () => {
    const url = world.server.url;
    const [tess, ann, bo, fan] = await seatMatch(
      url,
      world.seats,
      { ...person("facilitator", "Tess"), waitForStart: true, timerSeconds: 600 },
      person("us", "Ann"),
      person("china", "Bo"),
      person("spectator", "Fan"),
    );

    const replies: { type: ClientMessageType; reply: unknown }[] = [];
    const ask = async (seat: Seat, type: ClientMessageType, payload: unknown = {}) => {
      const reply = await seat.request(type, payload);
      replies.push({ type, reply });
      return reply;
    };
    await ask(tess, "seatLinks");
    // A draft the rules refuse comes back with its problems, to the side and in the reply.
    await ask(ann, "draft", { orders: [{ type: "fundAlgorithms", amount: -5 }] });
    await waitFor("Ann's draft with its problems", () => ann.draft?.errors.length);
    await ask(ann, "draft", { orders: [{ type: "fundAlgorithms", amount: 1 }] });
    await ask(bo, "draft", { orders: [{ type: "fundChipResearch", amount: 1 }] });
    await ask(tess, "start");
    await ask(tess, "pause");
    await ask(tess, "extendTimer", { seconds: 60 });
    await ask(tess, "resume");
    await ask(tess, "injectEvent", { eventId: "deepseekShock", turn: 1 });
    await ask(ann, "confirm", { turn: 0 });
    await ask(ann, "unconfirm", { turn: 0 });
    await ask(ann, "confirm", { turn: 0 });
    await ask(bo, "confirm", { turn: 0 });
    await tess.waitTurn(1);
    // A refusal answers with an ErrorReply; a malformed plain message gets an "error" message.
    const refusals = [await fan.refused("confirm", { turn: 1 }), await ann.refused("confirm", { turn: 7 })];
    ann.room.send("draft", { orders: "not a list" });
    await waitFor("Ann's error message", () => ann.errors.length > 0);
    // The public listing while the match runs.
    const listing = await fetch(`${url}/api/matches`).then((r) => r.json());
    expect(misfit(MatchListSchema, listing)).toBeNull();
    expect(listing).toContainEqual(expect.objectContaining({ code: tess.code }));
    await ask(tess, "endMatch");
    await tess.waitView("the end", (v) => v.phase === "ended");

    for (const { type, reply } of replies)
      expect(misfit(REPLIES[type], reply), `reply to ${type}`).toBeNull();
    for (const reason of refusals) expect(misfit(ErrorReplySchema, reason)).toBeNull();
    expect(new Set(replies.map((r) => r.type))).toEqual(new Set(Object.keys(CLIENT_MESSAGES)));

    const seen = new Set<string>();
    for (const seat of [tess, ann, bo, fan])
      for (const { type, payload } of messagesOf(seat)) {
        seen.add(type);
        expect(Object.keys(SERVER_MESSAGES), `a message of type ${type}`).toContain(type);
        expect(
          misfit(SERVER_MESSAGES[type as ServerMessageType], payload),
          `${seat.options.name}'s ${type} message`,
        ).toBeNull();
      }
    expect(seen).toEqual(new Set(Object.keys(SERVER_MESSAGES)));
    matchCode = tess.code;
    seatToken = ann.welcome!.seatToken!;
  });
});

let matchCode = "";
let seatToken = "";

describe("the HTTP API's answers", () => {
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${world.server.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const post = (path: string, body: unknown) =>
    get(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("fit their schemas in shared/api.ts, for the finished match played above", async () => {
    expect(matchCode).not.toBe("");
    const ok: [string, z.ZodType, { status: number; body: unknown }][] = [
      ["health", HealthSchema, await get("/api/health")],
      ["scenarios", ScenarioListSchema, await get("/api/scenarios")],
      ["sources", ScenarioSourcesSchema, await get("/api/scenarios/baseline-2025/sources")],
      ["bots", BotListSchema, await get("/api/bots")],
      ["events", EventCardListSchema, await get("/api/events")],
      ["finished", FinishedCodesSchema, await get("/api/matches/finished")],
      ["results", ResultRowsSchema, await get(`/api/matches/results.json?codes=${matchCode}`)],
      ["seats", SeatRowsSchema, await post("/api/seats", { tokens: [seatToken, "not-a-token"] })],
      ["export", MatchExportSchema, await get(`/api/matches/${matchCode}/export.json`)],
      ["replay", ReplaySchema, await get(`/api/matches/${matchCode}/replay?viewer=us`)],
      ["scenario", MatchScenarioSchema, await get(`/api/matches/${matchCode}/scenario`)],
      ["debrief", DebriefSchema, await get(`/api/matches/${matchCode}/debrief`)],
      ["fork", ForkResponseSchema, await post(`/api/matches/${matchCode}/fork`, { turn: 0 })],
    ];
    for (const [route, schema, { status, body }] of ok) {
      expect(status, route).toBeLessThan(300);
      expect(misfit(schema, body), route).toBeNull();
    }
    const fork = ForkResponseSchema.parse(ok[ok.length - 1]![2].body);
    // Opening: the fork's room comes back from the log; a code with no match answers why it cannot.
    const opened = await post(`/api/matches/${fork.code}/open`, {});
    expect(opened).toEqual({ status: 200, body: { code: fork.code, opened: true } });
    const missing = await post("/api/matches/ZZZZZZ/open", {});
    expect(missing.status).toBe(404);
    for (const answer of [opened, missing]) expect(misfit(OpenResponseSchema, answer.body)).toBeNull();
    // The seat token is placed, the other one answered with a reason.
    const [placed, unplaced] = ok.find(([route]) => route === "seats")![2].body as Record<string, unknown>[];
    expect(placed).toMatchObject({ code: matchCode, role: "us", phase: "ended" });
    expect(unplaced).toMatchObject({ token: "not-a-token", error: expect.any(String) });
  });

  it("answer every refusal as { error }", async () => {
    for (const answer of [
      await get("/api/matches/ZZZZZZ/export.json"),
      await get("/api/scenarios/nope/sources"),
      await post(`/api/matches/${matchCode}/fork`, { turn: -1 }),
      await get("/api/nothing-here"),
    ]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(misfit(ApiErrorSchema, answer.body)).toBeNull();
    }
  });
});

describe("the client's check of what a room sends", () => {
  afterEach(() => vi.restoreAllMocks());

  /** A room that hands the test the handler net.ts registers for each type. */
  function fakeRoom() {
    const handlers = new Map<string, (message: unknown) => void>();
    const room = {
      onMessage: (type: string, handle: (message: unknown) => void) => handlers.set(type, handle),
    };
    return {
      room: room as unknown as Room,
      deliver: (type: string, message: unknown) => handlers.get(type)!(message),
    };
  }

  it("passes on a message that fits, and reports and drops one that does not", async () => {
    const checks = await import("../../shared/protocol.ts");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { room, deliver } = fakeRoom();
    const passed: unknown[] = [];
    onServerMessage(room, "draft", checks, (d) => passed.push(d));
    const good = { side: "us", orders: [], by: "Ann", errors: [] };
    deliver("draft", good);
    deliver("draft", { side: "mars", orders: [], by: "Ann", errors: [] });
    expect(passed).toEqual([good]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/"draft" message .* at side: /);
  });

  it("names the type and the first problem of a malformed view, and knows no other types", () => {
    const view = { view: { turn: 0 }, from: { history: 0 }, options: { side: "us", turn: 0, cash: 1 } };
    expect(serverMessageProblem("view", view)).toMatch(/^"view" message .* at options\.runningCost: /);
    expect(serverMessageProblem("view", { ...view, options: null })).toBeNull();
    expect(serverMessageProblem("view", { ...view, options: null, view: [] })).toMatch(/a view is an object/);
    expect(serverMessageProblem("welcome", { code: "AB", role: "us", playerId: "p-12345678" })).toMatch(
      /at code: a join code/,
    );
    expect(serverMessageProblem("gossip", {})).toMatch(/unknown server message type "gossip"/);
  });
});
