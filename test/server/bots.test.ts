/**
 * Abandoned seats: with a one-second reconnection window, a side whose only person dropped is played by the
 * bot once the window has passed (in a match that allows bots), and handed back when a person takes the seat.
 */
import { describe, expect, it } from "vitest";
import { BOTS } from "../../shared/bots/index.ts";
import { DEFAULT_BOTS } from "../../shared/room.ts";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";
import { person, seatMatch } from "../support/seats.ts";
import { type PublicState, playerId, Seat, waitFor, useTestServer } from "./helpers.ts";

const world = useTestServer({ RECONNECT_SECONDS: 1, BOT_TURN_SECONDS: 0.25 });
const seats = world.seats;

function usPlayers(state: PublicState): { name: string; bot: boolean; connected: boolean }[] {
  const out: { name: string; bot: boolean; connected: boolean }[] = [];
  state.players.forEach(
    (p) => p.role === "us" && out.push({ name: p.name, bot: p.bot, connected: p.connected }),
  );
  return out;
}

/** Cuts a client off for good: no goodbye, and its SDK does not try to come back. */
function vanish(seat: Seat): void {
  seat.room.reconnection.enabled = false;
  seat.dropConnection();
}

describe("a match with bots", () => {
  it("lets the bot play a side abandoned past the reconnection window, and hands it back to a person", async () => {
    const bo = await Seat.create(world.server.url, {
      role: "china",
      name: "Bo",
      playerId: playerId("bo"),
      seed: 41,
      bots: true,
      botId: "passive",
    });
    seats.push(bo);
    // Nobody holds the US yet: the bot does, and has already sent its orders for turn 0.
    await waitFor("the US bot", () => usPlayers(bo.state).some((p) => p.bot));
    const ann = await Seat.join(world.server.url, bo.code, {
      role: "us",
      name: "Ann",
      playerId: playerId("ann"),
    });
    seats.push(ann);
    await waitFor("the bot to give the US seat to Ann", () => {
      const us = usPlayers(bo.state);
      return us.length === 1 && us[0]?.name === "Ann";
    });
    // The bot had confirmed turn 0; Ann gets the turn back, with its orders as her draft.
    await waitFor("the bot's confirmation withdrawn", () => !bo.state.usConfirmed);
    await ann.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await Promise.all([ann.waitTurn(1), bo.waitTurn(1)]);

    // Ann's connection dies. Within the window her seat waits for her: Bo's confirmation does not end the turn.
    vanish(ann);
    const droppedAt = Date.now();
    await waitFor("Ann shown disconnected", () =>
      usPlayers(bo.state).some((p) => p.name === "Ann" && !p.connected),
    );
    await bo.request("confirm", { turn: 1 });
    expect(usPlayers(bo.state).some((p) => p.bot)).toBe(false);
    expect(bo.view.turn).toBe(1);

    // Past the window the bot takes the US and its orders resolve the turn Bo was waiting on.
    const next = await bo.waitTurn(2, 5000);
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(900);
    expect(next.turn).toBe(2);
    await waitFor("the bot listed for the US", () => {
      const us = usPlayers(bo.state);
      return us.length === 1 && us[0]?.bot === true;
    });

    // Ann comes back with her playerId: the seat is hers again and the bot steps aside.
    const back = await Seat.join(world.server.url, bo.code, ann.options);
    seats.push(back);
    await waitFor("the bot to leave the US seat", () => {
      const us = usPlayers(bo.state);
      return us.length === 1 && us[0]?.name === "Ann" && !us[0].bot;
    });
    // The bot had already confirmed the US orders for turn 2; Ann gets the turn back and replaces them.
    const rejoined = await back.waitView("a US view", () => true);
    expect(rejoined.viewer).toBe("us");
    expect(rejoined.turn).toBe(2);
    const mine = [{ type: "fundAlgorithms", amount: 1 }];
    await back.request("draft", { orders: mine });
    await back.request("confirm", { turn: 2 });
    const pending = await back.waitView("Ann's orders pending", (v) => v.turn === 2 && v.submitted.us);
    expect((pending as unknown as { pendingOrders: unknown }).pendingOrders).toEqual(mine);
    await bo.request("confirm", { turn: 2 });
    await Promise.all([back.waitTurn(3), bo.waitTurn(3)]);

    // From now on the turn waits for Ann, not for the bot.
    await bo.request("confirm", { turn: 3 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bo.view.turn).toBe(3);
    expect(bo.view.submitted.us).toBe(false);
    await back.request("confirm", { turn: 3 });
    await Promise.all([back.waitTurn(4), bo.waitTurn(4)]);
  });
});

describe("a bot that takes a seat a person left", () => {
  it("starts from the team's draft: what the team left is what runs", async () => {
    const bo = await Seat.create(world.server.url, {
      role: "china",
      name: "Bo",
      playerId: playerId("bo-draft"),
      bots: true,
      botId: "passive",
    });
    seats.push(bo);
    const ann = await Seat.join(world.server.url, bo.code, {
      role: "us",
      name: "Ann",
      playerId: playerId("ann-draft"),
    });
    seats.push(ann);
    await waitFor("Ann to hold the US", () => usPlayers(bo.state).some((p) => p.name === "Ann"));
    await ann.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await Promise.all([ann.waitTurn(1), bo.waitTurn(1)]);
    // Ann drafts, does not confirm, and is gone for good; the passive bot alone would order nothing.
    const drafted = [{ type: "fundAlgorithms", amount: 3 }];
    await ann.request("draft", { orders: drafted });
    vanish(ann);
    await bo.request("confirm", { turn: 1 });
    await bo.waitTurn(2, 5000);
    const log = await world.server.running.store.actions(bo.code);
    // The US orders that resolved turn 1: the last US submit before that turn's resolve.
    const resolved = log.findIndex((a) => a.kind === "resolve" && a.turn === 1);
    const submits = log.slice(0, resolved).filter((a) => a.kind === "submit" && a.side === "us");
    expect(submits.at(-1)).toEqual({ kind: "submit", side: "us", orders: drafted });
  });
});

describe("a match without bots", () => {
  it("keeps an abandoned side empty: no bot appears and the turn waits for a person", async () => {
    const [ann, bo] = await seatMatch(
      world.server.url,
      seats,
      { ...person("us", "Ann"), seed: 42 },
      person("china", "Bo"),
    );
    await Promise.all([ann.waitTurn(0), bo.waitTurn(0)]);
    vanish(ann);
    await bo.request("confirm", { turn: 0 });
    await waitFor("Ann's seat to be given up after the window", () => usPlayers(bo.state).length === 0, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bo.view.turn).toBe(0);
    expect(bo.state.usConfirmed).toBe(false);
  });
});

describe("bots chosen per side", () => {
  it("plays each side with its own bot, move for move as the same bots play in the sim", async () => {
    const seed = 77;
    const watcher = await Seat.create(world.server.url, {
      role: "spectator",
      name: "Cy",
      playerId: playerId("cy"),
      seed,
      bots: true,
      botUs: "hawk",
      botChina: "offshorer",
    });
    seats.push(watcher);
    const names: Record<string, string> = {};
    const ids: Record<string, string> = {};
    await waitFor("both bots listed", () => {
      watcher.state.players.forEach((p) => {
        if (!p.bot) return;
        names[p.role] = p.name;
        ids[p.role] = p.botId;
      });
      return Object.keys(names).length === 2;
    });
    expect(names).toEqual({ us: "hawk bot", china: "offshorer bot" });
    expect(ids).toEqual({ us: "hawk", china: "offshorer" });
    // Nobody else is seated, so the bots play the match through on their own, a turn at least every 0.25 s
    // (BOT_TURN_SECONDS) so that people can watch.
    const started = Date.now();
    const end = await watcher.waitView("the end", (v) => v.phase === "ended", 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15 * 250);
    // The bots draw from the match's secret, which only the server knows: the test reads it from the store.
    const secret = (await world.server.running.store.get(watcher.code))!.secret;
    const sim = playMatch(
      BUILTIN_SCENARIOS["baseline-2025"]!.scenario,
      seed,
      { us: BOTS.hawk!, china: BOTS.offshorer! },
      secret,
    );
    expect(end.history.map((row) => row.capability)).toEqual(
      sim.state.history.map((row) => ({ us: row.sides.us.capability, china: row.sides.china.capability })),
    );
  });

  it("gives each side its default persona when the creator names no bot", async () => {
    const watcher = await Seat.create(world.server.url, {
      role: "spectator",
      name: "Ed",
      playerId: playerId("ed"),
      bots: true,
    });
    seats.push(watcher);
    const ids: Record<string, string> = {};
    await waitFor("both bots listed", () => {
      watcher.state.players.forEach((p) => p.bot && (ids[p.role] = p.botId));
      return Object.keys(ids).length === 2;
    });
    expect(ids).toEqual(DEFAULT_BOTS);
    expect(ids).toEqual({ us: "hawk", china: "offshorer" });
  });

  it("refuses a persona on the side it was not written for, naming the bots that can play there", async () => {
    const base = { name: "Di", playerId: playerId("di"), bots: true };
    await expect(Seat.create(world.server.url, { ...base, role: "us", botId: "hawk" })).rejects.toThrow(
      /bot "hawk" cannot play China \(bots for China: .*offshorer.*\); name one with botChina/,
    );
    await expect(
      Seat.create(world.server.url, { ...base, role: "us", botUs: "offshorer", botChina: "search" }),
    ).rejects.toThrow(
      /bot "offshorer" cannot play the US \(bots for the US: .*hawk.*\); name one with botUs/,
    );
  });

  it("lists every bot with the sides it plays", async () => {
    const list = (await (await fetch(`${world.server.url}/api/bots`)).json()) as {
      id: string;
      sides: string[];
      description: string;
    }[];
    const byId = Object.fromEntries(list.map((b) => [b.id, b]));
    expect(byId.hawk?.sides).toEqual(["us"]);
    expect(byId["self-reliance"]?.sides).toEqual(["china"]);
    expect(byId.search?.sides).toEqual(["us", "china"]);
    expect(list.every((b) => b.description.length > 10)).toBe(true);
  });
});
