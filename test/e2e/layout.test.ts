/**
 * Layout at a laptop's 1280x720 and at a tablet's 768x1024 (portrait): every screen fits the width (no
 * horizontal scrolling), and the main controls stay on screen and usable. Screenshots go to test-results/e2e.
 */
import { describe, expect, it } from "vitest";
import { createMatch, e2eWorld, screenshot } from "./helpers.ts";
import { poll } from "./poll.ts";

const SIZES = [
  { name: "laptop", width: 1280, height: 720 },
  { name: "tablet", width: 768, height: 1024 },
];

describe("layout on a laptop and on a tablet", () => {
  const world = e2eWorld();

  for (const size of SIZES) {
    it(`fits ${size.width}x${size.height} without horizontal scrolling, lobby and match screen`, async () => {
      const player = await world.open({
        name: `Ann-${size.name}`,
        guide: false,
        viewport: { width: size.width, height: size.height },
      });
      const page = player.page;
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, `lobby-${size.name}`);
      await createMatch(page, { role: "us", bots: true });
      await page.locator("#map canvas").waitFor();
      await poll(overflow).toBeLessThanOrEqual(0);
      // The lever composer and the confirm button can be reached and used at this size.
      await page.locator("#lever").scrollIntoViewIfNeeded();
      expect(await page.locator("#lever").isVisible()).toBe(true);
      await page.locator("#confirm").scrollIntoViewIfNeeded();
      expect(await page.locator("#confirm").isEnabled()).toBe(true);
      await screenshot(page, `match-${size.name}`);
      await page.click("#tab-trends");
      await page.locator("#charts canvas").first().waitFor();
      await poll(overflow).toBeLessThanOrEqual(0);
      expect(player.errors).toEqual([]);
    });
  }
});
