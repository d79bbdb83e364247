/**
 * Coming back to a match whose room closed while nobody was in it: the browser joins by the code as usual, the
 * server opens the match again from its store, and the player is back at the same turn with the same orders.
 */
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { createMatch, e2eWorld, joinMatch, matchCode, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

describe("a match whose room closed while idle", () => {
  const world = e2eWorld({ IDLE_ROOM_SECONDS: 0.5, RECONNECT_SECONDS: 0 });

  it("opens again when its player joins by the code", async () => {
    const ann = await world.open({ name: "Ann", guide: false });
    const page = ann.page;
    const code = await createMatch(page, { role: "us", bots: false, private: true });
    await waitForTurn(page, 1);
    await page.click("#confirm");
    await page.locator("#confirmed-note").waitFor();
    await page.click("button.leave");
    await page.locator("#join-form").waitFor();
    // The room closes once nobody has been in it for the idle time (the server runs in this process).
    await poll(async () => (await matchMaker.query({ roomId: code })).length).toBe(0);
    await joinMatch(page, code, "us");
    expect(await matchCode(page)).toBe(code);
    await waitForTurn(page, 1);
    await page.locator("#confirmed-note").waitFor();
    expect(ann.errors).toEqual([]);
  });
});
