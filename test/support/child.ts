/**
 * `npm start`'s entry point (server/main.ts) as a child process, so that a test can kill it with SIGKILL or
 * SIGTERM, with its output kept for error messages.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface SpawnedServer {
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Whether the process has ended. */
  ended(): boolean;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** The port main.ts printed once it listens, or undefined before; throws if the process ended first. */
  listeningPort(): number | undefined;
}

/** Starts server/main.ts with `env` over this process's environment. */
export function spawnServer(env: Record<string, string>): SpawnedServer {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    process: child,
    exited,
    ended: () => ended,
    output: () => out,
    listeningPort: () => {
      if (ended) throw new Error(`the server exited early:\n${out}`);
      const m = /running on http:\/\/localhost:(\d+)/.exec(out);
      return m ? Number(m[1]) : undefined;
    },
  };
}
