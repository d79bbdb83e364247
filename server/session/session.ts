/**
 * One match's referee as a pure function: `step(session, input, now)` answers the next session and what to do
 * about it (actions to append to the log, messages to send, a reply or a refusal). It reads no clock (`now` is
 * an input), draws no random number and does no I/O, so a test drives it with a simulated clock, and the
 * Colyseus room (match-room.ts) only carries inputs in and effects out.
 *
 * Every change to the match goes through `applyLogged`, the one function that folds a logged action into a
 * session: live play calls it for each action it logs, and a restore folds the stored log through it, so a
 * match reopened from its log is the match as it was played.
 */
import { createHash } from "node:crypto";
import type { Bot } from "../../shared/bots/index.ts";
import type {
  CLIENT_MESSAGES,
  ClientMessageType,
  DraftBroadcast,
  ErrorReply,
  Replies,
  SeatLink,
  ServerMessage,
} from "../../shared/protocol.ts";
import type { MatchListing } from "../../shared/api.ts";
import type { Role } from "../../shared/room.ts";
import type { MatchState, Side } from "../../shared/rules/index.ts";
import {
  endMatch,
  findCard,
  hashState,
  injectEvent,
  keepValidOrders,
  OrderSchema,
  resolveTurn,
  SIDES,
  submitOrders,
  turnLabel,
  withdrawOrders,
} from "../../shared/rules/index.ts";
import { botOrders, botSeed } from "../../shared/sim/match.ts";
import type { z } from "zod";
import { applyAction, replay } from "../replay.ts";
import { checkSeatToken, seatToken } from "../seats.ts";
import type { Action, MatchRecord } from "../store.ts";

/** The server's limits a session keeps to (from config.ts). */
export interface Limits {
  teamMax: number;
  spectatorsMax: number;
  /** How long a dropped person's seat is held before a bot may take the side. */
  reconnectMs: number;
  /** The pace of a match that only bots play, so that people can watch it. */
  botTurnMs: number;
}

export interface Member {
  readonly playerId: string;
  readonly name: string;
  readonly role: Role;
  /** Whether the person holds the seat: connected, or dropped and within the reconnection window. */
  readonly seated: boolean;
  readonly connected: boolean;
}

export interface Draft {
  readonly orders: readonly unknown[];
  /** Who changed it last ("" for nobody; "<id> bot" for a bot). */
  readonly by: string;
  /**
   * The draft's well-formed orders as the log holds them (see DRAFT_SAVE_MS). Orders that are not orders at
   * all (a hostile client's junk) stay in the draft, whose errors name them, but never reach the log.
   */
  readonly logged: readonly unknown[];
  /** Who changed it last as the log holds it. */
  readonly loggedBy: string;
  /** Whether `logged` and `loggedBy` are what the draft holds now. */
  readonly saved: boolean;
  /** When the side's draft was last logged this turn (ms since the epoch), 0 for not yet. */
  readonly savedAt: number;
}

/**
 * A side's draft is logged at most this often, so that a restarted server gives the team back the draft it was
 * working on (a deadline then submits it, as it would have). Between two saves only the latest draft is
 * written: a client that sends a draft at the message rate does not grow the log at that rate. A confirmation
 * saves the draft it confirms at once (at most WITHDRAWALS_PER_TURN + 1 a turn), so that a side that confirmed
 * gets back as its draft exactly the orders it confirmed.
 */
export const DRAFT_SAVE_MS = 5_000;

/**
 * How many times a side's confirmation may be taken back in one turn (by its members' `unconfirm`, or by a
 * person taking the seat from a bot that had confirmed). Every confirmation logs the side's orders (and its
 * draft, if that changed since its last save), so without a limit a client that toggles at the message rate
 * would grow the match's log by a kilobyte or two a toggle for as long as the turn lasts; with it a turn logs
 * at most WITHDRAWALS_PER_TURN + 1 confirmations a side. A team that changes its mind a few times never meets
 * it; past it, the orders confirmed last stand for the turn.
 */
export const WITHDRAWALS_PER_TURN = 10;

