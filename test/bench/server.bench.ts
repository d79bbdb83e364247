/**
 * npm run bench:server: drives N concurrent matches with two official SDK clients each against a server in a
 * child process on loopback, and prints how long a confirmed turn takes to come back as the next turn's view
 * (orders to patch), the server's processor time per turn played (user and system time of its process over the
 * turns, divided by the turns: unlike the latencies, it barely changes when other work shares the machine),
 * the machine's load average (1 minute) at the end of the turns, beside which the latencies must be read, and
 * the server's memory per match. BENCH_MATCHES (default 1000), BENCH_TURNS (default 3)
 * and BENCH_THINK_MS (default 5000: the mean time players of a match take per turn, drawn at random so that
 * the matches do not all confirm at the same instant) set the load. BENCH_SMOKE=1 changes the defaults to 3
 * matches of 1 turn at 50 ms (test/bench/smoke.test.ts runs it so in `npm test`).
 *
 * Then the classroom shape (benchClassroom): 12 workshop rooms of 6 students per side with 2 spectators and the
 * teacher each, beside 20 workshop rooms of bots playing bots, on the console's settings; it prints p50 and
 * p99 orders to patch over every client of a classroom, and the server's memory once all are seated and at
 * the end. BENCH_CLASSROOMS, BENCH_TEAM, BENCH_SPECTATORS, BENCH_BOT_ROOMS and BENCH_CLASS_TURNS set it (smoke:
 * 1 room of 2 per side, 1 bot room, 1 turn).
 */
import { Client, type Room } from "@colyseus/sdk";
import { openPair, playTurns } from "./pair.ts";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../server/free-port.ts";

const SMOKE = process.env.BENCH_SMOKE === "1";
const MATCHES = Number(process.env.BENCH_MATCHES ?? (SMOKE ? 3 : 1000));
const TURNS = Number(process.env.BENCH_TURNS ?? (SMOKE ? 1 : 3));
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? (SMOKE ? 50 : 5000));
const CONNECT_CONCURRENCY = 40;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Processor time (user and system) a process has used so far, in ms (from /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
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

/** The server in a child process of its own, with a fresh data directory. */
async function startServerChild(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
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
  const stop = async () => {
    child.kill(process.env.BENCH_PROFILE ? "SIGINT" : "SIGKILL");
    if (process.env.BENCH_PROFILE) await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid as number, stop };
}

export async function benchServer(): Promise<Record<string, number>> {
  const server = await startServerChild();
  const url = server.url;
  const child = { pid: server.pid };
  try {
    const baseRss = rssMb(child.pid as number);
    const client = new Client(url);
    const pairs = await inBatches(MATCHES, CONNECT_CONCURRENCY, async (i) => {
      return openPair(client, "bench", i, { seed: i });
    });
    const loadedRss = rssMb(child.pid as number);
    const started = performance.now();
    const cpuBefore = cpuMs(child.pid);
    const latencies = await playTurns(pairs, TURNS, THINK_MS);
    const elapsed = (performance.now() - started) / 1000;
    const cpuPerTurn = (cpuMs(child.pid) - cpuBefore) / (MATCHES * TURNS);
    const load = loadavg()[0]!;
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
      "server.cpu_per_turn_ms": Math.round(cpuPerTurn * 100) / 100,
      "server.load_average": Math.round(load * 100) / 100,
      "server.rss_mb_per_match": Math.round(((loadedRss - baseRss) / MATCHES) * 100) / 100,
    };
  } finally {
    await server.stop();
  }
}

const CLASSROOMS = Number(process.env.BENCH_CLASSROOMS ?? (SMOKE ? 1 : 12));
const TEAM = Number(process.env.BENCH_TEAM ?? (SMOKE ? 2 : 6));
const SPECTATORS = Number(process.env.BENCH_SPECTATORS ?? (SMOKE ? 1 : 2));
const BOT_ROOMS = Number(process.env.BENCH_BOT_ROOMS ?? (SMOKE ? 1 : 20));
const CLASS_TURNS = Number(process.env.BENCH_CLASS_TURNS ?? (SMOKE ? 1 : 3));
/** The workshop console's settings: a 5-minute timer, bots for empty sides, rooms that wait for the start. */
const WORKSHOP = { timerSeconds: 300, bots: true, waitForStart: true, private: true } as const;

interface Classroom {
  teacher: Room;
  us: Room[];
  china: Room[];
  watchers: Room[];
  /** Resolves each waiter when every client of the room holds a view of that turn; latencies per client. */
  turnSeen: Map<number, { t0: number; seen: number; done: () => void }>;
}

/**
 * The classroom shape (issue 13, item 9): CLASSROOMS workshop rooms with TEAM students per side, SPECTATORS
 * spectators and the teacher, next to BOT_ROOMS workshop rooms where bots play both sides at their watchable
 * pace. Every student edits the team's draft once a turn; then one per side confirms. Orders to patch is the
 * time from the turn's last confirmation to each client of the room receiving the next turn's view.
 */
