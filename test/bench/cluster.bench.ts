/**
 * The cluster shape against one process: N matches (two SDK clients each) played over real sockets, first
 * against one server process, then through `npm run cluster`'s proxy in front of two processes sharing a local
 * redis-server. Prints orders-to-patch p50 and p99 of each (the time from a turn's last confirmation to the
 * next turn's view). BENCH_MATCHES (default 200), BENCH_TURNS (3) and BENCH_THINK_MS (1000, the mean think time
 * per turn) set the load; BENCH_SMOKE=1 makes it 3 matches of 1 turn at 50 ms. Needs redis-server.
 *
 *   node --import tsx test/bench/cluster.bench.ts
 */
import { Client } from "@colyseus/sdk";
import { openPair, type Pair, playTurns } from "./pair.ts";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../server/free-port.ts";
import { ROOT } from "../support/child.ts";

const SMOKE = process.env.BENCH_SMOKE === "1";
const MATCHES = Number(process.env.BENCH_MATCHES ?? (SMOKE ? 3 : 200));
const TURNS = Number(process.env.BENCH_TURNS ?? (SMOKE ? 1 : 3));
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? (SMOKE ? 50 : 1000));
const CONNECT_CONCURRENCY = 20;

const SERVER_ENV = {
  LOG_LEVEL: "silent",
  HOST: "127.0.0.1",
  MAX_MESSAGES_PER_SECOND: "1000",
  CREATE_LIMIT_PER_MINUTE: "1000000",
  JOIN_LIMIT_PER_MINUTE: "1000000",
};

/** Polls the health route until `processes` different worker pids have answered. */
async function waitForHealth(url: string, processes: number, child: ChildProcess): Promise<void> {
  const pids = new Set<number>();
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) pids.add(((await res.json()) as { pid: number }).pid);
      if (pids.size >= processes) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Plays MATCHES matches of TURNS turns against `url`; answers the sorted orders-to-patch latencies. */
async function play(url: string): Promise<number[]> {
  const client = new Client(url);
  const pairs: Pair[] = [];
  for (let i = 0; i < MATCHES; i += CONNECT_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, MATCHES - i) }, async (_, j) => {
      const n = i + j;
      return openPair(client, "cluster", n);
    });
    pairs.push(...(await Promise.all(batch)));
  }
  const latencies = await playTurns(pairs, TURNS, THINK_MS);
  await Promise.all(pairs.flatMap((p) => [p.us.leave(), p.china.leave()]));
  return latencies.sort((a, b) => a - b);
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await new Promise((r) => child.once("exit", r));
  clearTimeout(timer);
}

/** Runs `args` (a server entry point) with `env`, plays against it, and stops it. */
async function measure(
  args: string[],
  env: Record<string, string>,
  processes: number,
  port: number,
): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "cf-bench-cluster-"));
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...SERVER_ENV, ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, processes, child);
    return await play(url).catch((error: unknown) => {
      throw new Error(`${args.join(" ")}: ${error instanceof Error ? error.message : String(error)}`);
    });
  } finally {
    await stopped(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchCluster(): Promise<Record<string, number>> {
  const one = await measure(["server/main.ts"], { SUPERVISE: "0" }, 1, await freePort());
  // The cluster's processes announce the proxy's address (run.ts puts its proxy on PORT).
  const clusterPort = await freePort();
  const two = await measure(
    ["server/cluster/run.ts", "--processes", "2"],
    { CLUSTER_PUBLIC_HOST: `127.0.0.1:${clusterPort}` },
    2,
    clusterPort,
  );
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    "cluster.matches": MATCHES,
    "cluster.one_process_p50_ms": ms(percentile(one, 50)),
    "cluster.one_process_p99_ms": ms(percentile(one, 99)),
    "cluster.two_processes_p50_ms": ms(percentile(two, 50)),
    "cluster.two_processes_p99_ms": ms(percentile(two, 99)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchCluster();
  for (const [name, value] of Object.entries(results))
    process.stdout.write(`${name}: ${value}${name.endsWith("_ms") ? " ms" : ""}\n`);
  process.exit(0);
}
