/**
 * The causal debrief and what-if forks: attribution by counterfactual replays on a constructed match, the
 * debrief route for finished matches only, and a fork that opens from the store and is played over sockets.
 */
import { describe, expect, it } from "vitest";
import type { Action, MatchRecord } from "../../server/store.ts";
import { computeDebrief, logUpTo, type Debrief } from "../../server/debrief.ts";
import {
  BUILTIN_SCENARIOS,
  createMatch,
  endMatch,
  hashState,
  type MatchState,
  type Order,
  resolveTurn,
  submitOrders,
} from "../../shared/rules/index.ts";
import { confirmTurn, getJson, playerId, Seat, useTestServer, waitFor } from "./helpers.ts";
import { pollUntil } from "../support/servers.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;
const SECRET = "ab".repeat(16);

/** A finished match built on the rules, with its log as the room would have written it. */
function constructedMatch(
  code: string,
  us: (turn: number) => Order[],
  china: (turn: number) => Order[],
  turns = scenario.params.time.turns,
): { record: MatchRecord; actions: Action[]; state: MatchState } {
  let state = createMatch(scenario, 5, SECRET);
  const actions: Action[] = [];
  for (let t = 0; t < turns; t++) {
    for (const [side, orders] of [
      ["us", us(t)],
      ["china", china(t)],
    ] as const) {
      const r = submitOrders(state, side, orders);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      state = r.state;
      actions.push({ kind: "submit", side, orders });
    }
    state = resolveTurn(state).state;
    actions.push({ kind: "resolve", turn: t, hash: hashState(state) });
  }
  const record: MatchRecord = {
    code,
    scenario,
    scenarioId: scenario.id,
    seed: 5,
    secret: SECRET,
    settings: {
      timerSeconds: null,
      private: false,
      bots: true,
      botIds: { us: "random-legal", china: "random-legal" },
      facilitatorKey: "k".repeat(16),
      creatorId: "",
      seedChosenBy: "",
      waitForStart: false,
    },
    createdAt: new Date(0).toISOString(),
    finished: state.phase === "ended",
  };
  return { record, actions, state };
}

const usBuys = () => [{ type: "buyChips", chipType: "frontier", h100e: 150_000 } as Order];
const chinaBuys = () => [
  { type: "buyChips", chipType: "domestic", h100e: 20_000 } as Order,
  { type: "fundAlgorithms", amount: 2 } as Order,
];

describe("the causal debrief", () => {
  const match = constructedMatch("DEBRF2", usBuys, chinaBuys);
  const debrief = computeDebrief(match.record, match.actions);

  it("attributes each lever by replaying without it: signs follow the lever's side", () => {
    const us = debrief.levers.find((l) => l.side === "us" && l.lever === "buyChips")!;
    const china = debrief.levers.find((l) => l.side === "china" && l.lever === "buyChips")!;
    const algo = debrief.levers.find((l) => l.side === "china" && l.lever === "fundAlgorithms")!;
    expect(us.months).toBeGreaterThan(0);
    expect(china.months).toBeLessThan(0);
    expect(algo.months).toBeLessThan(0);
    expect(us.spent).toBeGreaterThan(0);
    expect(debrief.levers).toHaveLength(3);
  });

  it("splits the lead over the years into parts that sum to each turn's change", () => {
    expect(debrief.decomposition).toHaveLength(scenario.params.time.turns);
    let lead = match.state.history[0]!.leadMonths;
    for (const row of debrief.decomposition) {
      const sum = Object.values(row.parts).reduce((a, b) => a + b, 0);
      expect(lead + sum).toBeCloseTo(row.lead, 6);
      lead = row.lead;
    }
  });

  it("names what caused each turning point and scores both sides' intelligence against the truth", () => {
    expect(debrief.turningPoints.length).toBeGreaterThan(0);
    for (const tp of debrief.turningPoints) expect(tp.causes.length).toBeGreaterThan(0);
    for (const score of debrief.intel) {
      expect(score.estimates).toBeGreaterThan(0);
      expect(score.withinBand).toBeGreaterThan(0.5);
      expect(score.typicalFactor).toBeGreaterThanOrEqual(1);
    }
  });

  it("cuts a log at the start of a turn, leaving out that turn's drafts", () => {
    const log = logUpTo(match.actions, 3);
    expect(log.filter((a) => a.kind === "resolve").map((a) => (a as { turn: number }).turn)).toEqual([
      0, 1, 2,
    ]);
    expect(log.at(-1)!.kind).toBe("resolve");
    expect(logUpTo(match.actions, 0)).toEqual([]);
  });
});

