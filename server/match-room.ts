/**
 * One match: the referee. A message is validated (zod), then the seat and the turn are checked, then the
 * rules decide; the result is logged to the store, and each client is sent only its own view. The room holds
 * no game rule of its own.
 */
import {
  type Client,
  matchMaker,
  type MessageContext,
  OnMessageException,
  Room,
  type RoomException,
  type RoomMethodName,
} from "@colyseus/core";
import { randomBytes, randomInt } from "node:crypto";
import type { Logger } from "pino";
import { type Bot, botForSide, BOTS } from "../shared/bots/index.ts";
import {
  CLIENT_MESSAGES,
  CODE_ALPHABET,
  CODE_LENGTH,
  CreateOptionsSchema,
  type DraftBroadcast,
  type ErrorReply,
  JoinOptionsSchema,
  type RestoreOptions,
  type Role,
  ROOM_NAME,
  type SeatLink,
  type ViewMessage,
} from "../shared/protocol.ts";
import { DEFAULT_BOTS } from "../shared/room.ts";
import type { MatchState, Side } from "../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  SIDES,
  endMatch,
  findCard,
  hashState,
  injectEvent,
  keepValidOrders,
  orderOptions,
  resolveTurn,
  SCENARIO_IDS,
  submitOrders,
  turnLabel,
  viewFor,
  withdrawOrders,
} from "../shared/rules/index.ts";
import { botOrders, botSeed } from "../shared/sim/match.ts";
import type { Config } from "./config.ts";
import { replay } from "./replay.ts";
import { type ListOffsets, trimView } from "../shared/view-delta.ts";
import { MatchRoomState, type MatchRoomStateType, PlayerSchema } from "./room-state.ts";
import type { Action, MatchSettings, Store } from "./store.ts";
import { Lease } from "./store-lease.ts";
import { checkSeatToken, seatToken as signSeat } from "./seats.ts";

/** What the room needs from the process: set once by the server before any room is created. */
export interface RoomServices {
  store: Store;
  /** Whether other processes share the store (REDIS_URL): each room then holds its match's lease. */
  shared?: boolean;
  config: Config;
  log: Logger;
  /** The wall clock (ms since the epoch); tests give a simulated one to cross turn deadlines without waiting. */
  now?: () => number;
}

let services: RoomServices | undefined;
export function provideRoomServices(s: RoomServices): void {
  services = s;
}
function svc(): RoomServices {
  if (!services) throw new Error("room services were not provided");
  return services;
}
function now(): number {
  return (services?.now ?? Date.now)();
}

/** Close codes a client may see. */
export const CLOSE = { UNKNOWN_MESSAGE: 4400, SERVER_SHUTDOWN: 4500 } as const;

interface Member {
  playerId: string;
  name: string;
  role: Role;
  sessionId: string | null;
  connected: boolean;
}

class Refusal extends Error {
  constructor(public reply: ErrorReply) {
    super(reply.message);
  }
}

function refuse(code: ErrorReply["code"], message: string, errors?: ErrorReply["errors"]): never {
  throw new Refusal({ code, message, ...(errors ? { errors } : {}) });
}

/** Restoring a match from its log is for the server itself: clients cannot send this per-process key. */
const RESTORE_KEY = randomBytes(16).toString("base64url");
export function restoreOptions(code: string): RestoreOptions & { restoreKey: string } {
  return { restore: code, restoreKey: RESTORE_KEY };
}
/** Whether create options ask to restore a match (such a room opens on the process that asked; see app.ts). */
export const isRestore = (options: unknown): boolean =>
  (options as { restoreKey?: unknown } | null)?.restoreKey === RESTORE_KEY;
/** Reopenings under way in this process, so that two joins racing to reopen one match share one room. */
const opening = new Map<string, ReturnType<typeof reopenMatch>>();

/**
 * Makes sure a match can be joined by its code: a live room is left as it is; a stored match still running
 * whose room closed while idle (see closeWhenDone) gets its room back from the store. Answers what happened,
 * for the HTTP API.
 */
export function reopenMatch(
  code: string,
): Promise<{ status: 200 | 404 | 409; body: { code: string; opened: boolean } | { error: string } }> {
  let pending = opening.get(code);
  if (!pending) {
    pending = reopenOnce(code).finally(() => opening.delete(code));
    opening.set(code, pending);
  }
  return pending;
}

async function reopenOnce(
  code: string,
): Promise<{ status: 200 | 404 | 409; body: { code: string; opened: boolean } | { error: string } }> {
  if (await liveRoom(code)) return { status: 200, body: { code, opened: false } };
  const record = await svc().store.get(code);
  if (!record) return { status: 404, body: { error: `no match with code ${code}` } };
  if (record.finished)
    return {
      status: 409,
      body: { error: `match ${code} is over: its export and replay are at /api/matches/${code}` },
    };
  try {
    await matchMaker.createRoom(ROOM_NAME, restoreOptions(code));
  } catch (error) {
    // Two joins raced to open it: the other one did.
    if (await liveRoom(code)) return { status: 200, body: { code, opened: false } };
    throw error;
  }
  return { status: 200, body: { code, opened: true } };
}

/**
 * Whether a room of this code is listed on a process that answers. A listing left by a process that died
 * (kill -9, with REDIS_URL) is removed by Colyseus' health check, so the match can be reopened elsewhere.
 */