export interface Session {
  readonly record: Pick<MatchRecord, "code" | "secret" | "settings">;
  readonly limits: Limits;
  readonly bots: Readonly<Record<Side, Bot>>;
  readonly game: MatchState;
  /** Whether the match runs: a workshop room waits for its facilitator's start (see settings.waitForStart). */
  readonly started: boolean;
  /** Milliseconds left on a paused turn's timer, or null while the turn is not paused. */
  readonly pausedMs: number | null;
  /** When the turn's timer runs out (ms since the epoch), 0 without a running timer. */
  readonly deadline: number;
  readonly members: ReadonlyMap<string, Member>;
  readonly drafts: Readonly<Record<Side, Draft>>;
  /** Whether a side's orders of this turn were confirmed by its bot (a person who takes the seat gets them back). */
  readonly botConfirmed: Readonly<Record<Side, boolean>>;
  /** How many times each side's confirmation was taken back this turn, as the log holds it (see WITHDRAWALS_PER_TURN). */
  readonly withdrawals: Readonly<Record<Side, number>>;
  /** When the current turn began (the bots' pace counts from it). */
  readonly turnStartedAt: number;
  /** After a restore, bots wait this long for the people who were playing to come back. */
  readonly botsWaitUntil: number;
}

export type Phase = "waiting" | "orders" | "paused" | "ended";

/** Who a message goes to: everyone, the people of some roles, or one person. */
export type Audience = "all" | { roles: readonly Role[] } | { playerId: string };

/** The server messages a session sends (the others, views and request replies, the adapter builds). */
export type Outgoing = Extract<ServerMessage, { type: "welcome" | "draft" | "notice" }>;

export type Effect =
  | { kind: "append"; action: Action }
  /** The match is over: the store marks it finished. */
  | { kind: "finish" }
  | { kind: "send"; to: Audience; out: Outgoing }
  /** Send each person of the audience its view; `fresh` sends the whole view, as to a newcomer. */
  | { kind: "views"; to: Audience; fresh?: boolean }
  /** A person took their seat back with its token: the old connection that held it is let go. */
  | { kind: "release"; playerId: string };

type MessageData = { [K in ClientMessageType]: z.infer<(typeof CLIENT_MESSAGES)[K]> };
/** A client message as its handler validated it (for a type K, or any type). */
export type ClientMessage<K extends ClientMessageType = ClientMessageType> = {
  [P in K]: { type: P; data: MessageData[P] };
}[K];

export type Input =
  | {
      kind: "join";
      playerId: string;
      name: string;
      role: Role;
      facilitatorKey?: string | undefined;
      seatToken?: string | undefined;
    }
  /** The person's connection dropped; the seat is held for the reconnection window. */
  | { kind: "drop"; playerId: string }
  | { kind: "reconnect"; playerId: string }
  /** The person left for good (or the reconnection window passed). */
  | { kind: "leave"; playerId: string }
  | { kind: "message"; playerId: string; message: ClientMessage }
  /** The time the session asked to be woken at (see wakeAt) has come. */
  | { kind: "tick" };

export interface Step {
  session: Session;
  effects: Effect[];
  /** What a request is answered with (when it was not refused). */
  reply?: unknown;
  /** Why the input was refused; a refused input changes nothing and has no effects. */
  refusal?: ErrorReply;
}

class Refusal extends Error {
  constructor(readonly reply: ErrorReply) {
    super(reply.message);
  }
}

function refuse(code: ErrorReply["code"], message: string, errors?: ErrorReply["errors"]): never {
  throw new Refusal({ code, message, ...(errors ? { errors } : {}) });
}

const NO_DRAFT: Draft = { orders: [], by: "", logged: [], loggedBy: "", saved: true, savedAt: 0 };
const NO_DRAFTS: Record<Side, Draft> = { us: NO_DRAFT, china: NO_DRAFT };
const NOT_BY_BOT: Record<Side, boolean> = { us: false, china: false };
const NO_WITHDRAWALS: Record<Side, number> = { us: 0, china: 0 };

/** A session of a match that starts from its record, before any action of its log. */
function origin(record: MatchRecord, limits: Limits, bots: Record<Side, Bot>): Session {
  return {
    record: { code: record.code, secret: record.secret, settings: record.settings },
    limits,
    bots,
    game: replay(record, []).state,
    started: !record.settings.waitForStart,
    pausedMs: null,
    deadline: 0,
    members: new Map(),
    drafts: NO_DRAFTS,
    botConfirmed: NOT_BY_BOT,
    withdrawals: NO_WITHDRAWALS,
    turnStartedAt: 0,
    botsWaitUntil: 0,
  };
}

/** A new match's session: its first turn's timer runs from `now`. */
export function newSession(record: MatchRecord, limits: Limits, bots: Record<Side, Bot>, now: number): Step {
  return run(origin(record, limits, bots), now, (m) => {
    m.session = { ...m.session, turnStartedAt: now };
    if (m.session.game.phase !== "ended") m.startTurnTimer();
  });
}

/**
 * A stored match's session: its log folded through applyLogged, then the turn's timer as the log left it. A
 * paused turn stays paused with the time it had; a deadline still ahead runs on to the same moment; a deadline
 * that passed while no process ran the match resolves the turn now, and that resolution is logged, so the next
 * restore does not resolve it again. The bots wait the reconnection window for the people who were playing.
 */
