/**
 * The causal debrief of a finished match and its what-if forks. Once a match is over its full log may be
 * revealed, so the server replays it: with the same scenario, seed and secret, and the same orders minus one
 * lever of one side (or minus one turn's events), the difference in the judged lead is what that lever or
 * those events were worth. The debrief also says what caused each turning point (the facilitator's turn
 * report), scores each side's intelligence estimates against the truth, and splits the lead's change over the
 * years for a chart. A fork copies a finished match's log up to a turn under a new code; the room opens it from
 * the store when someone joins by that code (server/match-room.ts reopenMatch and restoreFrom).
 */
import express from "express";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  DECOMPOSITION_GROUPS,
  type Debrief,
  type DecompositionGroup,
  type DecompositionRow,
  type EventAttribution,
  type ForkResponse,
  type IntelScore,
  type LeverAttribution,
} from "../shared/api.ts";
import { CodeSchema } from "../shared/protocol.ts";
import type { MatchState, Order, OrderType, Scenario, Side, View } from "../shared/rules/index.ts";
import {
  createMatch,
  endMatch,
  injectEvent,
  judgedLead,
  keepValidOrders,
  resolveTurn,
  submitOrders,
  viewFor,
} from "../shared/rules/index.ts";
import { domesticCapacity, firmPowerGW, fleetH100e, saturate, totalLeased } from "../shared/rules/model.ts";
import { turnReport } from "../shared/rules/report.ts";
import type { DeepReadonly } from "../shared/rules/view.ts";
import { HOSTS, SIDES } from "../shared/rules/types.ts";
import { newCode } from "./room-services.ts";
import { applyAction, replay } from "./replay.ts";
import type { Action, MatchRecord, MatchSettings, Store } from "./store.ts";

/** Where a fork came from: kept in its stored settings (the store keeps settings as JSON). */
interface ForkOrigin {
  code: string;
  turn: number;
}
type ForkSettings = MatchSettings & { forkOf?: ForkOrigin };

// The debrief's shape is the HTTP API's (shared/api.ts); these names stay importable from here.
export {
  DECOMPOSITION_GROUPS,
  type Debrief,
  type DecompositionGroup,
  type DecompositionRow,
  type EventAttribution,
  type IntelScore,
  type LeverAttribution,
  type TurningPoint,
} from "../shared/api.ts";

/** The orders that were resolved each turn, by side, read off a replay of the log. */
interface Script {
  origin: { scenario: Scenario; seed: number; secret: string };
  /** Per resolved turn: each side's resolved orders and the events injected for it before it resolved. */
  turns: { orders: Record<Side, Order[]>; injected: { eventId: string; turn: number }[] }[];
  /** Set when the facilitator ended the match early: the turn it ended at. */
  endedAt: number | null;
}

function scriptOf(record: MatchRecord, actions: readonly Action[]): Script {
  const scenario = record.scenario as Scenario;
  const origin = { scenario, seed: record.seed, secret: record.secret };
  let state = createMatch(scenario, record.seed, record.secret);
  const turns: Script["turns"] = [];
  let injected: { eventId: string; turn: number }[] = [];
  let endedAt: number | null = null;
  for (const a of actions) {
    if (a.kind === "inject") injected.push({ eventId: a.eventId, turn: a.turn });
    if (a.kind === "resolve") {
      turns.push({ orders: { us: state.pending.us ?? [], china: state.pending.china ?? [] }, injected });
      injected = [];
    }
    if (a.kind === "end") endedAt = state.turn;
    state = applyAction(state, a);
  }
  return { origin, turns, endedAt };
}

interface Variation {
  /** Orders of this side and lever are left out. */
  drop?: { side: Side; lever: OrderType };
  /** No event is drawn or injected on this turn. */
  quietTurn?: number;
}

