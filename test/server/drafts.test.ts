/**
 * Drafts and seats that never lie: a confirmed draft is locked until the side takes its confirmation back, so
 * what resolves is what the side's screen showed; and a person who takes a seat from a bot that had already
 * confirmed gets the turn back, with the bot's orders as a suggested draft.
 */
import { describe, expect, it } from "vitest";
import type { Order } from "../../shared/rules/index.ts";
import { person, seatMatch } from "../support/seats.ts";
import { ExpectedMatch, playerId, Seat, useTestServer, waitFor } from "./helpers.ts";

// Bots facing only bots wait BOT_TURN_SECONDS a turn; facing a person they answer at once.
const world = useTestServer({ BOT_TURN_SECONDS: 30 });
const seats = world.seats;
const draft: Order[] = [{ type: "fundAlgorithms", amount: 1.25 }];

describe("a confirmed draft", () => {
  it("refuses changes until the side takes its confirmation back, and resolves what was confirmed", async () => {
    const [ann, al, bo] = await seatMatch(
      world.server.url,
      seats,
      { ...person("us", "Ann"), seed: 3 },
      person("us", "Al"),
      person("china", "Bo"),
    );
    await ann.request("draft", { orders: draft });
    await ann.request("confirm", { turn: 0 });
    // A teammate tries to empty the draft after the confirmation: refused, and the draft stays.
    const refused = await al.refused("draft", { orders: [] });
    expect(refused.code).toBe("not-allowed");
    expect(refused.message).toMatch(/unconfirm/);
    expect(ann.draft?.orders).toEqual(draft);
    await waitFor("the US confirmation", () => ann.state.usConfirmed);
    // Any member may take it back; then the draft is open again and a new confirmation replaces the old.
    expect(await al.request("unconfirm", { turn: 0 })).toEqual({ confirmed: false });
    await waitFor("the confirmation withdrawn", () => !ann.state.usConfirmed);
    const changed: Order[] = [{ type: "fundAlgorithms", amount: 2.5 }];
    await al.request("draft", { orders: changed });
    await al.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await ann.waitTurn(1);
    const secret = (await world.server.running.store.get(ann.code))!.secret;
    const expected = new ExpectedMatch("baseline-2025", 3, secret).turn(changed, []);
    expect((await world.server.running.store.actions(ann.code)).at(-1)).toEqual({
      kind: "resolve",
      turn: 0,
      hash: expected.hash,
    });
    // (The drafts are logged too, at most every DRAFT_SAVE_MS, so that a restart gives them back.)
    const logged = await world.server.running.store.actions(ann.code);
    expect(logged[0]).toMatchObject({ kind: "draft", side: "us", orders: draft });
    expect(logged.filter((a) => a.kind !== "draft").map((a) => a.kind)).toEqual([
      "submit",
      "withdraw",
      "submit",
      "submit",
      "resolve",
    ]);
    // Nothing confirmed: nothing to take back.
    expect((await ann.refused("unconfirm", { turn: 1 })).message).toMatch(/not confirmed/);
  });
});

describe("a person who takes a seat from a bot", () => {
  it("gets the turn back, with the bot's orders as a draft to confirm or change, and the team is told", async () => {
    const tess = await Seat.create(world.server.url, {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
      seed: 4,
      bots: true,
      botChina: "passive",
      botUs: "hawk",
    });
    seats.push(tess);
    // With a person on China, the US bot answers at once: it confirms turn 0 for nobody.
    const bo = await Seat.join(world.server.url, tess.code, {
      role: "china",
      name: "Bo",
      playerId: playerId("bo2"),
    });
    seats.push(bo);
    await waitFor("the US bot's confirmation", () => tess.state.usConfirmed);
    const botOrders = tess.view.viewer === "facilitator" ? tess.view.pending.us : null;
    expect(botOrders?.length).toBeGreaterThan(0);
    const ann = await Seat.join(world.server.url, tess.code, {
      role: "us",
      name: "Ann",
      playerId: playerId("ann2"),
    });
    seats.push(ann);
    await waitFor("the confirmation withdrawn", () => !ann.state.usConfirmed);
    await waitFor("the bot's orders as Ann's draft", () => (ann.draft?.orders.length ?? 0) > 0);
    expect(ann.draft?.orders).toEqual(botOrders);
    expect(ann.draft?.by).toBe("hawk bot");
    expect(ann.notices.join(" ")).toMatch(/Ann takes the US seat from the hawk bot/);
    await waitFor("the facilitator told", () =>
      tess.notices.some((n) => n.includes("Ann takes the US seat")),
    );
    // The draft is hers now: she may change it.
    await ann.request("draft", { orders: draft });
    expect((await world.server.running.store.actions(tess.code)).map((a) => a.kind)).toContain("withdraw");
  });
});
