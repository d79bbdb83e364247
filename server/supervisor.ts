/**
 * The supervisor `npm start` runs: a cluster primary that forks one worker running the game server and forks a
 * new one when it dies unexpectedly. Nothing of a match lives only in the worker: every accepted action is in
 * the SQLite log before its result is sent, and a new worker restores the unfinished matches from it.
 */
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";

export interface SuperviseOptions {
  /** Restarts allowed within a minute; one more and the supervisor gives up (exit 1, for systemd to see). */
  restartsPerMinute: number;
  log: Logger;
  /** How long a stopping worker may take to save its matches before it is killed. */
  stopTimeoutMs?: number;
}

/** Milliseconds to wait before the `n`th restart within a minute: 0.5 s, doubling, at most 8 s. */
export function restartDelayMs(n: number): number {
  return Math.min(500 * 2 ** Math.max(0, n - 1), 8000);
}

/**
 * Runs the primary: forks the worker (this same entry point, with the same loader flags, so that a `.ts` entry
 * runs under tsx), restarts it when it dies, and on SIGTERM or SIGINT stops it and exits 0.
 */
export function supervise({ restartsPerMinute, log, stopTimeoutMs = 20_000 }: SuperviseOptions): void {
  const execArgv = process.execArgv.some((a) => a.includes("tsx"))
    ? process.execArgv
    : [...process.execArgv, "--import", "tsx"];
  // One worker: it may as well accept its connections itself rather than through the primary.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ execArgv });

  let worker: Worker | undefined;
  let stopping = false;
  const restarts: number[] = [];

  const start = () => {
    worker = cluster.fork();
    const pid = worker.process.pid;
    log.info({ workerPid: pid }, "server worker started");
    worker.once("exit", (code, signal) => {
      worker = undefined;
      if (stopping) {
        log.info({ workerPid: pid, code, signal }, "server worker stopped");
        process.exit(code === 0 ? 0 : 1);
      }
      if (code === 2) {
        // A bad setting: starting again would fail the same way.
        log.fatal({ workerPid: pid }, "server worker refused its settings; not restarting");
        process.exit(2);
      }
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? now) <= now - 60_000) restarts.shift();
      if (restarts.length >= restartsPerMinute) {
        log.fatal(
          { workerPid: pid, code, signal, restarts: restarts.length },
          "server worker keeps dying; giving up (RESTARTS_PER_MINUTE)",
        );
        process.exit(1);
      }
      restarts.push(now);
      const delayMs = restartDelayMs(restarts.length);
      log.error({ workerPid: pid, code, signal, delayMs }, "server worker died; starting a new one");
      setTimeout(() => {
        if (!stopping) start();
      }, delayMs);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping the server worker");
    if (!worker) process.exit(0);
    // The worker saves and closes its rooms on SIGTERM (main.ts) and exits 0.
    worker.process.kill("SIGTERM");
    setTimeout(() => {
      log.error("the server worker did not stop in time; killing it");
      worker?.process.kill("SIGKILL");
    }, stopTimeoutMs).unref();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  start();
}