/** Plays the script again with one variation; orders that are no longer allowed are left out. */
function playScript(script: Script, v: Variation = {}): MatchState[] {
  const { scenario, seed, secret } = script.origin;
  const quiet: Scenario = {
    ...scenario,
    params: { ...scenario.params, world: { ...scenario.params.world, eventChancePerTurn: 0 } },
  };
  let state = createMatch(scenario, seed, secret);
  const states = [state];
  script.turns.forEach((turn, i) => {
    if (i !== v.quietTurn)
      for (const q of turn.injected) {
        const r = injectEvent(state, q.eventId, q.turn);
        if (r.ok) state = r.state;
      }
    for (const side of SIDES) {
      const orders = turn.orders[side].filter((o) => !(v.drop?.side === side && v.drop.lever === o.type));
      const r = submitOrders(state, side, keepValidOrders(state, side, orders));
      if (r.ok) state = r.state;
    }
    if (i === v.quietTurn) {
      const injected = state.injected.filter((q) => q.turn !== state.turn);
      const resolved = resolveTurn({ ...state, scenario: quiet, injected }).state;
      state = { ...resolved, scenario };
    } else state = resolveTurn(state).state;
    states.push(state);
  });
  if (script.endedAt !== null && state.phase !== "ended") state = endMatch(state);
  return states;
}

type Truths = Record<string, number>;

/** The true values behind each estimate a side's intelligence report holds (the keys of intel.ts). */
function truthsFor(state: MatchState, viewer: Side): Truths {
  if (viewer === "us") {
    const c = state.china;
    const t: Truths = {
      homeH100e: fleetH100e(c.fleet),
      leasedH100e: totalLeased(c),
      domesticH100ePerChip: c.domesticH100ePerChip,
      domesticCapacityH100e: domesticCapacity(state).h100e,
      hbmStock: c.hbmStock,
      smuggledH100e: c.smuggledTotal,
      cash: c.cash,
      powerGW: firmPowerGW(state, "china"),
    };
    for (const h of HOSTS) t[`lease.${h}`] = c.leases[h];
    return t;
  }
  const u = state.us;
  return {
    homeH100e: fleetH100e(u.fleet),
    enforcement: saturate(u.enforcementStock, state.scenario.params.levers.enforcementRef),
    reformProgress: u.reformProgress,
    cash: u.cash,
    powerGW: firmPowerGW(state, "us"),
    dataCenterGW: u.dataCenterGW,
  };
}

function scoreIntel(states: readonly MatchState[], side: Side): IntelScore {
  const byKey = new Map<string, { n: number; within: number; logSum: number }>();
  for (const state of states.slice(1)) {
    const view = viewFor(state, side);
    if (view.viewer !== side) continue;
    const truth = truthsFor(state, side);
    for (const [key, e] of Object.entries(view.intel)) {
      const t = truth[key];
      if (t === undefined) continue;
      const row = byKey.get(key) ?? { n: 0, within: 0, logSum: 0 };
      row.n += 1;
      if (t >= e.low - 1e-9 && t <= e.high + 1e-9) row.within += 1;
      // A small floor keeps "none estimated as a little" from counting as infinitely wrong.
      const floor = Math.max(1e-6, Math.abs(t) * 1e-3);
      row.logSum += Math.abs(Math.log((e.estimate + floor) / (t + floor)));
      byKey.set(key, row);
    }
  }
  let n = 0;
  let within = 0;
  let logSum = 0;
  const rows = [...byKey].map(([key, r]) => {
    n += r.n;
    within += r.within;
    logSum += r.logSum;
    return { key, withinBand: r.within / r.n, typicalFactor: Math.exp(r.logSum / r.n) };
  });
  return {
    side,
    estimates: n,
    withinBand: n > 0 ? within / n : 0,
    typicalFactor: n > 0 ? Math.exp(logSum / n) : 1,
    byKey: rows,
  };
}

function groupOf(key: string, side: Side | null): DecompositionGroup {
  if (side === null) return "turnPassed";
  if (key === "added" || key === "retired" || key === "leases") return `${side}.compute`;
  if (key === "powered" || key === "eventPower") return `${side}.power`;
  if (key === "algoField" || key === "algoResearch" || key === "algoOther") return `${side}.algorithms`;
  return "other";
}

function facilitatorViews(states: readonly MatchState[]): DeepReadonly<View>[] {
  return states.map((s) => viewFor(s, "facilitator"));
}

