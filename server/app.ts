/**
 * The game server: Colyseus rooms over WebSocket, an HTTP API for listings, exports and replays, the built
 * browser client, and the SQLite match log. `startServer` is used by `npm start` and by the tests.
 */
import { z } from "zod";
import { matchMaker, Server } from "@colyseus/core";
import compression from "compression";
import express from "express";
import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Logger, pino } from "pino";
import { WebSocket as NodeWebSocket } from "ws";
import type {
  BotInfo,
  EventCardInfo,
  Health,
  MatchListing,
  OpenResponse,
  Replay,
  ScenarioInfo,
  ScenarioSource,
  SeatRow,
} from "../shared/api.ts";
import { botList } from "../shared/bots/index.ts";
import { CodeSchema, ResultCodesSchema, ROOM_NAME } from "../shared/protocol.ts";
import {
  BUILTIN_SCENARIOS,
  EVENT_DECK,
  outcome,
  type Scenario,
  turnLabel,
  VIEWERS,
  viewFor,
} from "../shared/rules/index.ts";
import { allowedOrigins, type Config } from "./config.ts";
import { debriefRoutes } from "./debrief.ts";
import { FinishedMatchCache } from "./export-cache.ts";
import {
  exportCsv,
  exportFileName,
  exportJson,
  finishedResultsRow,
  type ResultRow,
  resultsCsv,
  type RoomSeats,
  runningResultsRow,
  withRoom,
} from "./export.ts";
import { type Gate, installGate, jsonErrors, judgeOrigin } from "./http-gate.ts";
import { MatchRoom } from "./match-room.ts";
import { isRestore, provideRoomServices, reopenMatch } from "./room-services.ts";
import { replay } from "./replay.ts";
import { checkSeatToken, NOT_A_SEAT_TOKEN, seatStatus, tokenCode } from "./seats.ts";
import { type MatchRecord, openStore, type Store } from "./store.ts";
import { leasesReleased } from "./store-lease.ts";
import { GameTransport } from "./ws-transport.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

// @colyseus/core 0.18 reads the global WebSocket (built into Node 22) when a dropped client reconnects. Node 20
// has none, so every reconnection failed with "WebSocket is not defined"; give it the ws class it runs on.
if (typeof globalThis.WebSocket === "undefined") Object.assign(globalThis, { WebSocket: NodeWebSocket });

export interface RunningServer {
  port: number;
  store: Store;
  gameServer: Server;
  /** Unfinished matches brought back from the log at start. */
  restored: string[];
  stop(): Promise<void>;
}

/** `?viewer=` of a replay: whose view of the match to replay (the facilitator's, seeing both sides, by default). */
const ViewerQuerySchema = z.enum(VIEWERS).default("facilitator");

/** `?keys=` of the results: facilitator keys in the order of `codes`, empty where there is none. */
const ResultKeysSchema = z
  .string()
  .max(4000)
  .optional()
  .transform((s) => (s === undefined ? [] : s.split(",").map((k) => k.trim())));

