/**
 * Coming back through "your matches": a student closes the tab mid-turn, the reconnection window passes, and
 * the lobby of the same browser lists the match as waiting for her; one click returns her to her seat.
 */
import { describe, expect, it } from "vitest";
import { createMatch, e2eWorld, joinMatch, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

describe("a student who closed the tab", () => {
  const world = e2eWorld({ RECONNECT_SECONDS: 1 });

  it("comes back to the same seat through the lobby's list of her matches", async () => {
    const ann = await world.open({ name: "Ann", guide: false });
    const bo = await world.open({ name: "Bo", guide: false });
    const code = await createMatch(ann.page, { role: "us", bots: false, private: true });
    await joinMatch(bo.page, code, "china");
    await waitForTurn(bo.page, 1);
    await bo.page.click("#confirm");
    await bo.page.locator("#confirmed-note").waitFor();

    // Ann closes her tab; after the reconnection window her seat is free.
    await ann.page.close();
    await poll(() => bo.page.locator("details.players").textContent()).not.toContain("Ann");

    const page = await ann.context.newPage();
    await page.goto(world.server.url);
    const entry = page.locator("#your-matches li", { hasText: code });
    await poll(() => entry.textContent()).toContain("waits for you");
    expect(await entry.textContent()).toContain("United States");
    await page.click(`#rejoin-${code}`);
    await page.locator("#match-code").waitFor();
    await poll(() => page.locator(".role").textContent()).toBe("You play: United States");
    await waitForTurn(page, 1);
    await page.click("#confirm");
    await waitForTurn(page, 2);
    await waitForTurn(bo.page, 2);
    expect(ann.errors).toEqual([]);
  });
});