/** The debrief of a finished match from its record and log. Pure apart from reading what it is given. */
export function computeDebrief(
  record: MatchRecord,
  actions: readonly Action[],
  original?: Debrief["branch"],
): Debrief {
  const script = scriptOf(record, actions);
  const states = replay(record, actions).turns;
  const last = states[states.length - 1]!;
  const p = last.scenario.params;
  const lead = judgedLead(last);
  const threshold = p.victory.leadMonths;
  const winner: Side = lead >= threshold ? "us" : "china";

  const levers: LeverAttribution[] = [];
  for (const side of SIDES) {
    const used = new Set<OrderType>();
    for (const turn of script.turns) for (const o of turn.orders[side]) used.add(o.type);
    for (const lever of used) {
      const without = playScript(script, { drop: { side, lever } });
      const leadWithout = judgedLead(without[without.length - 1]!);
      levers.push({
        side,
        lever,
        spent: last[side].spentByLever[lever],
        months: lead - leadWithout,
        flipsWinner: (leadWithout >= threshold ? "us" : "china") !== winner,
      });
    }
  }
  levers.sort((a, b) => Math.abs(b.months) - Math.abs(a.months));

  const events: EventAttribution[] = [];
  script.turns.forEach((_, i) => {
    const fired = states[i + 1]!.events.filter((e) => e.turn === i && e.key.startsWith("event.")).map(
      (e) => e.key,
    );
    if (fired.length === 0) return;
    const quiet = playScript(script, { quietTurn: i });
    events.push({
      turn: i,
      label: labelOf(states[i]!),
      events: fired,
      months: lead - judgedLead(quiet[quiet.length - 1]!),
    });
  });

  const views = facilitatorViews(states);
  const decomposition: DecompositionRow[] = [];
  // A match ended early by the facilitator ends without resolving its last turn: that state adds no turn to report.
  const reports = views
    .slice(1)
    .flatMap((after, i) =>
      after.history.length === views[i]!.history.length + 1 ? [turnReport(views[i]!, after, p)] : [],
    );
  for (const report of reports) {
    const parts = Object.fromEntries(DECOMPOSITION_GROUPS.map((g) => [g, 0])) as Record<
      DecompositionGroup,
      number
    >;
    for (const c of report.contributions) parts[groupOf(c.key, c.side)] += c.months;
    decomposition.push({ turn: report.turn, label: report.label, lead: report.leadAfter, parts });
  }
  const turningPoints = [...reports]
    .sort((a, b) => Math.abs(b.leadChange) - Math.abs(a.leadChange))
    .slice(0, 3)
    .sort((a, b) => a.turn - b.turn)
    .map((r) => ({ turn: r.turn, label: r.label, change: r.leadChange, causes: r.top }));

  return {
    code: record.code,
    judgedLead: lead,
    threshold,
    winner,
    levers,
    events,
    turningPoints,
    intel: SIDES.map((side) => scoreIntel(states, side)),
    decomposition,
    branch: original ?? null,
  };
}

function labelOf(state: MatchState): string {
  const t = state.scenario.params.time;
  const halves = t.startHalf - 1 + state.turn;
  return `${t.startYear + Math.floor(halves / 2)} H${(halves % 2) + 1}`;
}

/** Both leads over the years, by turn label: the original's and the branch's (null where one has none). */
async function compareLeads(store: Store, fork: MatchRecord, origin: ForkOrigin): Promise<Debrief["branch"]> {
  const source = await store.get(origin.code);
  if (!source) return null;
  const a = replay(source, await store.actions(source.code)).state.history;
  const b = replay(fork, await store.actions(fork.code)).state.history;
  const n = Math.max(a.length, b.length);
  const leads: NonNullable<Debrief["branch"]>["leads"] = [];
  for (let i = 0; i < n; i++)
    leads.push({
      label: a[i]?.label ?? b[i]!.label,
      original: a[i]?.leadMonths ?? null,
      branch: b[i]?.leadMonths ?? null,
    });
  return { of: origin.code, fromTurn: origin.turn, leads };
}

/** The log of a match up to the start of `turn`: every action before that turn's drafting began. */
export function logUpTo(actions: readonly Action[], turn: number): Action[] {
  let cut = 0;
  actions.forEach((a, i) => {
    if (a.kind === "resolve" && a.turn < turn) cut = i + 1;
  });
  return actions.slice(0, cut).filter((a) => a.kind !== "end");
}

