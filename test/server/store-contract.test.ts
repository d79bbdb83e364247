/**
 * One contract, two engines: the SQLite store (the default) and the PostgreSQL store (DATABASE_URL, against a
 * real PostgreSQL started for this file) answer the same calls the same way, and a match logged in either
 * replays to the same state hash.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashState, type Order, resolveTurn } from "../../shared/rules/index.ts";
import { applyAction, replay } from "../../server/replay.ts";
import { type Action, openStore, type Store } from "../../server/store.ts";
import { SCENARIO, storedRecord } from "../support/records.ts";
import { needServers, startPostgres } from "../support/servers.ts";
import { tempDir } from "./helpers.ts";

const record = (code: string, createdAt: string) => storedRecord(code, createdAt);

/** Two turns of a match with no orders, as a room logs them. */
function twoTurns(): Action[] {
  let state = replay({ scenario: SCENARIO, seed: 42, secret: "0123456789abcdef0123456789abcdef" }, []).state;
  const log: Action[] = [];
  for (let i = 0; i < 2; i++) {
    const orders: Order[] = [];
    for (const action of [
      { kind: "submit", side: "us", orders },
      { kind: "submit", side: "china", orders },
    ] as const) {
      state = applyAction(state, action);
      log.push(action);
    }
    const next = resolveTurn(state).state;
    log.push({ kind: "resolve", turn: state.turn, hash: hashState(next) });
    state = next;
  }
  return log;
}

interface Engine {
  name: string;
  runs: boolean;
  open(): Promise<Store>;
  stop(): Promise<void>;
}

const runsPostgres = needServers({ postgres: true });
let pgServer: Awaited<ReturnType<typeof startPostgres>> | undefined;
let databases = 0;
const dirs: string[] = [];

const engines: Engine[] = [
  {
    name: "sqlite",
    runs: true,
    open: async () => {
      const dir = tempDir();
      dirs.push(dir);
      return await openStore({ DATA_DIR: dir });
    },
    stop: async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  },
  {
    name: "postgres",
    runs: runsPostgres,
    open: async () => {
      pgServer ??= await startPostgres();
      return await openStore({
        DATA_DIR: "unused",
        DATABASE_URL: await pgServer.database(`contract_${++databases}`),
      });
    },
    stop: async () => void (await pgServer?.stop()),
  },
];

for (const engine of engines) {
  describe.runIf(engine.runs)(`the ${engine.name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    }, 90_000);
    afterAll(async () => {
      await store?.close();
      await engine.stop();
    }, 60_000);

    it("keeps a match's record and tells which codes exist", async () => {
      await store.create(record("AAAAAA", "2026-01-01T00:00:00.000Z"));
      expect(await store.has("AAAAAA")).toBe(true);
      expect(await store.has("ZZZZZZ")).toBe(false);
      expect(await store.get("ZZZZZZ")).toBeUndefined();
      const got = await store.get("AAAAAA");
      expect(got).toEqual({ ...record("AAAAAA", "2026-01-01T00:00:00.000Z"), finished: false });
      expect(store.engine).toBe(engine.name);
    });

    it("refuses a second match under a code already taken", async () => {
      await expect(store.create(record("AAAAAA", "2026-01-02T00:00:00.000Z"))).rejects.toThrow();
    });

    it("keeps the actions in the order they were appended, even when not awaited one by one", async () => {
      await store.create(record("BBBBBB", "2026-01-03T00:00:00.000Z"));
      const log = twoTurns();
      await Promise.all(log.map((a) => store.append("BBBBBB", a)));
      expect(await store.actions("BBBBBB")).toEqual(log);
      expect(await store.actions("AAAAAA")).toEqual([]);
    });

    it("replays a logged match to the hash logged with its last turn", async () => {
      const match = (await store.get("BBBBBB"))!;
      const actions = await store.actions("BBBBBB");
      const last = actions.at(-1);
      expect(last?.kind).toBe("resolve");
      expect(hashState(replay(match, actions).state)).toBe(last?.kind === "resolve" ? last.hash : "");
    });

    it("lists the running matches oldest first and the finished ones newest first", async () => {
      await store.create(record("CCCCCC", "2026-01-04T00:00:00.000Z"));
      expect(await store.unfinished()).toEqual(["AAAAAA", "BBBBBB", "CCCCCC"]);
      await store.append("CCCCCC", { kind: "end", hash: "h" });
      await store.finish("CCCCCC");
      await store.finish("AAAAAA");
      expect(await store.unfinished()).toEqual(["BBBBBB"]);
      expect(await store.finishedCodes()).toEqual(["CCCCCC", "AAAAAA"]);
      expect(await store.finishedCodes(1)).toEqual(["CCCCCC"]);
      expect((await store.get("CCCCCC"))?.finished).toBe(true);
    });

    it("gives a match's lease to one owner at a time until it expires or is released", async () => {
      expect(await store.claim("BBBBBB", "process-1", 60_000)).toBe(true);
      expect(await store.claim("BBBBBB", "process-2", 60_000)).toBe(false);
      // The holder renews.
      expect(await store.claim("BBBBBB", "process-1", 60_000)).toBe(true);
      expect(await store.claim("BBBBBB", "process-2", 60_000)).toBe(false);
      // Released: the other may take it.
      await store.release("BBBBBB", "process-2");
      expect(await store.claim("BBBBBB", "process-2", 60_000)).toBe(false);
      await store.release("BBBBBB", "process-1");
      expect(await store.claim("BBBBBB", "process-2", 60_000)).toBe(true);
      // A lease that ran out (a process killed without releasing it) passes to the next claimant.
      expect(await store.claim("CCCCCC", "process-1", 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await store.claim("CCCCCC", "process-2", 60_000)).toBe(true);
      expect(await store.claim("CCCCCC", "process-1", 60_000)).toBe(false);
    });

    it("writes an append fenced by a lease only while its writer holds that lease", async () => {
      await store.create(record("EEEEEE", "2026-01-05T00:00:00.000Z"));
      const [first, second] = twoTurns();
      expect(await store.claim("EEEEEE", "holder-1", 60_000)).toBe(true);
      await store.append("EEEEEE", first!, "holder-1");
      // Another owner, or the old one once its lease ran out and passed on, writes nothing.
      await expect(store.append("EEEEEE", second!, "holder-2")).rejects.toThrow(/no longer holds the lease/);
      await store.release("EEEEEE", "holder-1");
      expect(await store.claim("EEEEEE", "holder-2", 60_000)).toBe(true);
      await expect(store.append("EEEEEE", second!, "holder-1")).rejects.toThrow(/no longer holds the lease/);
      expect(await store.actions("EEEEEE")).toEqual([first]);
      await store.append("EEEEEE", second!, "holder-2");
      expect(await store.actions("EEEEEE")).toEqual([first, second]);
    });

    it("gives a contested lease to exactly one of many claimants at once", async () => {
      const owners = Array.from({ length: 8 }, (_, i) => `racer-${i}`);
      const won = await Promise.all(owners.map((o) => store.claim("DDDDDD", o, 60_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it("reads back an action the rules' schema refuses as an error, not as data", async () => {
      await expect(
        store.append("BBBBBB", { kind: "resolve", turn: 1.5, hash: "x" } as unknown as Action),
      ).resolves.toBeUndefined();
      await expect(store.actions("BBBBBB")).rejects.toThrow();
    });
  });
}
