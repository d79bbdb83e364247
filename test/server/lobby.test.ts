/**
 * The lobby list against spam: a public match is listed only while somebody is in it, and a match whose
 * creator never connects closes its room after EMPTY_ROOM_SECONDS (it stays stored and opens again by code).
 */
import { describe, expect, it } from "vitest";
import { getJson, playerId, Seat, useTestServer, waitFor } from "./helpers.ts";

const world = useTestServer({ EMPTY_ROOM_SECONDS: 1 });
const seats = world.seats;

async function listedCodes(): Promise<string[]> {
  const { body } = await getJson(`${world.server.url}/api/matches`);
  return (body as { code: string }[]).map((m) => m.code);
}

/** Creates a match over HTTP only, as a script would: a seat is reserved, but nobody ever connects. */
async function createWithoutJoining(i: number): Promise<string> {
  const res = await fetch(`${world.server.url}/matchmake/create/match`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: "us", name: `Spam ${i}`, playerId: playerId("spam") }),
  });
  expect(res.status).toBe(200);
  const reservation = (await res.json()) as { roomId?: string; room?: { roomId: string } };
  return reservation.room?.roomId ?? reservation.roomId ?? "";
}

describe("the lobby list", () => {
  it("lists a public match while its creator waits in it, and drops it once nobody is in it", async () => {
    const ann = await Seat.create(world.server.url, { role: "us", name: "Ann", playerId: playerId("ann") });
    seats.push(ann);
    await waitFor("Ann's match in the list", async () => (await listedCodes()).includes(ann.code));
    await ann.leave();
    await waitFor("Ann's match out of the list", async () => !(await listedCodes()).includes(ann.code));
  });

  it("never lists a burst of creates nobody joins, and closes their rooms after EMPTY_ROOM_SECONDS", async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, (_, i) => createWithoutJoining(i)));
    expect(codes.every((c) => /^[A-Z0-9]{6}$/.test(c))).toBe(true);
    const listed = await listedCodes();
    expect(codes.filter((c) => listed.includes(c))).toEqual([]);
    // After the wait their rooms are gone: opening one by its code has to bring it back from the store.
    const open = async (code: string) =>
      (await (await fetch(`${world.server.url}/api/matches/${code}/open`, { method: "POST" })).json()) as {
        opened?: boolean;
      };
    expect((await open(codes[0]!)).opened).toBe(false);
    await waitFor("the empty rooms to close", async () => (await open(codes[1]!)).opened === true, 5000);
    for (const code of codes) expect(await world.server.running.store.has(code)).toBe(true);
  });
});
