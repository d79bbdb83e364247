/**
 * The balance lab: plays every pairing of the chosen bots (at each value of a swept parameter) on worker
 * threads and turns the results into the report. The report's numbers depend only on the scenario, the bots,
 * the search budget, the seed and the match count; timings are kept apart so that runs can be compared.
 */
import { execFileSync } from "node:child_process";
import type { Scenario } from "../../shared/rules/index.ts";
import { hashState } from "../../shared/rules/index.ts";
import { bundleWorker } from "./bundle.ts";
import type { Pairing } from "./pool.ts";
import { hasSearch, LabPool, matchWeight } from "./pool.ts";
import type { RunReport } from "./report.ts";
import { runReport } from "./report.ts";

export interface Sweep {
  path: string;
  from: number;
  to: number;
  step: number;
  values: number[];
}

export interface LabOptions {
  command: string;
  scenario: Scenario;
  /** "built-in" or the scenario file's path. */
  scenarioSource: string;
  /** The scenario to play at each sweep value (the scenario itself without a sweep). */
  scenarioAt: (value: number) => Scenario;
  us: string[];
  china: string[];
  matches: number;
  /** Matches for pairings that include the search bot (default: `matches`). */
  searchMatches?: number;
  seed: number;
  workers: number;
  searchSamples: number;
  sweep: Sweep | null;
  onProgress?: (done: number, total: number, work: number, totalWork: number) => void;
}

export interface LabReport {
  meta: {
    tool: string;
    command: string;
    scenario: { id: string; source: string; hash: string };
    matches: number;
    searchMatches: number;
    seed: number;
    seeds: { first: number; last: number; rule: string };
    us: string[];
    china: string[];
    searchSamples: number;
    sweep: Sweep | null;
    code: { commit: string; dirty: boolean };
  };
  runs: RunReport[];
  /** How long it took: differs from run to run, unlike everything above. */
  timing: { seconds: number; matchesPerSecond: number; workers: number };
}

/** Files whose changes can change the lab's numbers. */
const RELEVANT = ["shared", "server/lab", "server/cli/balance.ts", "package.json", "package-lock.json"];

/** The git commit of the code, and whether the files that make the numbers differ from it. */
export function codeVersion(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ...RELEVANT], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: "unknown (not a git checkout)", dirty: false };
  }
}

export async function runLab(o: LabOptions): Promise<LabReport> {
  const started = performance.now();
  // The code as it is when the matches start (a long run may outlive a commit).
  const code = codeVersion();
  const pairings: Pairing[] = o.us.flatMap((us) => o.china.map((china) => ({ us, china })));
  const values: (number | null)[] = o.sweep ? o.sweep.values : [null];
  const searchMatches = o.searchMatches ?? o.matches;
  const counts = pairings.map((p) => (hasSearch(p) ? searchMatches : o.matches));
  const perRun = counts.reduce((a, b) => a + b, 0);
  const total = values.length * perRun;
  const workPerRun = counts.reduce((a, n, i) => a + n * matchWeight(pairings[i]!), 0);
  const totalWork = values.length * workPerRun;
  const worker = await bundleWorker();
  const pool = new LabPool(worker.url, o.workers);
  const runs: RunReport[] = [];
  try {
    for (const [k, value] of values.entries()) {
      const scenario = value === null ? o.scenario : o.scenarioAt(value);
      const results = await pool.run({
        scenario,
        pairings,
        matches: counts,
        seed: o.seed,
        searchSamples: o.searchSamples,
        onProgress: (done, _total, work) =>
          o.onProgress?.(k * perRun + done, total, k * workPerRun + work, totalWork),
      });
      runs.push(runReport(value, pairings, results, scenario.params, o.seed));
    }
  } finally {
    await pool.close();
    worker.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    meta: {
      tool: "Compute Frontier balance lab",
      command: o.command,
      scenario: { id: o.scenario.id, source: o.scenarioSource, hash: hashState(o.scenario) },
      matches: o.matches,
      searchMatches,
      seed: o.seed,
      seeds: {
        first: o.seed,
        last: o.seed + Math.max(o.matches, searchMatches) - 1,
        rule: `match i (0-based) of every pairing uses seed ${o.seed} + i`,
      },
      us: o.us,
      china: o.china,
      searchSamples: o.searchSamples,
      sweep: o.sweep,
      code,
    },
    runs,
    timing: { seconds, matchesPerSecond: total / Math.max(1e-9, seconds), workers: o.workers },
  };
}
