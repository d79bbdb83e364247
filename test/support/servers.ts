/**
 * Real servers for tests: a `redis-server` and a PostgreSQL cluster (Debian's packages), each on loopback, on a
 * free port, in a temporary folder that is removed when it stops. No mock stands in for either.
 *
 * When a binary is missing, `needServers` tells the test file: in CI (CI set) the tests fail with what to
 * install; on a developer's machine they are skipped with a line saying so. `.ci/run` installs both.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "../../server/free-port.ts";

export { freePort };

export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";
/** Debian's newest installed PostgreSQL (15 on bookworm, 17 on trixie), unless PG_BIN names one. */
export const PG_BIN = process.env.PG_BIN ?? newestPostgres();

function newestPostgres(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, versions[0] ?? "15", "bin");
}

/** What is missing to run the real servers a test needs ("" when nothing is). */
export function missingServers(need: { redis?: boolean; postgres?: boolean }): string {
  const missing: string[] = [];
  if (need.redis && !existsSync(REDIS_SERVER)) missing.push(`redis-server (looked for ${REDIS_SERVER})`);
  if (need.postgres && !existsSync(join(PG_BIN, "initdb")))
    missing.push(`PostgreSQL (looked for ${join(PG_BIN, "initdb")})`);
  return missing.length === 0 ? "" : `${missing.join(" and ")}: apt-get install -y redis-server postgresql`;
}

/**
 * Whether a test file that needs these servers runs: true when they are installed; false (skip, with a line on
 * stderr) on a developer's machine without them; and in CI, a thrown error, so that a missing package fails.
 */
export function needServers(need: { redis?: boolean; postgres?: boolean }): boolean {
  const missing = missingServers(need);
  if (!missing) return true;
  if (process.env.CI) throw new Error(`these tests need real servers, and ${missing}`);
  process.stderr.write(`skipping tests that need real servers: ${missing}\n`);
  return false;
}

/** Polls `check` every 50 ms until it is truthy, failing with `what` after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface RealServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function collect(child: ChildProcess): () => string {
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return () => out;
}

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve));
}

/** A redis-server that keeps nothing on disk, on a free loopback port. */
export async function startRedis(): Promise<RealServer> {
  const missing = missingServers({ redis: true });
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), "cf-redis-"));
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = collect(child);
  await pollUntil(
    "redis-server to accept connections",
    () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output()}`);
      return /Ready to accept connections/.test(output());
    },
    30_000,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill("SIGTERM");
      await ended(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL cluster of its own (initdb in a temporary folder, trust authentication on loopback only). As
 * root, initdb and the server run as the `postgres` user (through setpriv), since PostgreSQL refuses root.
 */
export async function startPostgres(): Promise<RealServer & { database(name: string): Promise<string> }> {
  const missing = missingServers({ postgres: true });
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), "cf-pg-"));
  const data = join(dir, "data");
  const asRoot = userInfo().uid === 0;
  const as = (cmd: string, args: string[]) =>
    asRoot
      ? // setpriv runs the command in its own process (no shell or su in between that would hold the signals).
        (["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", cmd, ...args]] as const)
      : ([cmd, args] as const);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const [initCmd, initArgs] = as(join(PG_BIN, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  execFileSync(initCmd, [...initArgs], { stdio: "pipe" });
  const port = await freePort();
  const [cmd, args] = as(join(PG_BIN, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${dir}`,
    "-c",
    "fsync=off",
    "-c",
    "max_connections=200",
  ]);
  const child = spawn(cmd, [...args], { stdio: ["ignore", "pipe", "pipe"] });
  const output = collect(child);
  await pollUntil(
    "PostgreSQL to accept connections",
    () => {
      if (child.exitCode !== null) throw new Error(`postgres exited:\n${output()}`);
      return /ready to accept connections/.test(output());
    },
    60_000,
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import("pg");
  return {
    url,
    port,
    /** A new empty database in this cluster, for one test's store. */
    async database(name: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/g, "_")}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name.replace(/[^a-z0-9_]/g, "_")}`;
    },
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown (closes clients, then stops).
      child.kill("SIGINT");
      await ended(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
