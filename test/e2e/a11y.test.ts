/**
 * An automated accessibility check with axe-core (WCAG 2.x A and AA rules) of the lobby and of the match
 * screen with its tabs: no violation of impact "serious" or "critical".
 */
import { describe, expect, it } from "vitest";
import { createMatch, e2eWorld, seriousViolations, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

describe("accessibility", () => {
  const world = e2eWorld();

  it("the lobby and the match screen have no serious or critical axe violations", async () => {
    const player = await world.open({ name: "Ann" });
    const page = player.page;

    await poll(() => page.locator("#scenario-summary").textContent()).not.toBe("");
    await poll(() => page.locator("#open-matches li").count()).toBeGreaterThan(0);
    // The check can fail: a text field without a label is a critical violation.
    await page.evaluate(() => {
      const probe = document.createElement("input");
      probe.id = "axe-probe";
      document.getElementById("main")?.append(probe);
    });
    expect((await seriousViolations(page)).join("\n")).toMatch(/^critical label .*#axe-probe/m);
    await page.evaluate(() => document.getElementById("axe-probe")?.remove());
    expect(await seriousViolations(page)).toEqual([]);
    // The one-screen "how to play", opened from the lobby, and closed again with the focus back on its button.
    await page.click("#how-to-play-open");
    await page.locator("#how-to-play").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.click("#how-close");
    await poll(() => page.locator("#how-to-play").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("how-to-play-open");

    // The match screen on each tab, with the first-match guide open and an order in the draft.
    await createMatch(page, { role: "us", bots: true, private: true });
    await waitForTurn(page, 1);
    await page.locator("#guide").waitFor();
    await page.locator("#map canvas").waitFor();
    await page.selectOption("#lever", "buildPower");
    await page.selectOption("#lever-choice", "solar");
    await page.fill("#lever-amount", "1");
    await page.click("#add-order");
    await page.locator("#draft .draft-list li").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The guided first turn at its first front opens that front's lever.
    await page.click("#guide-next");
    await poll(() => page.inputValue("#lever")).toBe("setExportControls");
    expect(await seriousViolations(page)).toEqual([]);

    await page.click("#tab-trends");
    await page.locator("#charts canvas").nth(4).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.click("#confirm");
    await waitForTurn(page, 2);
    // After the turn the focus is on a sensible element, not the page's body: the turn's report, which opens.
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("turn-report");
    await page.click("#tab-events");
    await page.locator("#tab-panel ol.events li").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(player.errors).toEqual([]);
  }, 60_000);

  it("the facilitator's controls and the debrief have no serious or critical axe violations", async () => {
    const teacher = await world.open({ name: "Tess" });
    const page = teacher.page;
    // With bots on both sides and nobody seated, the bots confirm at once and the match plays to its end.
    await createMatch(page, { role: "facilitator", bots: true, private: true });
    await page.locator("#verdict").waitFor();
    await page.locator("#debrief .charts canvas").first().waitFor();
    await page.locator("#debrief details.sources li").first().waitFor({ state: "attached" });
    // Open the folded source lists so that axe checks them too.
    for (const summary of await page.locator("#debrief details.sources summary").all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.click("#tab-facilitator");
    await page.locator("#end-match").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(teacher.errors).toEqual([]);
  }, 60_000);
});
