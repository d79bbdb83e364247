/**
 * A workshop room the teacher lets start itself: it waits while only one side is held (a bot holding the
 * other does not count), and starts the moment people hold both sides. Without the teacher's permission a
 * room with both sides held keeps waiting for the start.
 */
import { describe, expect, it } from "vitest";
import { playerId, Seat, useTestServer, waitFor } from "./helpers.ts";

const world = useTestServer();
const seats = world.seats;

async function sit(code: string, role: "us" | "china", name: string): Promise<Seat> {
  const seat = await Seat.join(world.server.url, code, { role, name, playerId: playerId(name) });
  seats.push(seat);
  await seat.waitView("a view", () => true);
  return seat;
}

describe("a room that starts itself", () => {
  it("waits with one side held, and starts once people hold both sides", async () => {
    const tess = await Seat.create(world.server.url, {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
      bots: true,
      waitForStart: true,
      autoStart: true,
    });
    seats.push(tess);
    const ann = await sit(tess.code, "us", "Ann");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tess.state.phase).toBe("waiting");
    expect(tess.state.chinaConfirmed).toBe(false);
    expect(world.server.running.store.actions(tess.code)).toEqual([]);
    const bo = await sit(tess.code, "china", "Bo");
    await waitFor("the room to start", () => tess.state.phase === "orders");
    for (const seat of [tess, ann, bo])
      await waitFor(`${seat.options.name} told`, () => seat.notices.some((n) => /the match starts/.test(n)));
    expect(world.server.running.store.actions(tess.code)).toEqual([{ kind: "start" }]);
    // People hold both sides: no bot confirms for them.
    expect(tess.state.usConfirmed || tess.state.chinaConfirmed).toBe(false);
    await ann.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await ann.waitTurn(1);
  });

  it("keeps waiting for the teacher when the room was not allowed to start itself", async () => {
    const tess = await Seat.create(world.server.url, {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
      bots: true,
      waitForStart: true,
    });
    seats.push(tess);
    const ann = await sit(tess.code, "us", "Ann");
    await sit(tess.code, "china", "Bo");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tess.state.phase).toBe("waiting");
    expect((await ann.refused("confirm", { turn: 0 })).message).toMatch(/not started/);
    expect(await tess.request("start")).toEqual({ started: true });
    await waitFor("the room to start", () => tess.state.phase === "orders");
  });

  it("lets a bot fill a side nobody holds only when the room starts", async () => {
    const tess = await Seat.create(world.server.url, {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
      bots: true,
      waitForStart: true,
      autoStart: true,
    });
    seats.push(tess);
    await sit(tess.code, "us", "Ann");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tess.state.chinaConfirmed).toBe(false);
    await tess.request("start");
    await waitFor("the China bot's orders", () => tess.state.chinaConfirmed);
  });
});