const ForkBodySchema = z
  .object({ turn: z.number().int("turn must be a whole number").min(0, "turn counts from 0") })
  .strict();

/** Finished debriefs kept in memory (each costs a few dozen replays of the match). */
const CACHE_SIZE = 64;

/**
 * The debrief, fork and scenario routes. server/app.ts calls this once with its express app and store.
 * - GET /api/matches/:code/scenario: the match's scenario (public: every figure is in the scenario files).
 * - GET /api/matches/:code/debrief: the causal debrief of a finished match (403 before the end).
 * - POST /api/matches/:code/fork { turn }: a new match with the log up to that turn; answers its code.
 */
export function debriefRoutes(app: express.Application, store: Store): void {
  const cache = new Map<string, string>();
  const parseCode = (raw: string) => CodeSchema.safeParse(raw);

  app.get("/api/matches/:code/scenario", async (req, res) => {
    const code = parseCode(req.params.code);
    if (!code.success)
      return void res.status(400).json({ error: code.error.issues[0]?.message ?? "bad code" });
    const record = await store.get(code.data);
    if (!record) return void res.status(404).json({ error: `no match with code ${code.data}` });
    res.json(record.scenario as Scenario);
  });

  app.get("/api/matches/:code/debrief", async (req, res) => {
    const code = parseCode(req.params.code);
    if (!code.success)
      return void res.status(400).json({ error: code.error.issues[0]?.message ?? "bad code" });
    const kept = cache.get(code.data);
    if (kept) return void res.type("application/json").send(kept);
    const record = await store.get(code.data);
    if (!record) return void res.status(404).json({ error: `no match with code ${code.data}` });
    if (!record.finished)
      return void res
        .status(403)
        .json({ error: "the causal debrief opens when the match is over (it replays both sides' orders)" });
    const origin = (record.settings as ForkSettings).forkOf;
    const branch = origin ? await compareLeads(store, record, origin) : null;
    const body = JSON.stringify(computeDebrief(record, await store.actions(code.data), branch));
    cache.set(code.data, body);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    res.type("application/json").send(body);
  });

  app.post("/api/matches/:code/fork", express.json({ limit: "1kb" }), async (req, res) => {
    const code = parseCode(req.params.code);
    if (!code.success)
      return void res.status(400).json({ error: code.error.issues[0]?.message ?? "bad code" });
    const body = ForkBodySchema.safeParse(req.body ?? {});
    if (!body.success)
      return void res.status(400).json({ error: `turn: ${body.error.issues[0]?.message ?? "bad body"}` });
    const record = await store.get(code.data);
    if (!record) return void res.status(404).json({ error: `no match with code ${code.data}` });
    if (!record.finished)
      return void res.status(403).json({ error: "a what-if fork starts from a finished match" });
    const actions = await store.actions(code.data);
    const played = actions.filter((a) => a.kind === "resolve").length;
    const turns = (record.scenario as Scenario).params.time.turns;
    const last = Math.min(played, turns - 1);
    if (body.data.turn > last)
      return void res
        .status(400)
        .json({ error: `turn: this match can be forked from turn 0 to ${last} (turns count from 0)` });
    const log = logUpTo(actions, body.data.turn);
    const settings: ForkSettings = {
      ...record.settings,
      bots: true,
      private: true,
      waitForStart: false,
      facilitatorKey: randomBytes(12).toString("base64url"),
      creatorId: "",
      seedChosenBy: "",
      forkOf: { code: record.code, turn: body.data.turn },
    };
    const forkCode = await newCode((c) => store.has(c));
    await store.create({
      code: forkCode,
      scenario: record.scenario,
      scenarioId: record.scenarioId,
      seed: record.seed,
      secret: record.secret,
      settings,
      createdAt: new Date().toISOString(),
    });
    for (const a of log) await store.append(forkCode, a);
    res.status(201).json({
      code: forkCode,
      of: record.code,
      turn: body.data.turn,
      facilitatorKey: settings.facilitatorKey,
    } satisfies ForkResponse);
  });
}