export function restoredSession(
  record: MatchRecord,
  actions: readonly Action[],
  limits: Limits,
  bots: Record<Side, Bot>,
  now: number,
): Step {
  const folded = foldLog(record, actions, limits, bots);
  const session = { ...folded, turnStartedAt: now, botsWaitUntil: now + limits.reconnectMs };
  return run(session, now, (m) => {
    if (phaseOf(m.session) !== "orders") return;
    if (m.session.deadline === 0) m.startTurnTimer();
    else if (m.session.deadline <= now) m.onTimeout();
  });
}

/** A match's session from its record and its whole log, folded through applyLogged (nobody seated yet). */
export function foldLog(
  record: MatchRecord,
  actions: readonly Action[],
  limits: Limits,
  bots: Record<Side, Bot>,
): Session {
  return actions.reduce((session, action) => applyLogged(session, action), origin(record, limits, bots));
}

/**
 * Folds one logged action into a session: the rules' change (through replay's applyAction) and the room's own
 * pacing (start, deadline, pause, resume). `resolved` is the next state when the caller already resolved the
 * turn (live play, so that a turn is not resolved twice); a replay leaves it out and the hash is checked.
 */
export function applyLogged(session: Session, action: Action, resolved?: MatchState): Session {
  switch (action.kind) {
    case "start":
      return { ...session, started: true };
    case "deadline":
      return { ...session, deadline: action.at };
    case "draft": {
      if (action.turn !== session.game.turn) return session;
      const { orders, by, at } = action;
      const draft: Draft = { orders, by, logged: orders, loggedBy: by, saved: true, savedAt: at };
      return { ...session, drafts: { ...session.drafts, [action.side]: draft } };
    }
    case "pause":
      return { ...session, pausedMs: action.remainingMs, deadline: 0 };
    case "resume":
      return { ...session, pausedMs: null };
    case "resolve":
      return {
        ...session,
        game: resolved ?? applyAction(session.game, action),
        drafts: NO_DRAFTS,
        botConfirmed: NOT_BY_BOT,
        withdrawals: NO_WITHDRAWALS,
        deadline: 0,
        pausedMs: null,
      };
    case "end":
      return { ...session, game: resolved ?? applyAction(session.game, action), deadline: 0, pausedMs: null };
    case "withdraw":
      return {
        ...session,
        game: applyAction(session.game, action),
        botConfirmed: { ...session.botConfirmed, [action.side]: false },
        withdrawals: { ...session.withdrawals, [action.side]: session.withdrawals[action.side] + 1 },
      };
    case "submit":
    case "inject":
      return { ...session, game: applyAction(session.game, action) };
  }
}

export function phaseOf(session: Session): Phase {
  if (session.game.phase === "ended") return "ended";
  if (session.pausedMs !== null) return "paused";
  return session.started ? "orders" : "waiting";
}

/** Whether a person (connected or within the reconnection window) holds the side. */
export function hasHuman(session: Session, side: Side): boolean {
  for (const m of session.members.values()) if (m.role === side && m.seated) return true;
  return false;
}

/** Whether the side's bot plays it now (the match allows bots and nobody holds it). */
export function botPlays(session: Session, side: Side): boolean {
  return session.record.settings.bots && !hasHuman(session, side) && phaseOf(session) !== "ended";
}

/**
 * The random-looking extra wait of a turn of bots, up to a quarter of the pace. Rooms of bots started together
 * (a workshop's "start all") would otherwise all play at the same instant every pace, and the burst would delay
 * every other room's turn. Drawn from the match's secret and the turn, so that a session stays a pure function.
 */
export function paceSpreadMs(session: Session): number {
  const span = Math.floor(session.limits.botTurnMs / 4) + 1;
  const digest = createHash("sha256").update(`${session.record.secret}:pace:${session.game.turn}`).digest();
  return digest.readUInt32BE(0) % span;
}

/** When bots may play this turn, or null when no bot has anything to do. */
function botsDueAt(session: Session): number | null {
  const s = session;
  if (phaseOf(s) !== "orders" || !s.record.settings.bots) return null;
  // Bots play while somebody is in the match (a player, a spectator or the facilitator): a match nobody has
  // joined yet, or everyone left, waits for them rather than playing itself out unseen.
  if (![...s.members.values()].some((m) => m.seated)) return null;
  const humans = SIDES.filter((side) => hasHuman(s, side)).length;
  // A workshop room's bots stand in for missing students: with nobody on either side it does not play itself
  // (a bot-against-bot demonstration is a match created for it from the lobby, an explicit choice).
  if (s.record.settings.waitForStart && humans === 0) return null;
  if (!SIDES.some((side) => s.game.pending[side] === null && !hasHuman(s, side))) return null;
  // Bots that only play each other play at a watchable pace.
  const paced = humans === 0 ? s.turnStartedAt + s.limits.botTurnMs + paceSpreadMs(s) : 0;
  return Math.max(s.botsWaitUntil, paced);
}

