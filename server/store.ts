/**
 * The match log in an embedded SQLite file. Every accepted action (a side's orders, a facilitator's event, a
 * resolved turn with its state hash, the end) is appended before its result is broadcast, so a match can be
 * rebuilt exactly after a crash by replaying its actions on the pure rules.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
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

/** Settings as stored; matches stored before bots were chosen per side named one bot for both. */
function settingsOf(stored: MatchSettings & { botId?: string }): MatchSettings {
  const { botId, ...settings } = stored;
  return {
    ...settings,
    botIds: stored.botIds ?? { us: botId ?? "random-legal", china: botId ?? "random-legal" },
    seedChosenBy: stored.seedChosenBy ?? "",
    waitForStart: stored.waitForStart ?? false,
  };
}

export class MatchStore {
  private db: Database.Database;
  private insertMatch: Database.Statement;
  private insertAction: Database.Statement;
  private selectActions: Database.Statement;
  private selectMatch: Database.Statement;
  private markFinished: Database.Statement;
  private checkpointer: Worker;
  private lastSeq: Database.Statement;
  /** The last sequence number written per match (looked up once, then counted here). */
  private seqs = new Map<string, number>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, "matches.sqlite");
    this.db = new Database(file);
    // WAL with synchronous=NORMAL: a committed action survives a killed process and the file stays consistent
    // through a power cut. Checkpoints (the only step that waits for the disk) run on a worker thread.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("wal_autocheckpoint = 0");
    this.checkpointer = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), {
      workerData: { file, everyMs: 2000 },
    });
    this.checkpointer.unref();
    // A checkpoint that fails (a full disk, a folder removed under it) is retried or dropped, never fatal.
    this.checkpointer.on("error", () => undefined);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS matches (
        code TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        scenario TEXT NOT NULL,
        seed INTEGER NOT NULL,
        secret TEXT NOT NULL DEFAULT '',
        settings TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS actions (
        code TEXT NOT NULL REFERENCES matches(code),
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        PRIMARY KEY (code, seq)
      );
    `);
    // A store made before matches had a secret gains the column; its old matches then cannot be replayed on
    // these rules (their hashes were made with the old streams) and are reported at start, not trusted.
    const columns = this.db.prepare("PRAGMA table_info(matches)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "secret"))
      this.db.exec("ALTER TABLE matches ADD COLUMN secret TEXT NOT NULL DEFAULT ''");
    this.insertMatch = this.db.prepare(
      "INSERT INTO matches (code, scenario_id, scenario, seed, secret, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.insertAction = this.db.prepare("INSERT INTO actions (code, seq, action) VALUES (?, ?, ?)");
    this.lastSeq = this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM actions WHERE code = ?");
    this.selectActions = this.db.prepare("SELECT action FROM actions WHERE code = ? ORDER BY seq");
    this.selectMatch = this.db.prepare("SELECT * FROM matches WHERE code = ?");
    this.markFinished = this.db.prepare("UPDATE matches SET finished = 1 WHERE code = ?");
  }

  has(code: string): boolean {
    return this.selectMatch.get(code) !== undefined;
  }

  create(record: Omit<MatchRecord, "finished">): void {
    this.insertMatch.run(
      record.code,
      record.scenarioId,
      JSON.stringify(record.scenario),
      record.seed,
      record.secret,
      JSON.stringify(record.settings),
      record.createdAt,
    );
  }

  append(code: string, action: Action): void {
    const seq = (this.seqs.get(code) ?? (this.lastSeq.get(code) as { seq: number }).seq) + 1;
    this.insertAction.run(code, seq, JSON.stringify(action));
    this.seqs.set(code, seq);
  }

  finish(code: string): void {
    this.markFinished.run(code);
  }

  get(code: string): MatchRecord | undefined {
    const row = this.selectMatch.get(code) as
      | {
          code: string;
          scenario_id: string;
          scenario: string;
          seed: number;
          secret: string;
          settings: string;
          created_at: string;
          finished: number;
        }
      | undefined;
    if (!row) return undefined;
    return {
      code: row.code,
      scenarioId: row.scenario_id,
      scenario: JSON.parse(row.scenario),
      seed: row.seed,
      secret: row.secret,
      settings: settingsOf(JSON.parse(row.settings) as MatchSettings & { botId?: string }),
      createdAt: row.created_at,
      finished: row.finished === 1,
    };
  }

  actions(code: string): Action[] {
    return (this.selectActions.all(code) as { action: string }[]).map((r) =>
      ActionSchema.parse(JSON.parse(r.action)),
    );
  }

  unfinished(): string[] {
    return (
      this.db.prepare("SELECT code FROM matches WHERE finished = 0 ORDER BY created_at").all() as {
        code: string;
      }[]
    ).map((r) => r.code);
  }

  finishedCodes(limit = 100): string[] {
    return (
      this.db
        .prepare("SELECT code FROM matches WHERE finished = 1 ORDER BY created_at DESC LIMIT ?")
        .all(limit) as { code: string }[]
    ).map((r) => r.code);
  }

  close(): void {
    this.checkpointer.postMessage("stop");
    try {
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      this.db.close();
    }
  }
}
