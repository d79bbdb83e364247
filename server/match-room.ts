/**
 * One match's Colyseus room: a thin adapter around the pure session (session/session.ts). It turns each
 * client's join, drop, message and the session's wake-up time into an input, and carries out the effects:
 * actions appended to the store, messages and per-client views sent once the log holds what they show, and the
 * public facts copied into the synced state. It holds no game rule and no referee decision of its own.
 */
import {
  type Client,
  type MessageContext,
  OnMessageException,
  Room,
  type RoomException,
  type RoomMethodName,
  TimedEventException,
  validate,
} from "@colyseus/core";
import {
  type ClientMessageType,
  type ErrorReply,
  JoinOptionsSchema,
  type ViewMessage,
} from "../shared/protocol.ts";
import type { Role } from "../shared/room.ts";
import { orderOptions, SIDES, viewFor } from "../shared/rules/index.ts";
import { type ListOffsets, trimView } from "../shared/view-delta.ts";
import { MatchRoomState, type MatchRoomStateType, PlayerSchema } from "./room-state.ts";
import { type Checked, checked, isRequestContext, pickJoin, unknownType } from "./room-input.ts";
import { openSession, roomNow, roomServices } from "./room-services.ts";
import {
  type Audience,
  type ClientMessage,
  type Effect,
  type Input,
  phaseOf,
  publicFacts,
  type Session,
  type Step,
  step,
  wakeAt,
} from "./session/session.ts";
import { MatchLog } from "./match-log.ts";

/**
 * The room's own state-patch tick, a backstop only: each change's patch goes out right after the callback that
 * made it (patchSoon), because thousands of idle rooms each waking 20 times a second (Colyseus' default) cost
 * more than all their turns.
 */
const PATCH_BACKSTOP_MS = 1000;

/** Close codes a client may see. */
export const CLOSE = { UNKNOWN_MESSAGE: 4400, SERVER_SHUTDOWN: 4500 } as const;

interface Timer {
  clear(): void;
}

export class MatchRoom extends Room<{ state: MatchRoomStateType }> {
  private session!: Session;
  /** Each member's current connection, by player id. */
  private readonly clientOf = new Map<string, Client>();
  /** Dropped members' seats held for the reconnection window, by player id. */
  private readonly held = new Map<
    string,
    { sessionId: string; hold: ReturnType<Room["allowReconnection"]> }
  >();
  /** How much of each growing view list each connection already holds. */
  private readonly sentLists = new Map<string, ListOffsets>();
  private wake: { at: number; timer: Timer } | undefined;
  private closing: Timer | undefined;
  /** The room's timers (see `after`), cleared when it closes; whether a state patch is due (see `patchSoon`). */
  private readonly timers = new Set<NodeJS.Timeout>();
  private patchDue = false;
  private published = "";
  private listed: boolean | undefined;
  private matchLog!: MatchLog;

  override messages = {
    draft: this.on("draft"),
    confirm: this.on("confirm"),
    unconfirm: this.on("unconfirm"),
    pause: this.on("pause"),
    resume: this.on("resume"),
    extendTimer: this.on("extendTimer"),
    injectEvent: this.on("injectEvent"),
    endMatch: this.on("endMatch"),
    start: this.on("start"),
    seatLinks: this.on("seatLinks"),
    // Colyseus calls this for a type no handler takes as (client, type, payload), but for a message whose type
    // is the string "*" itself as (client, payload, ctx): nothing here may assume that `type` is a name.
    _: (client: Client, type: unknown, third: unknown) => {
      const reply = unknownType(type, third);
      // A request is answered and the client stays (as Colyseus answers a request of any other unknown type);
      // a plain message is answered and its sender closed.
      if (isRequestContext(third)) return third.reject(reply);
      client.send("error", reply);
      client.leave(CLOSE.UNKNOWN_MESSAGE, "unknown message type");
    },
  };

