/**
 * Who of a match is connected on which connection, whose seat is held after a drop, and what each connection
 * is sent. The session decides who gets which message (its `send` and `views` effects name an audience); this
 * turns an audience into connections and sends. Views go out trimmed: each connection is sent only what it
 * does not hold yet of the view's growing lists.
 */
import type { Client, Room } from "@colyseus/core";
import type { ViewMessage } from "../shared/protocol.ts";
import type { Role } from "../shared/room.ts";
import { orderOptions, viewFor } from "../shared/rules/index.ts";
import { type ListOffsets, trimView } from "../shared/view-delta.ts";
import type { Audience, Effect, Session } from "./session/session.ts";

type Hold = ReturnType<Room["allowReconnection"]>;

export class Connections {
  /** Each member's current connection, by player id. */
  private readonly clientOf = new Map<string, Client>();
  /** How much of each growing view list each connection already holds, by session id. */
  private readonly sentLists = new Map<string, ListOffsets>();
  /** Dropped members' seats held for the reconnection window, by player id. */
  private readonly held = new Map<string, { sessionId: string; hold: Hold }>();

  /** The connection of a member, as of now; gives the one it replaces. */
  connect(playerId: string, client: Client): Client | undefined {
    const previous = this.clientOf.get(playerId);
    this.clientOf.set(playerId, client);
    this.sentLists.delete(client.sessionId);
    return previous;
  }

  /** Puts back the member's connection as it was before `connect` (after a refused join). */
  undo(playerId: string, previous: Client | undefined): void {
    if (previous) this.clientOf.set(playerId, previous);
    else this.clientOf.delete(playerId);
  }

  /**
   * A connection closed for good: the member who has left with it (it was the member's current connection), or
   * undefined (it held no seat, or no longer: the seat was taken back on another connection).
   */
  disconnect(playerId: string | undefined, client: Client): string | undefined {
    this.sentLists.delete(client.sessionId);
    if (playerId === undefined || this.clientOf.get(playerId) !== client) return undefined;
    this.clientOf.delete(playerId);
    return playerId;
  }

  /**
   * Holds a dropped member's seat while `hold` (Colyseus' reconnection window) is pending: it rejects when the
   * window passes, the room closes or the seat is taken back with its token.
   */
  hold(playerId: string, sessionId: string, hold: Hold): void {
    this.held.set(playerId, { sessionId, hold });
    hold
      .catch(() => undefined)
      .finally(() => {
        if (this.held.get(playerId)?.hold === hold) this.held.delete(playerId);
      });
  }

  /** Lets a held seat go (it was taken back with its seat token); gives the session id that held it. */
  release(playerId: string): string | undefined {
    const held = this.held.get(playerId);
    held?.hold.reject(new Error("the seat was taken back with its seat token"));
    return held?.sessionId;
  }

  /**
   * Sends a step's messages in order, then each person named by any of its `views` effects one view (all of
   * them show the step's final state).
   */
  deliver(session: Session, effects: readonly Effect[]): void {
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
    // One view (and one set of order options) per role, trimmed for each connection.
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
}