export async function benchClassroom(): Promise<Record<string, number>> {
  const server = await startServerChild();
  try {
    const baseRss = rssMb(server.pid);
    const client = new Client(server.url);
    const quiet = (room: Room, except: string[] = []) => {
      for (const type of ["welcome", "view", "draft", "error", "notice"])
        if (!except.includes(type)) room.onMessage(type, () => undefined);
    };
    const botRooms = await inBatches(BOT_ROOMS, CONNECT_CONCURRENCY, async (i) => {
      const teacher = await client.create("match", {
        role: "facilitator",
        name: `bots${i}`,
        playerId: `bench-bots-${i}-xxxx`,
        ...WORKSHOP,
      });
      quiet(teacher);
      await teacher.request("start", {});
      return teacher;
    });
    const latencies: number[] = [];
    const rooms = await inBatches(CLASSROOMS, 4, async (r) => {
      const teacher = await client.create("match", {
        role: "facilitator",
        name: `teacher${r}`,
        playerId: `bench-teacher-${r}-xxxx`,
        ...WORKSHOP,
      });
      const room: Classroom = { teacher, us: [], china: [], watchers: [], turnSeen: new Map() };
      const join = async (role: string, i: number) => {
        const seat = await client.joinById(teacher.roomId, {
          role,
          name: `${role}${i}`,
          playerId: `bench-${role}-${r}-${i}-xxxx`,
        });
        quiet(seat, ["view"]);
        seat.onMessage("view", (m: { view: { turn: number } }) => {
          const waiting = room.turnSeen.get(m.view.turn);
          if (!waiting) return;
          latencies.push(performance.now() - waiting.t0);
          if (++waiting.seen === clientsOf(room).length - 1) waiting.done();
        });
        return seat;
      };
      quiet(teacher);
      for (let i = 0; i < TEAM; i++) room.us.push(await join("us", i));
      for (let i = 0; i < TEAM; i++) room.china.push(await join("china", i));
      for (let i = 0; i < SPECTATORS; i++) room.watchers.push(await join("spectator", i));
      return room;
    });
    const loadedRss = rssMb(server.pid);
    for (const room of rooms) await room.teacher.request("start", {});
    const started = performance.now();
    await Promise.all(
      rooms.map(async (room) => {
        for (let turn = 0; turn < CLASS_TURNS; turn++) {
          // Each student edits the team's draft once, at a random moment of the turn.
          await Promise.all(
            [...room.us, ...room.china].map(async (seat, i) => {
              await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK_MS));
              await seat.request("draft", {
                orders: [{ type: "fundAlgorithms", amount: 0.1 + (i % 3) / 10 }],
              });
            }),
          );
          await room.us[0]!.request("confirm", { turn });
          const seen = new Promise<void>((done) =>
            room.turnSeen.set(turn + 1, { t0: performance.now(), seen: 0, done }),
          );
          await room.china[0]!.request("confirm", { turn });
          await seen;
          room.turnSeen.delete(turn + 1);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const peakRss = rssMb(server.pid);
    latencies.sort((a, b) => a - b);
    for (const room of [...rooms.flatMap(clientsOf), ...botRooms]) await room.leave();
    return {
      "classroom.rooms": CLASSROOMS,
      "classroom.students": CLASSROOMS * TEAM * 2,
      "classroom.spectators": CLASSROOMS * SPECTATORS,
      "classroom.bot_rooms": BOT_ROOMS,
      "classroom.turns_per_s": Math.round(((CLASSROOMS * CLASS_TURNS) / elapsed) * 100) / 100,
      "classroom.orders_to_patch_p50_ms": Math.round(percentile(latencies, 50) * 10) / 10,
      "classroom.orders_to_patch_p99_ms": Math.round(percentile(latencies, 99) * 10) / 10,
      "classroom.rss_loaded_mb": Math.round((loadedRss - baseRss) * 10) / 10,
      "classroom.rss_peak_mb": Math.round((peakRss - baseRss) * 10) / 10,
    };
  } finally {
    await server.stop();
  }
}

function clientsOf(room: Classroom): Room[] {
  return [room.teacher, ...room.us, ...room.china, ...room.watchers];
}

/** The unit each printed figure is in, by the end of its name. */
function unitOf(name: string): string {
  if (name.endsWith("_ms")) return " ms";
  if (name.endsWith("_mb_per_match") || name.endsWith("_mb")) return " MB";
  if (name.endsWith("_per_s")) return " turns/s";
  return "";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = { ...(await benchServer()), ...(await benchClassroom()) };
  for (const [name, value] of Object.entries(results))
    process.stdout.write(`${name}: ${value}${unitOf(name)}\n`);
  process.exit(0);
}