/** When a side's draft that the log does not hold yet is due to be saved, or null. */
function draftSaveAt(session: Session, side: Side): number | null {
  const draft = session.drafts[side];
  return draft.saved || phaseOf(session) === "ended" ? null : draft.savedAt + DRAFT_SAVE_MS;
}

/** When the session must next be given a tick (its turn timer, its bots, a draft to save), or null for never. */
export function wakeAt(session: Session): number | null {
  const times = [botsDueAt(session), ...SIDES.map((side) => draftSaveAt(session, side))];
  if (phaseOf(session) === "orders" && session.deadline > 0) times.push(session.deadline);
  const due = times.filter((t): t is number => t !== null);
  return due.length > 0 ? Math.min(...due) : null;
}

/** What everyone may know about the match: the synced state's fields, the bots in play and the lobby's listing. */
export function publicFacts(session: Session) {
  const { game, record, members } = session;
  const phase = phaseOf(session);
  const seats = { us: 0, china: 0, spectators: 0 };
  let present = 0;
  for (const m of members.values()) {
    if (!m.seated) continue;
    present++;
    if (m.role === "us") seats.us++;
    else if (m.role === "china") seats.china++;
    else if (m.role === "spectator") seats.spectators++;
  }
  return {
    turn: game.turn,
    label: turnLabel(game.scenario.params, Math.min(game.turn, game.scenario.params.time.turns - 1)),
    phase,
    deadline: phase === "orders" ? session.deadline : 0,
    remainingMs: session.pausedMs ?? 0,
    usConfirmed: game.pending.us !== null,
    chinaConfirmed: game.pending.china !== null,
    /** The bot that plays each side now, by id, or null where a person holds the side. */
    bots: {
      us: botPlays(session, "us") ? record.settings.botIds.us : null,
      china: botPlays(session, "china") ? record.settings.botIds.china : null,
    },
    /**
     * The lobby lists a public match only while somebody is in it: an abandoned or never-joined match (or a
     * burst of anonymous creates) leaves the list at once; its code still works.
     */
    listed: !record.settings.private && present > 0 && phase !== "ended",
    metadata: {
      code: record.code,
      scenarioId: game.scenario.id,
      title: game.scenario.title,
      turn: game.turn,
      phase,
      seats,
      bots: record.settings.bots,
      timerSeconds: record.settings.timerSeconds,
    } satisfies MatchListing,
  };
}

/** A side's shared draft with what the rules would refuse in it now. */
export function draftOf(session: Session, side: Side): DraftBroadcast {
  const { orders, by } = session.drafts[side];
  const check = submitOrders(session.game, side, orders);
  return { side, orders: [...orders], by, errors: check.ok ? [] : check.errors };
}

export function step(session: Session, input: Input, now: number): Step {
  return run(session, now, (m) => m.take(input));
}

/** Runs one change on a copy of the session: a refusal discards the copy and every effect. */
function run(session: Session, now: number, change: (m: Referee) => unknown): Step {
  const referee = new Referee(session, now);
  try {
    const reply = change(referee);
    return { session: referee.session, effects: referee.effects, ...(reply === undefined ? {} : { reply }) };
  } catch (error) {
    if (error instanceof Refusal) return { session, effects: [], refusal: error.reply };
    throw error;
  }
}

/** The work of one step: reads and replaces `session`, collects `effects`. Lives only for the step. */
class Referee {
  readonly effects: Effect[] = [];
  constructor(
    public session: Session,
    private readonly now: number,
  ) {}

  private get s(): Session {
    return this.session;
  }

  take(input: Input): unknown {
    switch (input.kind) {
      case "join":
        return this.join(input);
      case "drop":
        return this.setMember(input.playerId, { connected: false });
      case "reconnect":
        return this.reconnect(input.playerId);
      case "leave":
        this.setMember(input.playerId, { seated: false, connected: false });
        // A side that nobody holds any more is played by a bot, if the match allows bots.
        return this.runBots();
      case "message":
        return this.message(input.playerId, input.message);
      case "tick":
        for (const side of SIDES) this.saveDraftIfDue(side);
        if (phaseOf(this.s) === "orders" && this.s.deadline > 0 && this.s.deadline <= this.now)
          this.onTimeout();
        return this.runBots();
    }
  }

