/**
 * npm run cluster: the whole scale-out shape on one machine. It starts a local redis-server (unless REDIS_URL
 * names one), N server processes (default 2; `npm run cluster -- --processes 3`) sharing it and one store
 * (DATABASE_URL, or the SQLite file in DATA_DIR, which processes on one machine may share), and the proxy of
 * proxy.ts on PORT (default 2567). Open http://localhost:2567 as usual. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readConfig } from "../config.ts";
import { startProxy } from "./proxy.ts";
import { freePort } from "../free-port.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { processes: { type: "string", default: process.env.CLUSTER_PROCESSES ?? "2" } },
});
const count = Number(values.processes);
if (!Number.isInteger(count) || count < 1 || count > 32)
  fail("--processes must be a whole number from 1 to 32");
let config;
try {
  config = readConfig();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const publicHost = process.env.CLUSTER_PUBLIC_HOST ?? `localhost:${config.PORT}`;
const children: ChildProcess[] = [];
let stopping = false;

function start(cmd: string, args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.once("exit", (code, signal) => {
    if (!stopping) process.stderr.write(`${label} stopped (${code ?? signal}); stopping the cluster\n`);
    void stop(1);
  });
  children.push(child);
  return child;
}

let redisDir: string | undefined;
let redisUrl = config.REDIS_URL;
if (!redisUrl) {
  const port = await freePort();
  redisDir = mkdtempSync(join(tmpdir(), "cf-cluster-redis-"));
  const bin = process.env.REDIS_SERVER_BIN ?? "redis-server";
  const redis = start(
    bin,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--dir", redisDir],
    {},
    "redis-server",
  );
  redis.once("error", () =>
    fail(`could not start ${bin}: install it (apt-get install -y redis-server) or set REDIS_URL`),
  );
  redisUrl = `redis://127.0.0.1:${port}`;
}

const targets = [];
for (let n = 1; n <= count; n++) {
  const port = await freePort();
  start(
    process.execPath,
    ["--import", "tsx", "server/main.ts"],
    {
      PORT: String(port),
      HOST: "127.0.0.1",
      REDIS_URL: redisUrl,
      PUBLIC_ADDRESS: `${publicHost}/s${n}`,
      // The proxy adds X-Forwarded-For: the per-address limits then see each player's own address.
      TRUST_PROXY: "1",
    },
    `server process ${n}`,
  );
  targets.push({ n, url: `http://127.0.0.1:${port}` });
}
const proxy = await startProxy({ port: config.PORT, host: config.HOST, targets });
process.stdout.write(
  `Compute Frontier cluster: ${count} server processes behind http://localhost:${config.PORT} (Redis ${redisUrl}; ${config.DATABASE_URL ? "PostgreSQL" : `SQLite in ${config.DATA_DIR}`})\n`,
);

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  proxy.close();
  // Server processes first (they save and close their rooms), Redis last.
  const servers = children.slice(redisDir ? 1 : 0);
  await Promise.all(servers.map((c) => ended(c, "SIGTERM")));
  await Promise.all(children.map((c) => ended(c, "SIGTERM")));
  if (redisDir) rmSync(redisDir, { recursive: true, force: true });
  process.exit(code);
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill(signal);
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
