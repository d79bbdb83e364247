/**
 * Layout at laptop sizes (1280x720, 1366x768, 1024x768), a tablet's 768x1024 and a phone's 390x844: every
 * screen fits the width (no horizontal scrolling); on laptops and tablets the draft and Confirm are on screen
 * without scrolling; on a phone held upright the levers, the draft and Confirm share one screen (the Orders
 * tab) with touch targets of at least 44 px. Screenshots go to test-results/e2e and docs/screenshots.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createMatch, DOCS_SHOTS, e2eWorld, screenshot, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

const SIZES = [
  { name: "laptop", width: 1280, height: 720 },
  { name: "laptop-1366", width: 1366, height: 768 },
  { name: "laptop-1024", width: 1024, height: 768 },
  { name: "tablet", width: 768, height: 1024 },
];

/** Keeps a screenshot for the README as well as the test artefact. */
async function keep(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync(DOCS_SHOTS, { recursive: true });
  copyFileSync(path, join(DOCS_SHOTS, `${name}.png`));
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** True when the whole element is inside the window as the page stands (no scrolling done). */
const onScreen = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  }, selector);

describe("layout on laptops, a tablet and a phone", () => {
  const world = e2eWorld();

  for (const size of SIZES) {
    it(`fits ${size.width}x${size.height}: no horizontal scrolling, the draft and Confirm on screen`, async () => {
      const player = await world.open({
        name: `Ann-${size.name}`,
        guide: false,
        viewport: { width: size.width, height: size.height },
      });
      const page = player.page;
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      if (size.name === "laptop") await screenshot(page, `lobby-${size.name}`);
      await createMatch(page, { role: "us", bots: true });
      await waitForTurn(page, 1);
      await page.locator("#map canvas").waitFor();
      await poll(() => overflow(page)).toBeLessThanOrEqual(0);
      // Without any scrolling: the page is at its top, and the levers, the draft and Confirm are all visible.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await poll(() => onScreen(page, "#confirm")).toBe(true);
      expect(await onScreen(page, "#draft h2")).toBe(true);
      expect(await onScreen(page, "#lever")).toBe(true);
      expect(await page.locator("#confirm").isEnabled()).toBe(true);
      if (size.name === "laptop") {
        // A click on a host of the map opens that host's lever in the panel (the map's cf:host event).
        await page.evaluate(() =>
          window.dispatchEvent(new CustomEvent("cf:host", { detail: { host: "malaysia" } })),
        );
        await poll(() => page.inputValue("#lever-choice")).toBe("malaysia");
        expect(["pressureHost", "subsidiseAllies"]).toContain(await page.inputValue("#lever"));
        // For the README, once the map has had the time of the steps above to draw its first frame.
        await keep(page, "match-1280x720");
      } else await screenshot(page, `match-${size.name}`);
      await page.click("#tab-trends");
      await page.locator("#charts canvas").first().waitFor();
      await poll(() => overflow(page)).toBeLessThanOrEqual(0);
      expect(player.errors).toEqual([]);
    });
  }

  it("a 390x844 touch phone drafts and confirms on one screen, without horizontal scrolling", async () => {
    const context = await world.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "en-US",
    });
    await context.addInitScript(() => window.localStorage.setItem("cf.guideSeen", "1"));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    try {
      // A laptop player opens the match for the US; the student takes China's seat from the room's link.
      const ann = await world.open({ name: "Ann", guide: false });
      const code = await createMatch(ann.page, { role: "us", bots: false, private: true });
      await waitForTurn(ann.page, 1);
      await ann.page.click("#tab-events");
      await page.goto(`${world.server.url}/?code=${code}`);
      await page.locator("#join-form").waitFor();
      await page.fill("#name", "Pia");
      expect(await page.inputValue("#code")).toBe(code);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // The join form comes first, with its button on the first screen.
      expect(await onScreen(page, "#join-button")).toBe(true);
      await keep(page, "lobby-390x844");
      await page.selectOption("#join-role", "china");
      await page.locator("#join-button").tap();
      await page.locator("#match-code").waitFor();
      await waitForTurn(page, 1);
      // The phone opens on the Orders tab: levers, draft and Confirm, and the hint of the right-hand side is gone.
      await poll(() => page.locator("#tab-orders").getAttribute("aria-selected")).toBe("true");
      expect(await onScreen(page, "#lever")).toBe(true);
      expect(await onScreen(page, "#confirm")).toBe(true);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // Every control on the Orders tab is at least 44 px tall.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("#tab-panel button, #tab-panel select, #tab-panel input, [role=tab]")]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => el.getBoundingClientRect().height < 44)
          .map((el) => el.id || el.textContent),
      );
      expect(small).toEqual([]);
      await page.selectOption("#lever", "buildPower");
      await page.selectOption("#lever-choice", "solar");
      await page.locator("#lever-amount").tap();
      await page.fill("#lever-amount", "2");
      await page.locator("#add-order").tap();
      await poll(() => page.locator("#draft .draft-list li").allTextContents()).toEqual([
        "Build power · Solar · 2 GW Remove",
      ]);
      // The subsidy is typed in percent, as shown; an amount out of range says why, inline.
      await page.selectOption("#lever", "setPowerSubsidy");
      await page.fill("#lever-amount", "80");
      await page.locator("#add-order").tap();
      await poll(() => page.locator("#amount-error").textContent()).toBe("Enter an amount from 0% to 50%.");
      await page.fill("#lever-amount", "30");
      await page.locator("#add-order").tap();
      await poll(() => page.locator("#draft .draft-list li").allTextContents()).toEqual([
        "Build power · Solar · 2 GW Remove",
        "Power subsidy · 30% Remove",
      ]);
      expect(await page.locator("#amount-error").count()).toBe(0);
      expect(await onScreen(page, "#confirm")).toBe(true);
      await keep(page, "match-390x844");
      await page.locator("#confirm").tap();
      await page.locator("#confirmed-note").waitFor();
      await ann.page.click("#confirm");
      await waitForTurn(page, 2);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // The map, the charts and the intelligence each have a tab of their own.
      for (const tab of ["map", "trends", "events", "intel"]) {
        await page.locator(`#tab-${tab}`).tap();
        await poll(() => page.locator(`#tab-${tab}`).getAttribute("aria-selected")).toBe("true");
        await poll(() => overflow(page)).toBeLessThanOrEqual(0);
      }
      await page.locator("#map canvas").count();
      expect(await page.locator("details.intel").count()).toBe(1);
      await keep(page, "intel-390x844");
      // The turn's outcome can be read: the events tab lists the power build-out.
      await page.locator("#tab-events").tap();
      await poll(() => page.locator("#tab-panel ol.events").textContent()).toContain(
        "Power plant construction started.",
      );
      expect(errors).toEqual([]);
      expect(ann.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