  // --- people -----------------------------------------------------------------------------------------------

  private join(input: Extract<Input, { kind: "join" }>): unknown {
    const { role, name, playerId } = input;
    const { settings, code } = this.s.record;
    // A seat token returns its holder to the seat it names, and to no other.
    let tokenSeat = false;
    if (input.seatToken !== undefined) {
      const seat = checkSeatToken(this.s.record, input.seatToken);
      if (typeof seat === "string") refuse("not-allowed", `cannot join: ${seat}`);
      if (seat.role !== role || seat.playerId !== playerId)
        refuse(
          "not-allowed",
          `cannot join: this seat token returns you to the ${roleName(seat.role)} seat only; join with the code to take another seat`,
        );
      tokenSeat = true;
    }
    const previous = this.s.members.get(playerId);
    if (previous?.seated) {
      // A closed tab holds its seat for the reconnection window; its seat token takes the seat back at once.
      if (!tokenSeat || previous.connected)
        refuse("not-allowed", "cannot join: this player is already connected in another window");
      this.effects.push({ kind: "release", playerId });
    }
    if ((role === "us" || role === "china") && settings.seedChosenBy === playerId)
      refuse(
        "not-allowed",
        "cannot join a side: you chose this match's seed, so you may watch it or run it as facilitator but not play a side",
      );
    if (
      role === "facilitator" &&
      !tokenSeat &&
      (settings.creatorId === "" || playerId !== settings.creatorId) &&
      input.facilitatorKey !== settings.facilitatorKey
    )
      refuse("not-allowed", "cannot join as facilitator: the facilitator key is missing or wrong");
    const count = (r: Role) =>
      [...this.s.members.values()].filter((m) => m.role === r && m.seated && m.playerId !== playerId).length;
    if ((role === "us" || role === "china") && count(role) >= this.s.limits.teamMax)
      refuse(
        "not-allowed",
        `cannot join: the ${sideName(role)} team is full (${this.s.limits.teamMax} people)`,
      );
    if (role === "spectator" && count("spectator") >= this.s.limits.spectatorsMax)
      refuse("not-allowed", "cannot join: the match has as many spectators as it allows");
    const members = new Map(this.s.members);
    members.set(playerId, { playerId, name, role, seated: true, connected: true });
    this.session = { ...this.s, members };
    const me = { playerId };
    this.send(me, {
      type: "welcome",
      message: {
        code,
        role,
        playerId,
        seatToken: seatToken(this.s.record, { code, role, playerId }),
        ...(role === "facilitator" ? { facilitatorKey: settings.facilitatorKey } : {}),
      },
    });
    if ((role === "us" || role === "china") && this.s.botConfirmed[role] && phaseOf(this.s) !== "ended")
      this.takeOverFromBot(role, name);
    this.effects.push({ kind: "views", to: me, fresh: true });
    if (role === "us" || role === "china") this.send(me, { type: "draft", message: draftOf(this.s, role) });
    this.autoStartIfReady();
    return this.runBots();
  }

  private reconnect(playerId: string): void {
    const member = this.setMember(playerId, { connected: true });
    if (!member) return;
    // The person may have missed messages while away: a whole view.
    this.effects.push({ kind: "views", to: { playerId }, fresh: true });
    if (member.role === "us" || member.role === "china")
      this.send({ playerId }, { type: "draft", message: draftOf(this.s, member.role) });
  }

  private setMember(
    playerId: string,
    change: Partial<Pick<Member, "seated" | "connected">>,
  ): Member | undefined {
    const member = this.s.members.get(playerId);
    if (!member) return undefined;
    const members = new Map(this.s.members);
    const next = { ...member, ...change };
    members.set(playerId, next);
    this.session = { ...this.s, members };
    return next;
  }

  /**
   * A person takes a side whose bot already confirmed this turn: the confirmation is withdrawn and the bot's
   * orders become the side's draft, a suggestion the person may confirm or change. The team and the
   * facilitator are told. Once the side's confirmation was taken back WITHDRAWALS_PER_TURN times this turn (a
   * person leaving and taking the seat back over and over), the bot's orders stay confirmed instead.
   */
  private takeOverFromBot(side: Side, name: string): void {
    const orders = [...(this.s.game.pending[side] ?? [])];
    const bot = botName(this.s, side);
    if (this.confirmationStands(side)) {
      this.notice(
        { roles: [side, "facilitator"] },
        `${name} takes the ${sideName(side)} seat from the ${bot}: its orders stay confirmed for this turn (${STANDS_WHY}).`,
      );
      return;
    }
    this.withdraw(side);
    this.setDraft(side, { orders, by: bot });
    this.notice(
      { roles: [side, "facilitator"] },
      `${name} takes the ${sideName(side)} seat from the ${bot}: its orders are now a suggested draft, not confirmed.`,
    );
  }

