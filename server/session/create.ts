/**
 * A new match's record from a creator's options, and the bots of a stored one. Pure: the random values a new
 * match needs (code, seed, secret, keys) and the time come in as arguments.
 */
import { type Bot, botForSide, BOTS } from "../../shared/bots/index.ts";
import { CreateOptionsSchema } from "../../shared/protocol.ts";
import { DEFAULT_BOTS } from "../../shared/room.ts";
import type { Scenario, Side } from "../../shared/rules/index.ts";
import { BUILTIN_SCENARIOS, SCENARIO_IDS, SIDES } from "../../shared/rules/index.ts";
import type { MatchRecord } from "../store.ts";

/** The random values and the time a new match is made with. */
export interface Fresh {
  code: string;
  seed: number;
  /** Everything that hides a value from a side draws from this, never from the seed (shared/rules/streams.ts). */
  secret: string;
  facilitatorKey: string;
  seatKey: string;
  createdAt: string;
}

export interface NewMatch {
  record: MatchRecord;
  bots: Record<Side, Bot>;
}

/** The match a creator's options ask for, or why it cannot be made (a text that names the option to change). */
export function newMatch(raw: unknown, fresh: Fresh, playerSeeds: boolean): NewMatch | string {
  const parsed = CreateOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success)
    return `cannot create the match: ${parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ")}`;
  const o = parsed.data;
  const scenario = BUILTIN_SCENARIOS[o.scenario];
  if (!scenario)
    return `cannot create the match: no scenario "${o.scenario}" (choose ${SCENARIO_IDS.join(", ")})`;
  const botIds: Record<Side, string> = {
    us: o.botUs ?? o.botId ?? DEFAULT_BOTS.us,
    china: o.botChina ?? o.botId ?? DEFAULT_BOTS.china,
  };
  const bots = {} as Record<Side, Bot>;
  for (const side of SIDES) {
    const found = botForSide(botIds[side], side, scenario.scenario);
    if (typeof found === "string")
      return `cannot create the match: ${found}; name one with ${side === "us" ? "botUs" : "botChina"}`;
    bots[side] = found;
  }
  const playing = o.role === "us" || o.role === "china";
  if (o.seed !== undefined && playing && !playerSeeds)
    return "cannot create the match: only a facilitator or a spectator may choose the seed (whoever chooses it may not play a side of the match); leave seed out";
  if (o.deadlineHours !== undefined && o.timerSeconds !== null)
    return "cannot create the match: choose a turn timer in seconds (timerSeconds) or a deadline in hours (deadlineHours), not both";
  const record: MatchRecord = {
    code: fresh.code,
    scenario: scenario.scenario,
    scenarioId: scenario.scenario.id,
    seed: o.seed ?? fresh.seed,
    secret: fresh.secret,
    settings: {
      timerSeconds: o.deadlineHours !== undefined ? o.deadlineHours * 3600 : o.timerSeconds,
      private: o.private,
      bots: o.bots,
      botIds,
      facilitatorKey: fresh.facilitatorKey,
      // Only a creator who facilitates may come back as facilitator without the key: a creator who plays a
      // side must never see the other side's hidden state.
      creatorId: o.role === "facilitator" ? o.playerId : "",
      // Whoever chose the seed may watch or run the match but never play a side of it (checked at each join).
      seedChosenBy: o.seed !== undefined && !playerSeeds ? o.playerId : "",
      waitForStart: o.waitForStart,
      autoStart: o.waitForStart && o.autoStart,
      seatKey: fresh.seatKey,
    },
    createdAt: fresh.createdAt,
    finished: false,
  };
  return { record, bots };
}

/**
 * The bots of a stored match. A bot stored under a name this version no longer has is replaced by the random
 * player, which keeps the match going; `missing` says which, for the log.
 */
export function storedBots(record: MatchRecord): {
  bots: Record<Side, Bot>;
  missing: { side: Side; reason: string }[];
} {
  const bots = {} as Record<Side, Bot>;
  const missing: { side: Side; reason: string }[] = [];
  for (const side of SIDES) {
    const found = botForSide(record.settings.botIds[side], side, record.scenario as Scenario);
    if (typeof found === "string") missing.push({ side, reason: found });
    bots[side] = typeof found === "string" ? BOTS["random-legal"]! : found;
  }
  return { bots, missing };
}
