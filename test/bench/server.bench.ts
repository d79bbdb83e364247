/**
 * npm run bench:server: drives N concurrent matches with two official SDK clients each against a server in a
 * child process on loopback, and prints how long a confirmed turn takes to come back as the next turn's view
 * (orders to patch), and the server's memory per match. BENCH_MATCHES (default 1000), BENCH_TURNS (default 3)
 * and BENCH_THINK_MS (default 5000: the mean time players of a match take per turn, drawn at random so that
 * the matches do not all confirm at the same instant) set the load. BENCH_SMOKE=1 changes the defaults to 3
 * matches of 1 turn at 50 ms (test/bench/smoke.test.ts runs it so in `npm test`).
 */
import { Client, type Room } from "@colyseus/sdk";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SMOKE = process.env.BENCH_SMOKE === "1";
const MATCHES = Number(process.env.BENCH_MATCHES ?? (SMOKE ? 3 : 1000));
const TURNS = Number(process.env.BENCH_TURNS ?? (SMOKE ? 1 : 3));
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? (SMOKE ? 50 : 5000));
const CONNECT_CONCURRENCY = 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

interface Pair {
  us: Room;
  china: Room;
  turn: number;
  waiters: ((turn: number) => void)[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))),
    );
  return out;
}

export async function benchServer(): Promise<Record<string, number>> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cf-bench-server-"));
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE] : []),
      "--import",
      "tsx",
      "server/main.ts",
    ],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
        MAX_MESSAGES_PER_SECOND: "1000",
        // One process to measure and profile (not a supervisor and its worker), and every match from 127.0.0.1.
        SUPERVISE: "0",
        CREATE_LIMIT_PER_MINUTE: "1000000",
        JOIN_LIMIT_PER_MINUTE: "1000000",
        // Its players choose their seeds, which the server refuses players by default.
        PLAYER_SEEDS: "1",
      },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url);
    const baseRss = rssMb(child.pid as number);
    const client = new Client(url);
    const pairs = await inBatches(MATCHES, CONNECT_CONCURRENCY, async (i) => {
      const us = await client.create("match", {
        role: "us",
        name: `us${i}`,
        playerId: `bench-us-${i}-xxxx`,
        seed: i,
      });
      // Each room's handlers are in place before its next message arrives (the SDK warns about any other).
      for (const type of ["welcome", "view", "draft", "error", "notice"]) us.onMessage(type, () => undefined);
      const china = await client.joinById(us.roomId, {
        role: "china",
        name: `cn${i}`,
        playerId: `bench-cn-${i}-xxxx`,
      });
      const pair: Pair = { us, china, turn: 0, waiters: [] };
      china.onMessage("view", (m: { view: { turn: number } }) => {
        if (m.view.turn > pair.turn) {
          pair.turn = m.view.turn;
          for (const w of pair.waiters.splice(0)) w(pair.turn);
        }
      });
      for (const type of ["welcome", "draft", "error", "notice"]) china.onMessage(type, () => undefined);
      return pair;
    });
    const loadedRss = rssMb(child.pid as number);
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      pairs.map(async (pair) => {
        for (let turn = 0; turn < TURNS; turn++) {
          await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK_MS));
          await pair.us.request("confirm", { turn });
          const next = new Promise<number>((resolve) => pair.waiters.push(resolve));
          const t0 = performance.now();
          await pair.china.request("confirm", { turn });
          await next;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    for (const pair of pairs) {
      await pair.us.leave();
      await pair.china.leave();
    }
    return {
      "server.matches": MATCHES,
      "server.turns_per_s": Math.round((MATCHES * TURNS) / elapsed),
      "server.think_ms": THINK_MS,
      "server.orders_to_patch_p50_ms": Math.round(percentile(latencies, 50) * 10) / 10,
      "server.orders_to_patch_p99_ms": Math.round(percentile(latencies, 99) * 10) / 10,
      "server.rss_mb_per_match": Math.round(((loadedRss - baseRss) / MATCHES) * 100) / 100,
    };
  } finally {
    child.kill(process.env.BENCH_PROFILE ? "SIGINT" : "SIGKILL");
    if (process.env.BENCH_PROFILE) await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchServer();
  for (const [name, value] of Object.entries(results)) {
    const unit =
      name.endsWith("_ms") || name.endsWith("think_ms")
        ? " ms"
        : name.endsWith("_mb_per_match")
          ? " MB"
          : name.endsWith("_per_s")
            ? " turns/s"
            : "";
    process.stdout.write(`${name}: ${value}${unit}\n`);
  }
  process.exit(0);
}
