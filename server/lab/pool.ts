/**
 * Plays every pairing's matches on worker threads. Match i of every pairing uses seed `seed + i`, so pairings
 * meet the same luck where their play allows it, and the results come back in seed order whatever thread played
 * them: the numbers depend only on the scenario, the bots, the seed and the count.
 */
import { Worker } from "node:worker_threads";
import type { Scenario } from "../../shared/rules/index.ts";
import type { MatchSummary } from "./summary.ts";

export interface Pairing {
  us: string;
  china: string;
}

export type ToWorker =
  | { kind: "init"; scenario: Scenario; pairings: Pairing[]; searchSamples?: number }
  | { kind: "play"; task: number; pairing: number; seeds: number[] };

interface FromWorker {
  kind: "done";
  task: number;
  results: MatchSummary[];
}

export interface PoolOptions {
  /** The worker script (server/lab/worker.ts, bundled: see bundle.ts). */
  workerUrl: URL;
  workers: number;
  scenario: Scenario;
  pairings: Pairing[];
  matches: number;
  seed: number;
  searchSamples?: number;
  /** Called after every finished chunk with the matches done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Matches a chunk holds: small for slow (searching) bots so the threads finish together. */
function chunkSize(p: Pairing): number {
  return p.us.startsWith("search") || p.china.startsWith("search") ? 2 : 100;
}

export async function runPool(options: PoolOptions): Promise<MatchSummary[][]> {
  const { pairings, matches, seed } = options;
  const tasks: { pairing: number; from: number; count: number }[] = [];
  const perPairing = pairings.map((p, i) => {
    const list: { pairing: number; from: number; count: number }[] = [];
    for (let from = 0; from < matches; from += chunkSize(p))
      list.push({ pairing: i, from, count: Math.min(chunkSize(p), matches - from) });
    return list;
  });
  // Interleave the pairings so that slow ones are spread over the run.
  for (let k = 0; perPairing.some((l) => k < l.length); k++)
    for (const list of perPairing) if (list[k]) tasks.push(list[k]!);

  const results: MatchSummary[][] = pairings.map(() => new Array<MatchSummary>(matches));
  const total = pairings.length * matches;
  let done = 0;
  let next = 0;
  const threads = Math.max(1, Math.min(options.workers, tasks.length || 1));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(options.workerUrl);
        workers.push(worker);
        const init: ToWorker = {
          kind: "init",
          scenario: options.scenario,
          pairings,
          ...(options.searchSamples ? { searchSamples: options.searchSamples } : {}),
        };
        worker.postMessage(init);
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            const t = next < tasks.length ? tasks[next] : undefined;
            if (!t) {
              resolve();
              return;
            }
            const id = next++;
            const seeds = Array.from({ length: t.count }, (_, i) => seed + t.from + i);
            const message: ToWorker = { kind: "play", task: id, pairing: t.pairing, seeds };
            worker.postMessage(message);
          };
          worker.on("message", (m: FromWorker) => {
            const t = tasks[m.task]!;
            m.results.forEach((r, i) => (results[t.pairing]![t.from + i] = r));
            done += m.results.length;
            options.onProgress?.(done, total);
            send();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`a lab worker stopped with code ${code}`));
          });
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
