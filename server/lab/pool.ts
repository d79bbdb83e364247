/**
 * Plays every pairing's matches on worker threads. Match i of every pairing uses seed `seed + i`, so pairings
 * meet the same luck where their play allows it, and the results come back in seed order whatever thread played
 * them: the numbers depend only on the scenario, the bots, the search budget, the seed and the count.
 */
import { Worker } from "node:worker_threads";
import type { Scenario } from "../../shared/rules/index.ts";
import type { LeverRemoval } from "./levers.ts";
import type { MatchSummary } from "./summary.ts";

export interface Pairing {
  us: string;
  china: string;
}

/** A pairing as the workers play it: the two bots, one of them maybe without one of its levers. */
export interface PlayedPairing extends Pairing {
  without?: LeverRemoval;
}

export type ToWorker =
  | { kind: "init"; scenario: Scenario; pairings: PlayedPairing[]; searchSamples?: number }
  | { kind: "play"; task: number; pairing: number; seeds: number[] };

interface FromWorker {
  kind: "done";
  task: number;
  results: MatchSummary[];
}

export interface RunOptions {
  scenario: Scenario;
  pairings: readonly PlayedPairing[];
  /** Matches per pairing: one count for all, or one per pairing. */
  matches: number | readonly number[];
  seed: number;
  searchSamples?: number;
  /**
   * Called after every finished chunk with the matches done so far, and the same in units of work: a match with
   * the search bot weighs as much as many persona matches (see matchWeight), which makes a fair time estimate.
   */
  onProgress?: (done: number, total: number, work: number, totalWork: number) => void;
}

/** Whether a pairing includes the search bot (slow: hundreds of rollouts a turn). */
export function hasSearch(p: Pairing): boolean {
  return p.us.startsWith("search") || p.china.startsWith("search");
}

/** Rough cost of one match of a pairing, in persona matches: each searching side plays out ~25 rollouts a turn. */
export function matchWeight(p: Pairing): number {
  return 1 + 150 * ((p.us.startsWith("search") ? 1 : 0) + (p.china.startsWith("search") ? 1 : 0));
}

/** Matches a chunk holds: small for slow (searching) bots so that the threads finish together. */
function chunkSize(p: Pairing): number {
  return hasSearch(p) ? 2 : 50;
}

/** Worker threads kept for several runs (a sweep plays one run per value). */
export class LabPool {
  readonly #workers: Worker[];

  /** `workerUrl` is the worker script: server/lab/worker.ts, bundled (see bundle.ts). */
  constructor(workerUrl: URL, threads: number) {
    this.#workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(workerUrl));
  }

  async run(o: RunOptions): Promise<MatchSummary[][]> {
    const counts = o.pairings.map((_, i) =>
      typeof o.matches === "number" ? o.matches : (o.matches[i] ?? 0),
    );
    const tasks: { pairing: number; from: number; count: number }[] = [];
    const perPairing = o.pairings.map((p, i) => {
      const list: { pairing: number; from: number; count: number }[] = [];
      for (let from = 0; from < counts[i]!; from += chunkSize(p))
        list.push({ pairing: i, from, count: Math.min(chunkSize(p), counts[i]! - from) });
      return list;
    });
    // Interleave the pairings so that slow ones are spread over the run.
    for (let k = 0; perPairing.some((l) => k < l.length); k++)
      for (const list of perPairing) if (list[k]) tasks.push(list[k]!);

    const results: MatchSummary[][] = counts.map((n) => new Array<MatchSummary>(n));
    const total = counts.reduce((a, b) => a + b, 0);
    const totalWork = counts.reduce((a, n, i) => a + n * matchWeight(o.pairings[i]!), 0);
    let done = 0;
    let work = 0;
    let next = 0;
    const init: ToWorker = {
      kind: "init",
      scenario: o.scenario,
      pairings: [...o.pairings],
      ...(o.searchSamples ? { searchSamples: o.searchSamples } : {}),
    };
    await Promise.all(
      this.#workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const cleanup = () => {
              worker.off("message", onMessage);
              worker.off("error", onError);
              worker.off("exit", onExit);
            };
            const send = () => {
              const t = tasks[next];
              if (!t) {
                cleanup();
                resolve();
                return;
              }
              const task = next++;
              const seeds = Array.from({ length: t.count }, (_, i) => o.seed + t.from + i);
              worker.postMessage({ kind: "play", task, pairing: t.pairing, seeds } satisfies ToWorker);
            };
            const onMessage = (m: FromWorker) => {
              const t = tasks[m.task]!;
              m.results.forEach((r, i) => (results[t.pairing]![t.from + i] = r));
              done += m.results.length;
              work += m.results.length * matchWeight(o.pairings[t.pairing]!);
              o.onProgress?.(done, total, work, totalWork);
              send();
            };
            const onError = (error: Error) => {
              cleanup();
              reject(error);
            };
            const onExit = (code: number) => {
              cleanup();
              reject(new Error(`a lab worker stopped with code ${code}`));
            };
            worker.on("message", onMessage);
            worker.on("error", onError);
            worker.on("exit", onExit);
            worker.postMessage(init);
            send();
          }),
      ),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
