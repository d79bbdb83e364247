/**
 * Every benchmark command runs here as a smoke, so that none can rot unseen: the real `npm run bench` and
 * `npm run bench:server`, with BENCH_SMOKE=1 (the least each bench plays that still prints every line), exit
 * with code 0 and print each of their `name: value unit` lines, every value a finite number. The numbers
 * themselves are not checked: at smoke sizes they mean nothing. (`npm run sim` and `npm run balance` run end to
 * end in test/bots/sim-cli.test.ts and test/bots/lab.test.ts.)
 */
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureClientBuilt, ROOT } from "../e2e/helpers.ts";

/** What `npm run bench` prints, in order: each line's name and unit ("" where it prints none). */
const BENCH_LINES: readonly (readonly [string, string])[] = [
  ["sim.random.matches_per_s", "matches/s"],
  ["lab.greedy.matches_per_s", "matches/s"],
  ["lab.greedy.matches_per_s_one_core", "matches/s"],
  ["bot.search.ms_per_turn_p95", "ms"],
  ["client.initial_js_gzip_kb", ""],
  ["client.map_chunk_gzip_kb", ""],
  ["client.total_js_gzip_kb", ""],
  ["client.lobby_first_frame_ms", ""],
  ["client.lobby_first_contentful_paint_ms", ""],
];

/** What `npm run bench:server` prints, in order. */
const SERVER_LINES: readonly (readonly [string, string])[] = [
  ["server.matches", ""],
  ["server.turns_per_s", "turns/s"],
  ["server.think_ms", "ms"],
  ["server.orders_to_patch_p50_ms", "ms"],
  ["server.orders_to_patch_p99_ms", "ms"],
  ["server.cpu_per_turn_ms", "ms"],
  ["server.load_average", ""],
  ["server.rss_mb_per_match", "MB"],
  ["classroom.rooms", ""],
  ["classroom.students", ""],
  ["classroom.spectators", ""],
  ["classroom.bot_rooms", ""],
  ["classroom.turns_per_s", "turns/s"],
  ["classroom.orders_to_patch_p50_ms", "ms"],
  ["classroom.orders_to_patch_p99_ms", "ms"],
  ["classroom.rss_loaded_mb", "MB"],
  ["classroom.rss_peak_mb", "MB"],
];

/** What `npm run bench:cluster` prints: one process against two behind the proxy with Redis. */
const CLUSTER_LINES: readonly (readonly [string, string])[] = [
  ["cluster.matches", ""],
  ["cluster.one_process_p50_ms", "ms"],
  ["cluster.one_process_p99_ms", "ms"],
  ["cluster.two_processes_p50_ms", "ms"],
  ["cluster.two_processes_p99_ms", "ms"],
];

/** What `npm run soak` prints (at smoke size it runs 12 s and does not judge the memory). */
const SOAK_LINES: readonly (readonly [string, string])[] = [
  ["soak.minutes", "min"],
  ["soak.matches", ""],
  ["soak.turns", ""],
  ["soak.refused_confirms", ""],
  ["soak.failed_joins", ""],
  ["soak.heap_after_gc_start_mb", "MB"],
  ["soak.heap_after_gc_end_mb", "MB"],
  ["soak.heap_after_gc_growth_pct", "%"],
  ["soak.v8_heap_start_mb", "MB"],
  ["soak.v8_heap_end_mb", "MB"],
  ["soak.rss_start_mb", "MB"],
  ["soak.rss_end_mb", "MB"],
  ["soak.rss_growth_pct", "%"],
];

/** Each bench takes a few seconds alone (about 20 and 5); a run that takes this long has hung. */
const BENCH_TIMEOUT_MS = 90_000;
const SERVER_TIMEOUT_MS = 45_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * The environment of a developer's shell with BENCH_SMOKE=1: without what vitest sets for its workers
 * (NODE_ENV=test among them) and without any BENCH_* size from the caller's shell, which would override it.
 */
function smokeEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|__VITEST|BENCH_)|^(TEST|NODE_ENV)$/.test(key)),
  );
  return { ...env, BENCH_SMOKE: "1" };
}

/** Runs `npm run <script>` from the repository's root; a run past `timeoutMs` is killed and marked. */
function npmRun(script: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a hung run is ended with everything it started (a server, a browser).
    const child = spawn("npm", ["run", script], {
      cwd: ROOT,
      env: smokeEnv(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The `name: value unit` lines of a bench's output (npm's own header lines do not match). */
function benchLines(stdout: string): { name: string; value: number; unit: string }[] {
  return (
    stdout
      .split("\n")
      // A value is a number (or NaN/Infinity, which the finite check then reports); a note such as "soak: smoke
      // run, memory not judged" is not a line.
      .map((line) => /^([a-z][\w.]*): (-?(?:\d[\d.e+-]*|NaN|Infinity))(?: (\S.*))?$/.exec(line.trimEnd()))
      .filter((m) => m !== null)
      .map((m) => ({ name: m[1]!, value: Number(m[2]), unit: m[3] ?? "" }))
  );
}

/** Checks a finished run: code 0 in time, and exactly the expected lines, in order, with finite values. */
function expectLines(run: Run, expected: readonly (readonly [string, string])[]): void {
  const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
  expect(run.timedOut, `timed out\n${output}`).toBe(false);
  expect(run.code, output).toBe(0);
  const lines = benchLines(run.stdout);
  expect(
    lines.map((l) => [l.name, l.unit]),
    output,
  ).toEqual(expected);
  for (const line of lines)
    expect(Number.isFinite(line.value), `${line.name}: not a finite number`).toBe(true);
}

describe("the benchmark commands at smoke sizes", () => {
  // The client bench measures the built client: build it here once, as the browser tests do (their lock makes
  // a parallel build wait), so that the bench's run does not pay for it.
  beforeAll(() => ensureClientBuilt(), 120_000);

  it(
    "npm run bench exits with code 0 and prints every engine, lab, search bot and client line",
    async () => {
      expectLines(await npmRun("bench", BENCH_TIMEOUT_MS), BENCH_LINES);
    },
    BENCH_TIMEOUT_MS + 5_000,
  );

  it(
    "npm run bench:server exits with code 0 and prints every line of its matches over real sockets",
    async () => {
      expectLines(await npmRun("bench:server", SERVER_TIMEOUT_MS), SERVER_LINES);
    },
    SERVER_TIMEOUT_MS + 5_000,
  );

  it(
    "npm run bench:cluster exits with code 0 and prints one process against two behind the proxy",
    async () => {
      expectLines(await npmRun("bench:cluster", BENCH_TIMEOUT_MS), CLUSTER_LINES);
    },
    BENCH_TIMEOUT_MS + 5_000,
  );

  it(
    "npm run soak exits with code 0 and prints its matches, turns and memory",
    async () => {
      expectLines(await npmRun("soak", BENCH_TIMEOUT_MS), SOAK_LINES);
    },
    BENCH_TIMEOUT_MS + 5_000,
  );
});