describe("the debrief and fork routes", () => {
  const ctx = useTestServer({ RECONNECT_SECONDS: 0 });

  async function stored(code: string, finished: boolean, turns?: number): Promise<MatchRecord> {
    const m = constructedMatch(code, usBuys, chinaBuys, turns);
    const store = ctx.server.running.store;
    await store.create(m.record);
    for (const a of m.actions) await store.append(code, a);
    if (finished) await store.finish(code);
    return m.record;
  }

  it("refuses an unfinished match with a clear error, and a malformed or unknown code", async () => {
    await stored("RUNNG2", false, 3);
    const early = await getJson(`${ctx.server.url}/api/matches/RUNNG2/debrief`);
    expect(early.status).toBe(403);
    expect((early.body as { error: string }).error).toMatch(/opens when the match is over/);
    expect((await getJson(`${ctx.server.url}/api/matches/no!/debrief`)).status).toBe(400);
    expect((await getJson(`${ctx.server.url}/api/matches/ZZZZZZ/debrief`)).status).toBe(404);
    const fork = await fetch(`${ctx.server.url}/api/matches/RUNNG2/fork`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ turn: 1 }),
    });
    expect(fork.status).toBe(403);
  });

  it("serves the debrief of a finished match, the same body twice", async () => {
    await stored("DNEXT2", true);
    const a = await getJson(`${ctx.server.url}/api/matches/DNEXT2/debrief`);
    expect(a.status).toBe(200);
    const debrief = a.body as Debrief;
    expect(debrief.levers.find((l) => l.side === "us")!.months).toBeGreaterThan(0);
    const b = await getJson(`${ctx.server.url}/api/matches/DNEXT2/debrief`);
    expect(b.text).toBe(a.text);
  });

  it("serves the debrief of a match the facilitator ended early, its unresolved last turn left out", async () => {
    const m = constructedMatch("ENDED2", usBuys, chinaBuys, 3);
    const ended = endMatch(m.state);
    const store = ctx.server.running.store;
    await store.create(m.record);
    for (const a of [...m.actions, { kind: "end", hash: hashState(ended) } as Action])
      await store.append("ENDED2", a);
    await store.finish("ENDED2");
    const res = await getJson(`${ctx.server.url}/api/matches/ENDED2/debrief`);
    expect(res.status).toBe(200);
    expect((res.body as Debrief).decomposition.map((row) => row.turn)).toEqual([0, 1, 2]);
  });

  it("forks a finished match at a turn; the fork opens by its code and is played for two turns", async () => {
    await stored("BRANC2", true);
    const bad = await fetch(`${ctx.server.url}/api/matches/BRANC2/fork`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ turn: 99 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/from turn 0 to 15/);
    const res = await fetch(`${ctx.server.url}/api/matches/BRANC2/fork`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ turn: 4 }),
    });
    expect(res.status).toBe(201);
    const fork = (await res.json()) as { code: string; of: string; turn: number };
    expect(fork.of).toBe("BRANC2");
    expect(fork.code).not.toBe("BRANC2");

    const open = await fetch(`${ctx.server.url}/api/matches/${fork.code}/open`, { method: "POST" });
    expect(open.status).toBe(200);
    const us = await Seat.join(ctx.server.url, fork.code, {
      role: "us",
      name: "Ann",
      playerId: playerId("ann"),
    });
    const china = await Seat.join(ctx.server.url, fork.code, {
      role: "china",
      name: "Bo",
      playerId: playerId("bo"),
    });
    ctx.seats.push(us, china);
    await waitFor("the fork's first views", () => us.views.length > 0 && china.views.length > 0);
    expect(us.view.turn).toBe(4);
    // The branch starts where the original stood at the start of turn 4.
    const original = constructedMatch("X", usBuys, chinaBuys, 4).state;
    expect(us.view.history.map((r) => r.leadMonths)).toEqual(original.history.map((r) => r.leadMonths));
    // Other orders this time: the US does nothing, China buys more.
    await us.request("draft", { orders: [] });
    await china.request("draft", { orders: [{ type: "buyChips", chipType: "domestic", h100e: 30_000 }] });
    expect(await confirmTurn(us, china)).toBe(5);
    await us.request("draft", { orders: [] });
    await china.request("draft", { orders: [] });
    expect(await confirmTurn(us, china)).toBe(6);
    expect(us.view.history).toHaveLength(7);

    // Played to the end, the branch's debrief compares its lead with the original's, year by year.
    while (us.view.phase !== "ended") await confirmTurn(us, china);
    await pollUntil(
      "the fork to be stored as finished",
      async () => (await ctx.server.running.store.get(fork.code))?.finished,
    );
    const debrief = (await getJson(`${ctx.server.url}/api/matches/${fork.code}/debrief`)).body as Debrief;
    expect(debrief.branch!.of).toBe("BRANC2");
    expect(debrief.branch!.fromTurn).toBe(4);
    const leads = debrief.branch!.leads;
    expect(leads).toHaveLength(17);
    // The same up to the fork, different after it (the US stopped buying chips in the branch).
    for (const row of leads.slice(0, 5)) expect(row.branch).toBeCloseTo(row.original!, 9);
    expect(leads.at(-1)!.branch).not.toBeCloseTo(leads.at(-1)!.original!, 3);
  });
});
