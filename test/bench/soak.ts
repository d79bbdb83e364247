/**
 * npm run soak -- --minutes 20: a long run against one server process over real sockets, to catch memory
 * that grows with time. A classroom of 30 (6 rooms of a facilitator and two players per side, who confirm
 * each turn after a few seconds' thought) and 20 bot matches (both sides bots, one spectator each) play the
 * whole time; every finished match is followed by a new one. Finished rooms close after 20 s here
 * (FINISHED_ROOM_SECONDS), so that the run reaches a steady state within its length.
 *
 * Memory is read while the load runs (the server runs with --expose-gc and test/bench/soak-probe.ts, which
 * answers over an IPC channel; it reads the heap in use after a full garbage collection, everything else as
 * the process runs): before the load starts, once it is warm (after a fifth of the run, at most 2 minutes),
 * every `--every` minutes (2) and at the end. The warm and end readings are each the median of three readings
 * 10 s apart (the rooms are at different stages from one reading to the next; the heap in use comes from the
 * last, the only one that runs a collection). Two figures are judged, from the warm reading to the end's, and
 * the run fails (exit 1) when either grew by more than 10%:
 * - the heap still in use after the collection: objects the server's code keeps piling up;
 * - resident memory (RSS), what `top` shows an operator: it also counts what V8 holds beyond that heap and what
 *   native code (SQLite, the C allocator) holds.
 * A table of where the memory is (RSS by the kernel's parts, V8's heap by space, external memory, the SQLite
 * files) at every reading shows which part grew. It found SQLite's page cache, which better-sqlite3 sizes at
 * 16 MB and which filled as the file grew (RSS +8% in 8 minutes and still climbing; see store-sqlite.ts).
 * BENCH_SMOKE=1 runs it for 12 seconds and reports without judging (too short to mean anything).
 */
import { Client, type Room } from "@colyseus/sdk";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { MemoryReading } from "./soak-probe.ts";
import { freePort } from "../../server/free-port.ts";
import { ROOT } from "../support/child.ts";
const SMOKE = process.env.BENCH_SMOKE === "1";
const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: SMOKE ? "0.2" : "20" },
    // Minutes between the readings taken between the warm one and the end's (single readings, not medians).
    every: { type: "string", default: "2" },
    // V8 flags for the server process, such as "--max-old-space-size=64" (space-separated).
    "server-flags": { type: "string", default: "" },
    // Environment of the server process, such as "MALLOC_ARENA_MAX=2" (space-separated NAME=value pairs).
    "server-env": { type: "string", default: "" },
  },
});
const SERVER_FLAGS = values["server-flags"].split(" ").filter(Boolean);
const SERVER_ENV = values["server-env"].split(" ").filter(Boolean);
if (SERVER_ENV.some((e) => !/^[A-Z_][A-Z0-9_]*=[\w.-]*$/.test(e))) {
  process.stderr.write(
    "--server-env takes NAME=value pairs such as MALLOC_ARENA_MAX=2, separated by spaces\n",
  );
  process.exit(2);
}
if (SERVER_FLAGS.some((f) => !/^--[\w-]+(=[\w.-]+)?$/.test(f))) {
  process.stderr.write(
    "--server-flags takes V8 flags such as --max-old-space-size=64, separated by spaces\n",
  );
  process.exit(2);
}
const MINUTES = Number(values.minutes);
if (!(MINUTES > 0)) {
  process.stderr.write("--minutes must be a positive number\n");
  process.exit(2);
}
const EVERY_MINUTES = Number(values.every);
if (!(EVERY_MINUTES > 0)) {
  process.stderr.write("--every must be a positive number of minutes\n");
  process.exit(2);
}
const ROOMS = 6;
const PER_SIDE = 2;
const BOT_MATCHES = 20;
const MAX_GROWTH_PCT = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's memory (see soak-probe.ts) after a full garbage collection. */
/**
 * One reading of the server's memory. `collect` (the default) also has the probe run a full collection, after
 * everything else is read, for the heap still in use; without it that figure is left out (NaN).
 */
