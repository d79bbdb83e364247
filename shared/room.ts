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
