/**
 * Helpers for the server tests: a real server on a free port with a fresh data directory (in this process or
 * as a child process that can be killed), and `Seat`, one official SDK client in a match that records
 * everything it receives (every message payload, every state snapshot, every raw frame).
 */
import { WebSocket } from "ws";
import type { PublicPlayer } from "../../shared/room.ts";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, beforeAll } from "vitest";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DraftBroadcast, ErrorReply, Role, WelcomeMessage } from "../../shared/protocol.ts";
import {
  BUILTIN_SCENARIOS,
  createMatch,
  hashState,
  type MatchState,
  type Order,
  resolveTurn,
  type Side,
  submitOrders,
  type View,
} from "../../shared/rules/index.ts";
import { startServer, type RunningServer } from "../../server/app.ts";
import { ROOT, spawnServer } from "../support/child.ts";
import { type Config, ConfigSchema } from "../../server/config.ts";

export { ROOT };

/** For beforeAll/afterAll hooks that start servers or play whole matches (vitest's default is 10 s). */
export const HOOK_TIMEOUT_MS = 30_000;

/** Polls `check` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cf-server-test-"));
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  config: Config;
  running: RunningServer;
  stop(): Promise<void>;
}

/** Per-IP limits too high for a test to reach. */
export const UNTHROTTLED = { CREATE_LIMIT_PER_MINUTE: 1_000_000, JOIN_LIMIT_PER_MINUTE: 1_000_000 } as const;

/**
 * Starts the server in this process on a port the system picks (PORT 0, so two test files never race for a
 * port) with a fresh data directory. One per test file: Colyseus keeps its rooms in a process-wide matchmaker.
 */
