/**
 * Seat tokens: a player who left comes back to the same seat with the token from the welcome, after the
 * reconnection window and after a server restart; a token never opens another seat or another match, and a
 * forged or damaged one gets a clear error. The facilitator can hand out a rejoin token per seated person.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import type { SeatLink } from "../../shared/protocol.ts";
import { person, seatMatch } from "../support/seats.ts";
import {
  HOOK_TIMEOUT_MS,
  leaveAll,
  playerId,
  Seat,
  startTestServer,
  tempDir,
  type TestServer,
  waitFor,
} from "./helpers.ts";

const dataDir = tempDir();
const seats: Seat[] = [];
let server: TestServer | undefined;

afterAll(async () => {
  await leaveAll(seats);
  await server?.stop();
}, HOOK_TIMEOUT_MS);

async function joinRefused(url: string, code: string, options: Record<string, unknown>): Promise<string> {
  try {
    const room = await new Client(url).joinById(code, options);
    await room.leave(true);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the join was accepted");
}

function tokenParts(token: string): { code: string; role: string; playerId: string } {
  const [code, role, id] = token.split(".");
  return { code: code!, role: role!, playerId: id! };
}

describe("seat tokens", () => {
  it("return the seat after the window and a restart, never another seat or match, and refuse forgeries", async () => {
    server = await startTestServer({ DATA_DIR: dataDir, RECONNECT_SECONDS: 1 });
    const annId = playerId("ann");
    const [tess, ann, bo] = await seatMatch(
      server.url,
      seats,
      person("facilitator", "Tess"),
      { role: "us", name: "Ann", playerId: annId },
      person("china", "Bo"),
    );
    const [other] = await seatMatch(server.url, seats, person("us", "Oz"));
    const token = ann.welcome!.seatToken!;
    expect(token).toMatch(new RegExp(`^${tess.code}\\.us\\.${annId}\\.[A-Za-z0-9_-]{43}$`));
    await ann.request("draft", { orders: [{ type: "fundAlgorithms", amount: 1 }] });

    // Ann closes the tab; the window passes and her seat is free.
    ann.dropConnection();
    ann.room.reconnection.enabled = false;
    await waitFor("Ann's seat to be freed", () => tess.state.players.size === 2, 8000);

    // The same token on a new page: the same seat, the team's draft.
    const back = await Seat.join(server.url, tess.code, {
      role: "us",
      name: "Ann",
      playerId: annId,
      seatToken: token,
    });
    seats.push(back);
    expect(back.welcome?.role).toBe("us");
    await waitFor("the team's draft", () => back.draft?.orders.length === 1);

    // Never another seat, never another match.
    expect(
      await joinRefused(server.url, tess.code, {
        role: "china",
        name: "Ann",
        playerId: annId,
        seatToken: token,
      }),
    ).toMatch(/returns you to the US seat only/);
    expect(
      await joinRefused(server.url, tess.code, {
        role: "us",
        name: "Eve",
        playerId: playerId("eve"),
        seatToken: token,
      }),
    ).toMatch(/returns you to the US seat only/);
    expect(
      await joinRefused(server.url, other.code, {
        role: "us",
        name: "Ann",
        playerId: annId,
        seatToken: token,
      }),
    ).toMatch(new RegExp(`for match ${tess.code}, not ${other.code}`));
    // A token whose role was changed by hand, or whose signature was, opens nothing.
    const asChina = token.replace(".us.", ".china.");
    expect(
      await joinRefused(server.url, tess.code, {
        role: "china",
        name: "Ann",
        playerId: annId,
        seatToken: asChina,
      }),
    ).toMatch(/not valid for this match/);
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(
      await joinRefused(server.url, tess.code, {
        role: "us",
        name: "Ann",
        playerId: annId,
        seatToken: forged,
      }),
    ).toMatch(/not valid for this match/);
    expect(
      await joinRefused(server.url, tess.code, {
        role: "us",
        name: "Ann",
        playerId: annId,
        seatToken: "garbage",
      }),
    ).toMatch(/not a seat token/);

    // The facilitator's rejoin links: one per seated person, each for that person's seat.
    const links = (await tess.request<{ seats: SeatLink[] }>("seatLinks")).seats;
    expect(links.map((l) => `${l.name}:${l.role}`).sort()).toEqual(["Ann:us", "Bo:china"]);
    const boLink = links.find((l) => l.name === "Bo")!;
    expect(tokenParts(boLink.seatToken)).toMatchObject({ code: tess.code, role: "china" });
    expect((await bo.refused("seatLinks")).code).toBe("not-allowed");

    // The lobby's question: where do my matches stand, and which waits for me?
    const status = await fetch(`${server.url}/api/seats`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokens: [token, forged, "garbage"] }),
    });
    const rows = (await status.json()) as {
      code?: string;
      role?: string;
      turn?: number;
      waitsForYou?: boolean;
      error?: string;
    }[];
    expect(rows[0]).toMatchObject({
      code: tess.code,
      role: "us",
      turn: 0,
      phase: "orders",
      waitsForYou: true,
    });
    expect(rows[1]?.error).toMatch(/not valid/);
    expect(rows[2]?.error).toMatch(/not a seat token/);
    await back.request("confirm", { turn: 0 });
    const after = (await (
      await fetch(`${server.url}/api/seats`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tokens: [token, boLink.seatToken] }),
      })
    ).json()) as { waitsForYou: boolean }[];
    expect(after.map((r) => r.waitsForYou)).toEqual([false, true]);

    // A restart over the same data: the tokens still open their seats.
    await leaveAll(seats);
    await server.running.stop();
    server = await startTestServer({ DATA_DIR: dataDir, RECONNECT_SECONDS: 1 });
    await fetch(`${server.url}/api/matches/${tess.code}/open`, { method: "POST" });
    const boBack = await Seat.join(server.url, tess.code, {
      role: "china",
      name: "Bo",
      playerId: tokenParts(boLink.seatToken).playerId,
      seatToken: boLink.seatToken,
    });
    seats.push(boBack);
    expect(boBack.welcome?.role).toBe("china");
    // Ann's confirmation survived the restart; Bo's completes the turn.
    await boBack.waitView("a view", () => true);
    expect(boBack.state.usConfirmed).toBe(true);
    await boBack.request("confirm", { turn: 0 });
    await boBack.waitTurn(1);
  }, 30_000);

  it("takes the seat back at once from a closed tab still held for the reconnection window", async () => {
    await leaveAll(seats.splice(0));
    await server?.stop();
    server = await startTestServer({ RECONNECT_SECONDS: 60 });
    const annId = playerId("ann");
    const [ann, bo] = await seatMatch(
      server.url,
      seats,
      { role: "us", name: "Ann", playerId: annId },
      person("china", "Bo"),
    );
    const token = ann.welcome!.seatToken!;
    const oldSession = ann.room.sessionId;
    ann.room.reconnection.enabled = false;
    ann.dropConnection();
    await waitFor("Ann shown offline", () => bo.state.players.get(oldSession)?.connected === false);
    // Without the token, the held seat is not given to a second window.
    expect(await joinRefused(server.url, ann.code, { role: "us", name: "Ann", playerId: annId })).toMatch(
      /already connected in another window/,
    );
    const back = await Seat.join(server.url, ann.code, {
      role: "us",
      name: "Ann",
      playerId: annId,
      seatToken: token,
    });
    seats.push(back);
    await waitFor("the old session gone", () => !bo.state.players.has(oldSession));
    expect(back.state.players.get(back.room.sessionId)?.connected).toBe(true);
    await back.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await back.waitTurn(1);
  });
});
