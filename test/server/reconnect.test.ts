/**
 * Reconnection: a dropped client comes back to the same seat with the same view and draft, by itself (the SDK
 * retries) or with its reconnection token from a new page; a player who left comes back by playerId.
 */
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import type { Order } from "../../shared/rules/index.ts";
import { person, seatMatch } from "../support/seats.ts";
import { type PublicState, Seat, waitFor, useTestServer } from "./helpers.ts";

const world = useTestServer({ RECONNECT_SECONDS: 30 });
const seats = world.seats;

async function match(seed: number): Promise<{ ann: Seat; al: Seat; bo: Seat }> {
  const [ann, al, bo] = await seatMatch(
    world.server.url,
    seats,
    { ...person("us", "Ann"), seed },
    person("us", "Al"),
    person("china", "Bo"),
  );
  await Promise.all([ann, al, bo].map((s) => s.waitTurn(0)));
  // Play one turn so that "mid-match" means something: turn 1, with history behind it.
  await ann.request("confirm", { turn: 0 });
  await bo.request("confirm", { turn: 0 });
  await Promise.all([ann, al, bo].map((s) => s.waitTurn(1)));
  return { ann, al, bo };
}

const draftA: Order[] = [{ type: "fundAlgorithms", amount: 2 }];
const draftB: Order[] = [
  { type: "fundAlgorithms", amount: 2 },
  { type: "buildDataCenters", gw: 0.5 },
];

describe("a dropped connection", () => {
  it("reconnects by itself mid-turn to the same seat, and gets the current view and the team's draft", async () => {
    const { ann, al, bo } = await match(31);
    await ann.request("draft", { orders: draftA });
    const viewBefore = JSON.stringify(ann.view);
    const sessionId = ann.room.sessionId;
    const viewsBefore = ann.views.length;

    ann.dropConnection();
    await waitFor(
      "the others to see Ann disconnected",
      () => bo.state.players.get(sessionId)?.connected === false,
    );
    // While Ann is away her teammate edits the shared draft.
    await al.request("draft", { orders: draftB });

    await waitFor("the SDK to reconnect", () => ann.reconnects === 1, 5000);
    expect(ann.room.sessionId).toBe(sessionId);
    await waitFor(
      "Ann to be shown connected again",
      () => bo.state.players.get(sessionId)?.connected === true,
    );
    expect(bo.state.players.get(sessionId)?.role).toBe("us");
    const view = await waitFor("a view after the reconnection", () => ann.views[viewsBefore]);
    expect(JSON.stringify(view)).toBe(viewBefore);
    await waitFor("the team's draft after the reconnection", () => ann.draft?.by === "Al" && ann.draft);
    expect(ann.draft?.orders).toEqual(draftB);

    // The seat works: Ann's confirmation is the US's.
    await ann.request("confirm", { turn: 1 });
    await waitFor("the US confirmation", () => bo.state.usConfirmed && bo.state.turn === 1);
    expect((await ann.waitView("US submitted", (v) => v.submitted.us)).turn).toBe(1);
  });

  it("comes back with its reconnection token from a new client (a reloaded page) to the same seat", async () => {
    const { ann, bo } = await match(32);
    await ann.request("draft", { orders: draftA });
    const sessionId = ann.room.sessionId;
    const token = ann.room.reconnectionToken;
    ann.room.reconnection.enabled = false;
    ann.dropConnection();
    await waitFor(
      "the others to see Ann disconnected",
      () => bo.state.players.get(sessionId)?.connected === false,
    );

    const client = new Client(world.server.url);
    const room = await client.reconnect<PublicState>(token);
    const back = await new Seat(client, room, ann.options).ready();
    seats.push(back);
    expect(room.sessionId).toBe(sessionId);
    const view = await back.waitView("the US view", () => true);
    expect(view.viewer).toBe("us");
    expect(view.turn).toBe(1);
    const draft = await waitFor("the draft", () => back.draft);
    expect(draft.orders).toEqual(draftA);
    await waitFor("Ann connected again", () => bo.state.players.get(sessionId)?.connected === true);
    // Still one Ann: the seat was kept, not doubled.
    let anns = 0;
    bo.state.players.forEach((p) => p.name === "Ann" && (anns += 1));
    expect(anns).toBe(1);
  });
});

describe("a player who left", () => {
  it("rejoins with the same playerId to the same side, with its draft, while that id cannot be seated twice", async () => {
    const { ann, bo } = await match(33);
    await ann.request("draft", { orders: draftA });
    // The same playerId in a second window is refused while the first is connected.
    await expect(Seat.join(world.server.url, ann.code, ann.options)).rejects.toThrow(/already connected/);

    await ann.leave();
    await waitFor("Ann to be gone from the players", () => {
      let present = false;
      bo.state.players.forEach((p) => (present ||= p.name === "Ann"));
      return !present;
    });
    const again = await Seat.join(world.server.url, ann.code, ann.options);
    seats.push(again);
    const view = await again.waitView("a view", () => true);
    expect(view.viewer).toBe("us");
    expect(view.turn).toBe(1);
    const draft = await waitFor("the US draft", () => again.draft);
    expect(draft.side).toBe("us");
    expect(draft.orders).toEqual(draftA);
    await waitFor(
      "Ann listed as a US player",
      () => bo.state.players.get(again.room.sessionId)?.role === "us",
    );
  });
});
