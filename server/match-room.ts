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
import type { ClientMessageType } from "../shared/protocol.ts";
import { Connections } from "./room-connections.ts";
import { MatchRoomState, type MatchRoomStateType, showFacts, showMatch, showPerson } from "./room-state.ts";
import { RoomTimers, type Timer } from "./room-timers.ts";
import {
  answer,
  type Checked,
  checked,
  messageInput,
  joinOptions,
  SERVER_FAULT,
  refuseUnknownType,
} from "./room-input.ts";
import { openSession, roomNow, roomServices } from "./room-services.ts";
import {
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

export class MatchRoom extends Room<{ state: MatchRoomStateType }> {
  private session!: Session;
  private readonly connections = new Connections();
  private readonly timers = new RoomTimers({
    failed: (cause) =>
      this.onUncaughtException(new TimedEventException(cause, "a room timer failed"), "setTimeout"),
    afterEach: () => this.patchSoon(),
  });
  private closing: Timer | undefined;
  /** Whether a state patch is due (see `patchSoon`). */
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
    _: (client: Client, type: unknown, third: unknown) =>
      refuseUnknownType(client, type, third, CLOSE.UNKNOWN_MESSAGE),
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
    showMatch(this.state, first.session);
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
    if (error instanceof OnMessageException && error.client) error.client.send("error", SERVER_FAULT);
  }

  override onJoin(client: Client, options: unknown): void {
    const { role, name, playerId, facilitatorKey, seatToken } = joinOptions(options);
    const previous = this.connections.connect(playerId, client);
    const result = this.apply({ kind: "join", playerId, name, role, facilitatorKey, seatToken });
    if (result.refusal) {
      this.connections.undo(playerId, previous);
      throw new Error(result.refusal.message);
    }
    client.userData = { playerId };
    showPerson(this.state, client.sessionId, { name, role });
  }

  override onDrop(client: Client): void {
    const playerId = this.memberOf(client);
    // A client refused in onJoin held no seat: there is nothing to keep for it.
    if (!playerId) return;
    showPerson(this.state, client.sessionId, { connected: false });
    this.apply({ kind: "drop", playerId });
    // When the hold ends without a reconnection, onLeave frees the seat.
    const hold = this.allowReconnection(client, roomServices().config.RECONNECT_SECONDS);
    this.connections.hold(playerId, client.sessionId, hold);
  }

  override onReconnect(client: Client): void {
    const playerId = this.memberOf(client);
    if (!playerId) return;
    this.connections.connect(playerId, client);
    showPerson(this.state, client.sessionId, { connected: true });
    this.apply({ kind: "reconnect", playerId });
  }

  override onLeave(client: Client): void {
    showPerson(this.state, client.sessionId, null);
    // (A connection given up for a seat taken back with its token no longer holds the member's seat.)
    const left = this.connections.disconnect(this.memberOf(client), client);
    if (left !== undefined) this.apply({ kind: "leave", playerId: left });
    this.closeWhenEmpty();
  }

  override onBeforeShutdown(): void {
    this.broadcast("notice", {
      message: "The server is restarting. Your match is saved: rejoin with the same code in a moment.",
    });
    void this.disconnect(CLOSE.SERVER_SHUTDOWN);
  }

  override onDispose(): void {
    this.timers.clearAll();
    this.matchLog?.close();
  }

  // --- inputs and effects ---------------------------------------------------------------------------------

  /** A typed handler of one client message type: the message goes to the session as an input. */
  private on<K extends ClientMessageType>(type: K) {
    return validate(
      checked(type),
      (client: Client, message: Checked<ClientMessage<K>["data"]>, ctx: MessageContext) => {
        const input = messageInput(type, message, this.memberOf(client));
        const result = "kind" in input ? this.applySafely(input) : { refusal: input };
        return answer(client, ctx, result, () => this.matchLog.written());
      },
    );
  }

  /** A client's input; a fault of the server's own is logged and answered as a refusal that changed nothing. */
  private applySafely(input: Input): Pick<Step, "reply" | "refusal"> {
    try {
      return this.apply(input);
    } catch (error) {
      roomServices().log.error({ err: error, code: this.roomId }, "message handler failed");
      return { refusal: SERVER_FAULT };
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
        const sessionId = this.connections.release(effect.playerId);
        if (sessionId !== undefined) showPerson(this.state, sessionId, null);
      } else deliveries.push(effect);
    }
    this.syncState();
    this.patchSoon();
    // What a message shows is sent once the log holds it.
    const session = this.session;
    // The state's changes go first, so that a client holds the state that goes with each view it gets.
    if (deliveries.length > 0)
      this.matchLog.afterWrites(() => {
        this.flushPatch();
        this.connections.deliver(session, deliveries);
      });
    this.timers.wakeAt(wakeAt(this.session), roomNow(), () => this.apply({ kind: "tick" }));
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
    this.closing = this.timers.after(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, wait * 1000);
  }

  /** Copies the session's public facts into the synced state and the lobby's listing. */
  private syncState(): void {
    const { listed, metadata, ...facts } = publicFacts(this.session);
    showFacts(this.state, facts);
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
