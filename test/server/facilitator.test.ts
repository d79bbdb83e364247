/**
 * The facilitator's actions as a class meets them: an injected event is confirmed and announced to everyone
 * at once, and a match ended early says so in its outcome.
 */
import { describe, expect, it } from "vitest";
import { replay } from "../../server/replay.ts";
import { outcome } from "../../shared/rules/index.ts";
import { person, seatMatch } from "../support/seats.ts";
import { useTestServer, waitFor } from "./helpers.ts";

const world = useTestServer();
const seats = world.seats;

describe("the facilitator", () => {
  it("injects an event that every seat hears about at once, and ends the match early with an outcome that says so", async () => {
    const [tess, ann, bo, fan] = await seatMatch(
      world.server.url,
      seats,
      person("facilitator", "Tess"),
      person("us", "Ann"),
      person("china", "Bo"),
      person("spectator", "Fan"),
    );
    expect(await tess.request("injectEvent", { eventId: "deepseekShock", turn: 1 })).toEqual({
      queued: { eventId: "deepseekShock", turn: 1 },
    });
    for (const seat of [tess, ann, bo, fan])
      await waitFor(`${seat.options.name} told`, () =>
        seat.notices.some((n) => /The facilitator adds an event for 2025 H2/.test(n)),
      );
    await ann.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await tess.waitTurn(1);
    await tess.request("endMatch");
    const ended = await tess.waitView("the end", (v) => v.phase === "ended");
    expect(ended.label).toBe("2025 H2");
    const record = (await world.server.running.store.get(tess.code))!;
    const o = outcome(replay(record, await world.server.running.store.actions(tess.code)).state);
    expect(o.endedEarlyAt).toBe("2025 H2");
  });

  it("opens a workshop room that waits: nothing resolves and no bot plays until the facilitator starts it", async () => {
    const [tess, ann] = await seatMatch(
      world.server.url,
      seats,
      { ...person("facilitator", "Tess", "tess2"), bots: true, waitForStart: true },
      person("us", "Ann", "ann2"),
    );
    await waitFor("the waiting phase", () => tess.state.phase === "waiting");
    // The students may draft, not confirm, and the China bot does not play.
    await ann.request("draft", { orders: [{ type: "fundAlgorithms", amount: 1 }] });
    expect((await ann.refused("confirm", { turn: 0 })).message).toMatch(/not started the match yet/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tess.state.chinaConfirmed).toBe(false);
    // Nothing logged but the draft (kept for a restart).
    expect((await world.server.running.store.actions(tess.code)).map((a) => a.kind)).toEqual(["draft"]);
    expect((await ann.refused("start")).code).toBe("not-allowed");
    expect(await tess.request("start")).toEqual({ started: true });
    await waitFor("the China bot's orders", () => tess.state.chinaConfirmed);
    await ann.request("confirm", { turn: 0 });
    await ann.waitTurn(1);
    // (The China bot then answers for turn 1 at once.)
    expect((await world.server.running.store.actions(tess.code)).map((a) => a.kind).slice(0, 5)).toEqual([
      "draft",
      "start",
      "submit",
      "submit",
      "resolve",
    ]);
    expect((await tess.refused("start")).message).toMatch(/already started/);
  });
});
