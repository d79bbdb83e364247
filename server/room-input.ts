/**
 * What a client sends a match room, checked before the session sees it: each message type's zod schema as a
 * Colyseus validator, the join options, and the answer to a message type that does not exist.
 */
import type { Client, MessageContext } from "@colyseus/core";
import {
  CLIENT_MESSAGES,
  type ClientMessageType,
  CreateOptionsSchema,
  type ErrorReply,
  type JoinOptions,
  JoinOptionsSchema,
} from "../shared/protocol.ts";
import type { ClientMessage, Input, Step } from "./session/session.ts";

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: NonNullable<ErrorReply["errors"]> };
/** A Standard Schema (what Colyseus' `validate` takes) whose output is T. */
interface Format<T> {
  "~standard": {
    version: 1;
    vendor: string;
    validate(raw: unknown): { value: T };
    types?: { input: unknown; output: T };
  };
}

/**
 * A message's zod schema as a Colyseus validator that never throws: a malformed message reaches its handler as
 * `{ ok: false }`, so that its sender gets an error that names the fields (Colyseus would close the connection).
 */
export function checked<K extends ClientMessageType>(type: K): Format<Checked<ClientMessage<K>["data"]>> {
  const schema = CLIENT_MESSAGES[type];
  return {
    "~standard": {
      version: 1,
      vendor: "compute-frontier",
      validate: (raw: unknown) => {
        const parsed = schema.safeParse(raw ?? {});
        const value: Checked<ClientMessage<K>["data"]> = parsed.success
          ? { ok: true, data: parsed.data as ClientMessage<K>["data"] }
          : {
              ok: false,
              errors: parsed.error.issues.map((i) => ({
                path: i.path.join(".") || type,
                message: i.message,
              })),
            };
        return { value };
      },
    },
  };
}

/** The refusal of a message the server failed on: a fault of its own, which changed nothing. */
export const SERVER_FAULT: ErrorReply = {
  code: "invalid",
  message: "the server could not handle that message; nothing was changed",
};

/** A checked message of a member (`playerId`, undefined for a connection with no seat) as the session's input. */
export function messageInput<K extends ClientMessageType>(
  type: K,
  message: Checked<ClientMessage<K>["data"]>,
  playerId: string | undefined,
): Input | ErrorReply {
  if (!message.ok)
    return { code: "invalid", message: `the ${type} message is malformed`, errors: message.errors };
  if (!playerId) return { code: "not-allowed", message: "you are not seated in this match" };
  // (K is one type, so this is the union's member for K; TypeScript cannot follow a generic K.)
  return { kind: "message", playerId, message: { type, data: message.data } as ClientMessage };
}

/**
 * Answers a client's message once the session took it. A plain message is answered only when refused, with an
 * "error" message. A request is rejected with its refusal, or resolved with the session's reply once the log
 * holds what it did (`written`), so that an acknowledged action is durable.
 */
export function answer(
  client: Client,
  ctx: MessageContext,
  result: Pick<Step, "reply" | "refusal">,
  written: () => Promise<boolean>,
): Promise<void> | undefined {
  if (ctx.id === undefined) {
    if (result.refusal) client.send("error", result.refusal);
    return undefined;
  }
  if (result.refusal) {
    ctx.reject(result.refusal);
    return undefined;
  }
  return written().then((ok) => {
    if (ok) ctx.resolve(result.reply ?? { ok: true });
    else
      ctx.reject({
        code: "invalid",
        message: "the server could not save that; rejoin the match by its code",
      } satisfies ErrorReply);
  });
}

/**
 * Answers a message whose type no handler takes. Colyseus calls the room's "_" handler for it as (client, type,
 * payload), but for a message whose type is the string "*" itself as (client, payload, ctx): nothing here may
 * assume that `type` is a name. A request is answered and the client stays (as Colyseus answers a request of
 * any other unknown type); a plain message is answered and its sender closed with `closeCode`.
 */
export function refuseUnknownType(client: Client, type: unknown, third: unknown, closeCode: number): void {
  const reply = unknownType(type, third);
  if (isRequestContext(third)) {
    third.reject(reply);
    return;
  }
  client.send("error", reply);
  client.leave(closeCode, "unknown message type");
}

/** The answer to a message whose type no handler takes (`third` is the request context when it is a request). */
function unknownType(type: unknown, third: unknown): ErrorReply {
  return {
    code: "invalid",
    message: `unknown message type ${describeType(isRequestContext(third) ? "*" : type)} (known: ${Object.keys(CLIENT_MESSAGES).join(", ")})`,
  };
}

/** A join's options, checked; a bad one throws an error that names its fields (the client sees the text). */
export function joinOptions(options: unknown): JoinOptions {
  const parsed = JoinOptionsSchema.safeParse(pickJoin(options));
  if (!parsed.success)
    throw new Error(
      `cannot join: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
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