export async function startTestServer(
  overrides: Partial<Config> = {},
  options: { now?: () => number } = {},
): Promise<TestServer> {
  const dataDir = overrides.DATA_DIR ?? tempDir();
  const config = ConfigSchema.parse({
    PORT: 0,
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    // The tests replay known matches, so their players choose seeds (the product's default refuses that).
    PLAYER_SEEDS: true,
    // Every test creates and joins its matches from 127.0.0.1; the limits have their own tests (http.test.ts).
    ...UNTHROTTLED,
    ...overrides,
  });
  const running = await startServer(config, options);
  return {
    url: `http://127.0.0.1:${running.port}`,
    port: running.port,
    dataDir,
    config,
    running,
    async stop() {
      await running.stop();
      // The store's checkpoint thread may still be writing the WAL as the folder goes (ENOTEMPTY): retry.
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

export interface ChildServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  output(): string;
}

/**
 * Runs `npm start`'s entry point as a child process (so that it can be killed with SIGKILL or SIGTERM). It runs
 * the server in its own process (SUPERVISE=0) unless `env` asks for the supervisor.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const limits = Object.fromEntries(Object.entries(UNTHROTTLED).map(([k, v]) => [k, String(v)]));
  const child = spawnServer({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SUPERVISE: "0",
    ...limits,
    ...env,
  });
  // main.ts prints the port only once listen() succeeded.
  const port = await waitFor("the child server to print its port", () => child.listeningPort(), 20_000);
  const { process, exited, output } = child;
  return { url: `http://127.0.0.1:${port}`, port, process, exited, output };
}

/** The synced room state as a client sees it: public meta only. */
export interface PublicState {
  code: string;
  scenarioId: string;
  turn: number;
  turns: number;
  label: string;
  phase: string;
  deadline: number;
  remainingMs: number;
  timerSeconds: number;
  usConfirmed: boolean;
  chinaConfirmed: boolean;
  players: {
    get(key: string): PublicPlayer | undefined;
    has(key: string): boolean;
    forEach(cb: (player: PublicPlayer, key: string) => void): void;
    readonly size: number;
  };
  toJSON(): unknown;
}

export type Welcome = WelcomeMessage;

export interface SeatOptions {
  role: Role;
  name: string;
  playerId: string;
  facilitatorKey?: string;
  seatToken?: string;
}

/**
 * The full view from a view message. The message is `{ view, options }` (docs/protocol.md), or a bare view;
 * when it carries `from`, its growing lists (history, events...) hold only the rows after those offsets, and
 * the rows before come from the previous view.
 */
function viewOf(payload: unknown, previous: View | undefined): View {
  const p = payload as { view?: View; from?: Record<string, number> } & View;
  const incoming = (p.view ?? p) as View;
  if (!p.view || !p.from) return incoming;
  const out = { ...incoming } as unknown as Record<string, unknown>;
  const held = previous as unknown as Record<string, unknown[] | undefined> | undefined;
  for (const [key, start] of Object.entries(p.from)) {
    if (!start) continue;
    const before = held?.[key];
    if (!before || before.length < start)
      throw new Error(`view list ${key} starts at ${start} but only ${before?.length ?? 0} rows are held`);
    out[key] = [...before.slice(0, start), ...(out[key] as unknown[])];
  }
  return out as unknown as View;
}

let nextPlayer = 0;
/** A fresh valid player id. */
export function playerId(label: string): string {
  nextPlayer += 1;
  return `${label}-${process.pid}-${nextPlayer}`.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** One SDK client in one match, recording what it receives. */
export class Seat {
  readonly views: View[] = [];
  readonly drafts: DraftBroadcast[] = [];
  readonly errors: ErrorReply[] = [];
  readonly notices: string[] = [];
  /** Every message as `{ type, payload }` and every synced state snapshot, serialised as JSON. */
  readonly received: string[] = [];
  /** Every raw WebSocket frame, as sent by the server. */
  readonly frames: Uint8Array[] = [];
  welcome: Welcome | undefined;
  /** The close code once the room is left (by the client or by the server). */
  leftWith: number | undefined;
  drops = 0;
  reconnects = 0;
  /** Synced state snapshots received (the first is the full state, then patches). */
  states = 0;

  constructor(
    readonly client: Client,
    readonly room: Room<unknown, PublicState>,
    readonly options: SeatOptions,
  ) {
    room.onMessage("*", (type: string | number, payload: unknown) => {
      this.received.push(JSON.stringify({ type, payload }));
      switch (type) {
        case "view":
          this.views.push(viewOf(payload, this.views[this.views.length - 1]));
          break;
        case "draft":
          this.drafts.push(payload as DraftBroadcast);
          break;
        case "error":
          this.errors.push(payload as ErrorReply);
          break;
        case "notice":
          this.notices.push((payload as { message: string }).message);
          break;
        case "welcome":
          this.welcome = payload as Welcome;
          break;
      }
    });
    room.onStateChange((state) => {
      this.states += 1;
      this.received.push(JSON.stringify(state.toJSON()));
    });
    room.onLeave((code) => (this.leftWith = code));
    room.onDrop(() => (this.drops += 1));
    room.onReconnect(() => (this.reconnects += 1));
    // Tap the socket: frames as they came off the wire, before the SDK decodes them.
    const events = (room.connection as unknown as { events: { onmessage?: (ev: { data: unknown }) => void } })
      .events;
    const decode = events.onmessage;
    events.onmessage = (ev) => {
      this.frames.push(new Uint8Array(ev.data as ArrayBuffer).slice());
      decode?.(ev);
    };
  }

  static async create(url: string, options: SeatOptions & Record<string, unknown>): Promise<Seat> {
    const client = new Client(url);
    const room = await client.create<PublicState>("match", options);
    return new Seat(client, room, options).ready();
  }

  static async join(url: string, code: string, options: SeatOptions): Promise<Seat> {
    const client = new Client(url);
    const room = await client.joinById<PublicState>(code, options);
    return new Seat(client, room, options).ready();
  }

  /** Resolves once the first synced state has arrived. */
  async ready(): Promise<this> {
    await waitFor(`${this.options.name}'s first state`, () => this.states > 0);
    return this;
  }

  get code(): string {
    return this.room.roomId;
  }
  get state(): PublicState {
    return this.room.state;
  }
  get view(): View {
    const v = this.views[this.views.length - 1];
    if (!v) throw new Error(`${this.options.name} has no view yet`);
    return v;
  }
  get draft(): DraftBroadcast | undefined {
    return this.drafts[this.drafts.length - 1];
  }

  /** A request that must be accepted; a refusal fails with the server's reply in the message. */
  async request<T = unknown>(type: string, payload: unknown = {}): Promise<T> {
    try {
      return (await this.room.request(type, payload)) as T;
    } catch (error) {
      const reason = (error as { reason?: ErrorReply }).reason;
      if (!reason) throw error;
      throw new Error(`${this.options.name}'s ${type} was refused: ${JSON.stringify(reason)}`, {
        cause: error,
      });
    }
  }

  /** Resolves with the reply's ErrorReply when the request is refused, and fails when it is accepted. */
  async refused(type: string, payload: unknown = {}): Promise<ErrorReply> {
    try {
      const result = await this.room.request(type, payload);
      throw new Error(`${type} was accepted: ${JSON.stringify(result)}`);
    } catch (error) {
      const reason = (error as { reason?: ErrorReply }).reason;
      if (!reason) throw error;
      return reason;
    }
  }

  /** Waits for a view that satisfies `test`. */
  waitView(what: string, test: (v: View) => boolean, timeoutMs = 5000): Promise<View> {
    return waitFor(`${this.options.name}: ${what}`, () => [...this.views].reverse().find(test), timeoutMs);
  }

  /** Waits until the latest view is at `turn` (or the match is over). */
  waitTurn(turn: number, timeoutMs = 5000): Promise<View> {
    return waitFor(
      `${this.options.name}: a view of turn ${turn}`,
      () => {
        const v = this.views[this.views.length - 1];
        return v && (v.turn === turn || (v.phase === "ended" && v.turn <= turn)) ? v : undefined;
      },
      timeoutMs,
    );
  }

  /** Cuts the socket without a goodbye (as a lost network would); the SDK then reconnects by itself. */
  dropConnection(): void {
    this.room.reconnection.minUptime = 0;
    const transport = (this.room.connection as unknown as { transport: { ws: { terminate(): void } } })
      .transport;
    transport.ws.terminate();
  }

  /** Sends raw bytes on the socket, bypassing the SDK's encoder. */
  sendRaw(bytes: Uint8Array): void {
    this.room.connection.send(bytes);
  }

  isOpen(): boolean {
    return this.room.connection.isOpen;
  }

  async leave(): Promise<void> {
    if (this.leftWith !== undefined) return;
    this.room.reconnection.enabled = false;
    if (!this.room.connection.isOpen) {
      this.room.connection.close();
      return;
    }
    await Promise.race([this.room.leave(true), new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
}

/** Leaves every seat, waiting at most a second for each (for afterAll). */
export async function leaveAll(seats: Iterable<Seat>): Promise<void> {
  await Promise.all([...seats].map((s) => s.leave().catch(() => undefined)));
}

export async function getJson(url: string): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a CSV export, say): the text is there.
  }
  return { status: res.status, body, text };
}

/** The match the server should hold after these turns, rebuilt here on the pure rules. */
export class ExpectedMatch {
  state: MatchState;
  /** `secret` is the match's own, which only the server knows: a test reads it from the store. */
  constructor(scenarioId: string, seed: number, secret: string) {
    const entry = BUILTIN_SCENARIOS[scenarioId];
    if (!entry) throw new Error(`no scenario ${scenarioId}`);
    this.state = createMatch(entry.scenario, seed, secret);
  }
  submit(side: Side, orders: Order[]): this {
    const result = submitOrders(this.state, side, orders);
    if (!result.ok)
      throw new Error(`the rules refuse these ${side} orders: ${JSON.stringify(result.errors)}`);
    this.state = result.state;
    return this;
  }
  resolve(): this {
    this.state = resolveTurn(this.state).state;
    return this;
  }
  /** Both sides' orders, then the resolution. */
  turn(us: Order[], china: Order[]): this {
    return this.submit("us", us).submit("china", china).resolve();
  }
  get hash(): string {
    return hashState(this.state);
  }
}

/** Has both sides confirm their current drafts and waits until every given seat sees the next turn. */
export async function confirmTurn(us: Seat, china: Seat, watchers: Seat[] = []): Promise<number> {
  // Views come at once; the synced state follows with the next patch, so the view says where the match is.
  const turn = us.view.turn;
  await us.request("confirm", { turn });
  await china.request("confirm", { turn });
  await Promise.all([us, china, ...watchers].map((s) => s.waitTurn(turn + 1)));
  return turn + 1;
}

/**
 * An in-process server for one test file: started before its tests, and stopped after them once every seat
 * the file recorded in `seats` has left.
 */
export function useTestServer(overrides: Partial<Config> = {}): {
  readonly server: TestServer;
  readonly seats: Seat[];
} {
  let server: TestServer | undefined;
  const seats: Seat[] = [];
  beforeAll(async () => {
    server = await startTestServer(overrides);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await leaveAll(seats);
    await server?.stop();
  }, HOOK_TIMEOUT_MS);
  return {
    get server() {
      if (!server) throw new Error("the test server is not started");
      return server;
    },
    seats,
  };
}

/** Opens a raw WebSocket with an Origin header: "open", "refused <status>" or "error". */
export function webSocketOutcome(port: number, origin: string): Promise<string> {
  return new Promise<string>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { origin });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.on("error", () => resolve("error"));
  });
}
