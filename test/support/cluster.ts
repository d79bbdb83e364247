/**
 * Server processes for scale-out tests: `npm start`'s entry point (SUPERVISE=0, so that `kill -9` hits the
 * server itself), each on its own free port with its own PUBLIC_ADDRESS, sharing one Redis and one store.
 */
import type { ChildProcess } from "node:child_process";
import { ROOT, spawnServer } from "./child.ts";
import { freePort, pollUntil } from "./servers.ts";

export { ROOT };

export interface Node {
  url: string;
  port: number;
  process: ChildProcess;
  exited: Promise<number | string>;
  output(): string;
  /** kill -9, resolving once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, resolving once the process is gone (SIGKILL after 20 s). */
  stop(): Promise<void>;
}

/** Starts one server process; `env` adds to (or overrides) the settings of a test process. */
export async function startNode(env: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const child = spawnServer({
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
    SUPERVISE: "0",
    PLAYER_SEEDS: "1",
    CREATE_LIMIT_PER_MINUTE: "1000000",
    JOIN_LIMIT_PER_MINUTE: "1000000",
    ...env,
  });
  const { exited, output } = child;
  await pollUntil(`the server on port ${port} to start`, () => child.listeningPort() !== undefined, 90_000);
  const end = async (signal: NodeJS.Signals) => {
    if (child.ended()) return;
    child.process.kill(signal);
    const timer = setTimeout(() => child.process.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child.process,
    exited,
    output,
    kill: () => end("SIGKILL"),
    stop: () => end("SIGTERM"),
  };
}

/** The port of the process a seat's socket is connected to (its room's PUBLIC_ADDRESS). */
export function socketPort(room: { connection: unknown }): number {
  const ws = (room.connection as { transport: { ws: { url: string } } }).transport.ws;
  return Number(new URL(ws.url).port);
}
