/**
 * The synced room state: public facts only (who sits where, whose orders are in, the turn and the timer).
 * Everything a side may not share travels as per-client "view" messages built by viewFor, so no patch can
 * carry a hidden value. This file is the one place the synced schema is written.
 */
import { schema, t } from "@colyseus/schema";
import { SIDES } from "../shared/rules/index.ts";
import type { Role } from "../shared/room.ts";
import type { publicFacts, Session } from "./session/session.ts";

export const PlayerSchema = schema(
  {
    name: t.string(),
    role: t.string(),
    connected: t.boolean(),
    bot: t.boolean(),
    /** The bot's id for a bot (its name in the player's language comes from the client), "" for a person. */
    botId: t.string(),
  },
  "Player",
);

export const MatchRoomState = schema(
  {
    code: t.string(),
    scenarioId: t.string(),
    title: t.string(),
    turn: t.number(),
    turns: t.number(),
    label: t.string(),
    /** orders | paused | ended */
    phase: t.string(),
    /** When the turn timer runs out (ms since the epoch), 0 without a running timer. */
    deadline: t.number(),
    /** Milliseconds left on a paused timer, 0 otherwise. */
    remainingMs: t.number(),
    timerSeconds: t.number(),
    usConfirmed: t.boolean(),
    chinaConfirmed: t.boolean(),
    /** Players by session id. */
    players: t.map(PlayerSchema),
  },
  "MatchRoomState",
);

export type MatchRoomStateType = InstanceType<typeof MatchRoomState>;
export type PlayerType = InstanceType<typeof PlayerSchema>;

/**
 * Copies the session's public facts into the synced state: the turn, its phase and timer, who confirmed, and
 * an entry in `players` for each bot that plays a side now (keyed "bot-us" / "bot-china").
 */
export function showFacts(
  state: MatchRoomStateType,
  facts: Omit<ReturnType<typeof publicFacts>, "listed" | "metadata">,
): void {
  const { bots, ...shown } = facts;
  Object.assign(state, shown);
  for (const side of SIDES) {
    const key = `bot-${side}`;
    const botId = bots[side];
    if (botId === null) state.players.delete(key);
    else if (!state.players.has(key))
      state.players.set(
        key,
        new PlayerSchema({ name: `${botId} bot`, role: side, connected: true, bot: true, botId }),
      );
  }
}

/** The facts of a match that never change: its code, scenario, length and timer. */
export function showMatch(state: MatchRoomStateType, { game, record }: Session): void {
  Object.assign(state, {
    code: record.code,
    scenarioId: game.scenario.id,
    title: game.scenario.title.en,
    turns: game.scenario.params.time.turns,
    timerSeconds: record.settings.timerSeconds ?? 0,
  });
}

/** A person's connection in `players`, by its session id; `null` takes it out. */
export function showPerson(
  state: MatchRoomStateType,
  sessionId: string,
  person: { name: string; role: Role } | { connected: boolean } | null,
): void {
  if (person === null) state.players.delete(sessionId);
  else if ("name" in person)
    state.players.set(sessionId, new PlayerSchema({ ...person, connected: true, bot: false, botId: "" }));
  else {
    const player = state.players.get(sessionId);
    if (player) player.connected = person.connected;
  }
}
