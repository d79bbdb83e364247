/**
 * The SQLite store counts each running match's actions in memory and forgets the count when the match
 * finishes (a long-running server would otherwise keep one entry per match it ever ran): an action logged
 * after that still takes the next number, read back from the file.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";
import { type Action, openStore, type Store } from "../../server/store.ts";
import { tempDir } from "./helpers.ts";

const SCENARIO = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

describe("SQLite store", () => {
  let store: Store | undefined;
  let dir = "";
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("goes on numbering a match's log after the match is marked finished", async () => {
    dir = tempDir();
    store = await openStore({ DATA_DIR: dir });
    await store.create({
      code: "FINISH",
      scenario: SCENARIO,
      scenarioId: SCENARIO.id,
      seed: 7,
      secret: "0123456789abcdef0123456789abcdef",
      settings: {
        timerSeconds: null,
        private: false,
        bots: true,
        botIds: { us: "random-legal", china: "random-legal" },
        facilitatorKey: "key",
        creatorId: "",
        seedChosenBy: "",
        waitForStart: false,
      },
      createdAt: "2026-01-01T00:00:00.000Z",
    });
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
