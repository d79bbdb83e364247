/**
 * Why the lead moved, in a real browser: a US player against China's bot sees the forecast of its draft, reads
 * the turn report when the turn resolves (and reopens it), and at the end reads the causal debrief. Screenshots
 * of the three go to docs/screenshots/ for the README.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMatch, DOCS_SHOTS, e2eWorld, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

const SHOTS = DOCS_SHOTS;

describe("the turn report, the forecast and the causal debrief", () => {
  const world = e2eWorld();

  it("a player sees the forecast of a draft, reads the turn report, and at the end the causal debrief", async () => {
    mkdirSync(SHOTS, { recursive: true });
    const us = await world.open({ name: "Ann", guide: false });
    await us.page.locator("#scenario option").first().waitFor({ state: "attached" });
    await createMatch(us.page, { role: "us", bots: true });
    await waitForTurn(us.page, 1);
    await us.page.click("#tab-events");

    // The forecast is there beside the empty draft, then follows the draft.
    await us.page.locator("#forecast").waitFor();
    await poll(() => us.page.locator("#forecast-lead").textContent()).toMatch(/months in 2032 H2/);
    await us.page.selectOption("#lever", "fundAlgorithms");
    await us.page.fill("#lever-amount", "30");
    await us.page.click("#add-order");
    await us.page.locator('#forecast li[data-lever="fundAlgorithms"]').waitFor();
    await poll(() => us.page.locator('#forecast li[data-lever="fundAlgorithms"]').textContent()).toMatch(
      /Half the effect by .*, 95% by/,
    );
    await us.page.selectOption("#lever", "buyChips");
    await us.page.selectOption("#lever-choice", "frontier");
    await us.page.fill("#lever-amount", "200000");
    await us.page.click("#add-order");
    await poll(() => us.page.locator("#forecast .forecast-added").first().textContent()).toMatch(
      /^200k H100e$/,
    );
    await us.page.locator("#forecast").scrollIntoViewIfNeeded();
    await us.page.locator("#forecast").screenshot({ path: join(SHOTS, "forecast.png") });

    // The turn resolves: the report opens, takes focus and says how the lead moved and why.
    await us.page.locator("#confirm").click();
    await waitForTurn(us.page, 2);
    await us.page.locator("#turn-report").waitFor();
    await poll(() => us.page.locator("#report-lead").textContent()).toMatch(
      /^US lead: [\d.,-]+ → [\d.,-]+ months/,
    );
    await poll(() => us.page.evaluate(() => document.activeElement?.id)).toBe("turn-report");
    const parts = await us.page
      .locator("#turn-report tr[data-part]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-part")));
    expect(parts).toContain("time.turnPassed");
    expect(parts).toContain("us.algoResearch");
    expect(parts).toContain("china.growth");
    await poll(() => us.page.locator('#turn-report tr[data-part="china.growth"]').textContent()).toMatch(
      /Your estimate of its compute: .* \(95%: .* to .*\)/,
    );
    await us.page.locator("#turn-report").screenshot({ path: join(SHOTS, "turn-report.png") });
    await us.page.click("#report-close");
    await us.page.locator("#report-reopen").click();
    await us.page.locator("#turn-report").waitFor();
    await us.page.click("#report-close");

    // Play on with empty drafts to the end, then read the causal debrief.
    const turns = Number(/of (\d+)/.exec((await us.page.locator("#turn-label").textContent()) ?? "")?.[1]);
    for (let turn = 2; turn <= turns; turn++) {
      await waitForTurn(us.page, turn);
      await us.page.locator("#confirm").click();
    }
    await us.page.locator("#verdict").waitFor();
    await us.page.locator("#lever-attribution").waitFor({ timeout: 30_000 });
    await poll(() => us.page.locator("#lever-attribution").textContent()).toContain("Algorithm");
    await poll(() => us.page.locator("#causal-turning-points > li").count()).toBeGreaterThan(0);
    await us.page.locator("#causal-debrief").screenshot({ path: join(SHOTS, "causal-debrief.png") });

    // A what-if fork from the debrief gives a new code to join.
    await us.page.selectOption("#fork-turn", "2");
    await us.page.click("#fork-button");
    await poll(() => us.page.locator("#fork-result").textContent()).toMatch(/^New match [2-9A-HJ-NP-Z]{6}/);
    // The fork is played: its link opens the lobby's join form, the player takes the US seat at the fork's
    // turn (3 of 16, with the original's first two turns behind it) and plays two turns against China's bot.
    const forkCode = /[2-9A-HJ-NP-Z]{6}/.exec(
      (await us.page.locator("#fork-result").textContent()) ?? "",
    )![0];
    const link = await us.page.locator("#fork-link").getAttribute("href");
    const branch = await world.open({ name: "Val", guide: false });
    await branch.page.goto(new URL(link!, us.page.url()).href);
    await branch.page.locator("#join-role").waitFor();
    expect(await branch.page.inputValue("#code")).toBe(forkCode);
    await branch.page.selectOption("#join-role", "us");
    await branch.page.click("#join-button");
    await branch.page.locator("#match-code").waitFor();
    await waitForTurn(branch.page, 3);
    await branch.page.locator("#confirm").click();
    await waitForTurn(branch.page, 4);
    await branch.page.locator("#confirm").click();
    await waitForTurn(branch.page, 5);
    expect(branch.errors).toEqual([]);

    expect(us.errors).toEqual([]);
  }, 180_000);
});
