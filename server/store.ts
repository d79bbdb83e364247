/**
 * The match log: one interface, two engines. Every accepted action (a side's orders, a facilitator's event, a
 * resolved turn with its state hash, the end) is appended before its result is acknowledged, so a match can be
 * rebuilt exactly after a crash by replaying its actions on the pure rules. SQLite in DATA_DIR is the default
 * (store-sqlite.ts); with DATABASE_URL set the log is in PostgreSQL (store-postgres.ts), which several server
 * processes can share.
 */
import { z } from "zod";
import type { Side } from "../shared/rules/index.ts";

export const ActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("submit"), side: z.enum(["us", "china"]), orders: z.array(z.unknown()) }),
  z.object({ kind: z.literal("withdraw"), side: z.enum(["us", "china"]) }),
  z.object({ kind: z.literal("inject"), eventId: z.string(), turn: z.number().int() }),
  z.object({ kind: z.literal("resolve"), turn: z.number().int(), hash: z.string() }),
  z.object({ kind: z.literal("end"), hash: z.string() }),
  /** The facilitator started a room that waited (no rule changes: the room's own pacing). */
  z.object({ kind: z.literal("start") }),
  /**
   * The turn's deadline was set or moved to `at` (ms since the epoch): kept so that a deadline that passes
   * while the server is down resolves the turn when it starts again, once. No rule changes.
   */
  z.object({ kind: z.literal("deadline"), turn: z.number().int(), at: z.number() }),
  /**
   * A side's draft as its team left it at `at` (ms since the epoch), kept so that a restart gives it back
   * (logged at most every few seconds; see session.ts DRAFT_SAVE_MS). No rule changes.
   */
  z.object({
    kind: z.literal("draft"),
    side: z.enum(["us", "china"]),
    turn: z.number().int(),
    orders: z.array(z.unknown()),
    by: z.string(),
    at: z.number(),
  }),
  /** The facilitator paused the turn with remainingMs left on its timer; resume goes on (no rule changes). */
  z.object({ kind: z.literal("pause"), turn: z.number().int(), remainingMs: z.number().min(0) }),
  z.object({ kind: z.literal("resume"), turn: z.number().int() }),
]);
export type Action = z.infer<typeof ActionSchema>;

export interface MatchRecord {
  code: string;
  scenario: unknown;
  scenarioId: string;
  seed: number;
  /**
   * The match's secret (128 random bits, hex) behind everything that hides a value from a side. It stays on
   * the server: only a finished match's export shows it.
   */
  secret: string;
  /** Room settings: timer, privacy, bots, facilitator key. */
  settings: MatchSettings;
  createdAt: string;
  finished: boolean;
}

export interface MatchSettings {
  timerSeconds: number | null;
  private: boolean;
  bots: boolean;
  /** The bot that plays each side when nobody holds it. */
  botIds: Record<Side, string>;
  facilitatorKey: string;
  /** The player who created the match (may act as its facilitator without the key). */
  creatorId: string;
  /** The player who chose the seed, who may never take a side of the match ("" when the seed was random). */
  seedChosenBy: string;
  /** Whether the room waits for the facilitator to start it (a workshop room). */
  waitForStart: boolean;
  /** Whether a waiting room starts itself once people hold both sides (absent in older matches: no). */
  autoStart?: boolean;
  /** The key of the match's seat tokens (256 random bits, base64url; absent in older matches). */
  seatKey?: string;
}

/** A match as both engines store it: JSON text columns; `finished` is PostgreSQL's boolean or SQLite's 0/1. */
export interface MatchRow {
  code: string;
  scenario_id: string;
  scenario: string;
  seed: number;
  secret: string;
  settings: string;
  created_at: string;
  finished: boolean | number;
}

/** The values of a new match's row, in the column order (code, scenario_id, scenario, seed, secret, settings, created_at). */
export function matchRowValues(
  record: Omit<MatchRecord, "finished">,
): [string, string, string, number, string, string, string] {
  return [
    record.code,
    record.scenarioId,
    JSON.stringify(record.scenario),
    record.seed,
    record.secret,
    JSON.stringify(record.settings),
    record.createdAt,
  ];
}

/** A stored row read back as a record. */
export function recordOf(row: MatchRow): MatchRecord {
  return {
    code: row.code,
    scenarioId: row.scenario_id,
    scenario: JSON.parse(row.scenario),
    seed: row.seed,
    secret: row.secret,
    settings: settingsOf(JSON.parse(row.settings) as MatchSettings & { botId?: string }),
    createdAt: row.created_at,
    finished: row.finished === true || row.finished === 1,
  };
}

/** Settings as stored; matches stored before bots were chosen per side named one bot for both. */
export function settingsOf(stored: MatchSettings & { botId?: string }): MatchSettings {
  const { botId, ...settings } = stored;
  return {
    ...settings,
    botIds: stored.botIds ?? { us: botId ?? "random-legal", china: botId ?? "random-legal" },
    seedChosenBy: stored.seedChosenBy ?? "",
    waitForStart: stored.waitForStart ?? false,
  };
}

/**
 * The log of every match, shared by every process that serves them. Every method is asynchronous (PostgreSQL
 * answers over the network; the SQLite engine commits a turn of the event loop's appends together).
 */
export interface Store {
  /** "sqlite" or "postgres", for logs and the start-up line. */
  readonly engine: "sqlite" | "postgres";
  has(code: string): Promise<boolean>;
  create(record: Omit<MatchRecord, "finished">): Promise<void>;
  /**
   * Appends one action to a match's log. The appends of one match are written in the order they are called,
   * each numbered after the one before; the promise settles when the action is durable. With `owner`, the
   * action is written only while that owner holds the match's unexpired lease (see claim); otherwise nothing is
   * written and the promise fails with a LeaseLost, so that a process that lost its lease (after a long pause,
   * say) can never write behind the one that took the match over.
   */
  append(code: string, action: Action, owner?: string): Promise<void>;
  finish(code: string): Promise<void>;
  get(code: string): Promise<MatchRecord | undefined>;
  actions(code: string): Promise<Action[]>;
  /** Codes of the matches still running, oldest first. */
  unfinished(): Promise<string[]>;
  /** Codes of the latest finished matches, newest first. */
  finishedCodes(limit?: number): Promise<string[]>;
  /**
   * Takes or renews the lease that lets `owner` (one server process) run match `code` for `ttlMs`. Answers
   * false while another owner holds an unexpired lease: two processes never run the same match.
   */
  claim(code: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease back (only its owner's). */
  release(code: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

/** An append refused because its writer no longer holds the match's lease. */
export class LeaseLost extends Error {
  constructor(code: string) {
    super(`this process no longer holds the lease of match ${code}; nothing was written`);
  }
}

/** The store the settings ask for: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. Migrates on open. */
export async function openStore(settings: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Store> {
  if (settings.DATABASE_URL) {
    const { PostgresStore } = await import("./store-postgres.ts");
    return await PostgresStore.open(settings.DATABASE_URL);
  }
  const { SqliteStore } = await import("./store-sqlite.ts");
  return new SqliteStore(settings.DATA_DIR);
}