async function liveRoom(code: string): Promise<boolean> {
  const [listing] = await matchMaker.query({ roomId: code });
  if (!listing) return false;
  if (listing.processId === matchMaker.processId || !svc().shared) return true;
  return (await matchMaker.healthCheckProcessId(listing.processId)) === true;
}

export async function newCode(taken: (code: string) => Promise<boolean>): Promise<string> {
  for (;;) {
    let code = "";
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!(await taken(code))) return code;
  }
}

export class MatchRoom extends Room<{ state: MatchRoomStateType }> {
  private game!: MatchState;
  private settings!: MatchSettings;
  private code = "";
  /** The match's secret (see store.ts): with the settings' seat key, it signs the seat tokens. */
  private secret = "";
  private creatorId = "";
  private members = new Map<string, Member>();
  private drafts: Record<Side, { orders: unknown[]; by: string }> = {
    us: { orders: [], by: "" },
    china: { orders: [], by: "" },
  };
  /** Whether a side's orders of this turn were confirmed by its bot (a person who takes the seat gets them back). */
  private botConfirmed: Record<Side, boolean> = { us: false, china: false };
  /** The bot that plays each side nobody holds (when the match allows bots). */
  private botPlayers = {} as Record<Side, Bot>;
  private timer: { clear(): void } | undefined;
  private botsWaitUntil = 0;
  /** Whether the match runs: a workshop room waits for its facilitator's start (see CreateOptions.waitForStart). */
  private started = true;
  /** Whether the lobby lists the match now (see syncMeta). */
  private listed: boolean | undefined;
  /** When the current turn began, and the wake-up of bots that play each other at a watchable pace. */
  private turnStartedAt = now();
  private botPace: { clear(): void } | undefined;
  /** Dropped clients' seats held for the reconnection window, by session id. */
  private held = new Map<string, ReturnType<Room["allowReconnection"]>>();
  /** The random extra wait of this turn's bots (see beginTurnClock). */
  private turnSpreadMs = 0;
  /** The countdown that closes a finished, empty room. */
  private closing: { clear(): void } | undefined;
  /** The logged actions of the current turn when the room was restored (its timer's deadline or pause). */
  private turnActions: Action[] = [];
  /** How much of each growing view list each connected client already holds. */
  private sentLists = new Map<string, ListOffsets>();
  /** The match's lease while other processes share the store; the log's writes still under way. */
  private lease: Lease | undefined;
  private writes: Promise<void> = Promise.resolve();
  private writeFailed = false;

  override async onCreate(options: unknown): Promise<void> {
    const { config } = svc();
    this.maxMessagesPerSecond = config.MAX_MESSAGES_PER_SECOND;
    this.autoDispose = false;
    const restore = options as { restore?: unknown; restoreKey?: unknown } | null;
    const restoring = typeof restore?.restore === "string" && restore.restoreKey === RESTORE_KEY;
    if (restoring) await this.restoreFrom(restore.restore as string);
    else await this.createFrom(options);
    this.roomId = this.code;
    this.setState(new MatchRoomState());
    this.state.code = this.code;
    this.state.scenarioId = this.game.scenario.id;
    this.state.title = this.game.scenario.title.en;
    this.state.turns = this.game.scenario.params.time.turns;
    this.state.timerSeconds = this.settings.timerSeconds ?? 0;
    this.syncMeta();
    if (restoring) this.restoreTurnTimer();
    else if (this.game.phase !== "ended") this.startTurnTimer();
    // A new match whose creator never connects (a create alone, or lobby spam) does not stay in memory.
    if (!restoring)
      this.closing = this.clock.setTimeout(() => {
        if (this.clients.length === 0) void this.disconnect();
      }, svc().config.EMPTY_ROOM_SECONDS * 1000);
    for (const [type, schema] of Object.entries(CLIENT_MESSAGES)) {
      this.onMessage(type, (client: Client, message: unknown, ctx: MessageContext) =>
        this.handle(client, type as keyof typeof CLIENT_MESSAGES, schema, message, ctx),
      );
    }
    // Colyseus calls this for a type no handler takes as (client, type, payload), but for a message whose type
    // is the string "*" itself as (client, payload, ctx): nothing here may assume that `type` is a name.
    this.onMessage("*", (client: Client, type: unknown, third: unknown) => {
      const reply: ErrorReply = {
        code: "invalid",
        message: `unknown message type ${describeType(isRequestContext(third) ? "*" : type)} (known: ${Object.keys(CLIENT_MESSAGES).join(", ")})`,
      };
      // A request is answered and the client stays (as Colyseus answers a request of any other unknown type);
      // a plain message is answered and its sender closed.
      if (isRequestContext(third)) return third.reject(reply);
      client.send("error", reply);
      client.leave(CLOSE.UNKNOWN_MESSAGE, "unknown message type");
    });
  }

  /**
   * The last line of defence: an exception thrown by any handler, timer or lifecycle method of this room is
   * logged here and goes no further, so that no message can stop the process (Colyseus wraps every callback
   * of a room that defines this method).
   */
  override onUncaughtException(error: RoomException, methodName: RoomMethodName): void {
    svc().log.error({ err: error.cause ?? error, code: this.code, in: methodName }, "room callback failed");
    if (error instanceof OnMessageException && error.client)
      error.client.send("error", {
        code: "invalid",
        message: "the server could not handle that message; nothing was changed",
      } satisfies ErrorReply);
  }

