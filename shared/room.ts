/** Room constants shared by the server and the browser (no dependencies, so the client bundle stays small). */
export const ROOM_NAME = "match";

/** Join codes: 6 characters from an alphabet without 0/O and 1/I, easy to read aloud. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_LENGTH = 6;

export const ROLES = ["us", "china", "spectator", "facilitator"] as const;

/** A player as the synced room state lists it (server/room-state.ts writes the same fields). */
export interface PublicPlayer {
  name: string;
  role: string;
  connected: boolean;
  bot: boolean;
  /** The bot's id for a bot, "" for a person. */
  botId: string;
}

/** The bot each side gets in a room when nobody names one: a persona with a recognisable strategy. */
export const DEFAULT_BOTS = { us: "hawk", china: "offshorer" } as const;
export type Role = (typeof ROLES)[number];

/** Whether a string looks like a join code (case-insensitive). */
export function isJoinCode(text: string): boolean {
  return new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(text.trim().toUpperCase());
}

/**
 * The parts of a seat token (`CODE.role.playerId.signature`, see server/seats.ts), or null for anything not
 * shaped like one. Only the server can tell whether the signature is right.
 */
export function parseSeatToken(
  token: string,
): { code: string; role: Role; playerId: string; signature: string } | null {
  const m = new RegExp(
    `^([${CODE_ALPHABET}]{${CODE_LENGTH}})\\.(${ROLES.join("|")})\\.([A-Za-z0-9_-]{8,64})\\.([A-Za-z0-9_-]{43})$`,
  ).exec(token.trim());
  return m ? { code: m[1]!, role: m[2] as Role, playerId: m[3]!, signature: m[4]! } : null;
}
