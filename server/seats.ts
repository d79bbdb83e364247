/**
 * Seat tokens: what a browser keeps to come back to its seat after the reconnection window, the next day or
 * after a server restart. A token names its match, role and player and carries an HMAC-SHA256 of the three
 * under the match's own random seat key (256 bits, kept only on the server), so it cannot be guessed, and
 * changing its role, player or match breaks it: it never opens another seat or another match.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseSeatToken, type Role } from "../shared/room.ts";
import type { Side } from "../shared/rules/index.ts";
import type { Action, MatchRecord } from "./store.ts";

export const NOT_A_SEAT_TOKEN =
  "this is not a seat token (it may be cut short): ask your teacher for a new rejoin link";

export interface Seat {
  code: string;
  role: Role;
  playerId: string;
}

/** The key a match's tokens are signed with (older matches, stored without one, derive it from their secret). */
function keyOf(record: Pick<MatchRecord, "secret" | "settings">): Buffer {
  if (record.settings.seatKey) return Buffer.from(record.settings.seatKey, "base64url");
  return createHmac("sha256", record.secret).update("seat tokens").digest();
}

function mac(record: Pick<MatchRecord, "secret" | "settings">, seat: Seat): string {
  return createHmac("sha256", keyOf(record))
    .update(`${seat.code}\n${seat.role}\n${seat.playerId}`)
    .digest("base64url");
}

export function seatToken(record: Pick<MatchRecord, "secret" | "settings">, seat: Seat): string {
  return `${seat.code}.${seat.role}.${seat.playerId}.${mac(record, seat)}`;
}

/** The match a token names, if it is shaped like a token at all (nothing is verified yet). */
export function tokenCode(token: unknown): string | undefined {
  return typeof token === "string" ? parseSeatToken(token)?.code : undefined;
}

/** The seat a token opens in this match, or the reason it opens none (an error text a person can act on). */
export function checkSeatToken(
  record: Pick<MatchRecord, "code" | "secret" | "settings">,
  token: unknown,
): Seat | string {
  const parsed = typeof token === "string" ? parseSeatToken(token) : null;
  if (!parsed) return NOT_A_SEAT_TOKEN;
  const seat: Seat = { code: parsed.code, role: parsed.role, playerId: parsed.playerId };
  if (seat.code !== record.code) return `this seat token is for match ${seat.code}, not ${record.code}`;
  const expected = Buffer.from(mac(record, seat));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return "this seat token is not valid for this match (it was changed or damaged): ask your teacher for a new rejoin link, or join with the code";
  return seat;
}

/** Where a match stands for one of its seats, read from its log (the lobby's "your matches"). */
export interface SeatStatus {
  code: string;
  role: Role;
  turn: number;
  phase: "waiting" | "orders" | "paused" | "ended";
  /** Whether the match waits for this seat's side to confirm its orders. */
  waitsForYou: boolean;
  /** When the current turn's deadline runs out (ms since the epoch), or null. */
  deadline: number | null;
}

export function seatStatus(record: MatchRecord, actions: readonly Action[], role: Role): SeatStatus {
  const turn = actions.filter((a) => a.kind === "resolve").length;
  const started = !record.settings.waitForStart || actions.some((a) => a.kind === "start");
  // This turn's actions: those after the last resolve.
  let from = 0;
  actions.forEach((a, i) => {
    if (a.kind === "resolve") from = i + 1;
  });
  const confirmed: Record<Side, boolean> = { us: false, china: false };
  let paused = false;
  let deadline: number | null = null;
  for (const a of actions.slice(from)) {
    if (a.kind === "submit") confirmed[a.side] = true;
    else if (a.kind === "withdraw") confirmed[a.side] = false;
    else if (a.kind === "deadline") deadline = a.at;
    else if (a.kind === "pause") paused = true;
    else if (a.kind === "resume") paused = false;
  }
  const ended = record.finished || actions.some((a) => a.kind === "end");
  const phase = ended ? "ended" : !started ? "waiting" : paused ? "paused" : "orders";
  const side = role === "us" || role === "china" ? role : null;
  return {
    code: record.code,
    role,
    turn,
    phase,
    waitsForYou: phase === "orders" && side !== null && !confirmed[side],
    deadline: phase === "orders" ? deadline : null,
  };
}
