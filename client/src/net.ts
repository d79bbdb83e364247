/**
 * The one network module: creates and joins matches with the official Colyseus client, keeps this browser's
 * player id (so a reload comes back to the same seat), and hands views, drafts and connection changes to the
 * screens. Screens send intents through it; they never decide an outcome.
 */
import { Client, CloseCode, type Room } from "@colyseus/sdk";
import type {
  ClientMessages,
  ClientMessageType,
  CreateOptions,
  DraftBroadcast,
  ErrorReply,
  Replies,
  ServerMessages,
  ServerMessageType,
  ViewMessage,
  WelcomeMessage,
} from "../../shared/protocol.ts";
import type { OpenResponse } from "../../shared/api.ts";
import { parseSeatToken, type PublicPlayer, ROOM_NAME, type Role } from "../../shared/room.ts";

export type { PublicPlayer } from "../../shared/room.ts";
import { t } from "./i18n.ts";

export type ConnectionStatus = "connected" | "reconnecting" | "lost";

/** The "welcome" message (shared/protocol.ts): this seat's code, role, player id and seat token. */
export type Welcome = WelcomeMessage;

/** The protocol's checks of what a room sends (shared/protocol.ts, built on zod). */
export type ProtocolChecks = Pick<
  typeof import("../../shared/protocol.ts"),
  "serverMessageProblem" | "replyProblem"
>;
let checksLoading: Promise<ProtocolChecks | null> | undefined;

/**
 * The protocol's checks, loaded once, with the first match rather than with the lobby (zod is not part of the
 * lobby's first load). Null if the module cannot be loaded: messages then pass unchecked.
 */
export function protocolChecks(): Promise<ProtocolChecks | null> {
  checksLoading ??= import("../../shared/protocol.ts").catch(() => null);
  return checksLoading;
}

/**
 * Listens for one type of server message, passing on only a message that fits its schema: one that does
 * not is reported in the console (its type and first problem) and dropped. Without checks, all pass.
 */
export function onServerMessage<K extends ServerMessageType>(
  room: Room,
  type: K,
  checks: ProtocolChecks | null,
  handle: (message: ServerMessages[K]) => void,
): void {
  room.onMessage(type, (message: unknown) => {
    const problem = checks?.serverMessageProblem(type, message);
    if (problem) return void console.error(`refused a message from the server: ${problem}`);
    handle(message as ServerMessages[K]);
  });
}

/** How a player is listed: a person by name, a bot by its name in the player's language. */
export function playerLabel(p: PublicPlayer): string {
  const key = `bots.${p.botId}.name`;
  const name = p.bot && p.botId && t(key) !== key ? t(key) : p.name;
  return `${name}${p.bot ? ` (${t("match.bot")})` : ""}${p.connected ? "" : ` (${t("match.offline")})`}`;
}

export interface RoomMeta {
  code: string;
  turn: number;
  turns: number;
  label: string;
  phase: string;
  deadline: number;
  remainingMs: number;
  usConfirmed: boolean;
  chinaConfirmed: boolean;
  players: PublicPlayer[];
}

export interface Handlers {
  welcome(w: Welcome): void;
  view(v: ViewMessage): void;
  draft(d: DraftBroadcast): void;
  meta(m: RoomMeta): void;
  status(s: ConnectionStatus): void;
  notice(message: string): void;
  error(e: ErrorReply): void;
}

const PLAYER_KEY = "cf.playerId";
/** The name this browser plays under, kept as it is typed in the lobby. */
export const NAME_KEY = "cf.name";
const SESSION_KEY = "cf.session";

/** 20 random letters and digits. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 20);
}

export function playerId(): string {
  let id = localStorage.getItem(PLAYER_KEY);
  if (!id) {
    id = randomId();
    localStorage.setItem(PLAYER_KEY, id);
  }
  return id;
}

export interface SavedSession {
  code: string;
  role: Role;
  name: string;
  facilitatorKey?: string;
  /** The seat token, when the seat was taken back with one (a rejoin link may name another player id). */
  seatToken?: string;
  /** The room's reconnection token: a reload takes the seat back while the server still holds it. */
  reconnectionToken?: string;
}