  // --- messages ---------------------------------------------------------------------------------------------

  private message(playerId: string, message: ClientMessage): unknown {
    const member = this.s.members.get(playerId);
    if (!member?.seated) refuse("not-allowed", "you are not seated in this match");
    if (phaseOf(this.s) === "ended") refuse("ended", "the match is over");
    switch (message.type) {
      case "draft":
        return this.onDraft(member, message.data.orders);
      case "confirm":
        return this.onConfirm(member, message.data.turn);
      case "unconfirm": {
        this.checkTurn(message.data.turn);
        const side = this.sideOf(member);
        if (this.s.game.pending[side] !== null && this.confirmationStands(side))
          refuse("not-allowed", `your side's confirmed orders stand for this turn: ${STANDS_WHY}`);
        this.withdraw(side);
        return { confirmed: false } satisfies Replies["unconfirm"];
      }
      default:
        if (member.role !== "facilitator") refuse("not-allowed", "only the facilitator can do that");
        return this.facilitate(message);
    }
  }

  private sideOf(member: Member): Side {
    if (member.role !== "us" && member.role !== "china")
      refuse("not-allowed", "only players of a side can write orders");
    return member.role;
  }

  /** Whether the side's confirmation may no longer be taken back this turn (see WITHDRAWALS_PER_TURN). */
  private confirmationStands(side: Side): boolean {
    return this.s.withdrawals[side] >= WITHDRAWALS_PER_TURN;
  }

  /** Refuses a side's confirmation or withdrawal written for another turn than the current one. */
  private checkTurn(turn: number): void {
    if (turn !== this.s.game.turn)
      refuse("wrong-turn", `these orders are for turn ${turn}, but the match is at turn ${this.s.game.turn}`);
  }

  private onDraft(member: Member, orders: readonly unknown[]): unknown {
    const side = this.sideOf(member);
    // What resolves is exactly what the side's screen showed when it confirmed.
    if (this.s.game.pending[side] !== null)
      refuse(
        "not-allowed",
        this.confirmationStands(side)
          ? `your side's confirmed orders stand for this turn, so the draft cannot change: ${STANDS_WHY}`
          : "your side has confirmed its orders: take the confirmation back (unconfirm) before changing the draft",
      );
    const draft = this.setDraft(side, { orders, by: member.name });
    return { errors: draft.errors } satisfies Replies["draft"];
  }

  private onConfirm(member: Member, turn: number): unknown {
    const side = this.sideOf(member);
    this.checkTurn(turn);
    if (phaseOf(this.s) === "paused") refuse("not-allowed", "the facilitator has paused the match");
    if (!this.s.started) refuse("not-allowed", "the facilitator has not started the match yet");
    // Confirmed already: the draft is locked, so the orders would be the same ones again. Nothing is logged (a
    // client repeating its confirmation at the message rate does not grow the log); the person now owns them.
    if (this.s.game.pending[side] === null) {
      // The draft confirmed is logged first if the log does not hold it yet (a change since the last save), so
      // that after a restart the side's draft is the orders it confirmed, and an unconfirm hands them back.
      this.saveDraft(side);
      this.submit(side, this.s.drafts[side].orders);
    }
    this.session = { ...this.s, botConfirmed: { ...this.s.botConfirmed, [side]: false } };
    this.resolveIfReady();
    return { confirmed: true } satisfies Replies["confirm"];
  }

