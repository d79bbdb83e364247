/**
 * `npm start`'s supervisor, as run in production (`node --import tsx server/main.ts`, NODE_ENV unset): a worker
 * killed with SIGKILL is replaced by a new one that restores its matches from the store; SIGTERM to the
 * supervisor stops the worker and exits 0; a worker that keeps dying (or cannot listen) makes it give up with
 * exit code 1.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { restartDelayMs } from "../../server/supervisor.ts";
import { type ChildServer, leaveAll, playerId, ROOT, Seat, tempDir } from "./helpers.ts";
import { freePort } from "../../server/free-port.ts";

const children: ChildServer["process"][] = [];
const dataDirs: string[] = [];
const seats: Seat[] = [];

/** Starts the supervisor with `env` and waits until its first worker answers /api/health. */
async function startSupervised(env: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = tempDir();
  dataDirs.push(dataDir);
  // Without NODE_ENV (vitest sets "test"), as `npm start` runs: main.ts makes it production.
  const inherited = { ...process.env };
  delete inherited.NODE_ENV;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const url = `http://127.0.0.1:${port}`;
  const workerPid = await healthPid(url, undefined, () => out);
  return { url, child, exited, workerPid, output: () => out };
}

/** Polls /api/health until it answers from a process other than `not`; resolves with that process's id. */
async function healthPid(url: string, not: number | undefined, output: () => string): Promise<number> {
  let pid: number | undefined;
  const poll = async () => {
    try {
      const body = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean; pid: number };
      if (body.ok && body.pid !== not) pid = body.pid;
    } catch {
      // No worker listening yet.
    }
  };
  const until = Date.now() + 20_000;
  while (pid === undefined) {
    if (Date.now() > until) throw new Error(`/api/health did not answer from a new worker:\n${output()}`);
    await poll();
    if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  await leaveAll(seats);
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}, 30_000);

describe("the supervisor", () => {
  it("replaces a worker killed with SIGKILL; the match comes back at the same turn; SIGTERM then exits 0", async () => {
    const sup = await startSupervised();
    expect(sup.workerPid).not.toBe(sup.child.pid);

    const ann = await Seat.create(sup.url, {
      role: "us",
      name: "Ann",
      playerId: playerId("ann"),
      bots: true,
    });
    seats.push(ann);
    await ann.waitTurn(0);
    await ann.request("confirm", { turn: 0 });
    await ann.waitTurn(1);

    ann.room.reconnection.enabled = false;
    process.kill(sup.workerPid, "SIGKILL");
    const newPid = await healthPid(sup.url, sup.workerPid, sup.output);
    expect(alive(sup.workerPid)).toBe(false);
    expect(newPid).not.toBe(sup.child.pid);

    const back = await Seat.join(sup.url, ann.code, {
      role: "us",
      name: "Ann",
      playerId: ann.options.playerId,
    });
    seats.push(back);
    expect((await back.waitView("a view", () => true)).turn).toBe(1);

    // Production errors are short JSON, as in the tests that run the server in-process.
    const bad = await fetch(`${sup.url}/api/matches/${ann.code}/open`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('{"error":"the request body is not valid JSON"}');
    await expect(
      Seat.join(sup.url, ann.code, { role: "pilot" as never, name: "Bo", playerId: playerId("bo") }),
    ).rejects.toThrow(/role/);

    await leaveAll([back]);
    sup.child.kill("SIGTERM");
    expect(await sup.exited).toBe(0);
    expect(alive(newPid)).toBe(false);
  }, 60_000);

  it("gives up with exit code 1 when the worker dies more than RESTARTS_PER_MINUTE times in a minute", async () => {
    const sup = await startSupervised({ RESTARTS_PER_MINUTE: "1" });
    process.kill(sup.workerPid, "SIGKILL");
    const second = await healthPid(sup.url, sup.workerPid, sup.output);
    process.kill(second, "SIGKILL");
    expect(await sup.exited).toBe(1);
    expect(sup.output()).toMatch(/giving up/);
  }, 60_000);

  it("has a server that cannot listen exit with 1 (for a supervisor to see) rather than run on without a port", async () => {
    const holder = createServer();
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, "127.0.0.1", () => resolve((holder.address() as { port: number }).port)),
    );
    try {
      const dataDir = tempDir();
      dataDirs.push(dataDir);
      const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, SUPERVISE: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let err = "";
      child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(err).toMatch(/could not start the server: .*EADDRINUSE/);
    } finally {
      holder.close();
    }
  }, 30_000);

  it("waits a little longer before each restart within a minute, up to 8 s", () => {
    expect([1, 2, 3, 4, 5, 6].map(restartDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });
});
