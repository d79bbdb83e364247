/**
 * The match log in PostgreSQL (DATABASE_URL), which several server processes share. The tables are those of
 * the SQLite store; JSON is kept as the text that was written, so a replay reads exactly what was logged.
 * Migrations run on open, one process at a time (a transaction-scoped advisory lock).
 */
import pg from "pg";
import {
  type Action,
  ActionSchema,
  type MatchRecord,
  type MatchRow,
  matchRowValues,
  recordOf,
  LeaseLost,
  type Store,
} from "./store.ts";

/** Schema changes in order; each runs once, in a transaction, and is recorded in schema_migrations. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE matches (
     code TEXT PRIMARY KEY,
     scenario_id TEXT NOT NULL,
     scenario TEXT NOT NULL,
     seed INTEGER NOT NULL,
     secret TEXT NOT NULL,
     settings TEXT NOT NULL,
     created_at TEXT NOT NULL,
     finished BOOLEAN NOT NULL DEFAULT FALSE
   );
   CREATE INDEX matches_finished ON matches (finished, created_at);
   CREATE TABLE actions (
     code TEXT NOT NULL REFERENCES matches(code),
     seq INTEGER NOT NULL,
     action TEXT NOT NULL,
     PRIMARY KEY (code, seq)
   );
   CREATE TABLE leases (
     code TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );`,
];

/** The advisory lock key that serialises migrations between processes starting together ("cf" + 1). */
const MIGRATION_LOCK = 0x6366_0001;

export class PostgresStore implements Store {
  readonly engine = "postgres";
  /** Each match's appends, chained so that they reach the database one after another in call order. */
  private chains = new Map<string, Promise<void>>();

  private constructor(private pool: pg.Pool) {}

  /** Connects, runs the migrations this database lacks, and answers the store. */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server drops (a restart of PostgreSQL) is reported here, not thrown.
    pool.on("error", () => undefined);
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  async has(code: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("SELECT 1 FROM matches WHERE code = $1", [code]);
    return (rowCount ?? 0) > 0;
  }

  async create(record: Omit<MatchRecord, "finished">): Promise<void> {
    await this.pool.query(
      "INSERT INTO matches (code, scenario_id, scenario, seed, secret, settings, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      matchRowValues(record),
    );
  }

  append(code: string, action: Action, owner?: string): Promise<void> {
    const text = JSON.stringify(action);
    // The number is the next after the last one in the table: only the lease holder appends, and its appends
    // wait for each other, so no two share a number (the primary key would refuse it if they did). With an
    // owner, the row is written in the same statement that checks the lease.
    const write = async () => {
      const result = await this.pool.query(
        `INSERT INTO actions (code, seq, action)
         SELECT $1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM actions WHERE code = $1), $2
         WHERE $3::text IS NULL
            OR EXISTS (SELECT 1 FROM leases WHERE code = $1 AND owner = $3 AND expires_at > now())`,
        [code, text, owner ?? null],
      );
      if (result.rowCount !== 1) throw new LeaseLost(code);
    };
    const next = (this.chains.get(code) ?? Promise.resolve()).then(write, write);
    this.chains.set(code, next);
    // The chain forgets a match whose last append is done.
    void next.then(
      () => this.chains.get(code) === next && this.chains.delete(code),
      () => this.chains.get(code) === next && this.chains.delete(code),
    );
    return next;
  }

  async finish(code: string): Promise<void> {
    // After the match's appends, so that an "end" is never behind its finished mark.
    await (this.chains.get(code) ?? Promise.resolve()).catch(() => undefined);
    await this.pool.query("UPDATE matches SET finished = TRUE WHERE code = $1", [code]);
  }

  async get(code: string): Promise<MatchRecord | undefined> {
    const { rows } = await this.pool.query<MatchRow>("SELECT * FROM matches WHERE code = $1", [code]);
    const row = rows[0];
    if (!row) return undefined;
    return recordOf(row);
  }

  async actions(code: string): Promise<Action[]> {
    const { rows } = await this.pool.query<{ action: string }>(
      "SELECT action FROM actions WHERE code = $1 ORDER BY seq",
      [code],
    );
    return rows.map((r) => ActionSchema.parse(JSON.parse(r.action)));
  }

  async unfinished(): Promise<string[]> {
    const { rows } = await this.pool.query<{ code: string }>(
      "SELECT code FROM matches WHERE NOT finished ORDER BY created_at",
    );
    return rows.map((r) => r.code);
  }

  async finishedCodes(limit = 100): Promise<string[]> {
    const { rows } = await this.pool.query<{ code: string }>(
      "SELECT code FROM matches WHERE finished ORDER BY created_at DESC LIMIT $1",
      [limit],
    );
    return rows.map((r) => r.code);
  }

  async claim(code: string, owner: string, ttlMs: number): Promise<boolean> {
    // One statement: PostgreSQL locks the row, so two processes claiming at once cannot both win. The
    // database's clock judges expiry, so the processes' clocks need not agree.
    const { rowCount } = await this.pool.query(
      `INSERT INTO leases (code, owner, expires_at) VALUES ($1, $2, now() + $3::double precision * interval '1 millisecond')
       ON CONFLICT (code) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE leases.owner = excluded.owner OR leases.expires_at < now()`,
      [code, owner, ttlMs],
    );
    return rowCount === 1;
  }

  async release(code: string, owner: string): Promise<void> {
    await this.pool.query("DELETE FROM leases WHERE code = $1 AND owner = $2", [code, owner]);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
    await this.pool.end();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((r) => r.version));
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await client.query(sql);
      await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
