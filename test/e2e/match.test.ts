/**
 * A whole match in real browsers: the US creates a match without bots, China joins by code, a spectator
 * watches, both sides confirm (empty) orders every turn until the match ends, and everyone reaches the
 * debrief. Screenshots of each screen are saved under test-results/e2e/.
 */

import { describe, expect, it } from "vitest";
import { createMatch, e2eWorld, joinMatch, screenshot, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

const VERDICTS = [
  "The United States holds its lead and wins.",
  "China keeps the US lead below the line and wins.",
];

describe("a match in the browser", () => {
  const world = e2eWorld();

  it("two sides play from the lobby to the debrief while a spectator watches", async () => {
    const us = await world.open({ name: "Ann" });
    // The lobby fills its scenario list and the open matches from the HTTP API.
    await us.page.locator("#scenario option").first().waitFor({ state: "attached" });
    await poll(() => us.page.locator("#scenario-summary").textContent()).not.toBe("");
    await poll(() => us.page.locator("#open-matches").textContent()).toContain("No open matches");
    // The facilitator key is asked for only when joining as facilitator.
    expect(await us.page.isVisible("#facilitator-key")).toBe(false);
    await us.page.selectOption("#join-role", "facilitator");
    expect(await us.page.isVisible("#facilitator-key")).toBe(true);
    await us.page.selectOption("#join-role", "us");
    await screenshot(us.page, "lobby");

    const code = await createMatch(us.page, { role: "us", bots: false });
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    await poll(() => us.page.locator(".role").textContent()).toBe("You play: United States");
    await waitForTurn(us.page, 1);

    // The first-match guide is shown to a side's player and can be skipped.
    await us.page.locator("#guide").waitFor();
    await us.page.click("#guide-close");
    await poll(() => us.page.locator("#guide").count()).toBe(0);

    // The map is drawn by Phaser into a canvas on the map tab.
    await us.page.locator("#map canvas").waitFor();
    await poll(() => us.page.locator("#lead-value").textContent()).toMatch(/^-?[\d.,]+ months$/);
    await screenshot(us.page, "match");
    // A Phaser map redraws continuously through software WebGL, and several of them on two cores slow every
    // page down, so each player follows the match on the events tab once its map has been seen.
    await us.page.click("#tab-events");

    const china = await world.open({ name: "Bo", guide: false });
    // The new match is public, so the lobby lists it; China joins by its code.
    await poll(() => china.page.locator("#open-matches").textContent()).toContain(code);
    await joinMatch(china.page, code, "china");
    await china.page.click("#tab-events");
    await poll(() => china.page.locator("#match-code").textContent()).toBe(`Code ${code}`);
    await poll(() => china.page.locator(".role").textContent()).toBe("You play: China");

    const watcher = await world.open({ name: "Cy" });
    await joinMatch(watcher.page, code, "spectator");
    await poll(() => watcher.page.locator("#match-code").textContent()).toBe(`Code ${code}`);
    await poll(() => watcher.page.locator(".role").textContent()).toBe("You play: Spectator");

    // Everyone sees the first turn; the players list names both sides and the spectator.
    for (const p of [us, china, watcher]) await waitForTurn(p.page, 1);
    await poll(() => us.page.locator(".players li").allTextContents()).toEqual([
      "Ann · United States",
      "Bo · China",
      "Cy · Spectator",
    ]);

    // A spectator gets the public view: no lever composer, no draft, no confirm button, no guide.
    await watcher.page.locator("#map canvas").waitFor();
    expect(await watcher.page.locator("#lever, #draft, #confirm, #guide").count()).toBe(0);
    await poll(() => watcher.page.locator(".summary-cards").textContent()).toContain(
      "You are watching the public view.",
    );
    await screenshot(watcher.page, "spectator");
    await watcher.page.click("#tab-events");

    // Both sides confirm every turn until the match ends: the US with one order on the first turn (so that
    // its events list is sure to hold something), otherwise with empty drafts.
    await us.page.selectOption("#lever", "buildPower");
    await us.page.selectOption("#lever-choice", "solar");
    await us.page.fill("#lever-amount", "1");
    await us.page.click("#add-order");
    await poll(() => us.page.locator("#draft .draft-list li").allTextContents()).toEqual([
      "Build power · Solar · 1 GW Remove",
    ]);
    const turns = Number(/of (\d+)/.exec((await us.page.locator("#turn-label").textContent()) ?? "")?.[1]);
    expect(turns).toBeGreaterThan(1);
    for (let turn = 1; turn <= turns; turn++) {
      for (const p of [us, china]) await waitForTurn(p.page, turn);
      await us.page.locator("#confirm").click();
      await us.page.locator("#confirmed-note").waitFor();
      await poll(() => china.page.locator("#draft").textContent()).toContain("The other side has confirmed.");
      await china.page.locator("#confirm").click();
      if (turn === 3) {
        // A few turns in, the trends and the events have something to show.
        await waitForTurn(us.page, 4);
        await us.page.click("#tab-trends");
        await us.page.locator("#charts canvas").nth(4).waitFor();
        await screenshot(us.page, "trends");
        await us.page.click("#tab-events");
        await poll(() => us.page.locator("#tab-panel ol.events").textContent()).toContain(
          "Power plant construction started.",
        );
        await screenshot(us.page, "events");
      }
    }

    // The end: every screen switches to the debrief, with the same verdict for all.
    for (const p of [us, china, watcher]) {
      await p.page.locator("#verdict").waitFor();
      await poll(() => p.page.locator("#tab-debrief").getAttribute("aria-selected")).toBe("true");
      await poll(() => p.page.locator("#turn-label").textContent()).toBe("The match is over.");
    }
    const verdict = await us.page.locator("#verdict").textContent();
    expect(VERDICTS).toContain(verdict);
    expect(await china.page.locator("#verdict").textContent()).toBe(verdict);
    expect(await watcher.page.locator("#verdict").textContent()).toBe(verdict);
    // The sides' composer is gone once the match is over.
    expect(await us.page.locator("#confirm").count()).toBe(0);
    await us.page.locator("#debrief .charts canvas").first().waitFor();
    // The sources behind the numbers are listed (folded away until opened).
    await us.page.locator("#debrief details.sources li").first().waitFor({ state: "attached" });
    await screenshot(us.page, "debrief");
    await screenshot(watcher.page, "spectator-debrief");

    for (const p of world.players) expect(p.errors).toEqual([]);
  }, 90_000);
});