export function savedSession(): SavedSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as SavedSession) : null;
  } catch {
    return null;
  }
}

export function serverUrl(): string {
  return `${location.protocol}//${location.host}`;
}

/** The room's public synced state in plain objects. */
export function readMeta(state: unknown): RoomMeta {
  const s = state as RoomMeta & { players: Map<string, PublicPlayer> };
  const players: PublicPlayer[] = [];
  s.players?.forEach((p) =>
    players.push({ name: p.name, role: p.role, connected: p.connected, bot: p.bot, botId: p.botId ?? "" }),
  );
  return {
    code: s.code,
    turn: s.turn,
    turns: s.turns,
    label: s.label,
    phase: s.phase,
    deadline: s.deadline,
    remainingMs: s.remainingMs,
    usConfirmed: s.usConfirmed,
    chinaConfirmed: s.chinaConfirmed,
    players,
  };
}

/**
 * Joins a room by its code. A match nobody has been in for a long time has no room until someone comes back
 * (the server closes idle rooms), so the server is first asked to make sure the room is open; its answer also
 * says plainly when there is no such match, or when it is over and its room has closed.
 */
export async function joinOrOpen(
  client: Client,
  code: string,
  options: Record<string, unknown>,
): Promise<Room> {
  const res = await fetch(`/api/matches/${code}/open`, { method: "POST" }).catch(() => null);
  if (res && !res.ok) {
    const body = (await res.json().catch(() => ({}))) as Partial<Extract<OpenResponse, { error: string }>>;
    throw new Error(body.error ?? `cannot open match ${code}`);
  }
  return await client.joinById(code, options);
}

/**
 * How often the room's own reconnection retries a dropped connection (about 20 s with its backoff) before the
 * seat is taken back by reopening the match (see Net.recover): the process that ran the room may be gone.
 */
const RECONNECT_RETRIES = 8;
/** Pauses between attempts to reopen and rejoin a match whose connection was lost, then it counts as lost. */
const RECOVER_PAUSES_MS = [1500, 3000, 5000, 10_000, 20_000];

export class Net {
  private client = new Client(serverUrl());
  private room: Room | undefined;
  /** Loaded before the first room is joined, so that no message arrives before its check can run. */
  private checks: ProtocolChecks | null = null;
  session: SavedSession | null = null;
  /** Bumped by leave() and by every new room, so that a recovery under way stops when it is no longer wanted. */
  private generation = 0;

  constructor(private handlers: Handlers) {}

  async create(options: Omit<CreateOptions, "playerId">): Promise<void> {
    this.checks = await protocolChecks();
    const room = await this.client.create(ROOM_NAME, { ...options, playerId: playerId() });
    this.attach(room, { code: room.roomId, role: options.role, name: options.name });
  }

  async join(code: string, role: Role, name: string, facilitatorKey?: string): Promise<void> {
    const upper = code.trim().toUpperCase();
    this.checks = await protocolChecks();
    const room = await joinOrOpen(this.client, upper, {
      role,
      name,
      playerId: playerId(),
      ...(facilitatorKey ? { facilitatorKey } : {}),
    });
    this.attach(room, { code: upper, role, name, ...(facilitatorKey ? { facilitatorKey } : {}) });
  }

  /** Back to the seat a seat token names (from "your matches" or a teacher's rejoin link). */
  async rejoin(seatToken: string, name: string): Promise<void> {
    const seat = readSeatToken(seatToken);
    if (!seat) throw new Error(t("lobby.badSeat"));
    this.checks = await protocolChecks();
    const room = await joinOrOpen(this.client, seat.code, {
      role: seat.role,
      name,
      playerId: seat.playerId,
      seatToken,
    });
    this.attach(room, { code: seat.code, role: seat.role, name, seatToken });
  }