/** Compares two keys in constant time. */
function sameKey(given: string, kept: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(kept);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Seat tokens a browser may ask about at once (its lobby keeps fewer). */
export const MAX_SEAT_TOKENS = 50;

/** POST /api/seats: the seat tokens this browser keeps (its "your matches"). */
const SeatsBodySchema = z
  .object({
    tokens: z
      .array(z.string().max(200))
      .max(MAX_SEAT_TOKENS, `at most ${MAX_SEAT_TOKENS} seat tokens at once`),
  })
  .strict();

/**
 * More codes than a workshop can have rooms (12), and few enough that a list of running matches stays cheap:
 * each is read from the store on every request.
 */
export const MAX_RESULT_CODES = 24;

async function replayed(store: Store, record: MatchRecord) {
  const actions = await store.actions(record.code);
  return { actions, ...replay(record, actions) };
}

/**
 * A finished match by its code, or the error to answer. A match already in `finished` is known to be over and
 * is not read from the store at all; otherwise `load` reads and replays its log only when a body is made.
 */
async function lookUpFinished(store: Store, finished: FinishedMatchCache, rawCode: string) {
  const code = CodeSchema.safeParse(rawCode);
  if (!code.success)
    return { ok: false, status: 400, message: code.error.issues[0]?.message ?? "bad code" } as const;
  let record: MatchRecord | undefined;
  if (!finished.has(code.data)) {
    record = await store.get(code.data);
    if (!record) return { ok: false, status: 404, message: `no match with code ${code.data}` } as const;
    if (!record.finished)
      return {
        ok: false,
        status: 403,
        message: "exports and replays open when the match is over (they reveal both sides)",
      } as const;
  }
  const load = async () => {
    record ??= (await store.get(code.data))!;
    return { record, ...(await replayed(store, record)) };
  };
  /** The body `kind`, kept from before or made from the replayed match by `make` (and kept). */
  const body = async (kind: string, make: (match: Awaited<ReturnType<typeof load>>) => string) => {
    const kept = finished.peek(code.data, kind);
    if (kept !== undefined) return kept;
    const match = await load();
    return finished.get(code.data, kind, () => make(match));
  };
  return { ok: true, code: code.data, body } as const;
}

/**
 * How long a browser may keep a file of the built client: the files under assets/ carry a hash of their
 * content in their name, so they never change and are kept for a year; index.html and the other unhashed
 * files are checked again on every load, so that a new build reaches players at once.
 */
function cacheHeaders(client: string, res: { setHeader(name: string, value: string): void }, path: string) {
  const hashed = relative(client, path).split(sep)[0] === "assets";
  res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
}

function routes(
  app: express.Application,
  store: Store,
  config: Config,
  log: Logger,
  now: () => number,
): void {
  app.disable("x-powered-by");
  const finished = new FinishedMatchCache(config.EXPORT_CACHE_MB * 1024 * 1024);
  // The pid tells a supervised worker from the one before it (it is no secret: it says nothing about a match).
  app.get("/api/health", (_req, res) => void res.json({ ok: true, pid: process.pid } satisfies Health));
  app.get("/api/scenarios", (_req, res) => {
    res.json(
      Object.values(BUILTIN_SCENARIOS).map(({ scenario }) => ({
        id: scenario.id,
        title: scenario.title,
        summary: scenario.summary,
        turns: scenario.params.time.turns,
      })) satisfies ScenarioInfo[],
    );
  });
  app.get("/api/scenarios/:id/sources", (req, res) => {
    const found = BUILTIN_SCENARIOS[req.params.id];
    if (!found) return void res.status(404).json({ error: `no scenario ${req.params.id}` });
    res.json(Object.entries(found.citations).map(([path, c]) => ({ path, ...c })) satisfies ScenarioSource[]);
  });
  app.get("/api/bots", (_req, res) => void res.json(botList() satisfies BotInfo[]));
  app.get(
    "/api/events",
    (_req, res) =>
      void res.json(
        EVENT_DECK.map((c) => ({
          id: c.id,
          title: c.title,
          text: c.text,
          echo: c.echo,
          source: c.source,
        })) satisfies EventCardInfo[],
      ),
  );
  app.get("/api/matches", async (_req, res) => {
    const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
    // Each room writes its listing as it changes (match-room.ts, setMetadata).
    res.json(rooms.filter((r) => r.metadata?.phase !== "ended").map((r) => r.metadata as MatchListing));
  });
  app.get(
    "/api/matches/finished",
    async (_req, res) => void res.json((await store.finishedCodes()) satisfies string[]),
  );
  // A workshop's results, one row per room, as CSV (to download) or JSON. A running room's numbers go only to
  // its facilitator: `keys` lists the rooms' facilitator keys in the order of `codes` (empty for none).
  const results = async (req: express.Request, res: express.Response, as: "csv" | "json") => {
    const parsed = ResultCodesSchema.safeParse(req.query.codes);
    if (!parsed.success)
      return void res.status(400).json({ error: `codes: ${parsed.error.issues[0]?.message ?? "bad list"}` });
    const keys = ResultKeysSchema.safeParse(req.query.keys);
    if (!keys.success)
      return void res.status(400).json({ error: `keys: ${keys.error.issues[0]?.message ?? "bad list"}` });
    if (keys.data.length > 0 && keys.data.length !== parsed.data.length)
      return void res.status(400).json({
        error: `keys: give one facilitator key per code, in the same order (${parsed.data.length} codes, ${keys.data.length} keys); leave a key empty for none`,
      });
    const keyOf = new Map<string, string>();
    parsed.data.forEach((code, i) => {
      if (keys.data[i]) keyOf.set(code, keys.data[i]);
    });
    const codes = [...new Set(parsed.data)];
    if (codes.length > MAX_RESULT_CODES)
      return void res.status(400).json({
        error: `codes: at most ${MAX_RESULT_CODES} different matches at once (${codes.length} given)`,
      });
    const records = new Map(
      await Promise.all(
        codes.filter((c) => !finished.has(c)).map(async (c) => [c, await store.get(c)] as const),
      ),
    );
    const missing = codes.filter((c) => records.has(c) && records.get(c) === undefined);
    if (missing.length > 0)
      return void res.status(404).json({ error: `no match with code ${missing.join(", ")}` });
    const wrong = codes.filter((c) => {
      const record = records.get(c);
      const key = keyOf.get(c);
      return record && !record.finished && key !== undefined && !sameKey(key, record.settings.facilitatorKey);
    });
    if (wrong.length > 0)
      return void res.status(403).json({
        error: `the facilitator key for ${wrong.join(", ")} is wrong: only a room's facilitator sees a running room's numbers`,
      });
    const rooms = new Map(
      (await matchMaker.query({ name: ROOM_NAME })).map((r) => [r.roomId, r.metadata as RoomSeats]),
    );
    const rows = await Promise.all(
      codes.map(async (code) => {
        const record = records.get(code);
        const room = rooms.get(code);
        if (record && !record.finished) {
          // Fresh on every request. Without the key, no replay: the log holds one "resolve" per turn played.
          if (!keyOf.has(code)) {
            const played = (await store.actions(code)).filter((a) => a.kind === "resolve").length;
            return runningResultsRow(record, played, room);
          }
          const state = (await replayed(store, record)).state;
          return runningResultsRow(record, state.turn, room, state);
        }
        let row = finished.peek(code, "results-row");
        if (row === undefined) {
          const match = record ?? (await store.get(code))!;
          const state = (await replayed(store, match)).state;
          row = finished.get(code, "results-row", () =>
            JSON.stringify(finishedResultsRow(match, state, undefined)),
          );
        }
        return withRoom(JSON.parse(row) as ResultRow, room);
      }),
    );
    if (as === "json") return void res.json(rows satisfies ResultRow[]);
    res.type("text/csv").attachment("compute-frontier-workshop.csv").send(resultsCsv(rows));
  };
  app.get("/api/matches/results.csv", (req, res) => void results(req, res, "csv"));
  app.get("/api/matches/results.json", (req, res) => void results(req, res, "json"));
  // Where each of this browser's matches stands for its seat, and which of them waits for this player.
  app.post("/api/seats", async (req, res) => {
    const parsed = SeatsBodySchema.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({
        error: `send { "tokens": [...] }: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`,
      });
    const rows: SeatRow[] = [];
    for (const token of parsed.data.tokens) {
      const code = tokenCode(token);
      if (!code) {
        rows.push({ token, error: NOT_A_SEAT_TOKEN });
        continue;
      }
      const record = await store.get(code);
      const seat = record ? checkSeatToken(record, token) : `no match with code ${code}`;
      if (!record || typeof seat === "string") {
        rows.push({ token, error: seat as string });
        continue;
      }
      let status = seatStatus(record, await store.actions(code), seat.role);
      // A room closed while idle holds no timer: a deadline that passed since resolves as the room reopens.
      if (status.deadline !== null && status.deadline <= now()) {
        await reopenMatch(code);
        status = seatStatus(record, await store.actions(code), seat.role);
      }
      const scenario = record.scenario as Scenario;
      const turns = scenario.params.time.turns;
      rows.push({
        token,
        ...status,
        turns,
        label: turnLabel(scenario.params, Math.min(status.turn, turns - 1)),
        title: scenario.title,
      });
    }
    res.json(rows);
  });
  app.post("/api/matches/:code/open", async (req, res) => {
    const code = CodeSchema.safeParse(req.params.code);
    if (!code.success)
      return void res.status(400).json({ error: code.error.issues[0]?.message ?? "bad code" });
    const result = await reopenMatch(code.data);
    res.status(result.status).json(result.body satisfies OpenResponse);
  });
  app.get("/api/matches/:code/export.json", async (req, res) => {
    const found = await lookUpFinished(store, finished, req.params.code);
    if (!found.ok) return void res.status(found.status).json({ error: found.message });
    const body = await found.body("export.json", (match) =>
      JSON.stringify(exportJson(match.record, match.actions, match.state)),
    );
    res.type("application/json").attachment(exportFileName(found.code, "json")).send(body);
  });
  app.get("/api/matches/:code/export.csv", async (req, res) => {
    const found = await lookUpFinished(store, finished, req.params.code);
    if (!found.ok) return void res.status(found.status).json({ error: found.message });
    const body = await found.body("export.csv", (match) => exportCsv(match.state));
    res.type("text/csv").attachment(exportFileName(found.code, "csv")).send(body);
  });
  app.get("/api/matches/:code/replay", async (req, res) => {
    const found = await lookUpFinished(store, finished, req.params.code);
    if (!found.ok) return void res.status(found.status).json({ error: found.message });
    const viewer = ViewerQuerySchema.safeParse(req.query.viewer);
    if (!viewer.success)
      return void res.status(400).json({ error: `viewer must be one of ${VIEWERS.join(", ")}` });
    const body = await found.body(`replay:${viewer.data}`, (match) =>
      JSON.stringify({
        code: found.code,
        outcome: outcome(match.state),
        turns: match.turns.map((s) => viewFor(s, viewer.data)),
      } satisfies Replay),
    );
    res.type("application/json").send(body);
  });
  debriefRoutes(app, store);
  app.use("/api", (_req, res) => void res.status(404).json({ error: "no such API route" }));
  const client = join(ROOT, "dist", "client");
  if (existsSync(client)) {
    // Gzip for what compresses (scripts, styles, the map's JSON); a browser that asks for none gets it plain.
    app.use(
      compression(),
      express.static(client, { setHeaders: (res, path) => cacheHeaders(client, res, path) }),
    );
  } else {
    app.get("/", (_req, res) => {
      res
        .type("text/plain")
        .send(
          "Compute Frontier server is running. The browser client is not built yet: run `npm run build`.",
        );
    });
  }
  app.use((_req, res) => void res.status(404).json({ error: "there is nothing at this address" }));
  app.use(jsonErrors(log));
}

/**
 * With REDIS_URL, Colyseus' Redis presence and driver: every process shares matchmaking, the room listing and
 * join-by-code, and each announces its own PUBLIC_ADDRESS, where its rooms' clients connect. Without, none.
 */
async function scaleOut(config: Config) {
  if (!config.REDIS_URL) return {};
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([
    import("@colyseus/redis-presence"),
    import("@colyseus/redis-driver"),
  ]);
  return {
    presence: new RedisPresence(config.REDIS_URL),
    driver: new RedisDriver(config.REDIS_URL),
    ...(config.PUBLIC_ADDRESS ? { publicAddress: config.PUBLIC_ADDRESS } : {}),
    // A match reopened from the log opens on the process that was asked (whose per-process restore key it
    // carries); a new match goes to the process with the fewest rooms, Colyseus' default.
    selectProcessIdToCreateRoom: async (_roomName: string, options: unknown) =>
      isRestore(options)
        ? matchMaker.processId
        : ((await matchMaker.stats.fetchAll()).sort((a, b) => a.roomCount - b.roomCount)[0]?.processId ??
          matchMaker.processId),
  };
}

/**
 * Matches restored at start at once: with processes sharing the store, a room may wait for the lease of a
 * process that died (LEASE_SECONDS), and those waits overlap.
 */
const RESTORE_CONCURRENCY = 16;

/** Runs `work` on every item, at most `limit` at a time. */
async function eachAtOnce<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** `now`: the rooms' wall clock (tests pass a simulated one to cross turn deadlines without waiting). */
export async function startServer(
  config: Config,
  options: { now?: () => number } = {},
): Promise<RunningServer> {
  const log = pino({ level: config.LOG_LEVEL });
  const store = await openStore(config);
  const shared = config.REDIS_URL !== "";
  provideRoomServices({ store, config, log, shared, ...(options.now ? { now: options.now } : {}) });
  const origins = allowedOrigins(config);
  const httpServer = createServer();
  const transport = new GameTransport({
    server: httpServer,
    maxPayload: config.MAX_MESSAGE_BYTES,
    verifyClient: (info: { origin?: string; req: IncomingMessage }) =>
      judgeOrigin(info.origin, info.req.headers.host, origins) !== "refused",
  });
  const gameServer = new Server({
    ...(await scaleOut(config)),
    transport,
    greet: false,
    gracefullyShutdown: false,
    express: (app) => routes(app, store, config, log, options.now ?? Date.now),
  });
  gameServer.define(ROOM_NAME, MatchRoom);
  let gate: Gate | undefined;
  // Colyseus only logs a failed listen (a port in use, say) and never settles, which would leave a process up
  // that serves nothing and that no supervisor restarts; failing here makes it exit instead.
  let onListenError: (error: Error) => void = () => undefined;
  const listenFailed = new Promise<never>((_resolve, reject) => (onListenError = reject));
  httpServer.once("error", onListenError);
  await Promise.race([
    // Colyseus binds its matchmaking listener just before this callback; the gate must wrap it before the
    // first request can arrive.
    gameServer.listen(config.PORT, config.HOST, undefined, () => {
      gate = installGate(httpServer, config, log);
    }),
    listenFailed,
  ]);
  httpServer.off("error", onListenError);
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;

  const restored: string[] = [];
  // Every running match that no live process runs comes back at start: with one process, all of them; with
  // processes sharing the store (REDIS_URL), those whose process died or whose room closed while idle. Each
  // opens as a join by its code would open it (reopenMatch): a match listed on a process that answers is left
  // there, and the room takes the match's lease first, so a process starting at the same moment (or a join by
  // code elsewhere) that wins it runs the match instead, never both.
  await eachAtOnce(await store.unfinished(), RESTORE_CONCURRENCY, async (code) => {
    try {
      const result = await reopenMatch(code);
      if (result.status === 200 && "opened" in result.body && result.body.opened) restored.push(code);
    } catch (error) {
      if (shared) log.warn({ code, err: error }, "did not restore a match (another process may run it)");
      else log.error({ code, err: error }, "could not restore a match from its log");
    }
  });
  log.info(
    { port, store: store.engine, shared, restored: restored.length },
    "Compute Frontier server listening",
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    gate?.stop();
    stopping ??= gameServer
      .gracefullyShutdown(false)
      // A closed room gives its match's lease back (store-lease.ts) before the store closes.
      .then(() => leasesReleased())
      .then(() => store.close());
    return stopping;
  };
  return { port, store, gameServer, restored, stop };
}
