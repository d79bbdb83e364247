/**
 * Two server processes on Colyseus' Redis presence and driver, sharing one PostgreSQL store (all real, started
 * here). Any process serves matchmaking, the listing and join-by-code; then one process is killed with
 * SIGKILL mid-turn, and every match it ran reopens on the other from the log, with the same state hash and
 * every accepted action still in, and every client back in its seat. A running match's lease is never given
 * to a second owner.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashState } from "../../shared/rules/index.ts";
import { replay } from "../../server/replay.ts";
import { type Action, openStore, type Store } from "../../server/store.ts";
import { type Node, socketPort, startNode } from "../support/cluster.ts";
import { needServers, pollUntil, type RealServer, startPostgres, startRedis } from "../support/servers.ts";
import { leaveAll, playerId, Seat, type SeatOptions } from "./helpers.ts";

const HOOK_MS = 180_000;
const MATCHES = 4;

interface Match {
  code: string;
  us: Seat;
  china: Seat;
  options: { us: SeatOptions; china: SeatOptions };
}

function lastHash(actions: Action[]): string | undefined {
  const last = [...actions].reverse().find((a) => a.kind === "resolve");
  return last?.kind === "resolve" ? last.hash : undefined;
}

describe.runIf(needServers({ redis: true, postgres: true }))("two processes, one killed", () => {
  let redis: RealServer;
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  let store: Store;
  const nodes: Node[] = [];
  const seats: Seat[] = [];
  const matches: Match[] = [];
  let survivor: Node | undefined;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: await postgres.database("chaos"),
      LEASE_SECONDS: "2",
      BOT_TURN_SECONDS: "0",
    };
    // One after the other: the second runs the migrations the first already ran (and must find them done).
    nodes.push(await startNode(env));
    nodes.push(await startNode(env));
    store = await openStore({ DATA_DIR: "unused", DATABASE_URL: env.DATABASE_URL });
  }, HOOK_MS);

  afterAll(async () => {
    await leaveAll(seats);
    await Promise.all(nodes.map((n) => n.stop()));
    await store?.close();
    await Promise.all([redis?.stop(), postgres?.stop()]);
  }, HOOK_MS);

  it(
    "serves matchmaking, the listing and join-by-code from either process",
    async () => {
      for (let i = 0; i < MATCHES; i++) {
        const via = nodes[i % 2]!;
        const us = { role: "us", name: `Ann ${i}`, playerId: playerId(`ann${i}`) } as const;
        const china = { role: "china", name: `Bo ${i}`, playerId: playerId(`bo${i}`) } as const;
        const usSeat = await Seat.create(via.url, { ...us, bots: false, seed: 100 + i });
        // Joined by code through the other process, whichever holds the room.
        const chinaSeat = await Seat.join(nodes[(i + 1) % 2]!.url, usSeat.code, china);
        seats.push(usSeat, chinaSeat);
        matches.push({ code: usSeat.code, us: usSeat, china: chinaSeat, options: { us, china } });
      }
      const ports = new Set(matches.map((m) => socketPort(m.us.room)));
      expect([...ports].every((p) => nodes.some((n) => n.port === p))).toBe(true);
      for (const node of nodes) {
        const listed = await pollUntil(`${node.url} to list all ${MATCHES} matches`, async () => {
          const list = (await (await fetch(`${node.url}/api/matches`)).json()) as { code: string }[];
          return matches.every((m) => list.some((l) => l.code === m.code)) && list;
        });
        expect(listed.length).toBeGreaterThanOrEqual(MATCHES);
      }
    },
    HOOK_MS,
  );

  it(
    "plays a turn everywhere, then a side confirms the next one (accepted, not yet resolved)",
    async () => {
      for (const m of matches) {
        await m.us.request("confirm", { turn: 0 });
        await m.china.request("confirm", { turn: 0 });
      }
      for (const m of matches) await Promise.all([m.us.waitTurn(1, 30_000), m.china.waitTurn(1, 30_000)]);
      // Accepted: the reply comes only once the log holds it.
      for (const m of matches)
        expect(await m.china.request("confirm", { turn: 1 })).toEqual({ confirmed: true });
    },
    HOOK_MS,
  );

  it(
    "reopens every match of a process killed with SIGKILL on the other, with nothing accepted lost",
    async () => {
      // The victim is the process that holds the first match (it may hold more; the other holds the rest).
      const victim = nodes.find((n) => n.port === socketPort(matches[0]!.us.room))!;
      const alive = nodes.find((n) => n !== victim)!;
      survivor = alive;
      const hit = matches.filter((m) => socketPort(m.us.room) === victim.port);
      const spared = matches.filter((m) => !hit.includes(m));
      const before = new Map<string, Action[]>();
      for (const m of matches) before.set(m.code, await store.actions(m.code));
      for (const m of hit) {
        m.us.room.reconnection.enabled = false;
        m.china.room.reconnection.enabled = false;
      }

      await victim.kill();

      let reconnected = 0;
      for (const m of hit) {
        // What a client does when its process is gone: ask any process to open the match, and join by code.
        await pollUntil(
          `match ${m.code} to reopen on the surviving process`,
          async () => (await fetch(`${alive.url}/api/matches/${m.code}/open`, { method: "POST" })).ok,
          60_000,
        );
        const us = await Seat.join(alive.url, m.code, m.options.us);
        const china = await Seat.join(alive.url, m.code, m.options.china);
        seats.push(us, china);
        expect(socketPort(us.room)).toBe(alive.port);
        m.us = us;
        m.china = china;
        reconnected += 2;
      }
      expect(reconnected).toBe(hit.length * 2);

      for (const m of matches) {
        const logged = await store.actions(m.code);
        // Nothing accepted before the kill is missing, and the state the log rebuilds is the one it hashed.
        expect(logged.slice(0, before.get(m.code)!.length)).toEqual(before.get(m.code));
        const record = (await store.get(m.code))!;
        const rebuilt = replay(record, logged).state;
        expect(rebuilt.turn).toBe(1);
        expect(rebuilt.pending.china).not.toBeNull();
        expect(lastHash(logged)).toBeDefined();
        // The view each reopened seat gets is of turn 1, with China's confirmation still standing.
        await m.us.waitTurn(1, 30_000);
        await pollUntil(
          `${m.code}: China's confirmation in the synced state`,
          () => m.us.state.chinaConfirmed,
        );
      }

      // Every match, spared or reopened, plays on: the US confirms and turn 1 resolves.
      for (const m of [...hit, ...spared]) await m.us.request("confirm", { turn: 1 });
      for (const m of matches) await m.china.waitTurn(2, 30_000);
      let turnsLost = 0;
      for (const m of matches) {
        const logged = await store.actions(m.code);
        const resolves = logged.filter((a) => a.kind === "resolve");
        turnsLost += 2 - resolves.length;
        const record = (await store.get(m.code))!;
        expect(hashState(replay(record, logged).state)).toBe(lastHash(logged));
      }
      expect(turnsLost).toBe(0);
      process.stdout.write(
        `chaos: ${hit.length} of ${MATCHES} matches on the killed process, ${reconnected} clients reconnected, turns lost: ${turnsLost}\n`,
      );
    },
    HOOK_MS,
  );

  it(
    "never lets a second owner take the lease of a match that is running",
    async () => {
      for (const m of matches) expect(await store.claim(m.code, "intruder", 60_000)).toBe(false);
      // A join by code on the process that runs it finds the room as it is.
      const res = await fetch(`${survivor!.url}/api/matches/${matches[0]!.code}/open`, {
        method: "POST",
      });
      expect(await res.json()).toEqual({ code: matches[0]!.code, opened: false });
    },
    HOOK_MS,
  );
});
