/**
 * The client protocol, shared by the server (which validates every input with these schemas) and the browser
 * client (which builds its messages from the same types). docs/protocol.md describes it for other clients.
 */
import { z } from "zod";
import type {
  DeepReadonly,
  LeverChoice,
  LeverOption,
  OrderError,
  OrderOptions,
  View,
} from "./rules/index.ts";
import type { Reason } from "./rules/reasons.ts";
import { GROWING_LISTS } from "./view-delta.ts";
import { MAX_ORDERS, ORDER_TYPES } from "./rules/orders.ts";

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

// Server -> client: the messages a room sends (room.onMessage on the client) and the replies to each request.

/**
 * A schema for one of the rules' own types: it checks the fields a client relies on (`shape`) and lets the
 * rest through unchanged, and what it accepts is typed T, so that the server, the client and the rules share
 * one name for it. The compiler refuses a shape that T does not fit.
 */
export function checkedAs<T>() {
  return <S extends z.ZodType>(
    shape: S & ([T] extends [z.output<S>] ? unknown : "the type does not fit its shape"),
  ): z.ZodType<T> =>
    z.custom<T>().superRefine((value, ctx) => {
      const result = shape.safeParse(value);
      if (!result.success)
        for (const issue of result.error.issues)
          ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, input: value });
    });
}

const SideSchema = z.enum(["us", "china"]);

/** A rules reason (reasons.ts): a key, its values and the English text. */
const ReasonSchema = checkedAs<Reason>()(
  z.object({ key: z.string(), params: z.record(z.string(), z.unknown()), text: z.string() }),
);

export const OrderErrorSchema = checkedAs<OrderError>()(
  z.object({ path: z.string(), message: z.string(), reason: ReasonSchema.optional() }),
);

const LeverChoiceSchema = checkedAs<LeverChoice>()(
  z.object({
    value: z.string(),
    available: z.boolean(),
    reason: ReasonSchema.nullable(),
    max: z.number(),
    min: z.number(),
    costPerUnit: z.number(),
    current: z.number().nullable(),
  }),
);

