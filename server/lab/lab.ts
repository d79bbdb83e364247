/**
 * The balance lab: plays every pairing of the chosen bots (at each value of a swept parameter) on worker
 * threads and turns the results into the report. The report's numbers depend only on the scenario, the bots,
 * the search budget, the seed and the match count; timings are kept apart so that runs can be compared.
 */
import { execFileSync } from "node:child_process";
import type { OrderType, Scenario, Side } from "../../shared/rules/index.ts";
import { createMatch, hashState, orderOptions, SIDES } from "../../shared/rules/index.ts";
import { bundleWorker } from "./bundle.ts";
import type { LeverEffect, LeverRemoval } from "./levers.ts";
import { leverEffect, ordered } from "./levers.ts";
import type { Pairing, RunOptions } from "./pool.ts";
import { hasSearch, LabPool, matchWeight } from "./pool.ts";
import type { RunReport } from "./report.ts";
import { PERSONAS, runReport } from "./report.ts";
import type { MatchSummary } from "./summary.ts";

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
  /**
   * Matches per lever per persona pairing for the lever-effects table (0 or absent: not measured). Match i of
   * the table compares seed SEED + i with and without the lever.
   */
  leverEffects?: number;
  /** Matches done and to do; the total is an upper bound while the lever effects still have to be planned. */
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
    /** Matches per lever per persona pairing in the lever-effects table (0: not measured). */
    leverEffects: number;
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

/** The levers a side may order in a scenario, as the rules offer them at the start of a match. */
export function sideLevers(scenario: Scenario, seed: number): Record<Side, OrderType[]> {
  const start = createMatch(scenario, seed);
  return {
    us: orderOptions(start, "us").levers.map((l) => l.type),
    china: orderOptions(start, "china").levers.map((l) => l.type),
  };
}

/** Plays one batch of pairings on the pool; the lab's progress counts across batches. */
type Play = (o: Omit<RunOptions, "onProgress">) => Promise<MatchSummary[][]>;

/**
 * The lever-effects rows of one run: for every pairing of two personas, every lever of each side, measured on
 * `n` paired seeds when the persona ordered it in the pairing's baseline, "not used" otherwise. Seeds the
 * baseline did not reach (when `n` is more than its matches) are played first, with the full bots.
 * `onPlanned` hears how many matches this takes in all before the last batch starts.
 */
async function measureLevers(
  play: Play,
  scenario: Scenario,
  pairings: readonly Pairing[],
  baseline: readonly (readonly MatchSummary[])[],
  n: number,
  seed: number,
  searchSamples: number,
  onPlanned: (matches: number) => void,
): Promise<LeverEffect[]> {
  const levers = sideLevers(scenario, seed);
  const personas = pairings.flatMap((p, i) => (PERSONAS.has(p.us) && PERSONAS.has(p.china) ? [i] : []));
  const played = new Map(personas.map((i) => [i, [...baseline[i]!]]));
  for (const count of new Set(personas.map((i) => baseline[i]!.length).filter((c) => c < n))) {
    const short = personas.filter((i) => baseline[i]!.length === count);
    const more = await play({
      scenario,
      pairings: short.map((i) => pairings[i]!),
      matches: n - count,
      seed: seed + count,
      searchSamples,
    });
    short.forEach((i, k) => played.set(i, played.get(i)!.concat(more[k]!)));
  }
  const plan = personas.flatMap((i) =>
    SIDES.flatMap((side) =>
      levers[side].map((lever) => ({
        pairing: i,
        removal: { side, lever } satisfies LeverRemoval,
        used: played.get(i)!.some((m) => ordered(m, side, lever)),
      })),
    ),
  );
  const measured = plan.filter((r) => r.used);
  let extended = 0;
  for (const i of personas) extended += played.get(i)!.length - baseline[i]!.length;
  onPlanned(extended + measured.length * n);
  const without = await play({
    scenario,
    pairings: measured.map((r) => ({ ...pairings[r.pairing]!, without: r.removal })),
    matches: n,
    seed,
    searchSamples,
  });
  let k = 0;
  return plan.map((r) =>
    leverEffect(
      pairings[r.pairing]!,
      r.removal,
      played.get(r.pairing)!.slice(0, n),
      r.used ? without[k++]! : null,
    ),
  );
}

export async function runLab(o: LabOptions): Promise<LabReport> {
  const started = performance.now();
  // The code as it is when the matches start (a long run may outlive a commit).
  const code = codeVersion();
  const pairings: Pairing[] = o.us.flatMap((us) => o.china.map((china) => ({ us, china })));
  const values: (number | null)[] = o.sweep ? o.sweep.values : [null];
  const searchMatches = o.searchMatches ?? o.matches;
  const leverMatches = o.leverEffects ?? 0;
  const counts = pairings.map((p) => (hasSearch(p) ? searchMatches : o.matches));
  const perRun = counts.reduce((a, b) => a + b, 0);
  const workPerRun = counts.reduce((a, n, i) => a + n * matchWeight(pairings[i]!), 0);
  // Until a run's baseline shows which levers the personas use, count every lever of their sides (an upper
  // bound, so that the progress never reads done too early); persona matches weigh 1 each.
  const levers = sideLevers(o.scenario, o.seed);
  const leverBound =
    leverMatches === 0
      ? 0
      : pairings.reduce(
          (a, p, i) =>
            PERSONAS.has(p.us) && PERSONAS.has(p.china)
              ? a +
                Math.max(0, leverMatches - counts[i]!) +
                leverMatches * (levers.us.length + levers.china.length)
              : a,
          0,
        );
  let total = values.length * (perRun + leverBound);
  let totalWork = values.length * (workPerRun + leverBound);
  let doneBefore = 0;
  let workBefore = 0;
  const worker = await bundleWorker();
  const pool = new LabPool(worker.url, o.workers);
  const play: Play = async (run) => {
    const results = await pool.run({
      ...run,
      onProgress: (done, _total, work) =>
        o.onProgress?.(doneBefore + done, total, workBefore + work, totalWork),
    });
    results.forEach((list, i) => {
      doneBefore += list.length;
      workBefore += list.length * matchWeight(run.pairings[i]!);
    });
    return results;
  };
  const runs: RunReport[] = [];
  try {
    for (const value of values) {
      const scenario = value === null ? o.scenario : o.scenarioAt(value);
      const results = await play({
        scenario,
        pairings,
        matches: counts,
        seed: o.seed,
        searchSamples: o.searchSamples,
      });
      let effects: LeverEffect[] | null = null;
      if (leverMatches > 0)
        effects = await measureLevers(
          play,
          scenario,
          pairings,
          results,
          leverMatches,
          o.seed,
          o.searchSamples,
          (planned) => {
            // The bound counted every lever of the persona's side; only the used ones are played.
            total -= leverBound - planned;
            totalWork -= leverBound - planned;
          },
        );
      runs.push(runReport(value, pairings, results, scenario.params, o.seed, effects));
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
        last: o.seed + Math.max(o.matches, searchMatches, leverMatches) - 1,
        rule: `match i (0-based) of every pairing uses seed ${o.seed} + i`,
      },
      us: o.us,
      china: o.china,
      searchSamples: o.searchSamples,
      sweep: o.sweep,
      leverEffects: leverMatches,
      code,
    },
    runs,
    timing: { seconds, matchesPerSecond: doneBefore / Math.max(1e-9, seconds), workers: o.workers },
  };
}
