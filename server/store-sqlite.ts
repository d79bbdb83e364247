/**
 * The match log in an embedded SQLite file (the default store). Every method does its work before it returns;
 * the promises it hands back are already settled, so the order of a room's writes is the order of its calls.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import {
  type Action,
  ActionSchema,
  type MatchRecord,
  type MatchRow,
  matchRowValues,
  recordOf,
  type Store,
} from "./store.ts";

export class SqliteStore implements Store {
  readonly engine = "sqlite";
  private db: Database.Database;
  private insertMatch: Database.Statement;
  private insertAction: Database.Statement;
  private selectActions: Database.Statement;
  private selectMatch: Database.Statement;
  private markFinished: Database.Statement;
  private checkpointer: Worker;
  private lastSeq: Database.Statement;
  private claimLease: Database.Statement;
  private releaseLease: Database.Statement;
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
      CREATE TABLE IF NOT EXISTS leases (
        code TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
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
    // Several processes on one machine may share the file (npm run cluster): the lease is taken in one
    // statement, which SQLite runs alone.
    this.claimLease = this.db.prepare(`
      INSERT INTO leases (code, owner, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (code) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE leases.owner = excluded.owner OR leases.expires_at < ?`);
    this.releaseLease = this.db.prepare("DELETE FROM leases WHERE code = ? AND owner = ?");
  }

  has(code: string): Promise<boolean> {
    return settle(() => this.selectMatch.get(code) !== undefined);
  }

  create(record: Omit<MatchRecord, "finished">): Promise<void> {
    return settle(() => {
      this.insertMatch.run(...matchRowValues(record));
    });
  }

  append(code: string, action: Action): Promise<void> {
    return settle(() => {
      // Read from the file, not only counted here: another process may have run this match before (its
      // lease then passed to this one).
      const seq = (this.seqs.get(code) ?? (this.lastSeq.get(code) as { seq: number }).seq) + 1;
      this.insertAction.run(code, seq, JSON.stringify(action));
      this.seqs.set(code, seq);
    });
  }

  finish(code: string): Promise<void> {
    // A finished match's count is dropped, or the map would grow by one entry per match for the process's life
    // (an action logged after the end, if any, reads its number from the file).
    this.seqs.delete(code);
    return settle(() => void this.markFinished.run(code));
  }

  get(code: string): Promise<MatchRecord | undefined> {
    return settle(() => this.read(code));
  }

  private read(code: string): MatchRecord | undefined {
    const row = this.selectMatch.get(code) as MatchRow | undefined;
    return row && recordOf(row);
  }

  actions(code: string): Promise<Action[]> {
    return settle(() =>
      (this.selectActions.all(code) as { action: string }[]).map((r) =>
        ActionSchema.parse(JSON.parse(r.action)),
      ),
    );
  }

  unfinished(): Promise<string[]> {
    return settle(() =>
      (
        this.db.prepare("SELECT code FROM matches WHERE finished = 0 ORDER BY created_at").all() as {
          code: string;
        }[]
      ).map((r) => r.code),
    );
  }

  finishedCodes(limit = 100): Promise<string[]> {
    return settle(() =>
      (
        this.db
          .prepare("SELECT code FROM matches WHERE finished = 1 ORDER BY created_at DESC LIMIT ?")
          .all(limit) as { code: string }[]
      ).map((r) => r.code),
    );
  }

  claim(code: string, owner: string, ttlMs: number): Promise<boolean> {
    return settle(() => {
      const now = Date.now();
      return this.claimLease.run(code, owner, now + ttlMs, now).changes === 1;
    });
  }

  release(code: string, owner: string): Promise<void> {
    return settle(() => void this.releaseLease.run(code, owner));
  }

  close(): Promise<void> {
    return settle(() => {
      this.checkpointer.postMessage("stop");
      try {
        this.db.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        this.db.close();
      }
    });
  }
}

/** Runs `work` now and hands its result (or its error) back as a settled promise. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
