/**
 * What a client sends a match room, checked before the session sees it: each message type's zod schema as a
 * Colyseus validator, the join options, and the answer to a message type that does not exist.
 */
import type { MessageContext } from "@colyseus/core";
import {
  CLIENT_MESSAGES,
  type ClientMessageType,
  CreateOptionsSchema,
  type ErrorReply,
} from "../shared/protocol.ts";
import type { ClientMessage } from "./session/session.ts";

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

/** The answer to a message whose type no handler takes (`third` is the request context when it is a request). */
export function unknownType(type: unknown, third: unknown): ErrorReply {
  return {
    code: "invalid",
    message: `unknown message type ${describeType(isRequestContext(third) ? "*" : type)} (known: ${Object.keys(CLIENT_MESSAGES).join(", ")})`,
  };
}

/**
 * The join fields of an options object. The creator's join carries the create options too, which are allowed
 * (and ignored here); a key that neither a join nor a create takes is refused, so that a typo is not silently
 * dropped.
 */
export function pickJoin(options: unknown): unknown {
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
export function isRequestContext(
  value: unknown,
): value is MessageContext & { reject(reason: unknown): void } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { reject?: unknown }).reject === "function" &&
    (value as { id?: unknown }).id !== undefined
  );
}
