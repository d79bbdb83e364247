/**
 * The map as the game board, in headless Chromium: China plays against a US bot. The legend shows; hovering a
 * host shows its figures in whole numbers; clicking a host (or pressing Enter on it) sends `cf:host` with its
 * id; the canvas follows the window's size; the render loop sleeps while nothing moves; a resolved turn
 * animates what moved (a new lease), and with reduced motion the next turn animates nothing. Screenshots of
 * the map go to docs/screenshots/ (the README shows them).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createMatch, DOCS_SHOTS, e2eWorld, seriousViolations, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

const SHOTS = DOCS_SHOTS;

/** A screenshot of the window, scrolled so that the map's tabs are at its top. */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator("#tab-map").evaluate((tab) => tab.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const stage = (page: Page, attribute: string) =>
  page.locator("#map .cf-map-stage").getAttribute(`data-${attribute}`);

/** The centre of a place's marker on the page, read from its (invisible) keyboard button. */
async function centre(page: Page, place: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`#map [data-place="${place}"]`).boundingBox();
  if (!box) throw new Error(`no marker for ${place}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function leaseIn(page: Page, host: string, h100e: number): Promise<void> {
  await page.selectOption("#lever", "leaseCompute");
  await page.selectOption("#lever-choice", host);
  await page.fill("#lever-amount", String(h100e));
  await page.click("#add-order");
  await page.locator("#draft .draft-list li").first().waitFor();
}

describe("the map", () => {
  const world = e2eWorld();

  it("has a legend, tooltips in whole numbers, host clicks, resizing, idling and turn animations", async () => {
    const player = await world.open({ name: "Bo", guide: false });
    const page = player.page;
    await createMatch(page, { role: "china", bots: true, private: true });
    await waitForTurn(page, 1);
    await page.locator("#map canvas").waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { hostClicks: string[] };
      w.hostClicks = [];
      window.addEventListener("cf:host", (e) =>
        w.hostClicks.push((e as CustomEvent<{ host: string }>).detail.host),
      );
    });
    const clicks = () => page.evaluate(() => (window as unknown as { hostClicks: string[] }).hostClicks);

    // The legend names what the drawing means.
    await poll(() => page.locator("#map-legend li").count()).toBe(6);
    expect(await page.locator("#map-legend").textContent()).toContain("China's compute leased in a host");
    expect(await page.isVisible("#map-legend")).toBe(true);

    // Nothing moves: the render loop sleeps and no frame is drawn.
    await poll(() => stage(page, "loop")).toBe("asleep");
    const frames = await stage(page, "frames");
    await page.waitForTimeout(500);
    expect(await stage(page, "frames")).toBe(frames);
    await shoot(page, "map-1280x720");

    // Hovering a host shows its figures, as whole numbers.
    const japan = await centre(page, "japan");
    await page.mouse.move(japan.x, japan.y);
    await poll(() => page.locator("#map-tip").getAttribute("data-place")).toBe("japan");
    const tip = (await page.locator("#map-tip").textContent()) ?? "";
    expect(tip).toContain("Japan");
    expect(tip).toMatch(/Openness to Chinese customers: \d+%/);
    expect(tip).toMatch(/Goodwill: US \d+, China \d+/);
    expect(tip).not.toMatch(/\d[.,]\d{1,2}(?!\d)/);
    await shoot(page, "map-tooltip");

    // Clicking a host, or Enter on its button, asks for its levers.
    await page.mouse.click(japan.x, japan.y);
    await poll(clicks).toEqual(["japan"]);
    await page.locator('#map [data-place="malaysia"]').focus();
    await poll(() => page.locator("#map-tip").getAttribute("data-place")).toBe("malaysia");
    await page.keyboard.press("Enter");
    await poll(clicks).toEqual(["japan", "malaysia"]);
    // China itself has no host levers.
    const china = await centre(page, "china");
    await page.mouse.click(china.x, china.y);
    expect(await clicks()).toEqual(["japan", "malaysia"]);
    expect(await seriousViolations(page)).toEqual([]);

    // The canvas follows the window.
    const width = () => page.locator("#map canvas").evaluate((c) => (c as HTMLCanvasElement).width);
    const wide = await width();
    await page.setViewportSize({ width: 1000, height: 720 });
    await poll(width).toBeLessThan(wide);
    await page.setViewportSize({ width: 1280, height: 720 });
    await poll(width).toBe(wide);

    // A turn with a new lease: the resolution animates what moved, then the loop sleeps again.
    await leaseIn(page, "malaysia", 20_000);
    await page.click("#confirm");
    await waitForTurn(page, 2);
    await poll(() => stage(page, "animations")).toBe("1");
    if ((await stage(page, "animating")) === "true") await shoot(page, "map-turn-animation");
    expect(await page.locator("#map-moved").textContent()).toMatch(/China leased [\d,k]+ H100e in Malaysia/);
    await poll(() => stage(page, "animating")).toBe("false");
    await poll(() => stage(page, "loop")).toBe("asleep");

    // The system's setting for reduced motion is followed while the map is open.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await poll(() => stage(page, "reduce-motion")).toBe("true");
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await poll(() => stage(page, "reduce-motion")).toBe("false");
    // So is the page's own switch, the cf:reduce-motion event: the next turn's moves are listed, not animated.
    await page.evaluate(() => window.dispatchEvent(new CustomEvent("cf:reduce-motion", { detail: true })));
    await poll(() => stage(page, "reduce-motion")).toBe("true");
    expect(await page.isChecked("#map-reduce-motion")).toBe(true);
    // (Solar power, not a lease: a lease abroad may meet the remote-access rule by now, whatever the US bot chose.)
    await page.selectOption("#lever", "buildPower");
    await page.selectOption("#lever-choice", "solar");
    await page.fill("#lever-amount", "1");
    await page.click("#add-order");
    await page.locator("#draft .draft-list li").first().waitFor();
    await page.click("#confirm");
    await waitForTurn(page, 3);
    await poll(() => page.locator("#map-moved").textContent()).toMatch(/China: power plants \+/);
    expect(await stage(page, "animations")).toBe("1");
    expect(await stage(page, "animating")).toBe("false");
    expect(player.errors).toEqual([]);
  }, 90_000);
});
