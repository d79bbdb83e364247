/**
 * A process that starts in a cluster (REDIS_URL, one shared store) brings back the running matches that no live
 * process runs, as a lone process does, without waiting for a join by code: here the match of a process killed
 * with SIGKILL mid-turn, with its accepted confirmation still standing. A match that a live process runs is
 * left where it is.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Node, socketPort, startNode } from "../support/cluster.ts";
import { needServers, pollUntil, type RealServer, startRedis } from "../support/servers.ts";
import { leaveAll, playerId, Seat, tempDir } from "./helpers.ts";

const HOOK_MS = 120_000;

/** The start-up line's count of restored matches (pino's JSON). */
function restoredAtStart(node: Node): number | undefined {
  const line = node
    .output()
    .split("\n")
    .find((l) => l.includes("Compute Frontier server listening"));
  return line ? (JSON.parse(line) as { restored: number }).restored : undefined;
}

describe.runIf(needServers({ redis: true }))("a process starting in a cluster", () => {
  let redis: RealServer;
  const dataDir = tempDir();
  const nodes: Node[] = [];
  const seats: Seat[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startRedis();
    env = { REDIS_URL: redis.url, DATA_DIR: dataDir, LEASE_SECONDS: "2", LOG_LEVEL: "info" };
  }, HOOK_MS);

  afterAll(async () => {
    await leaveAll(seats);
    await Promise.all(nodes.map((n) => n.stop()));
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, HOOK_MS);

  it(
    "restores the matches of a process that died, and leaves those a live process runs",
    async () => {
      const first = await startNode(env);
      nodes.push(first);
      const us = { role: "us", name: "Ann", playerId: playerId("restore-ann") } as const;
      const china = { role: "china", name: "Bo", playerId: playerId("restore-bo") } as const;
      const usSeat = await Seat.create(first.url, { ...us, bots: false, seed: 5 });
      const chinaSeat = await Seat.join(first.url, usSeat.code, china);
      seats.push(usSeat, chinaSeat);
      const code = usSeat.code;
      await usSeat.request("confirm", { turn: 0 });
      await chinaSeat.request("confirm", { turn: 0 });
      await Promise.all([usSeat.waitTurn(1, 30_000), chinaSeat.waitTurn(1, 30_000)]);
      // Accepted (the reply waits for the log), not yet resolved.
      expect(await chinaSeat.request("confirm", { turn: 1 })).toEqual({ confirmed: true });
      usSeat.room.reconnection.enabled = false;
      chinaSeat.room.reconnection.enabled = false;
      await first.kill();

      const second = await startNode(env);
      nodes.push(second);
      expect(restoredAtStart(second)).toBe(1);
      // Already open there: a join by code finds the room as it is.
      const opened = await fetch(`${second.url}/api/matches/${code}/open`, { method: "POST" });
      expect(await opened.json()).toEqual({ code, opened: false });

      // A third process finds the match running on the second and does not take it.
      const third = await startNode(env);
      nodes.push(third);
      expect(restoredAtStart(third)).toBe(0);

      const usBack = await Seat.join(third.url, code, us);
      const chinaBack = await Seat.join(third.url, code, china);
      seats.push(usBack, chinaBack);
      expect(socketPort(usBack.room)).toBe(second.port);
      await usBack.waitTurn(1, 30_000);
      await pollUntil("China's confirmation in the synced state", () => usBack.state.chinaConfirmed);
      await usBack.request("confirm", { turn: 1 });
      await chinaBack.waitTurn(2, 30_000);
    },
    HOOK_MS,
  );
});
