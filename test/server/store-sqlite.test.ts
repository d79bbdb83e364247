/**
 * The SQLite store counts each running match's actions in memory and forgets the count when the match
 * finishes (a long-running server would otherwise keep one entry per match it ever ran): an action logged
 * after that still takes the next number, read back from the file. It commits the appends of one turn of the
 * event loop together: each match's are kept in the order they were made, a read sees them, and one append that
 * fails fails alone. Its checkpoints (copying the write-ahead log into the database file, on a worker thread) run
 * even in a process started with module flags that a worker could not load (the soak's memory probe, say), so
 * the log does not grow without end.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type Action, openStore, type Store } from "../../server/store.ts";
import { storedRecord } from "../support/records.ts";
import { ROOT } from "../support/child.ts";
import { tempDir } from "./helpers.ts";

/**
 * In a child process started with `--import tsx --import <a .ts module>` (flags a worker thread inherits and
 * cannot load: the .ts module before tsx's hooks are in place there), opens the store in `dir`, logs 200
 * actions and waits (10 s at most) for the database file to grow past its first page. Answers what the child
 * printed: the file's size.
 */
function checkpointedSize(dir: string): Promise<string> {
  const script = `
    import { statSync } from "node:fs";
    import { openStore } from "./server/store.ts";
    import { storedRecord } from "./test/support/records.ts";
    const store = await openStore({ DATA_DIR: process.argv[1] });
    await store.create(storedRecord("AAAAAA", "2026-01-01T00:00:00.000Z", 7));
    for (let turn = 0; turn < 200; turn++) await store.append("AAAAAA", { kind: "resolve", turn, hash: "h".repeat(100) });
    const file = process.argv[1] + "/matches.sqlite";
    for (let i = 0; i < 100 && statSync(file).size <= 4096; i++) await new Promise((r) => setTimeout(r, 100));
    process.stdout.write(String(statSync(file).size));
    process.exit(0);`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./test/support/records.ts", "--input-type=module", "-e", script, dir],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

describe("SQLite store", () => {
  let store: Store | undefined;
  let dir = "";
  afterEach(async () => {
    await store?.close();
    store = undefined;
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

  it("checkpoints its log into the database file while it runs, in a process started with module flags", async () => {
    dir = tempDir();
    // Before the checkpoint worker was started without its parent's flags, it died at once under these, and
    // the file stayed one page long while the log grew (123 MB in an 8-minute soak).
    expect(Number(await checkpointedSize(dir))).toBeGreaterThan(4096);
  }, 30_000);
});