function readMemory(child: ChildProcess, collect = true): Promise<MemoryReading> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.off("message", onMessage);
      reject(new Error("the server did not answer the memory probe"));
    }, 30_000);
    const onMessage = (reading: MemoryReading) => {
      if (reading?.kind !== "memory") return;
      clearTimeout(timeout);
      child.off("message", onMessage);
      resolve(reading);
    };
    child.on("message", onMessage);
    child.send(collect ? "memory" : "resident");
  });
}

const SAMPLES = SMOKE ? 1 : 3;
const SAMPLE_GAP_MS = 10_000;

/**
 * The median of each figure over SAMPLES readings SAMPLE_GAP_MS apart. Only the last one runs a full
 * collection (for the heap in use, taken from it alone): a collection hands part of V8's young generation back
 * for a while, so a reading 10 s after one would show RSS low.
 */
async function sampleMemory(child: ChildProcess): Promise<MemoryReading> {
  const readings: MemoryReading[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    if (i > 0) await sleep(SAMPLE_GAP_MS);
    readings.push(await readMemory(child, i === SAMPLES - 1));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const first = readings[0]!;
  const perSpace = (pick: (r: MemoryReading) => Record<string, number>) =>
    Object.fromEntries(
      Object.keys(pick(first)).map((name) => [name, median(readings.map((r) => pick(r)[name] ?? 0))]),
    );
  const figures = Object.fromEntries(
    (Object.keys(first) as (keyof MemoryReading)[])
      .filter((key) => typeof first[key] === "number")
      .map((key) => [key, median(readings.map((r) => r[key] as number))]),
  );
  return {
    ...first,
    ...figures,
    heapUsedMb: readings.at(-1)!.heapUsedMb,
    spacesMb: perSpace((r) => r.spacesMb),
    spacesResidentMb: perSpace((r) => r.spacesResidentMb),
  };
}

/** A seat that tracks the latest view's turn and phase. */
function track(room: Room): { turn: number; ended: boolean } {
  const seen = { turn: 0, ended: false };
  room.onMessage("view", (m: { view: { turn: number; phase: string } }) => {
    seen.turn = Math.max(seen.turn, m.view.turn);
    if (m.view.phase === "ended") seen.ended = true;
  });
  for (const type of ["welcome", "draft", "error", "notice"]) room.onMessage(type, () => undefined);
  return seen;
}

let turnsPlayed = 0;
let matchesStarted = 0;
let refusals = 0;
/** Creates or joins that failed (a saturated machine's expired seat reservation, say): retried after a second. */
let failures = 0;

/** Runs `round` until `until`, counting a failed round and going on after a pause. */
async function repeat(until: number, round: (n: number) => Promise<void>): Promise<void> {
  for (let n = 1; Date.now() < until; n++) {
    try {
      await round(n);
    } catch {
      failures++;
      await sleep(1000);
    }
  }
}

async function classroom(client: Client, n: number, until: number): Promise<void> {
  await repeat(until, async (round) => {
    const teacher = await client.create("match", {
      role: "facilitator",
      name: `Teacher ${n}`,
      playerId: `soak-t-${n}-${round}-xxxx`,
      bots: false,
    });
    track(teacher);
    matchesStarted++;
    const players: { room: Room; side: "us" | "china"; seen: { turn: number; ended: boolean } }[] = [];
    for (const side of ["us", "china"] as const)
      for (let k = 0; k < PER_SIDE; k++) {
        const room = await client.joinById(teacher.roomId, {
          role: side,
          name: `${side} ${n}.${k}`,
          playerId: `soak-${side}-${n}-${k}-${round}`,
        });
        players.push({ room, side, seen: track(room) });
      }
    const lead = players[0]!.seen;
    while (!lead.ended && Date.now() < until) {
      const turn = lead.turn;
      // Each side's first player confirms after a few seconds' thought.
      await Promise.all(
        players
          .filter((_, i) => i % PER_SIDE === 0)
          .map(async (p) => {
            await sleep(1000 + Math.random() * 3000);
            await p.room.request("confirm", { turn }).catch(() => refusals++);
          }),
      );
      while (lead.turn === turn && !lead.ended && Date.now() < until) await sleep(50);
      if (lead.turn > turn) turnsPlayed++;
    }
    await Promise.all([teacher, ...players.map((p) => p.room)].map((r) => r.leave().catch(() => undefined)));
  });
}

async function botMatch(client: Client, n: number, until: number): Promise<void> {
  await repeat(until, async (round) => {
    const watcher = await client.create("match", {
      role: "spectator",
      name: `Watcher ${n}`,
      playerId: `soak-w-${n}-${round}-xxxx`,
      bots: true,
    });
    matchesStarted++;
    const seen = track(watcher);
    let last = 0;
    while (!seen.ended && Date.now() < until) {
      await sleep(200);
      if (seen.turn > last) {
        turnsPlayed += seen.turn - last;
        last = seen.turn;
      }
    }
    await watcher.leave().catch(() => undefined);
  });
}

/** The warm reading comes after this long (or a fifth of a shorter run). */
const WARM_MS = 120_000;

interface Reading {
  /** "idle" (before the load starts), "warm", "end", or "" for a reading between. */
  label: string;
  minutes: number;
  /** Matches started by then. */
  matches: number;
  memory: MemoryReading;
}

/** The rows of the breakdown: a name and how to read it from a reading. */
const ROWS: readonly (readonly [string, (r: Reading) => number])[] = [
  ["minutes", (r) => r.minutes],
  ["matches started", (r) => r.matches],
  ["RSS", (r) => r.memory.rssMb],
  ["  anonymous", (r) => r.memory.anonMb],
  ["    malloc main heap", (r) => r.memory.mallocMainMb],
  ["    malloc thread arenas", (r) => r.memory.mallocArenasMb],
  ["    other anonymous", (r) => r.memory.otherAnonMb],
  ["  mapped files", (r) => r.memory.fileMb],
  ["    of them SQLite", (r) => r.memory.sqliteMappedMb],
  ["  shared memory", (r) => r.memory.shmemMb],
  ["  in huge pages", (r) => r.memory.hugeMb],
  ["V8 heap (all spaces)", (r) => r.memory.heapTotalMb],
  ["  new", (r) => r.memory.spacesMb.new ?? 0],
  ["  old", (r) => r.memory.spacesMb.old ?? 0],
  ["  code", (r) => r.memory.spacesMb.code ?? 0],
  [
    "  large objects",
    (r) =>
      (r.memory.spacesMb.large_object ?? 0) +
      (r.memory.spacesMb.new_large_object ?? 0) +
      (r.memory.spacesMb.code_large_object ?? 0),
  ],
  [
    "  resident (all spaces)",
    (r) => Object.values(r.memory.spacesResidentMb).reduce((sum, mb) => sum + mb, 0),
  ],
  ["    new", (r) => r.memory.spacesResidentMb.new ?? 0],
  ["    old", (r) => r.memory.spacesResidentMb.old ?? 0],
  ["heap in use after GC", (r) => r.memory.heapUsedMb],
  ["external", (r) => r.memory.externalMb],
  ["  of it ArrayBuffers", (r) => r.memory.arrayBuffersMb],
  ["V8's own malloc", (r) => r.memory.v8MallocedMb],
  ["malloc thread arenas (count)", (r) => r.memory.mallocArenas],
  ["threads", (r) => r.memory.threads],
  ["SQLite database file", (r) => r.memory.dbMb],
  ["SQLite WAL file", (r) => r.memory.walMb],
  ["SQLite WAL index (-shm)", (r) => r.memory.shmMb],
  ["CPU seconds", (r) => r.memory.cpuSeconds],
];

/** The readings side by side, one row per figure (MB unless the row says otherwise), as a Markdown table. */
function breakdown(readings: Reading[]): string {
  const head = ["", ...readings.map((r, i) => r.label || `reading ${i}`)];
  const rows = ROWS.map(([name, pick]) => [name, ...readings.map((r) => pick(r).toFixed(1))]);
  const widths = head.map((_, c) => Math.max(...[head, ...rows].map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

async function soak(): Promise<{
  lines: Record<string, number>;
  table: string;
  passed: { heap: boolean; rss: boolean };
}> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cf-soak-"));
  const child = spawn(
    process.execPath,
    [
      ...SERVER_FLAGS,
      "--expose-gc",
      "--import",
      "tsx",
      "--import",
      "./test/bench/soak-probe.ts",
      "server/main.ts",
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
        SUPERVISE: "0",
        FINISHED_ROOM_SECONDS: "20",
        BOT_TURN_SECONDS: "1",
        CREATE_LIMIT_PER_MINUTE: "1000000",
        JOIN_LIMIT_PER_MINUTE: "1000000",
        ...Object.fromEntries(
          SERVER_ENV.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]),
        ),
      },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error("the server exited");
      if (
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 1200) throw new Error("the server did not start");
      await sleep(100);
    }
    const started = Date.now();
    const until = started + MINUTES * 60_000;
    const warmMs = Math.min(WARM_MS, (MINUTES * 60_000) / 5);
    const readings: Reading[] = [];
    const take = async (label: string, reading: Promise<MemoryReading>) => {
      const memory = await reading;
      readings.push({ label, minutes: (Date.now() - started) / 60_000, matches: matchesStarted, memory });
      process.stderr.write(
        `soak: ${label} at ${readings.at(-1)!.minutes.toFixed(1)} min, RSS ${memory.rssMb.toFixed(1)} MB\n`,
      );
    };
    await take("idle", readMemory(child));
    const client = new Client(url);
    const runs = [
      ...Array.from({ length: ROOMS }, (_, i) => classroom(client, i, until)),
      ...Array.from({ length: BOT_MATCHES }, (_, i) => botMatch(client, i, until)),
    ];
    await sleep(warmMs);
    await take("warm", sampleMemory(child));
    const start = readings.at(-1)!.memory;
    // The end's readings are taken while the load still runs, as the warm ones were.
    const endAt = until - (SAMPLES - 1) * SAMPLE_GAP_MS - 5_000;
    for (
      let next = Date.now() + EVERY_MINUTES * 60_000;
      next < endAt - 30_000;
      next += EVERY_MINUTES * 60_000
    ) {
      await sleep(next - Date.now());
      await take("", readMemory(child));
    }
    await sleep(endAt - Date.now());
    await take("end", sampleMemory(child));
    const end = readings.at(-1)!.memory;
    await Promise.all(runs);
    const growth = (pick: (r: MemoryReading) => number) => ((pick(end) - pick(start)) / pick(start)) * 100;
    const heapGrowth = growth((r) => r.heapUsedMb);
    const rssGrowth = growth((r) => r.rssMb);
    const round = (v: number) => Math.round(v * 10) / 10;
    return {
      lines: {
        "soak.minutes": MINUTES,
        "soak.matches": matchesStarted,
        "soak.turns": turnsPlayed,
        "soak.refused_confirms": refusals,
        "soak.failed_joins": failures,
        "soak.heap_after_gc_start_mb": round(start.heapUsedMb),
        "soak.heap_after_gc_end_mb": round(end.heapUsedMb),
        "soak.heap_after_gc_growth_pct": round(heapGrowth),
        "soak.v8_heap_start_mb": round(start.heapTotalMb),
        "soak.v8_heap_end_mb": round(end.heapTotalMb),
        "soak.rss_start_mb": round(start.rssMb),
        "soak.rss_end_mb": round(end.rssMb),
        "soak.rss_growth_pct": round(rssGrowth),
      },
      table: breakdown(readings),
      passed: { heap: heapGrowth <= MAX_GROWTH_PCT, rss: rssGrowth <= MAX_GROWTH_PCT },
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once("exit", r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const { lines, table, passed } = await soak();
for (const [name, value] of Object.entries(lines))
  process.stdout.write(
    `${name}: ${value}${name.endsWith("_mb") ? " MB" : name.endsWith("_pct") ? " %" : name === "soak.minutes" ? " min" : ""}\n`,
  );
process.stdout.write(
  `\nWhere the server's memory is (MB), before the load, warm, between and at the end:\n${table}\n\n`,
);
if (SMOKE) {
  process.stdout.write("soak: smoke run, memory not judged\n");
  process.exit(0);
}
const verdict = (ok: boolean, what: string) =>
  `soak: ${ok ? "PASS" : "FAIL"} (${what} grew by ${ok ? "at most" : "more than"} ${MAX_GROWTH_PCT}% from the warm reading to the end's)\n`;
process.stdout.write(verdict(passed.heap, "the heap in use after GC"));
process.stdout.write(verdict(passed.rss, "resident memory (RSS)"));
process.exit(passed.heap && passed.rss ? 0 : 1);
