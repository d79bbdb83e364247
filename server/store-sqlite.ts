/**
 * The match log in an embedded SQLite file (the default store). Appends are gathered and written together in
 * one transaction at the end of the event loop's turn (group commit: one commit for every room that logged
 * something in that turn, instead of one each, which is what the file's write costs); each append's promise
 * settles when its transaction has committed. Every other method first writes the appends still gathered, then
 * does its work before it returns and hands back a settled promise, so reads see every earlier append and the
 * order of a room's writes is the order of its calls.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import {
  type Action,
  ActionSchema,
  LeaseLost,
  type MatchRecord,
  type MatchRow,
  matchRowValues,
  recordOf,
  type Store,
} from "./store.ts";

/**
 * SQLite's page cache for the store's connection, in KiB: SQLite's own default. better-sqlite3 builds SQLite
 * with 16 MB, and that cache fills as the file grows, outside V8's heap: in an 8-minute soak it was the growth
 * of the process's resident memory (the C allocator's heap rose by 12 MB while the file grew by 9 MB, and would
 * have gone on until the cache held its 16 MB of pages), while with 2 MB it stayed flat. The log is written at
 * its end and read whole once per match, so the pages a bigger cache would keep save only a read each from
 * the system's file cache.
 */
const PAGE_CACHE_KIB = 2000;

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
  private holdsLease: Database.Statement;
  /** The last sequence number written per match (looked up once, then counted here). */
  private seqs = new Map<string, number>();
  /** Appends gathered in this turn of the event loop, written by `flush`. */
  private gathered: Gathered[] = [];
  private flushing: NodeJS.Immediate | undefined;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, "matches.sqlite");
    this.db = new Database(file);
    // WAL with synchronous=NORMAL: a committed action survives a killed process and the file stays consistent
    // through a power cut. Checkpoints (the only step that waits for the disk) run on a worker thread.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("wal_autocheckpoint = 0");
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // The worker is plain JavaScript and takes none of this process's flags: a flag such as `--import` of a
    // TypeScript module (which a worker cannot load before tsx's hooks are in place there) would kill it at
    // start, and the log would then grow without end.
    this.checkpointer = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), {
      workerData: { file, everyMs: 2000 },
      execArgv: [],
    });
    this.checkpointer.unref();
    // A checkpoint that fails (a full disk, a folder removed under it) is retried in the worker, never fatal.
    // The worker itself failing is not fatal either, but it is said: without it the log grows until a restart
    // (the soak once ran with a worker that had died at start, unseen).
    this.checkpointer.on("error", (error) =>
      process.emitWarning(
        `the SQLite checkpoint worker stopped (${error.message}): the write-ahead log grows until the server restarts`,
      ),
    );
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
    this.holdsLease = this.db.prepare("SELECT 1 FROM leases WHERE code = ? AND owner = ? AND expires_at > ?");
  }

  has(code: string): Promise<boolean> {
    return this.settle(() => this.selectMatch.get(code) !== undefined);
  }

  create(record: Omit<MatchRecord, "finished">): Promise<void> {
    return this.settle(() => {
      this.insertMatch.run(...matchRowValues(record));
    });
  }

  append(code: string, action: Action, owner?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.gathered.push({ code, text: JSON.stringify(action), owner, resolve, reject });
      this.flushing ??= setImmediate(() => this.flush());
    });
  }

  /**
   * Writes the gathered appends in one transaction. If it fails, each is tried alone, so that one bad append
   * (a match removed under it, say) fails only its own promise.
   */
  private flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = undefined;
    const batch = this.gathered;
    if (batch.length === 0) return;
    this.gathered = [];
    let written: Map<string, number> | undefined;
    try {
      written = this.writeAll(batch);
    } catch {
      for (const one of batch) {
        try {
          this.writeAll([one]).forEach((seq, code) => this.seqs.set(code, seq));
          one.resolve();
        } catch (error) {
          one.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return;
    }
    written.forEach((seq, code) => this.seqs.set(code, seq));
    for (const one of batch) one.resolve();
  }

  /** Inserts `batch` in one transaction; answers each match's last sequence number, kept only once committed. */
  private writeAll(batch: Gathered[]): Map<string, number> {
    const written = new Map<string, number>();
    this.db.transaction(() => {
      for (const { code, text, owner } of batch) {
        if (owner !== undefined && !this.holdsLease.get(code, owner, Date.now())) throw new LeaseLost(code);
        // Read from the file, not only counted here: another process may have run this match before (its
        // lease then passed to this one).
        const seq =
          (written.get(code) ?? this.seqs.get(code) ?? (this.lastSeq.get(code) as { seq: number }).seq) + 1;
        this.insertAction.run(code, seq, text);
        written.set(code, seq);
      }
    })();
    return written;
  }

  finish(code: string): Promise<void> {
    return this.settle(() => {
      // A finished match's count is dropped, or the map would grow by one entry per match for the process's
      // life (an action logged after the end, if any, reads its number from the file).
      this.seqs.delete(code);
      this.markFinished.run(code);
    });
  }

  get(code: string): Promise<MatchRecord | undefined> {
    return this.settle(() => this.read(code));
  }

  private read(code: string): MatchRecord | undefined {
    const row = this.selectMatch.get(code) as MatchRow | undefined;
    return row && recordOf(row);
  }

  actions(code: string): Promise<Action[]> {
    return this.settle(() =>
      (this.selectActions.all(code) as { action: string }[]).map((r) =>
        ActionSchema.parse(JSON.parse(r.action)),
      ),
    );
  }

  unfinished(): Promise<string[]> {
    return this.settle(() =>
      (
        this.db.prepare("SELECT code FROM matches WHERE finished = 0 ORDER BY created_at").all() as {
          code: string;
        }[]
      ).map((r) => r.code),
    );
  }

  finishedCodes(limit = 100): Promise<string[]> {
    return this.settle(() =>
      (
        this.db
          .prepare("SELECT code FROM matches WHERE finished = 1 ORDER BY created_at DESC LIMIT ?")
          .all(limit) as { code: string }[]
      ).map((r) => r.code),
    );
  }

  claim(code: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.settle(() => {
      const now = Date.now();
      return this.claimLease.run(code, owner, now + ttlMs, now).changes === 1;
    });
  }

  release(code: string, owner: string): Promise<void> {
    return this.settle(() => void this.releaseLease.run(code, owner));
  }

  /** Writes the gathered appends, runs `work` now and hands its result (or its error) back as a settled promise. */
  private settle<T>(work: () => T): Promise<T> {
    try {
      this.flush();
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    return this.settle(() => {
      this.checkpointer.postMessage("stop");
      try {
        this.db.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        this.db.close();
      }
    });
  }
}

interface Gathered {
  code: string;
  /** The action as JSON. */
  text: string;
  /** The lease owner the append is fenced by, if any (see Store.append). */
  owner: string | undefined;
  resolve(): void;
  reject(error: Error): void;
}