  override async onCreate(options: unknown): Promise<void> {
    const { config } = roomServices();
    this.maxMessagesPerSecond = config.MAX_MESSAGES_PER_SECOND;
    this.patchRate = PATCH_BACKSTOP_MS;
    this.autoDispose = false;
    const { first, restored } = await openSession(options, async (code, waitMs) => {
      const { store, log, shared } = roomServices();
      this.roomId = code;
      this.matchLog = new MatchLog(code, store, log, () => void this.disconnect(CLOSE.SERVER_SHUTDOWN));
      await this.matchLog.claim(shared === true, config.LEASE_SECONDS * 1000, waitMs);
    });
    this.setState(new MatchRoomState());
    const { game, record } = first.session;
    Object.assign(this.state, {
      code: record.code,
      scenarioId: game.scenario.id,
      title: game.scenario.title.en,
      turns: game.scenario.params.time.turns,
      timerSeconds: record.settings.timerSeconds ?? 0,
    });
    this.settle(first);
    // A new match whose creator never connects (a create alone, or lobby spam) does not stay in memory.
    this.closeWhenEmpty(restored ? undefined : config.EMPTY_ROOM_SECONDS);
  }

  /**
   * The last line of defence: an exception thrown by any handler, timer or lifecycle method of this room is
   * logged here and goes no further, so that no message can stop the process (Colyseus wraps every callback
   * of a room that defines this method).
   */
  override onUncaughtException(error: RoomException, methodName: RoomMethodName): void {
    roomServices().log.error(
      { err: error.cause ?? error, code: this.roomId, in: methodName },
      "room callback failed",
    );
    if (error instanceof OnMessageException && error.client)
      error.client.send("error", {
        code: "invalid",
        message: "the server could not handle that message; nothing was changed",
      } satisfies ErrorReply);
  }