const LeverOptionSchema = checkedAs<LeverOption>()(
  z.object({
    type: z.enum(ORDER_TYPES as [LeverOption["type"], ...LeverOption["type"][]]),
    available: z.boolean(),
    reason: ReasonSchema.nullable(),
    amountField: z.enum(["amount", "h100e", "gw", "wafersPerMonth", "stacksPerTurn", "rate"]).nullable(),
    unit: z.string(),
    choiceField: z.enum(["host", "source", "chipType", "level"]).nullable(),
    choices: z.array(LeverChoiceSchema),
    explanation: z.string(),
    likelyEffect: z.string(),
    likelyEffectParams: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
);

/** What a side may do now (rules/submit.ts orderOptions): its budget and every lever with its limits. */
export const OrderOptionsSchema = checkedAs<OrderOptions>()(
  z.object({
    side: SideSchema,
    turn: z.number().int().min(0),
    cash: z.number(),
    runningCost: z.number(),
    spendable: z.number(),
    levers: z.array(LeverOptionSchema),
  }),
);

/** "welcome": sent once to a client that took its seat. */
export const WelcomeMessageSchema = z.object({
  code: CodeSchema,
  role: z.enum(ROLES),
  playerId,
  /** Returns this player to this seat later (the lobby keeps it in "your matches"). */
  seatToken: z.string().optional(),
  /** Only to the facilitator: the key that lets them (or their workshop console) back in as facilitator. */
  facilitatorKey: z.string().optional(),
});
export type WelcomeMessage = z.infer<typeof WelcomeMessageSchema>;

/**
 * "view": what this client may see, and for a side's members the levers they may pull now. The growing lists
 * of the view (history, events) hold only the items from `from` on; see view-delta.ts. The view is checked
 * only to be an object here (the rules build it; its type is the rules' View).
 */
export const ViewMessageSchema = z.object({
  view: z.custom<DeepReadonly<View>>(
    (v) => typeof v === "object" && v !== null && !Array.isArray(v),
    "a view is an object",
  ),
  options: OrderOptionsSchema.nullable(),
  from: z.partialRecord(z.enum(GROWING_LISTS), z.number().int().min(0)),
});
export type ViewMessage = z.infer<typeof ViewMessageSchema>;

/** "draft": a side's shared draft, as the server sends it to that side's members. */
export const DraftBroadcastSchema = z.object({
  side: SideSchema,
  orders: z.array(z.unknown()),
  /** Who changed it last. */
  by: z.string(),
  /** Problems the rules see in the draft now (empty when it could be confirmed as it is). */
  errors: z.array(OrderErrorSchema),
});
export type DraftBroadcast = z.infer<typeof DraftBroadcastSchema>;

/** "error" (a plain message the server could not take), and the rejection of every refused request. */
export const ErrorReplySchema = z.object({
  code: z.enum(["invalid", "not-allowed", "wrong-turn", "refused", "ended"]),
  message: z.string(),
  errors: z.array(OrderErrorSchema).optional(),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

/** "notice": a sentence for everyone it concerns (a bot took a seat, the server restarts...), in English. */
export const NoticeMessageSchema = z.object({ message: z.string() });
export type NoticeMessage = z.infer<typeof NoticeMessageSchema>;

/** Every message type a room sends, with its schema. */
export const SERVER_MESSAGES = {
  welcome: WelcomeMessageSchema,
  view: ViewMessageSchema,
  draft: DraftBroadcastSchema,
  error: ErrorReplySchema,
  notice: NoticeMessageSchema,
} as const;
export type ServerMessageType = keyof typeof SERVER_MESSAGES;
export type ServerMessages = { [K in ServerMessageType]: z.infer<(typeof SERVER_MESSAGES)[K]> };
/** One message as a room sends it: its type and its payload. */
export type ServerMessage = {
  [K in ServerMessageType]: { type: K; message: ServerMessages[K] };
}[ServerMessageType];

/** A seated person's seat token, for the facilitator to hand out as a rejoin link (`/?seat=TOKEN`). */
export const SeatLinkSchema = z.object({
  name: z.string(),
  role: z.enum(["us", "china", "spectator"]),
  connected: z.boolean(),
  seatToken: z.string(),
});
export type SeatLink = z.infer<typeof SeatLinkSchema>;

/** The answer to each client request when it is accepted (a refused request rejects with an ErrorReply). */
export const REPLIES = {
  /** The draft's problems as the rules see them now (the same as the "draft" message's). */
  draft: z.object({ errors: z.array(OrderErrorSchema) }),
  confirm: z.object({ confirmed: z.literal(true) }),
  unconfirm: z.object({ confirmed: z.literal(false) }),
  pause: z.object({ paused: z.literal(true) }),
  resume: z.object({ resumed: z.literal(true) }),
  /** The new deadline (ms since the epoch; 0 while paused) and the time left while paused. */
  extendTimer: z.object({ deadline: z.number(), remainingMs: z.number().min(0) }),
  /** The event card and the turn it takes effect in. */
  injectEvent: z.object({ queued: z.object({ eventId: z.string(), turn: z.number().int().min(0) }) }),
  endMatch: z.object({ ended: z.literal(true) }),
  start: z.object({ started: z.literal(true) }),
  seatLinks: z.object({ seats: z.array(SeatLinkSchema) }),
} as const satisfies Record<ClientMessageType, z.ZodType>;
export type Replies = { [K in ClientMessageType]: z.infer<(typeof REPLIES)[K]> };
/** What a client sends with each request type (before the server's defaults). */
export type ClientMessages = { [K in ClientMessageType]: z.input<(typeof CLIENT_MESSAGES)[K]> };

/**
 * Checks a message a room sent against its type's schema: null when it fits (the caller passes on the message
 * as it came), else what is wrong with it in one line (the type, the first issue and where). A type the
 * protocol does not know is wrong too.
 */
export function serverMessageProblem(type: unknown, message: unknown): string | null {
  if (typeof type !== "string" || !Object.hasOwn(SERVER_MESSAGES, type))
    return `unknown server message type ${JSON.stringify(type)}`;
  return problem(`"${type}" message`, SERVER_MESSAGES[type as ServerMessageType], message);
}

/** Checks the answer to a request of `type` against its schema, like serverMessageProblem. */
export function replyProblem(type: ClientMessageType, reply: unknown): string | null {
  return problem(`reply to "${type}"`, REPLIES[type], reply);
}

function problem(what: string, schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  return `${what} does not fit the protocol${where}: ${issue?.message ?? "invalid"}`;
}
