/**
 * What match rooms need from their process (the store, the config, the log, the clock), and the process-level
 * helpers around rooms: new join codes, and reopening a stored match whose room is closed.
 */
import { matchMaker } from "@colyseus/core";
import { randomBytes, randomInt } from "node:crypto";
import { hashState } from "../shared/rules/index.ts";
import type { Logger } from "pino";
import { CODE_ALPHABET, CODE_LENGTH, type RestoreOptions, ROOM_NAME } from "../shared/protocol.ts";
import type { Config } from "./config.ts";
import { newMatch, storedBots } from "./session/create.ts";
import { type Limits, newSession, restoredSession, type Step } from "./session/session.ts";
import type { Store } from "./store.ts";

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

/** Set once by the server before any room is created. */
export function provideRoomServices(s: RoomServices): void {
  services = s;
}

export function roomServices(): RoomServices {
  if (!services) throw new Error("room services were not provided");
  return services;
}

export function roomNow(): number {
  return (services?.now ?? Date.now)();
}

/** A session's limits from the server's config. */
export function limitsOf(config: Config): Limits {
  return {
    teamMax: config.TEAM_MAX,
    spectatorsMax: config.SPECTATORS_MAX,
    reconnectMs: config.RECONNECT_SECONDS * 1000,
    botTurnMs: config.BOT_TURN_SECONDS * 1000,
  };
}

/** Restoring a match from its log is for the server itself: clients cannot send this per-process key. */
const RESTORE_KEY = randomBytes(16).toString("base64url");
export function restoreOptions(code: string): RestoreOptions & { restoreKey: string } {
  return { restore: code, restoreKey: RESTORE_KEY };
}
/** The code of the stored match that create options ask to restore, if they carry this process's key. */
export function restoreCode(options: unknown): string | undefined {
  const o = options as { restore?: unknown; restoreKey?: unknown } | null;
  return o?.restoreKey === RESTORE_KEY && typeof o.restore === "string" ? o.restore : undefined;
}
/** Whether create options ask to restore a match (such a room opens on the process that asked; see app.ts). */
export const isRestore = (options: unknown): boolean => restoreCode(options) !== undefined;

type Reopened = { status: 200 | 404 | 409; body: { code: string; opened: boolean } | { error: string } };
/** Reopenings under way in this process, so that two joins racing to reopen one match share one room. */
const opening = new Map<string, Promise<Reopened>>();

/**
 * Makes sure a match can be joined by its code: a live room is left as it is; a stored match still running
 * whose room closed while idle gets its room back from the store. Answers what happened, for the HTTP API.
 */
export function reopenMatch(code: string): Promise<Reopened> {
  let pending = opening.get(code);
  if (!pending) {
    pending = reopenOnce(code).finally(() => opening.delete(code));
    opening.set(code, pending);
  }
  return pending;
}

async function reopenOnce(code: string): Promise<Reopened> {
  if (await liveRoom(code)) return { status: 200, body: { code, opened: false } };
  const record = await roomServices().store.get(code);
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
  if (listing.processId === matchMaker.processId || !roomServices().shared) return true;
  return (await matchMaker.healthCheckProcessId(listing.processId)) === true;
}

export async function newCode(taken: (code: string) => Promise<boolean>): Promise<string> {
  for (;;) {
    let code = "";
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!(await taken(code))) return code;
  }
}

/**
 * A room's session: a stored match folded from its log when the options ask to restore one (see restoreOptions),
 * else a new match made from a creator's options and stored. `claim` is told the match's code before anything
 * is read or written, with how long to wait for the match's lease (a process that died holds it until it runs
 * out); it throws to refuse.
 */
export async function openSession(
  options: unknown,
  claim: (code: string, waitMs: number) => Promise<void>,
): Promise<{ first: Step; restored: boolean }> {
  const { config, store, log } = roomServices();
  const limits = limitsOf(config);
  const code = restoreCode(options);
  if (code !== undefined) {
    const record = await store.get(code);
    if (!record) throw new Error(`no stored match ${code}`);
    await claim(code, (config.LEASE_SECONDS + 1) * 1000);
    const { bots, missing } = storedBots(record);
    for (const m of missing) log.warn({ code, ...m }, "stored bot unavailable");
    const first = restoredSession(record, await store.actions(code), limits, bots, roomNow());
    const { game } = first.session;
    log.info({ code, turn: game.turn, hash: hashState(game) }, "match restored from its log");
    return { first, restored: true };
  }
  const fresh = {
    code: await newCode((c) => store.has(c)),
    seed: randomInt(2 ** 31 - 1),
    secret: randomBytes(16).toString("hex"),
    facilitatorKey: randomBytes(12).toString("base64url"),
    seatKey: randomBytes(32).toString("base64url"),
    createdAt: new Date(roomNow()).toISOString(),
  };
  const made = newMatch(options, fresh, config.PLAYER_SEEDS);
  if (typeof made === "string") throw new Error(made);
  await claim(fresh.code, 0);
  await store.create(made.record);
  return { first: newSession(made.record, limits, made.bots, roomNow()), restored: false };
}
