/**
 * The SQLite store counts each running match's actions in memory and forgets the count when the match
 * finishes (a long-running server would otherwise keep one entry per match it ever ran): an action logged
 * after that still takes the next number, read back from the file. It commits the appends of one turn of the
 * event loop together: each match's are kept in the order they were made, a read sees them, and one append that
 * fails fails alone.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type Action, openStore, type Store } from "../../server/store.ts";
import { storedRecord } from "../support/records.ts";
import { tempDir } from "./helpers.ts";

describe("SQLite store", () => {
  let store: Store | undefined;
  let dir = "";
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const record = (code: string) => storedRecord(code, "2026-01-01T00:00:00.000Z", 7);

  it("commits appends made together in their order per match, readable at once, one failing alone", async () => {
    dir = tempDir();
    store = await openStore({ DATA_DIR: dir });
    await store.create(record("AAAAAA"));
    await store.create(record("BBBBBB"));
    const a: Action[] = [0, 1, 2].map((turn) => ({ kind: "resolve", turn, hash: `a${turn}` }));
    const b: Action[] = [0, 1].map((turn) => ({ kind: "resolve", turn, hash: `b${turn}` }));
    // Interleaved, none awaited before the next: all in one turn of the event loop.
    const writes = [
      store.append("AAAAAA", a[0]!),
      store.append("BBBBBB", b[0]!),
      store.append("AAAAAA", a[1]!),
      // No such match: its row breaks the foreign key, and only this append fails.
      store.append("NOSUCH", { kind: "start" }),
      store.append("BBBBBB", b[1]!),
      store.append("AAAAAA", a[2]!),
    ];
    // A read made before any of them settled already sees them.
    expect(await store.actions("AAAAAA")).toEqual(a);
    const settled = await Promise.allSettled(writes);
    expect(settled.map((r) => r.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    expect(await store.actions("BBBBBB")).toEqual(b);
    expect(await store.actions("NOSUCH")).toEqual([]);
    // The numbering goes on after the batch.
    await store.append("AAAAAA", { kind: "end", hash: "end" });
    expect(await store.actions("AAAAAA")).toEqual([...a, { kind: "end", hash: "end" }]);
  });

  it("goes on numbering a match's log after the match is marked finished", async () => {
    dir = tempDir();
    store = await openStore({ DATA_DIR: dir });
    await store.create(record("FINISH"));
    const before: Action[] = [
      { kind: "submit", side: "us", orders: [] },
      { kind: "submit", side: "china", orders: [] },
    ];
    for (const action of before) await store.append("FINISH", action);
    await store.finish("FINISH");
    const after: Action = { kind: "end", hash: "h" };
    await store.append("FINISH", after);
    expect(await store.actions("FINISH")).toEqual([...before, after]);
    expect((await store.get("FINISH"))?.finished).toBe(true);
  });
});