  /** After a reload: back to the same seat with the same player id. */
  async resume(): Promise<boolean> {
    const saved = savedSession();
    if (!saved) return false;
    try {
      await this.reenter(saved);
      return true;
    } catch {
      sessionStorage.removeItem(SESSION_KEY);
      return false;
    }
  }

  /** Back to a saved seat: by its reconnection token while the server holds it, else by reopening the match. */
  private async reenter(saved: SavedSession): Promise<void> {
    // A reload drops the connection, and the server holds the seat for the reconnection window; during that
    // window only the reconnection token gets it back (a fresh join with the same player id is refused).
    if (saved.reconnectionToken) {
      this.checks = await protocolChecks();
      try {
        this.attach(await this.client.reconnect(saved.reconnectionToken), saved);
        return;
      } catch {
        // The hold ran out or the server process is gone: reopen the match by its code below.
      }
    }
    // joinOrOpen asks the server to open the match first: a room whose process died (or closed while idle)
    // comes back from the log on whichever process answers.
    const seatToken = saved.seatToken ?? keptSeatToken(saved.code, saved.role);
    if (seatToken) await this.rejoin(seatToken, saved.name);
    else await this.join(saved.code, saved.role, saved.name, saved.facilitatorKey);
  }

  /**
   * A connection that dropped and could not reconnect (the room's process died, or restarted): reopen the match
   * and take the seat back, a few times with growing pauses (a process restarting, or the seat still held
   * for the reconnection window), before the screen says the connection is lost.
   */
  private async recover(): Promise<void> {
    const generation = this.generation;
    const saved = this.session;
    if (!saved) return;
    this.handlers.status("reconnecting");
    for (const pause of RECOVER_PAUSES_MS) {
      await new Promise((resolve) => window.setTimeout(resolve, pause));
      if (generation !== this.generation) return;
      try {
        await this.reenter(saved);
        return;
      } catch {
        // Not yet: try again after a longer pause.
      }
    }
    if (generation === this.generation) this.handlers.status("lost");
  }

  /**
   * Sends a request and answers the server's reply (a refusal rejects with the server's ErrorReply as
   * `reason`). A reply that does not fit its schema is reported in the console and rejects.
   */
  async request<K extends ClientMessageType>(type: K, payload?: ClientMessages[K]): Promise<Replies[K]> {
    if (!this.room) throw new Error("not in a match");
    const reply: unknown = await this.room.request(type, payload ?? {});
    const problem = this.checks?.replyProblem(type, reply);
    if (problem) {
      console.error(`refused a reply from the server: ${problem}`);
      throw new Error(problem);
    }
    return reply as Replies[K];
  }

  async leave(): Promise<void> {
    this.generation++;
    sessionStorage.removeItem(SESSION_KEY);
    this.session = null;
    const room = this.room;
    this.room = undefined;
    await room?.leave(true);
  }

  private attach(room: Room, session: SavedSession): void {
    this.generation++;
    this.room = room;
    room.reconnection.maxRetries = RECONNECT_RETRIES;
    this.session = { ...session, reconnectionToken: room.reconnectionToken };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
    const checks = this.checks;
    onServerMessage(room, "welcome", checks, (w) => {
      if (w.seatToken && this.session) keepSeat(w.seatToken, this.session.name);
      if (w.facilitatorKey && this.session) {
        this.session.facilitatorKey = w.facilitatorKey;
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
      }
      this.handlers.welcome(w);
    });
    onServerMessage(room, "view", checks, (v) => this.handlers.view(v));
    onServerMessage(room, "draft", checks, (d) => this.handlers.draft(d));
    onServerMessage(room, "error", checks, (e) => this.handlers.error(e));
    onServerMessage(room, "notice", checks, (n) => this.handlers.notice(n.message));
    room.onStateChange((state: unknown) => this.handlers.meta(readMeta(state)));
    room.onDrop(() => this.handlers.status("reconnecting"));
    room.onReconnect(() => {
      if (this.room === room && this.session) {
        this.session.reconnectionToken = room.reconnectionToken;
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
      }
      this.handlers.status("connected");
    });
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      // The server restarting (4500), or a connection that dropped and did not come back by itself: the
      // match goes on from its log, so the seat is taken back. A leave the player chose, or a refusal, is final.
      if (code === 4500 || code === CloseCode.FAILED_TO_RECONNECT || code === CloseCode.ABNORMAL_CLOSURE)
        void this.recover();
      else this.handlers.status("lost");
    });
    this.handlers.status("connected");
  }
}