  private facilitate(message: Exclude<ClientMessage, { type: "draft" | "confirm" | "unconfirm" }>): unknown {
    const s = this.s;
    const turn = s.game.turn;
    switch (message.type) {
      case "seatLinks":
        return { seats: this.seatLinks() } satisfies Replies["seatLinks"];
      case "start":
        if (s.started) refuse("not-allowed", "the match has already started");
        this.start();
        return { started: true } satisfies Replies["start"];
      case "pause":
        if (s.pausedMs !== null) refuse("not-allowed", "the match is already paused");
        this.log({ kind: "pause", turn, remainingMs: s.deadline ? Math.max(0, s.deadline - this.now) : 0 });
        return { paused: true } satisfies Replies["pause"];
      case "resume": {
        if (s.pausedMs === null) refuse("not-allowed", "the match is not paused");
        const left = s.pausedMs;
        this.log({ kind: "resume", turn });
        if (s.record.settings.timerSeconds && s.started) this.armTimer(left);
        this.resolveIfReady();
        return { resumed: true } satisfies Replies["resume"];
      }
      case "extendTimer": {
        const ms = message.data.seconds * 1000;
        if (s.pausedMs !== null) this.log({ kind: "pause", turn, remainingMs: s.pausedMs + ms });
        else if (s.deadline) this.armTimer(s.deadline - this.now + ms);
        else refuse("not-allowed", "this match has no turn timer");
        return {
          deadline: this.s.deadline,
          remainingMs: this.s.pausedMs ?? 0,
        } satisfies Replies["extendTimer"];
      }
      case "injectEvent": {
        const { eventId } = message.data;
        const at = message.data.turn ?? turn;
        const result = injectEvent(s.game, eventId, at);
        if (!result.ok) refuse("refused", result.error);
        this.log({ kind: "inject", eventId, turn: at });
        this.effects.push({ kind: "views", to: "all" });
        // Announced to everyone at once; it takes effect when its turn resolves.
        this.notice(
          "all",
          `The facilitator adds an event for ${turnLabel(s.game.scenario.params, at)}: ${findCard(eventId)?.title.en ?? eventId}. It takes effect when that turn resolves.`,
        );
        return { queued: { eventId, turn: at } } satisfies Replies["injectEvent"];
      }
      case "endMatch": {
        const ended = endMatch(s.game);
        this.log({ kind: "end", hash: hashState(ended) }, ended);
        this.finish();
        return { ended: true } satisfies Replies["endMatch"];
      }
    }
  }

  /** Starts a room that waited: logged, so that a restart does not make it wait again. */
  private start(): void {
    this.log({ kind: "start" });
    this.session = { ...this.s, turnStartedAt: this.now };
    this.startTurnTimer();
    this.effects.push({ kind: "views", to: "all" });
    this.runBots();
  }

  /** A waiting room the teacher let start itself starts once people hold both sides. */
  private autoStartIfReady(): void {
    const s = this.s;
    if (s.started || !s.record.settings.autoStart || phaseOf(s) !== "waiting") return;
    if (!SIDES.every((side) => hasHuman(s, side))) return;
    this.notice("all", "People hold both sides: the match starts.");
    this.start();
  }

  /** A rejoin link's token for each person who holds a side or watches (the facilitator hands them out). */
  private seatLinks(): SeatLink[] {
    const { record } = this.s;
    const links: SeatLink[] = [];
    for (const m of this.s.members.values()) {
      if (m.role === "facilitator") continue;
      const token = seatToken(record, { code: record.code, role: m.role, playerId: m.playerId });
      links.push({ name: m.name, role: m.role, connected: m.connected, seatToken: token });
    }
    return links;
  }

  // --- the turn ---------------------------------------------------------------------------------------------

  /** Logs an action and folds it into the session: the one way the match changes. */
  private log(action: Action, resolved?: MatchState): void {
    this.session = applyLogged(this.s, action, resolved);
    this.effects.push({ kind: "append", action });
  }

  private submit(side: Side, orders: readonly unknown[]): void {
    const result = submitOrders(this.s.game, side, [...orders]);
    if (!result.ok) refuse("refused", "the rules refused these orders; nothing was changed", result.errors);
    this.log({ kind: "submit", side, orders: result.state.pending[side] ?? [] });
    // Only the side's own view (its pending orders) and the facilitator's change; the others see the
    // confirmation in the synced state.
    this.effects.push({ kind: "views", to: { roles: [side, "facilitator"] } });
  }

  /** Takes back a side's confirmation (logged, so that a replay does the same) and tells the side. */
  private withdraw(side: Side): void {
    const result = withdrawOrders(this.s.game, side);
    if (!result.ok) refuse("not-allowed", result.error);
    this.log({ kind: "withdraw", side });
    this.effects.push({ kind: "views", to: { roles: [side, "facilitator"] } });
  }

  private setDraft(side: Side, draft: Pick<Draft, "orders" | "by">): DraftBroadcast {
    this.setSideDraft(side, { ...this.s.drafts[side], ...draft, saved: false });
    this.saveDraftIfDue(side);
    const broadcast = draftOf(this.s, side);
    this.send({ roles: [side] }, { type: "draft", message: broadcast });
    return broadcast;
  }

  private setSideDraft(side: Side, draft: Draft): void {
    this.session = { ...this.s, drafts: { ...this.s.drafts, [side]: draft } };
  }

  /** Saves a side's draft (saveDraft) if the last save was DRAFT_SAVE_MS ago or more. */
  private saveDraftIfDue(side: Side): void {
    const due = draftSaveAt(this.s, side);
    if (due !== null && due <= this.now) this.saveDraft(side);
  }

