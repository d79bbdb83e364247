/**
 * The turn timer: when it runs out, the server submits each unconfirmed side's draft, dropping the orders the
 * rules would refuse, and resolves the turn. (15 s is the shortest timer a match may have, so this test waits.)
 */
import { describe, expect, it } from "vitest";
import type { SideView } from "../../shared/rules/index.ts";
import { playerId, Seat, useTestServer } from "./helpers.ts";

const world = useTestServer({});
const seats = world.seats;

describe("the turn timer", () => {
  it("submits the drafts when it runs out: valid orders count, refused ones are dropped", async () => {
    const us = await Seat.create(world.server.url, {
      role: "us",
      name: "Ann",
      playerId: playerId("timer-us"),
      timerSeconds: 15,
    });
    const china = await Seat.join(world.server.url, us.code, {
      role: "china",
      name: "Bo",
      playerId: playerId("timer-cn"),
    });
    seats.push(us, china);
    await us.waitView("the first view", () => true);
    expect(us.state.deadline).toBeGreaterThan(Date.now() + 10_000);
    const draft = [
      { type: "fundAlgorithms", amount: 2 },
      // Far more than the US can pay: the rules refuse it, so the timer drops it.
      { type: "buyChips", chipType: "frontier", h100e: 1e9 },
    ];
    const reply = await us.request<{ errors: unknown[] }>("draft", { orders: draft });
    expect(reply.errors.length).toBeGreaterThan(0);
    const next = (await us.waitView(
      "the turn to resolve on the timer",
      (v) => v.turn === 1,
      25_000,
    )) as SideView;
    expect(next.own.spentByLever.fundAlgorithms).toBeCloseTo(2, 9);
    expect(next.own.spentByLever.buyChips).toBe(0);
    expect(us.state.deadline).toBeGreaterThan(Date.now() + 10_000);
  }, 40_000);
});