/** The seat tokens this browser holds ("your matches" in the lobby), newest first. */
export const SEATS_KEY = "cf.seats";
const MAX_SEATS = 20;

export interface KeptSeat {
  token: string;
  name: string;
}

export function keptSeats(): KeptSeat[] {
  try {
    const raw = JSON.parse(localStorage.getItem(SEATS_KEY) ?? "[]") as unknown;
    return Array.isArray(raw)
      ? raw.filter((s): s is KeptSeat => typeof s?.token === "string" && typeof s?.name === "string")
      : [];
  } catch {
    return [];
  }
}

/** Keeps a seat's token (one per match and seat: a newer token for the same seat replaces the older). */
export function keepSeat(token: string, name: string): void {
  const seat = readSeatToken(token);
  if (!seat) return;
  const others = keptSeats().filter((s) => {
    const old = readSeatToken(s.token);
    return old && !(old.code === seat.code && old.role === seat.role);
  });
  localStorage.setItem(SEATS_KEY, JSON.stringify([{ token, name }, ...others].slice(0, MAX_SEATS)));
}

/** The seat token this browser keeps for a player's seat in match `code` (never a facilitator's). */
function keptSeatToken(code: string, role: Role): string | undefined {
  if (role === "facilitator") return undefined;
  return keptSeats().find((s) => {
    const seat = readSeatToken(s.token);
    return seat?.code === code && seat.role === role && seat.playerId === playerId();
  })?.token;
}

export function forgetSeat(token: string): void {
  localStorage.setItem(SEATS_KEY, JSON.stringify(keptSeats().filter((s) => s.token !== token)));
}

/** The match, seat and player a seat token names (the server checks its signature). */
export function readSeatToken(token: string): { code: string; role: Role; playerId: string } | null {
  return parseSeatToken(token);
}

/** The workshop console's rooms and their facilitator keys, kept in this browser. */
export const WORKSHOP_KEY = "cf.workshop";

export interface WorkshopRoom {
  code: string;
  facilitatorKey: string;
}

export interface Workshop {
  scenario: string;
  rooms: WorkshopRoom[];
}

/** The workshop kept in this browser, if any. */
export function savedWorkshop(): Workshop | null {
  try {
    const raw = localStorage.getItem(WORKSHOP_KEY);
    const parsed = raw ? (JSON.parse(raw) as Workshop) : null;
    return parsed && Array.isArray(parsed.rooms) ? parsed : null;
  } catch {
    return null;
  }
}

/** The facilitator key of a workshop room, for opening that room's own screen in another tab. */
export function workshopKey(code: string): string | undefined {
  return savedWorkshop()?.rooms.find((r) => r.code === code)?.facilitatorKey;
}

/** The address students open to join a room: the lobby with the code filled in. */
export function joinUrl(code: string): string {
  return `${serverUrl()}/?code=${code}`;
}

/** A rejoin link for a seat: the lobby keeps the token in "your matches". */
export function rejoinUrl(seatToken: string): string {
  return `${serverUrl()}/?seat=${encodeURIComponent(seatToken)}`;
}

export async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}
