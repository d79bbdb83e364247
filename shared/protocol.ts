/**
 * The client protocol, shared by the server (which validates every input with these schemas) and the browser
 * client (which builds its messages from the same types). docs/protocol.md describes it for other clients.
 */
import { z } from "zod";
import type { DeepReadonly, OrderError, OrderOptions, View } from "./rules/index.ts";
import type { ListOffsets } from "./view-delta.ts";
import { MAX_ORDERS } from "./rules/orders.ts";

import { CODE_ALPHABET, CODE_LENGTH, ROLES } from "./room.ts";

export { CODE_ALPHABET, CODE_LENGTH, ROLES, ROOM_NAME, type Role } from "./room.ts";
export const CodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`),
        `a join code is ${CODE_LENGTH} letters and digits (no 0, O, 1 or I)`,
      ),
  );

/** A comma-separated list of join codes (the rooms of a workshop), as in `?codes=ABC234,XYZ789`. */
export const ResultCodesSchema = z
  .string({ error: "name the matches, like ?codes=ABC234,XYZ789" })
  .transform((s) => s.split(",").filter((c) => c.trim() !== ""))
  .pipe(z.array(CodeSchema).min(1, "name at least one code").max(60, "at most 60 codes at once"));

const name = z.string().trim().min(1, "enter a name").max(40, "a name has at most 40 characters");
/** A random id the browser keeps, so that a person comes back to the same seat. */
const playerId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "a player id is 8 to 64 letters, digits, _ or -");

export const JoinOptionsSchema = z
  .object({
    role: z.enum(ROLES),
    name,
    playerId,
    /** Required to join as facilitator of a match created by someone else. */
    facilitatorKey: z.string().max(64).optional(),
    /**
     * The seat token from an earlier welcome (or a teacher's rejoin link): it returns this player to the seat
     * it names, after the reconnection window or a server restart. role and playerId must be the token's.
     */
    seatToken: z.string().max(200).optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** The longest turn deadline: two weeks (a school holiday). */
export const MAX_DEADLINE_HOURS = 14 * 24;

export const CreateOptionsSchema = JoinOptionsSchema.extend({
  scenario: z.string().max(64).default("baseline-2025"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  /** Seconds per turn; null for no timer. */
  timerSeconds: z.number().int().min(15).max(3600).nullable().default(null),
  /**
   * Homework play over days: hours per turn (at most two weeks), instead of timerSeconds. The deadline is kept
   * in the match's log, so a restart neither forgets nor repeats it.
   */
  deadlineHours: z
    .number()
    .int("a turn deadline is a whole number of hours")
    .min(1, "a turn deadline is at least 1 hour")
    .max(MAX_DEADLINE_HOURS, `a turn deadline is at most ${MAX_DEADLINE_HOURS} hours (two weeks)`)
    .optional(),
  private: z.boolean().default(false),
  /** Whether bots play sides that no person holds. */
  bots: z.boolean().default(false),
  /**
   * A workshop room: it waits (students join and draft, nothing resolves and no bot plays) until the
   * facilitator starts it.
   */
  waitForStart: z.boolean().default(false),
  /**
   * With waitForStart: the room also starts itself as soon as people hold both sides (the teacher allows it
   * when creating the room). Bots fill empty sides only when a room starts, and only with `bots`.
   */
  autoStart: z.boolean().default(false),
  /** Which bot plays an empty side (an id from GET /api/bots that plays both sides)... */
  botId: z.string().max(40).optional(),
  /**
   * ...unless a side names its own bot (a persona plays only the side it is written for). A side with no bot
   * named gets its default persona (hawk for the US, offshorer for China).
   */
  botUs: z.string().max(40).optional(),
  botChina: z.string().max(40).optional(),
}).strict();
export type CreateOptions = z.input<typeof CreateOptionsSchema>;

/** Restoring a match from the store after a restart (server-internal, never from a client). */
export interface RestoreOptions {
  restore: string;
}

// Client -> server requests (room.request); each answers with a result or rejects with an ErrorReply.
export const DraftMessageSchema = z.object({ orders: z.array(z.unknown()).max(MAX_ORDERS) }).strict();
export const ConfirmMessageSchema = z.object({ turn: z.number().int().min(0) }).strict();
/** Takes back the side's confirmation for this turn, so that its draft may change again. */
export const UnconfirmMessageSchema = ConfirmMessageSchema;
export const InjectMessageSchema = z
  .object({ eventId: z.string().max(64), turn: z.number().int().min(0).optional() })
  .strict();
export const ExtendMessageSchema = z.object({ seconds: z.number().int().min(1).max(3600) }).strict();
export const EmptyMessageSchema = z.object({}).strict();

export const CLIENT_MESSAGES = {
  draft: DraftMessageSchema,
  confirm: ConfirmMessageSchema,
  unconfirm: UnconfirmMessageSchema,
  pause: EmptyMessageSchema,
  resume: EmptyMessageSchema,
  extendTimer: ExtendMessageSchema,
  injectEvent: InjectMessageSchema,
  endMatch: EmptyMessageSchema,
  start: EmptyMessageSchema,
  /** The facilitator asks for a rejoin link (seat token) of each person seated in the match. */
  seatLinks: EmptyMessageSchema,
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

export interface ErrorReply {
  code: "invalid" | "not-allowed" | "wrong-turn" | "refused" | "ended";
  message: string;
  errors?: OrderError[];
}

/** A seated person's seat token, for the facilitator to hand out as a rejoin link (`/?seat=TOKEN`). */
export interface SeatLink {
  name: string;
  role: "us" | "china" | "spectator";
  connected: boolean;
  seatToken: string;
}

/** A side's shared draft, as the server sends it to that side's members. */
export interface DraftBroadcast {
  side: "us" | "china";
  orders: unknown[];
  /** Who changed it last. */
  by: string;
  /** Problems the rules see in the draft now (empty when it could be confirmed as it is). */
  errors: OrderError[];
}

/**
 * The "view" message: what this client may see, and for a side's members the levers they may pull now. The
 * growing lists of the view (history, events) hold only the items from `from` on; see view-delta.ts.
 */
export interface ViewMessage {
  view: DeepReadonly<View>;
  options: OrderOptions | null;
  from: ListOffsets;
}