  /**
   * Logs a side's well-formed draft orders if the log does not hold them. The session keeps the draft as the
   * team sent it.
   */
  private saveDraft(side: Side): void {
    const draft = this.s.drafts[side];
    if (draft.saved) return;
    const orders = draft.orders.flatMap((o) => {
      const parsed = OrderSchema.safeParse(o);
      return parsed.success ? [parsed.data] : [];
    });
    // A teammate's change that leaves the orders as they were still changes who changed them last.
    if (JSON.stringify(orders) === JSON.stringify(draft.logged) && draft.by === draft.loggedBy) {
      this.setSideDraft(side, { ...draft, saved: true });
      return;
    }
    this.log({ kind: "draft", side, turn: this.s.game.turn, orders, by: draft.by, at: this.now });
    this.setSideDraft(side, { ...this.s.drafts[side], orders: draft.orders });
  }

  private resolveIfReady(): void {
    const s = this.s;
    if (phaseOf(s) !== "orders" || !s.game.pending.us || !s.game.pending.china) return;
    const next = resolveTurn(s.game).state;
    // A side whose draft is empty already holds the empty draft the new turn starts with: it is not sent again.
    const cleared = SIDES.filter((side) => s.drafts[side].orders.length > 0 || s.drafts[side].by !== "");
    this.log({ kind: "resolve", turn: s.game.turn, hash: hashState(next) }, next);
    if (phaseOf(this.s) === "ended") {
      this.finish();
      return;
    }
    this.session = { ...this.s, turnStartedAt: this.now };
    this.effects.push({ kind: "views", to: "all" });
    for (const side of cleared)
      this.send({ roles: [side] }, { type: "draft", message: draftOf(this.s, side) });
    this.startTurnTimer();
    this.runBots();
  }

  onTimeout(): void {
    for (const side of SIDES) {
      if (this.s.game.pending[side]) continue;
      this.submit(side, keepValidOrders(this.s.game, side, [...this.s.drafts[side].orders]));
    }
    this.resolveIfReady();
  }

  startTurnTimer(): void {
    const { timerSeconds } = this.s.record.settings;
    if (timerSeconds && phaseOf(this.s) === "orders") this.armTimer(timerSeconds * 1000);
  }

  /** Runs the turn's timer out in `ms` from now; the deadline is logged, so that a restart keeps it. */
  private armTimer(ms: number): void {
    this.log({ kind: "deadline", turn: this.s.game.turn, at: this.now + ms });
  }

  /** Sides that no person holds (connected or within the reconnection window) are played by the bot. */
  private runBots(): void {
    const due = botsDueAt(this.s);
    if (due === null || due > this.now) return;
    for (const side of SIDES) {
      const s = this.s;
      if (s.game.pending[side] || hasHuman(s, side)) continue;
      const bot = botName(s, side);
      const draft = s.drafts[side];
      // A bot that takes the seat from people who left this turn starts from their draft: what the team left is
      // what runs (minus orders the rules now refuse), and the facilitator and anyone watching the side are told.
      const leftByTeam = draft.by !== "" && draft.by !== bot;
      const orders = leftByTeam
        ? [...draft.orders]
        : botOrders(s.game, side, s.bots[side], botSeed(s.game, side)).orders;
      this.submit(side, keepValidOrders(s.game, side, orders));
      this.session = { ...this.s, botConfirmed: { ...this.s.botConfirmed, [side]: true } };
      if (leftByTeam)
        this.notice(
          { roles: [side, "facilitator"] },
          `The ${bot} takes the ${sideName(side)} seat that ${draft.by}'s team left: it confirms the team's draft as it was left (${draft.orders.length} orders).`,
        );
    }
    this.resolveIfReady();
  }

  private finish(): void {
    this.effects.push({ kind: "finish" }, { kind: "views", to: "all" });
  }

  private send(to: Audience, out: Outgoing): void {
    this.effects.push({ kind: "send", to, out });
  }

  private notice(to: Audience, message: string): void {
    this.send(to, { type: "notice", message: { message } });
  }
}

/** Why a side's confirmation can no longer be taken back this turn, and when its draft opens again. */
const STANDS_WHY = `the side's confirmation was taken back ${WITHDRAWALS_PER_TURN} times this turn, the most one turn allows; the draft opens again with the next turn`;

function botName(session: Session, side: Side): string {
  return `${session.record.settings.botIds[side]} bot`;
}

function sideName(side: Side): string {
  return side === "us" ? "US" : "China";
}

export function roleName(role: Role): string {
  return { us: "US", china: "China", spectator: "spectator", facilitator: "facilitator" }[role];
}
