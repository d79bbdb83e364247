/**
 * `npm run cluster`'s shape: a local redis-server, two server processes and the proxy on one port (the real
 * command, server/cluster/run.ts, as a child process). Every match is created and played through the one
 * port; each room's WebSocket goes through the proxy to the process that runs it, whoever joins.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeOf } from "../../server/cluster/proxy.ts";
import { ROOT } from "../support/cluster.ts";
import { freePort, needServers, pollUntil } from "../support/servers.ts";
import { leaveAll, playerId, Seat, tempDir } from "./helpers.ts";

const HOOK_MS = 180_000;

/** The prefix `/s<n>` a seat's WebSocket went through, and the port it went to. */
function socketOf(seat: Seat): { port: number; prefix: string } {
  const ws = (seat.room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws;
  const url = new URL(ws.url);
  return { port: Number(url.port), prefix: url.pathname.split("/")[1] ?? "" };
}

describe("the proxy's routing", () => {
  const targets = [
    { n: 1, url: "http://127.0.0.1:1001" },
    { n: 2, url: "http://127.0.0.1:1002" },
  ];
  it("sends a room's address to the process its prefix names, without the prefix", () => {
    expect(routeOf("/s2/abc/ROOM12?sessionId=x", targets)).toEqual({
      target: targets[1],
      path: "/abc/ROOM12?sessionId=x",
    });
    expect(routeOf("/s1", targets)).toEqual({ target: targets[0], path: "/" });
  });
  it("leaves every other path to the round robin", () => {
    expect(routeOf("/api/matches", targets)).toBeUndefined();
    expect(routeOf("/s3/abc/ROOM", targets)).toBeUndefined();
    expect(routeOf("/s1x/abc", targets)).toBeUndefined();
  });
});

describe.runIf(needServers({ redis: true }))("npm run cluster", () => {
  let cluster: ChildProcess;
  let output = "";
  let url = "";
  let port = 0;
  const dataDir = tempDir();
  const seats: Seat[] = [];

  beforeAll(async () => {
    port = await freePort();
    cluster = spawn(process.execPath, ["--import", "tsx", "server/cluster/run.ts", "--processes", "2"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        CLUSTER_PUBLIC_HOST: `127.0.0.1:${port}`,
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        CREATE_LIMIT_PER_MINUTE: "1000000",
        JOIN_LIMIT_PER_MINUTE: "1000000",
        BOT_TURN_SECONDS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cluster.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    cluster.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    url = `http://127.0.0.1:${port}`;
    // Both processes answer through the proxy (round robin: two health answers from two process ids).
    const pids = new Set<number>();
    await pollUntil(
      "both server processes to answer through the proxy",
      async () => {
        if (cluster.exitCode !== null) throw new Error(`the cluster exited:\n${output}`);
        const res = await fetch(`${url}/api/health`);
        if (res.ok) pids.add(((await res.json()) as { pid: number }).pid);
        return pids.size >= 2;
      },
      120_000,
    );
  }, HOOK_MS);

  afterAll(async () => {
    await leaveAll(seats);
    if (cluster && cluster.exitCode === null) {
      cluster.kill("SIGTERM");
      await new Promise((resolve) => cluster.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }, HOOK_MS);

  it(
    "creates and plays matches through the one port, each room's sockets on its own process",
    async () => {
      const prefixes = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const us = await Seat.create(url, {
          role: "us",
          name: `Ann ${i}`,
          playerId: playerId(`ann${i}`),
          bots: false,
        });
        const china = await Seat.join(url, us.code, {
          role: "china",
          name: `Bo ${i}`,
          playerId: playerId(`bo${i}`),
        });
        seats.push(us, china);
        // Through the proxy, and to the same process for both seats of the room.
        expect(socketOf(us).port).toBe(port);
        expect(socketOf(us).prefix).toMatch(/^s[12]$/);
        expect(socketOf(china)).toEqual(socketOf(us));
        prefixes.add(socketOf(us).prefix);
        await us.request("confirm", { turn: 0 });
        await china.request("confirm", { turn: 0 });
        await Promise.all([us.waitTurn(1, 30_000), china.waitTurn(1, 30_000)]);
      }
      // Every match is listed by whichever process the proxy asks.
      for (let ask = 0; ask < 2; ask++) {
        const list = (await (await fetch(`${url}/api/matches`)).json()) as { code: string }[];
        for (const seat of seats) expect(list.map((l) => l.code)).toContain(seat.code);
      }
      process.stdout.write(`cluster: 4 matches over processes ${[...prefixes].sort().join(", ")}\n`);
    },
    HOOK_MS,
  );
});