  override onJoin(client: Client, options: unknown): void {
    const parsed = JoinOptionsSchema.safeParse(pickJoin(options));
    if (!parsed.success)
      throw new Error(
        `cannot join: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const { role, name, playerId, facilitatorKey, seatToken } = parsed.data;
    const previous = this.clientOf.get(playerId);
    this.clientOf.set(playerId, client);
    const result = this.apply({ kind: "join", playerId, name, role, facilitatorKey, seatToken });
    if (result.refusal) {
      if (previous) this.clientOf.set(playerId, previous);
      else this.clientOf.delete(playerId);
      throw new Error(result.refusal.message);
    }
    client.userData = { playerId };
    this.state.players.set(
      client.sessionId,
      new PlayerSchema({ name, role, connected: true, bot: false, botId: "" }),
    );
  }

  override onDrop(client: Client): void {
    const playerId = this.memberOf(client);
    // A client refused in onJoin held no seat: there is nothing to keep for it.
    if (!playerId) return;
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = false;
    this.apply({ kind: "drop", playerId });
    // Rejects when the window passes, the room shuts down or the seat is taken back with its token; onLeave
    // then frees the seat.
    const hold = this.allowReconnection(client, roomServices().config.RECONNECT_SECONDS);
    this.held.set(playerId, { sessionId: client.sessionId, hold });
    hold
      .catch(() => undefined)
      .finally(() => {
        if (this.held.get(playerId)?.hold === hold) this.held.delete(playerId);
      });
  }

  override onReconnect(client: Client): void {
    const playerId = this.memberOf(client);
    if (!playerId) return;
    this.clientOf.set(playerId, client);
    this.sentLists.delete(client.sessionId);
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = true;
    this.apply({ kind: "reconnect", playerId });
  }

  override onLeave(client: Client): void {
    this.state.players.delete(client.sessionId);
    this.sentLists.delete(client.sessionId);
    const playerId = this.memberOf(client);
    // (A connection given up for a seat taken back with its token no longer holds the member's seat.)
    if (playerId && this.clientOf.get(playerId) === client) {
      this.clientOf.delete(playerId);
      this.apply({ kind: "leave", playerId });
    }
    this.closeWhenEmpty();
  }

  override onBeforeShutdown(): void {
    this.broadcast("notice", {
      message: "The server is restarting. Your match is saved: rejoin with the same code in a moment.",
    });
    void this.disconnect(CLOSE.SERVER_SHUTDOWN);
  }

  override onDispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.matchLog?.close();
  }

  // --- inputs and effects ---------------------------------------------------------------------------------

  /** A typed handler of one client message type: the message goes to the session as an input. */
  private on<K extends ClientMessageType>(type: K) {
    return validate(
      checked(type),
      (client: Client, message: Checked<ClientMessage<K>["data"]>, ctx: MessageContext) => {
        const playerId = this.memberOf(client);
        const input: Input | ErrorReply = !message.ok
          ? { code: "invalid", message: `the ${type} message is malformed`, errors: message.errors }
          : !playerId
            ? { code: "not-allowed", message: "you are not seated in this match" }
            : // (K is one type, so this is the union's member for K; TypeScript cannot follow a generic K.)
              { kind: "message", playerId, message: { type, data: message.data } as ClientMessage };
        const result = "kind" in input ? this.applySafely(input) : { refusal: input };
        const answer = (reply: ErrorReply | null, value?: unknown) =>
          reply ? ctx.reject(reply) : ctx.resolve(value ?? { ok: true });
        if (ctx.id === undefined) {
          if (result.refusal) client.send("error", result.refusal);
          return undefined;
        }
        if (result.refusal) return answer(result.refusal);
        // The reply waits for the log: an acknowledged action is durable.
        return this.matchLog.written().then((ok) =>
          answer(
            ok
              ? null
              : {
                  code: "invalid",
                  message: "the server could not save that; rejoin the match by its code",
                },
            result.reply,
          ),
        );
      },
    );
  }

  /** A client's input; a fault of the server's own is logged and answered as a refusal that changed nothing. */
  private applySafely(input: Input): Pick<Step, "reply" | "refusal"> {
    try {
      return this.apply(input);
    } catch (error) {
      roomServices().log.error({ err: error, code: this.roomId }, "message handler failed");
      return {
        refusal: {
          code: "invalid",
          message: "the server could not handle that message; nothing was changed",
        },
      };
    }
  }

  /** Steps the session with an input and carries out what it decided. */
  private apply(input: Input): Step {
    const result = step(this.session, input, roomNow());
    if (!result.refusal) this.settle(result);
    return result;
  }

  private settle(result: Step): void {
    this.session = result.session;
    const deliveries: Effect[] = [];
    for (const effect of result.effects) {
      if (effect.kind === "append") this.matchLog.append(effect.action);
      else if (effect.kind === "finish") {
        this.matchLog.finish();
        this.closeWhenEmpty();
      } else if (effect.kind === "release") {
        const held = this.held.get(effect.playerId);
        if (held) {
          this.state.players.delete(held.sessionId);
          held.hold.reject(new Error("the seat was taken back with its seat token"));
        }
      } else deliveries.push(effect);
    }
    this.syncState();
    this.patchSoon();
    // What a message shows is sent once the log holds it.
    const session = this.session;
    if (deliveries.length > 0) this.matchLog.afterWrites(() => this.deliver(session, deliveries));
    this.schedule();
  }

  /**
   * Sends a step's messages in order, then each person named by any of its `views` effects one view (all of
   * them show the step's final state). The state's changes go first, so that a client holds the state that goes
   * with each view it gets.
   */
  private deliver(session: Session, effects: Effect[]): void {
    this.flushPatch();
    const viewers = new Map<Client, Role>();
    for (const effect of effects) {
      if (effect.kind !== "send" && effect.kind !== "views") continue;
      for (const [client, role] of this.audience(session, effect.to)) {
        if (effect.kind === "send") client.send(effect.out.type, effect.out.message);
        else {
          if (effect.fresh) this.sentLists.delete(client.sessionId);
          viewers.set(client, role);
        }
      }
    }
    const built = new Map<Role, Pick<ViewMessage, "view" | "options">>();
    for (const [client, role] of viewers) {
      let mine = built.get(role);
      if (!mine) {
        const options = role === "us" || role === "china" ? orderOptions(session.game, role) : null;
        built.set(role, (mine = { view: viewFor(session.game, role), options }));
      }
      const { view, from, next } = trimView(mine.view, this.sentLists.get(client.sessionId) ?? {});
      this.sentLists.set(client.sessionId, next);
      client.send("view", { view, options: mine.options, from } satisfies ViewMessage);
    }
  }

  /** The connected people an audience names, with their roles. */
  private audience(session: Session, to: Audience): [Client, Role][] {
    const out: [Client, Role][] = [];
    for (const [playerId, client] of this.clientOf) {
      const member = session.members.get(playerId);
      if (!member?.connected) continue;
      const named =
        to === "all" || ("roles" in to ? to.roles.includes(member.role) : to.playerId === playerId);
      if (named) out.push([client, member.role]);
    }
    return out;
  }

  /** Wakes the session when it asked to be woken (a long wait in steps: a Node timer holds at most 24.8 days). */
  private schedule(): void {
    const at = wakeAt(this.session);
    if (at === this.wake?.at) return;
    this.wake?.timer.clear();
    this.wake = undefined;
    if (at === null) return;
    const timer = this.after(
      () => {
        this.wake = undefined;
        this.apply({ kind: "tick" });
      },
      Math.min(Math.max(0, at - roomNow()), 3_600_000),
    );
    this.wake = { at, timer };
  }

  /**
   * A room nobody is in closes after a while: a new match whose creator never came after EMPTY_ROOM_SECONDS, a
   * finished match after FINISHED_ROOM_SECONDS (its exports and replay stay in the store), a running one after
   * IDLE_ROOM_SECONDS (a join by its code opens it again from the store). Someone who joins keeps it open.
   */
  private closeWhenEmpty(seconds?: number): void {
    if (this.clients.length > 0) return;
    const { config } = roomServices();
    const wait =
      seconds ??
      (phaseOf(this.session) === "ended" ? config.FINISHED_ROOM_SECONDS : config.IDLE_ROOM_SECONDS);
    this.closing?.clear();
    this.closing = this.after(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, wait * 1000);
  }

  /** Copies the session's public facts into the synced state and the lobby's listing. */
  private syncState(): void {
    const { bots, listed, metadata, ...facts } = publicFacts(this.session);
    Object.assign(this.state, facts);
    for (const side of SIDES) {
      const key = `bot-${side}`;
      const botId = bots[side];
      if (botId !== null && !this.state.players.has(key))
        this.state.players.set(
          key,
          new PlayerSchema({ name: `${botId} bot`, role: side, connected: true, bot: true, botId }),
        );
      if (botId === null) this.state.players.delete(key);
    }
    if (listed !== this.listed) {
      this.listed = listed;
      void this.setPrivate(!listed);
    }
    const text = JSON.stringify(metadata);
    if (text !== this.published) {
      this.published = text;
      void this.setMetadata(metadata);
    }
  }

  /**
   * Runs `fn` in `ms` on a timer of its own (the room clock ticks only with the slow patch backstop); an error
   * goes to onUncaughtException like any other callback's, and the state's changes go out right after.
   */
  private after(fn: () => void, ms: number): Timer {
    const handle = setTimeout(
      () => {
        this.timers.delete(handle);
        try {
          fn();
        } catch (error) {
          const cause = error instanceof Error ? error : new Error(String(error));
          this.onUncaughtException(new TimedEventException(cause, "a room timer failed"), "setTimeout");
        }
        this.patchSoon();
      },
      Math.max(0, ms),
    );
    this.timers.add(handle);
    return {
      clear: () => {
        clearTimeout(handle);
        this.timers.delete(handle);
      },
    };
  }

  /** Sends the state's changes once the current callback is done (several changes, one patch). */
  private patchSoon(): void {
    if (this.patchDue) return;
    this.patchDue = true;
    setImmediate(() => this.flushPatch());
  }

  private flushPatch(): void {
    if (!this.patchDue) return;
    this.patchDue = false;
    this.broadcastPatch();
  }

  private memberOf(client: Client): string | undefined {
    return (client.userData as { playerId?: string } | undefined)?.playerId;
  }
}