  private async createFrom(raw: unknown): Promise<void> {
    const { store } = svc();
    const parsed = CreateOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success)
      throw new Error(
        `cannot create the match: ${parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ")}`,
      );
    const o = parsed.data;
    const scenario = BUILTIN_SCENARIOS[o.scenario];
    if (!scenario)
      throw new Error(
        `cannot create the match: no scenario "${o.scenario}" (choose ${SCENARIO_IDS.join(", ")})`,
      );
    const botIds: Record<Side, string> = {
      us: o.botUs ?? o.botId ?? DEFAULT_BOTS.us,
      china: o.botChina ?? o.botId ?? DEFAULT_BOTS.china,
    };
    for (const side of SIDES) {
      const found = botForSide(botIds[side], side, scenario.scenario);
      if (typeof found === "string") {
        const field = side === "us" ? "botUs" : "botChina";
        throw new Error(`cannot create the match: ${found}; name one with ${field}`);
      }
      this.botPlayers[side] = found;
    }
    if (o.seed !== undefined && (o.role === "us" || o.role === "china") && !svc().config.PLAYER_SEEDS)
      throw new Error(
        "cannot create the match: only a facilitator or a spectator may choose the seed (whoever chooses it may not play a side of the match); leave seed out",
      );
    if (o.deadlineHours !== undefined && o.timerSeconds !== null)
      throw new Error(
        "cannot create the match: choose a turn timer in seconds (timerSeconds) or a deadline in hours (deadlineHours), not both",
      );
    const seed = o.seed ?? randomInt(2 ** 31 - 1);
    // Everything that hides a value from a side draws from this, never from the seed (shared/rules/streams.ts).
    const secret = randomBytes(16).toString("hex");
    this.code = await newCode((c) => store.has(c));
    await this.takeLease(0);
    this.settings = {
      timerSeconds: o.deadlineHours !== undefined ? o.deadlineHours * 3600 : o.timerSeconds,
      private: o.private,
      bots: o.bots,
      botIds,
      facilitatorKey: randomBytes(12).toString("base64url"),
      // Only a creator who facilitates may come back as facilitator without the key: a creator who plays a
      // side must never see the other side's hidden state.
      creatorId: o.role === "facilitator" ? o.playerId : "",
      // Whoever chose the seed may watch or run the match but never play a side of it (checked at each join).
      seedChosenBy: o.seed !== undefined && !svc().config.PLAYER_SEEDS ? o.playerId : "",
      waitForStart: o.waitForStart,
      autoStart: o.waitForStart && o.autoStart,
      seatKey: randomBytes(32).toString("base64url"),
    };
    this.started = !o.waitForStart;
    this.secret = secret;
    this.creatorId = this.settings.creatorId;
    await store.create({
      code: this.code,
      scenario: scenario.scenario,
      scenarioId: scenario.scenario.id,
      seed,
      secret,
      settings: this.settings,
      createdAt: new Date().toISOString(),
    });
    this.game = replay({ scenario: scenario.scenario, seed, secret }, []).state;
  }

  /**
   * The turn's timer as the log left it: a paused turn stays paused with the time it had; a deadline still
   * ahead runs on to the same moment; a deadline that passed while the server was down resolves the turn now.
   * That resolution is logged, so the next start finds the turn resolved and does not resolve it again.
   */
  private restoreTurnTimer(): void {
    if (this.game.phase === "ended" || !this.started) return;
    let deadline: number | null = null;
    let paused: number | null = null;
    for (const a of this.turnActions) {
      if (a.kind === "deadline") deadline = a.at;
      else if (a.kind === "pause") paused = a.remainingMs;
      else if (a.kind === "resume") paused = null;
    }
    if (paused !== null) {
      this.state.phase = "paused";
      this.state.remainingMs = paused;
      this.syncMeta();
    } else if (deadline === null) this.startTurnTimer();
    else if (deadline <= now()) {
      svc().log.info(
        { code: this.code, turn: this.game.turn },
        "a turn deadline passed while the server was down",
      );
      this.onTimeout();
    } else this.armTimer(deadline - now(), false);
  }

  private async restoreFrom(code: string): Promise<void> {
    const { store, log } = svc();
    const record = await store.get(code);
    if (!record) throw new Error(`no stored match ${code}`);
    this.code = code;
    // A process that died holds its lease until it runs out: wait that long for it.
    await this.takeLease((svc().config.LEASE_SECONDS + 1) * 1000);
    this.secret = record.secret;
    this.settings = record.settings;
    this.creatorId = record.settings.creatorId;
    // Give the people who were playing the reconnection window to come back before a bot takes their side.
    this.botsWaitUntil = now() + svc().config.RECONNECT_SECONDS * 1000;
    this.clock.setTimeout(() => this.runBots(), svc().config.RECONNECT_SECONDS * 1000 + 10);
    const actions = await store.actions(code);
    const result = replay(record, actions);
    const resolves = actions.map((a, i) => (a.kind === "resolve" ? i + 1 : 0));
    this.turnActions = actions.slice(Math.max(0, ...resolves));
    this.game = result.state;
    this.started = !record.settings.waitForStart || actions.some((a) => a.kind === "start");
    for (const side of SIDES) {
      const found = botForSide(record.settings.botIds[side], side, this.game.scenario);
      // A bot stored under a name this version no longer has: the random player keeps the match going.
      if (typeof found === "string") log.warn({ code, side, reason: found }, "stored bot unavailable");
      this.botPlayers[side] = typeof found === "string" ? BOTS["random-legal"]! : found;
    }
    log.info({ code, turn: this.game.turn, hash: hashState(this.game) }, "match restored from its log");
    this.closeWhenDone();
  }

  override onJoin(client: Client, options: unknown): void {
    const parsed = JoinOptionsSchema.safeParse(pickJoin(options));
    if (!parsed.success)
      throw new Error(
        `cannot join: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const { role, name, playerId, facilitatorKey, seatToken: token } = parsed.data;
    const { config } = svc();
    // A seat token returns its holder to the seat it names, and to no other.
    let tokenSeat = false;
    if (token !== undefined) {
      const seat = checkSeatToken(this.tokenRecord(), token);
      if (typeof seat === "string") throw new Error(`cannot join: ${seat}`);
      if (seat.role !== role || seat.playerId !== playerId)
        throw new Error(
          `cannot join: this seat token returns you to the ${roleName(seat.role)} seat only; join with the code to take another seat`,
        );
      tokenSeat = true;
    }
    const previous = this.members.get(playerId);
    const held = previous?.sessionId ? this.held.get(previous.sessionId) : undefined;
    if (previous?.sessionId && previous.sessionId !== client.sessionId) {
      // A closed tab holds its seat for the reconnection window; its seat token takes the seat back at once.
      if (!tokenSeat || previous.connected || !held)
        throw new Error("cannot join: this player is already connected in another window");
      this.state.players.delete(previous.sessionId);
      held.reject(new Error("the seat was taken back with its seat token"));
    }
    if ((role === "us" || role === "china") && this.settings.seedChosenBy === playerId)
      throw new Error(
        "cannot join a side: you chose this match's seed, so you may watch it or run it as facilitator but not play a side",
      );
    if (
      role === "facilitator" &&
      !tokenSeat &&
      (this.creatorId === "" || playerId !== this.creatorId) &&
      facilitatorKey !== this.settings.facilitatorKey
    )
      throw new Error("cannot join as facilitator: the facilitator key is missing or wrong");
    const count = (r: Role) =>
      [...this.members.values()].filter(
        (m) => m.role === r && m.sessionId !== null && m.playerId !== playerId,
      ).length;
    if ((role === "us" || role === "china") && count(role) >= config.TEAM_MAX)
      throw new Error(
        `cannot join: the ${role === "us" ? "US" : "China"} team is full (${config.TEAM_MAX} people)`,
      );
    if (role === "spectator" && count("spectator") >= config.SPECTATORS_MAX)
      throw new Error("cannot join: the match has as many spectators as it allows");
    const member: Member = { playerId, name, role, sessionId: client.sessionId, connected: true };
    this.members.set(playerId, member);
    client.userData = { playerId };
    this.state.players.set(
      client.sessionId,
      new PlayerSchema({ name, role, connected: true, bot: false, botId: "" }),
    );
    const welcome = {
      code: this.code,
      role,
      playerId,
      seatToken: signSeat(this.tokenRecord(), { code: this.code, role, playerId }),
      ...(role === "facilitator" ? { facilitatorKey: this.settings.facilitatorKey } : {}),
    };
    client.send("welcome", welcome);
    this.syncMeta();
    if ((role === "us" || role === "china") && this.botConfirmed[role] && this.game.phase !== "ended") {
      const notice = this.takeOverFromBot(role, name);
      if (!this.clients.includes(client)) client.send("notice", notice);
    }
    this.sendView(client, role);
    if (role === "us" || role === "china") client.send("draft", this.draftBroadcast(role));
    this.autoStartIfReady(client);
    this.runBots();
  }

  /**
   * A person takes a side whose bot already confirmed this turn: the confirmation is withdrawn and the bot's
   * orders become the side's draft, a suggestion the person may confirm or change. The team and the
   * facilitator are told.
   */
  private takeOverFromBot(side: Side, name: string): { message: string } {
    const orders = [...(this.game.pending[side] ?? [])];
    const bot = `${this.settings.botIds[side]} bot`;
    this.withdraw(side);
    this.drafts[side] = { orders, by: bot };
    const draft = this.draftBroadcast(side);
    for (const c of this.clientsOf(side)) c.send("draft", draft);
    const notice = {
      message: `${name} takes the ${side === "us" ? "US" : "China"} seat from the ${bot}: its orders are now a suggested draft, not confirmed.`,
    };
    for (const c of [...this.clientsOf(side), ...this.clientsOf("facilitator")]) c.send("notice", notice);
    return notice;
  }

  override onDrop(client: Client): void {
    const member = this.memberOf(client);
    // A client refused in onJoin held no seat: there is nothing to keep for it.
    if (!member) return;
    member.connected = false;
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = false;
    this.syncMeta();
    // Rejects when the window passes, the room shuts down or the seat is taken back with its token; onLeave
    // then frees the seat.
    const hold = this.allowReconnection(client, svc().config.RECONNECT_SECONDS);
    this.held.set(client.sessionId, hold);
    hold.catch(() => undefined).finally(() => this.held.delete(client.sessionId));
  }

  override onReconnect(client: Client): void {
    // The client may have missed messages while it was away: send it a full view.
    this.sentLists.delete(client.sessionId);
    const member = this.memberOf(client);
    if (!member) return;
    member.connected = true;
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = true;
    this.syncMeta();
    this.sendView(client, member.role);
    if (member.role === "us" || member.role === "china")
      client.send("draft", this.draftBroadcast(member.role));
  }

  override onLeave(client: Client): void {
    const member = this.memberOf(client);
    // (A session given up for a seat taken back with its token no longer holds the member's seat.)
    if (member && member.sessionId === client.sessionId) {
      member.sessionId = null;
      member.connected = false;
    }
    this.state.players.delete(client.sessionId);
    this.sentLists.delete(client.sessionId);
    this.syncMeta();
    // A side that nobody holds any more is played by a bot, if the match allows bots.
    this.runBots();
    this.closeWhenDone();
  }

  /**
   * A room nobody is in closes after a while: a finished match after FINISHED_ROOM_SECONDS (its exports and
   * replay stay available from the store), a running one after IDLE_ROOM_SECONDS (a join by its code opens it
   * again from the store, see reopenMatch). Someone who joins meanwhile keeps the room open.
   */
  private closeWhenDone(): void {
    if (this.clients.length > 0) return;
    const { config } = svc();
    const seconds = this.game.phase === "ended" ? config.FINISHED_ROOM_SECONDS : config.IDLE_ROOM_SECONDS;
    this.closing?.clear();
    this.closing = this.clock.setTimeout(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, seconds * 1000);
  }

  override onBeforeShutdown(): void {
    this.broadcast("notice", {
      message: "The server is restarting. Your match is saved: rejoin with the same code in a moment.",
    });
    void this.disconnect(CLOSE.SERVER_SHUTDOWN);
  }

  override onDispose(): void {
    this.timer?.clear();
    this.lease?.releaseAfter(this.writes);
  }

  /** With a shared store, takes the match's lease (see store-lease.ts), or refuses to open the room. */
  private async takeLease(waitMs: number): Promise<void> {
    const { store, config, log, shared } = svc();
    if (!shared) return;
    this.lease = await Lease.take({
      store,
      code: this.code,
      ttlMs: config.LEASE_SECONDS * 1000,
      log,
      waitMs,
      // Another process runs the match now: this room stops at once, and its clients rejoin by code there.
      onLost: () => void this.disconnect(CLOSE.SERVER_SHUTDOWN),
    });
    if (!this.lease)
      throw new Error(`match ${this.code} is running on another server process; join it again in a moment`);
  }

  // --- messages -------------------------------------------------------------------------------------------

  private handle(
    client: Client,
    type: keyof typeof CLIENT_MESSAGES,
    schema: (typeof CLIENT_MESSAGES)[keyof typeof CLIENT_MESSAGES],
    raw: unknown,
    ctx: MessageContext,
  ) {
    try {
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success)
        refuse(
          "invalid",
          `the ${type} message is malformed`,
          parsed.error.issues.map((i) => ({ path: i.path.join(".") || type, message: i.message })),
        );
      const member = this.memberOf(client);
      if (!member) refuse("not-allowed", "you are not seated in this match");
      const result = this.dispatch(type, member, parsed.data as never);
      // The reply waits for the log: an acknowledged action is durable.
      if (ctx.id === undefined) return undefined;
      return this.writes.then(() =>
        this.writeFailed
          ? ctx.reject({
              code: "invalid",
              message: "the server could not save that; rejoin the match by its code",
            })
          : ctx.resolve(result ?? { ok: true }),
      );
    } catch (error) {
      const reply: ErrorReply =
        error instanceof Refusal
          ? error.reply
          : { code: "invalid", message: "the server could not handle that message" };
      if (!(error instanceof Refusal))
        svc().log.error({ err: error, code: this.code, type }, "message handler failed");
      if (ctx.id !== undefined) return ctx.reject(reply);
      client.send("error", reply);
      return undefined;
    }
  }

  private dispatch(
    type: keyof typeof CLIENT_MESSAGES,
    member: Member,
    message: Record<string, unknown>,
  ): unknown {
    if (this.game.phase === "ended") refuse("ended", "the match is over");
    switch (type) {
      case "draft":
        return this.onDraft(member, message.orders as unknown[]);
      case "confirm":
        return this.onConfirm(member, message.turn as number);
      case "unconfirm":
        return this.onUnconfirm(member, message.turn as number);
      case "pause":
      case "resume":
      case "extendTimer":
      case "injectEvent":
      case "endMatch":
      case "start":
      case "seatLinks":
        if (member.role !== "facilitator") refuse("not-allowed", "only the facilitator can do that");
        return this.onFacilitator(type, message);
    }
  }

  private sideOf(member: Member): Side {
    if (member.role !== "us" && member.role !== "china")
      refuse("not-allowed", "only players of a side can write orders");
    return member.role;
  }

  private onDraft(member: Member, orders: unknown[]) {
    const side = this.sideOf(member);
    // What resolves is exactly what the side's screen showed when it confirmed.
    if (this.game.pending[side] !== null)
      refuse(
        "not-allowed",
        "your side has confirmed its orders: take the confirmation back (unconfirm) before changing the draft",
      );
    this.drafts[side] = { orders, by: member.name };
    const broadcast = this.draftBroadcast(side);
    for (const c of this.clientsOf(side)) c.send("draft", broadcast);
    return { errors: broadcast.errors };
  }

  private onConfirm(member: Member, turn: number) {
    const side = this.sideOf(member);
    this.checkTurn(turn);
    if (this.state.phase === "paused") refuse("not-allowed", "the facilitator has paused the match");
    if (!this.started) refuse("not-allowed", "the facilitator has not started the match yet");
    this.submit(side, this.drafts[side].orders);
    this.botConfirmed[side] = false;
    this.resolveIfReady();
    return { confirmed: true };
  }

  /** Refuses a side's confirmation or withdrawal written for another turn than the current one. */
  private checkTurn(turn: number): void {
    if (turn !== this.game.turn)
      refuse("wrong-turn", `these orders are for turn ${turn}, but the match is at turn ${this.game.turn}`);
  }

  private onUnconfirm(member: Member, turn: number) {
    const side = this.sideOf(member);
    this.checkTurn(turn);
    this.withdraw(side);
    return { confirmed: false };
  }

  /** Takes back a side's confirmation (logged, so that a replay does the same) and tells the side. */
  private withdraw(side: Side): void {
    const result = withdrawOrders(this.game, side);
    if (!result.ok) refuse("not-allowed", result.error);
    this.log({ kind: "withdraw", side });
    this.game = result.state;
    this.botConfirmed[side] = false;
    this.syncMeta();
    this.sendViews((role) => role === side || role === "facilitator");
  }

  private onFacilitator(
    type: "pause" | "resume" | "extendTimer" | "injectEvent" | "endMatch" | "start" | "seatLinks",
    message: Record<string, unknown>,
  ) {
    switch (type) {
      case "seatLinks":
        return { seats: this.seatLinks() };
      case "start":
        if (this.started) refuse("not-allowed", "the match has already started");
        this.start();
        return { started: true };
      case "pause":
        if (this.state.phase === "paused") refuse("not-allowed", "the match is already paused");
        this.state.remainingMs = this.state.deadline ? Math.max(0, this.state.deadline - now()) : 0;
        this.state.deadline = 0;
        this.timer?.clear();
        this.state.phase = "paused";
        this.log({ kind: "pause", turn: this.game.turn, remainingMs: this.state.remainingMs });
        return { paused: true };
      case "resume":
        if (this.state.phase !== "paused") refuse("not-allowed", "the match is not paused");
        this.state.phase = "orders";
        this.log({ kind: "resume", turn: this.game.turn });
        this.syncMeta();
        if (this.settings.timerSeconds && this.started) this.armTimer(this.state.remainingMs);
        this.state.remainingMs = 0;
        this.resolveIfReady();
        return { resumed: true };
      case "extendTimer": {
        const ms = (message.seconds as number) * 1000;
        if (this.state.phase === "paused") {
          this.state.remainingMs += ms;
          this.log({ kind: "pause", turn: this.game.turn, remainingMs: this.state.remainingMs });
        } else if (this.state.deadline) this.armTimer(this.state.deadline - now() + ms);
        else refuse("not-allowed", "this match has no turn timer");
        return { deadline: this.state.deadline, remainingMs: this.state.remainingMs };
      }
      case "injectEvent": {
        const turn = (message.turn as number | undefined) ?? this.game.turn;
        const result = injectEvent(this.game, message.eventId, turn);
        if (!result.ok) refuse("refused", result.error);
        this.log({ kind: "inject", eventId: message.eventId as string, turn });
        this.game = result.state;
        this.sendViews();
        // Announced to everyone at once; it takes effect when its turn resolves.
        const card = findCard(message.eventId as string);
        this.broadcast("notice", {
          message: `The facilitator adds an event for ${turnLabel(this.game.scenario.params, turn)}: ${card?.title.en ?? String(message.eventId)}. It takes effect when that turn resolves.`,
        });
        return { queued: { eventId: message.eventId, turn } };
      }
      case "endMatch":
        this.game = endMatch(this.game);
        this.log({ kind: "end", hash: hashState(this.game) });
        this.finish();
        return { ended: true };
    }
  }

  /** Starts a room that waited: logged, so that a restart does not make it wait again. */
  private start(): void {
    this.started = true;
    this.log({ kind: "start" });
    this.beginTurnClock();
    this.syncMeta();
    this.startTurnTimer();
    this.sendViews();
    this.runBots();
  }

  /** A waiting room the teacher let start itself starts once people hold both sides. */
  private autoStartIfReady(joining: Client): void {
    if (this.started || !this.settings.autoStart || this.game.phase === "ended") return;
    if (this.state.phase === "paused" || !SIDES.every((side) => this.hasHuman(side))) return;
    const notice = { message: "People hold both sides: the match starts." };
    this.broadcast("notice", notice);
    // (A client still joining is not among this.clients yet.)
    if (!this.clients.includes(joining)) joining.send("notice", notice);
    this.start();
  }

  // --- the turn -------------------------------------------------------------------------------------------

  private submit(side: Side, orders: unknown[]): void {
    const result = submitOrders(this.game, side, orders);
    if (!result.ok) refuse("refused", "the rules refused these orders; nothing was changed", result.errors);
    this.log({ kind: "submit", side, orders: result.state.pending[side] ?? [] });
    this.game = result.state;
    this.syncMeta();
    // Only the side's own view (its pending orders) and the facilitator's change; the others see the
    // confirmation in the synced state.
    this.sendViews((role) => role === side || role === "facilitator");
  }

  private resolveIfReady(): void {
    if (this.state.phase !== "orders" || !this.game.pending.us || !this.game.pending.china) return;
    const next = resolveTurn(this.game).state;
    this.log({ kind: "resolve", turn: this.game.turn, hash: hashState(next) });
    this.game = next;
    this.drafts = { us: { orders: [], by: "" }, china: { orders: [], by: "" } };
    this.botConfirmed = { us: false, china: false };
    if (this.game.phase === "ended") {
      this.finish();
      return;
    }
    this.syncMeta();
    this.sendViews();
    for (const side of SIDES) {
      const broadcast = this.draftBroadcast(side);
      for (const c of this.clientsOf(side)) c.send("draft", broadcast);
    }
    this.beginTurnClock();
    this.startTurnTimer();
    this.runBots();
  }

  private onTimeout(): void {
    if (this.state.phase !== "orders") return;
    for (const side of SIDES) {
      if (this.game.pending[side]) continue;
      const orders = keepValidOrders(this.game, side, this.drafts[side].orders);
      this.submit(side, orders);
    }
    this.resolveIfReady();
  }

  private startTurnTimer(): void {
    this.timer?.clear();
    this.state.deadline = 0;
    if (this.settings.timerSeconds && this.state.phase === "orders")
      this.armTimer(this.settings.timerSeconds * 1000);
  }

  /** Runs the turn's timer out in `ms`; the deadline is logged (unless it is one the log already holds). */
  private armTimer(ms: number, logIt = true): void {
    this.timer?.clear();
    this.state.deadline = now() + ms;
    if (logIt) this.log({ kind: "deadline", turn: this.game.turn, at: this.state.deadline });
    this.waitForDeadline();
  }

  /** A deadline days away is waited for in steps (a Node timer holds at most 24.8 days, and clocks drift). */
  private waitForDeadline(): void {
    const left = this.state.deadline - now();
    if (left <= 0) {
      this.onTimeout();
      return;
    }
    this.timer = this.clock.setTimeout(() => this.waitForDeadline(), Math.min(left, 3_600_000));
  }

  /**
   * A new turn's clock for the bots' pace. Rooms of bots started together (a workshop's "start all") would
   * otherwise all play at the same instant every BOT_TURN_SECONDS, and the burst would delay every other
   * room's turn: each turn waits up to a quarter of the pace more, at random, so that the rooms drift apart.
   */
  private beginTurnClock(): void {
    this.turnStartedAt = now();
    this.turnSpreadMs = randomInt(Math.floor(svc().config.BOT_TURN_SECONDS * 250) + 1);
  }

  /** Sides that no person holds (connected or within the reconnection window) are played by the bot. */
  private runBots(): void {
    if (!this.started || !this.settings.bots || this.game.phase === "ended" || now() < this.botsWaitUntil)
      return;
    // A workshop room's bots stand in for missing students: with nobody on either side it does not play itself
    // (a bot-against-bot demonstration is a match created for it from the lobby, an explicit choice).
    if (this.settings.waitForStart && !SIDES.some((side) => this.hasHuman(side))) return;
    const wait = this.turnStartedAt + svc().config.BOT_TURN_SECONDS * 1000 + this.turnSpreadMs - now();
    if (wait > 0 && !SIDES.some((side) => this.hasHuman(side))) {
      this.botPace ??= this.clock.setTimeout(() => {
        this.botPace = undefined;
        this.runBots();
      }, wait);
      return;
    }
    for (const side of SIDES) {
      if (this.game.pending[side] || this.hasHuman(side)) continue;
      const bot = `${this.settings.botIds[side]} bot`;
      const draft = this.drafts[side];
      // A bot that takes the seat from people who left this turn starts from their draft: what the team left is
      // what runs (minus orders the rules now refuse), and the facilitator and anyone watching the side are told.
      const leftByTeam = draft.by !== "" && draft.by !== bot;
      const orders = leftByTeam
        ? draft.orders
        : botOrders(this.game, side, this.botPlayers[side], botSeed(this.game, side)).orders;
      this.submit(side, keepValidOrders(this.game, side, orders));
      this.botConfirmed[side] = true;
      if (leftByTeam) {
        const notice = {
          message: `The ${bot} takes the ${side === "us" ? "US" : "China"} seat that ${draft.by}'s team left: it confirms the team's draft as it was left (${draft.orders.length} orders).`,
        };
        for (const c of [...this.clientsOf(side), ...this.clientsOf("facilitator")]) c.send("notice", notice);
      }
    }
    this.resolveIfReady();
  }

  private finish(): void {
    this.timer?.clear();
    this.state.deadline = 0;
    this.persist(svc().store.finish(this.code));
    this.syncMeta();
    this.sendViews();
    this.closeWhenDone();
  }

  /** A rejoin link's token for each person who holds a side or watches (the facilitator hands them out). */
  private seatLinks(): SeatLink[] {
    const links: SeatLink[] = [];
    for (const m of this.members.values()) {
      if (m.role === "facilitator") continue;
      const seatToken = signSeat(this.tokenRecord(), { code: this.code, role: m.role, playerId: m.playerId });
      links.push({ name: m.name, role: m.role, connected: m.connected, seatToken });
    }
    return links;
  }

  private tokenRecord() {
    return { code: this.code, secret: this.secret, settings: this.settings };
  }

  // --- helpers --------------------------------------------------------------------------------------------

  private log(action: Action): void {
    this.persist(svc().store.append(this.code, action));
  }

  /**
   * Keeps a write to the log in the room's chain. A write that fails closes the room, so that play never runs
   * ahead of the log: its players rejoin by code and the match reopens from what was written.
   */
  private persist(write: Promise<void>): void {
    const written = write.catch((error: unknown) => {
      if (this.writeFailed) return;
      this.writeFailed = true;
      svc().log.error(
        { err: error, code: this.code },
        "could not write to the match's log; closing the room",
      );
      void this.disconnect(CLOSE.SERVER_SHUTDOWN);
    });
    this.writes = this.writes.then(() => written);
  }

  private hasHuman(side: Side): boolean {
    for (const m of this.members.values()) if (m.role === side && m.sessionId !== null) return true;
    return false;
  }

  private memberOf(client: Client): Member | undefined {
    const id = (client.userData as { playerId?: string } | undefined)?.playerId;
    return id ? this.members.get(id) : undefined;
  }

  private clientsOf(role: Role): Client[] {
    return this.clients.filter((c) => this.memberOf(c)?.role === role);
  }

  /** A side's shared draft with what the rules would refuse in it now. */
  private draftBroadcast(side: Side): DraftBroadcast {
    const { orders, by } = this.drafts[side];
    const check = submitOrders(this.game, side, orders);
    return { side, orders, by, errors: check.ok ? [] : check.errors };
  }

  /** What a role may see now, with a side's order options. */
  private viewOf(role: Role): { view: ViewMessage["view"]; options: ViewMessage["options"] } {
    const options = role === "us" || role === "china" ? orderOptions(this.game, role) : null;
    return { view: viewFor(this.game, role), options };
  }

  private sendView(client: Client, role: Role, built = this.viewOf(role)): void {
    const sent = this.sentLists.get(client.sessionId) ?? {};
    const { view, from, next } = trimView(built.view, sent);
    this.sentLists.set(client.sessionId, next);
    client.send("view", { view, options: built.options, from } satisfies ViewMessage);
  }

  /** Sends every client its view; each role's view is built once, however many people hold the role. */
  private sendViews(to: (role: Role) => boolean = () => true): void {
    const built = new Map<Role, ReturnType<MatchRoom["viewOf"]>>();
    for (const c of this.clients) {
      const m = this.memberOf(c);
      if (!m || !to(m.role)) continue;
      let mine = built.get(m.role);
      if (!mine) built.set(m.role, (mine = this.viewOf(m.role)));
      this.sendView(c, m.role, mine);
    }
  }

  private syncMeta(): void {
    const s = this.state;
    s.turn = this.game.turn;
    s.label = turnLabel(
      this.game.scenario.params,
      Math.min(this.game.turn, this.game.scenario.params.time.turns - 1),
    );
    if (this.game.phase === "ended") s.phase = "ended";
    else if (s.phase !== "paused") s.phase = this.started ? "orders" : "waiting";
    s.usConfirmed = this.game.pending.us !== null;
    s.chinaConfirmed = this.game.pending.china !== null;
    for (const side of SIDES) {
      const botKey = `bot-${side}`;
      const botPlays = this.settings.bots && !this.hasHuman(side) && s.phase !== "ended";
      if (botPlays && !s.players.has(botKey))
        s.players.set(
          botKey,
          new PlayerSchema({
            name: `${this.settings.botIds[side]} bot`,
            role: side,
            connected: true,
            bot: true,
            botId: this.settings.botIds[side],
          }),
        );
      if (!botPlays && s.players.has(botKey)) s.players.delete(botKey);
    }
    const seats = { us: 0, china: 0, spectators: 0 };
    let present = 0;
    for (const m of this.members.values()) {
      if (m.sessionId === null) continue;
      present++;
      if (m.role === "us") seats.us++;
      else if (m.role === "china") seats.china++;
      else if (m.role === "spectator") seats.spectators++;
    }
    // The lobby lists a public match only while somebody is in it: an abandoned or never-joined match (or a
    // burst of anonymous creates) leaves the list at once; its code still works.
    const listed = !this.settings.private && present > 0 && s.phase !== "ended";
    if (listed !== this.listed) {
      this.listed = listed;
      void this.setPrivate(!listed);
    }
    void this.setMetadata({
      code: this.code,
      scenarioId: this.game.scenario.id,
      title: this.game.scenario.title,
      turn: this.game.turn,
      phase: s.phase,
      seats,
      bots: this.settings.bots,
      timerSeconds: this.settings.timerSeconds,
    });
  }
}

/**
 * The join fields of an options object. The creator's join carries the create options too, which are allowed
 * (and ignored here); a key that neither a join nor a create takes is refused, so that a typo is not silently
 * dropped.
 */
function pickJoin(options: unknown): unknown {
  if (options === null || typeof options !== "object") return options;
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter((key) => !(key in CreateOptionsSchema.shape));
  if (unknown.length > 0)
    throw new Error(
      `cannot join: unknown option${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} (a join takes role, name, playerId, facilitatorKey and seatToken)`,
    );
  return {
    role: o.role,
    name: o.name,
    playerId: o.playerId,
    ...(o.facilitatorKey !== undefined ? { facilitatorKey: o.facilitatorKey } : {}),
    ...(o.seatToken !== undefined ? { seatToken: o.seatToken } : {}),
  };
}

function roleName(role: Role): string {
  return { us: "US", china: "China", spectator: "spectator", facilitator: "facilitator" }[role];
}

/** A client-supplied message type, quoted for an error text only when it is a short plain name. */
function describeType(type: unknown): string {
  if (typeof type === "number" && Number.isFinite(type)) return String(type);
  if (typeof type === "string" && /^[\w.*-]{1,40}$/.test(type)) return `"${type}"`;
  return "(not a message name)";
}

/** Whether a handler's argument is the reply context of a request (a payload decoded from msgpack has no functions). */
function isRequestContext(value: unknown): value is MessageContext & { reject(reason: unknown): void } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { reject?: unknown }).reject === "function" &&
    (value as { id?: unknown }).id !== undefined
  );
}
