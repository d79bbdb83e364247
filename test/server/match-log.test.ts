/**
 * The match log as the room writes it: what a message shows goes out only once the store holds it (with
 * PostgreSQL a write takes a round trip), writes stay in order, and after a failed write nothing more goes out
 * and the room is stopped once.
 */
import pino from "pino";
import { describe, expect, it } from "vitest";
import { MatchLog } from "../../server/match-log.ts";
import type { Action, Store } from "../../server/store.ts";

/** A store whose writes finish only when the test says so. */
function slowStore() {
  const pending: { action: Action | "finish"; done: () => void; fail: (e: Error) => void }[] = [];
  const store = {
    append: (_code: string, action: Action) =>
      new Promise<void>((done, fail) => pending.push({ action, done, fail })),
    finish: () => new Promise<void>((done, fail) => pending.push({ action: "finish", done, fail })),
  } as unknown as Store;
  return { store, pending };
}

const quiet = pino({ level: "silent" });
const tick = () => new Promise((r) => setImmediate(r));

describe("the match log", () => {
  it("sends what a step shows only after the store holds its writes, and at once when nothing is being written", async () => {
    const { store, pending } = slowStore();
    const log = new MatchLog("ABCDEF", store, quiet, () => undefined);
    const sent: string[] = [];
    log.afterWrites(() => sent.push("nothing pending"));
    expect(sent).toEqual(["nothing pending"]);
    log.append({ kind: "start" });
    log.afterWrites(() => sent.push("after start"));
    log.append({ kind: "withdraw", side: "us" });
    log.afterWrites(() => sent.push("after withdraw"));
    await tick();
    expect(sent).toEqual(["nothing pending"]);
    pending[0]!.done();
    await tick();
    expect(sent).toEqual(["nothing pending", "after start"]);
    pending[1]!.done();
    expect(await log.written()).toBe(true);
    expect(sent).toEqual(["nothing pending", "after start", "after withdraw"]);
  });

  it("after a failed write sends nothing more, answers that the write failed, and stops the room once", async () => {
    const { store, pending } = slowStore();
    let stops = 0;
    const log = new MatchLog("ABCDEF", store, quiet, () => stops++);
    const sent: string[] = [];
    log.append({ kind: "start" });
    log.append({ kind: "resume", turn: 0 });
    log.afterWrites(() => sent.push("resumed"));
    pending[0]!.fail(new Error("disk full"));
    pending[1]!.fail(new Error("disk full"));
    expect(await log.written()).toBe(false);
    log.afterWrites(() => sent.push("later"));
    await tick();
    expect(sent).toEqual([]);
    expect(stops).toBe(1);
  });
});
