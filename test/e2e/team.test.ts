/**
 * A team of two browsers on the US side: both edit one shared draft, and a reload in the middle of a turn
 * comes back to the same seat with the draft intact (the seat is kept in sessionStorage and localStorage).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createMatch, e2eWorld, joinMatch, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

/** Adds an order through the lever composer: a lever, optionally its target, and an amount. */
async function addOrder(page: Page, lever: string, amount: string, choice?: string): Promise<void> {
  await page.selectOption("#lever", lever);
  if (choice) await page.selectOption("#lever-choice", choice);
  await page.fill("#lever-amount", amount);
  await page.click("#add-order");
}

const draftItems = (page: Page) => page.locator("#draft .draft-list li").allTextContents();

describe("a team in the browser", () => {
  const world = e2eWorld();

  it("two US players share one draft, and a reload mid-turn comes back to the same seat", async () => {
    const ann = await world.open({ name: "Ann", guide: false });
    const ben = await world.open({ name: "Ben", guide: false });
    // A bot of Ann's choosing plays China, so the turn resolves as soon as the US team confirms.
    const code = await createMatch(ann.page, {
      role: "us",
      bots: true,
      private: true,
      botChina: "self-reliance",
    });
    await joinMatch(ben.page, code, "us");
    // Phaser's map is not under test here and costs CPU in every page.
    for (const p of [ann, ben]) {
      await waitForTurn(p.page, 1);
      await p.page.click("#tab-events");
    }
    await poll(() => ben.page.locator(".role").textContent()).toBe("You play: United States");
    // The bot is listed by its name in the player's language.
    expect(await ben.page.locator("details.players").textContent()).toContain("Self-reliance (bot)");

    // A lever without an amount hides the amount field; one with an amount shows it.
    await ann.page.selectOption("#lever", "setExportControls");
    await poll(() => ann.page.isVisible("#lever-amount")).toBe(false);
    await ann.page.selectOption("#lever", "fundAlgorithms");
    await poll(() => ann.page.isVisible("#lever-amount")).toBe(true);
    await poll(() => ann.page.isVisible("#lever-choice")).toBe(false);

    // Ann adds an order; Ben sees it in the team's draft, with who changed it.
    await addOrder(ann.page, "fundAlgorithms", "5");
    await poll(() => draftItems(ben.page)).toEqual(["Algorithm research · 5 $B Remove"]);
    await poll(() => ben.page.locator("#draft").textContent()).toContain("Last change by Ann");

    // Ben adds one more; Ann sees both.
    await addOrder(ben.page, "buildPower", "1", "solar");
    const both = ["Algorithm research · 5 $B Remove", "Build power · Solar · 1 GW Remove"];
    await poll(() => draftItems(ann.page)).toEqual(both);
    await poll(() => ann.page.locator("#draft").textContent()).toContain("Last change by Ben");

    // Ben reloads in the middle of the turn and comes back to the same seat, turn and draft.
    const before = await ben.page.evaluate(() => ({
      playerId: localStorage.getItem("cf.playerId"),
      session: JSON.parse(sessionStorage.getItem("cf.session") ?? "null") as { code: string; role: string },
    }));
    expect(before.session).toMatchObject({ code, role: "us" });
    await ben.page.reload();
    await ben.page.locator("#match-code").waitFor();
    expect(await ben.page.locator("#create-form").count()).toBe(0);
    await poll(() => ben.page.locator("#match-code").textContent()).toBe(`Code ${code}`);
    await poll(() => ben.page.locator(".role").textContent()).toBe("You play: United States");
    await waitForTurn(ben.page, 1);
    await poll(() => draftItems(ben.page)).toEqual(both);
    expect(await ben.page.evaluate(() => localStorage.getItem("cf.playerId"))).toBe(before.playerId);
    // Still one Ben in the match, and online again.
    await poll(async () =>
      (await ann.page.locator(".players li").allTextContents()).filter((t) => t.startsWith("Ben")),
    ).toEqual(["Ben · United States"]);

    // The reloaded player can still act for the team: Ben confirms, and the turn moves on for both.
    await ben.page.locator("#confirm").click();
    for (const p of [ann, ben]) await waitForTurn(p.page, 2);
    await poll(() => draftItems(ann.page)).toEqual([]);
    // The team's orders were carried out: the side's own events report the power build-out.
    await poll(() => ann.page.locator("#tab-panel ol.events").textContent()).toContain(
      "Power plant construction started.",
    );
    for (const p of world.players) expect(p.errors).toEqual([]);
  }, 60_000);

  it("a confirmed draft is locked until the side takes its confirmation back", async () => {
    const ann = await world.open({ name: "Ann", guide: false });
    const bo = await world.open({ name: "Bo", guide: false });
    const code = await createMatch(ann.page, { role: "us", bots: false, private: true });
    await joinMatch(bo.page, code, "china");
    for (const p of [ann, bo]) {
      await waitForTurn(p.page, 1);
      await p.page.click("#tab-events");
    }
    await addOrder(ann.page, "fundAlgorithms", "5");
    await poll(() => draftItems(ann.page)).toEqual(["Algorithm research · 5 $B Remove"]);
    await ann.page.locator("#confirm").click();
    // Confirmed: the order can no longer be removed, and the button offers to take the confirmation back.
    await ann.page.locator("#unconfirm").waitFor();
    await poll(() => draftItems(ann.page)).toEqual(["Algorithm research · 5 $B "]);
    expect(await ann.page.locator("#draft .remove").count()).toBe(0);
    await ann.page.locator("#unconfirm").click();
    await ann.page.locator("#confirm").waitFor();
    await poll(() => draftItems(ann.page)).toEqual(["Algorithm research · 5 $B Remove"]);
    await ann.page.locator("#draft .remove").click();
    await poll(() => draftItems(ann.page)).toEqual([]);
    for (const p of world.players) expect(p.errors).toEqual([]);
  }, 60_000);

  it("what a player types survives a teammate's draft, an injected event, a join and a new turn", async () => {
    const tess = await world.open({ name: "Tess" });
    const code = await createMatch(tess.page, { role: "facilitator", bots: false, private: true });
    await waitForTurn(tess.page, 1);
    await tess.page.click("#tab-facilitator");
    await poll(() => tess.page.locator(".facilitator p").first().textContent()).toMatch(
      /^Facilitator key: \S+/,
    );
    const ann = await world.open({ name: "Ann", guide: false });
    const ben = await world.open({ name: "Ben", guide: false });
    await joinMatch(ann.page, code, "us");
    await joinMatch(ben.page, code, "us");
    for (const p of [ann, ben]) {
      await waitForTurn(p.page, 1);
      await p.page.click("#tab-events");
    }
    // Ann opens the players list, picks a lever and starts typing an amount, without adding it yet.
    await ann.page.click("details.players summary");
    await ann.page.selectOption("#lever", "fundAlgorithms");
    await ann.page.click("#lever-amount");
    await ann.page.keyboard.type("12");
    const annState = () =>
      ann.page.evaluate(() => ({
        amount: (document.getElementById("lever-amount") as HTMLInputElement).value,
        lever: (document.getElementById("lever") as HTMLSelectElement).value,
        playersOpen: (document.querySelector("details.players") as HTMLDetailsElement).open,
        focus: document.activeElement?.id,
      }));
    const typing = { amount: "12", lever: "fundAlgorithms", playersOpen: true, focus: "lever-amount" };
    expect(await annState()).toEqual(typing);

    // Meanwhile: Ben changes the team's draft, the facilitator injects an event, and a China player joins.
    await addOrder(ben.page, "buildPower", "1", "solar");
    await poll(() => draftItems(ann.page)).toEqual(["Build power · Solar · 1 GW Remove"]);
    await tess.page.selectOption("#inject-event", { index: 1 });
    await tess.page.click("#inject");
    await tess.page.locator("#inject-note").waitFor();
    await poll(() => ann.page.locator("#status").textContent()).not.toBe("");
    const cy = await world.open({ name: "Cy", guide: false });
    await joinMatch(cy.page, code, "china");
    await poll(() => ann.page.locator(".players li").allTextContents()).toContain("Cy · China");
    expect(await annState()).toEqual(typing);

    // A new turn (a new view with new options) keeps it too.
    await ben.page.locator("#confirm").click();
    await cy.page.click("#tab-events");
    await cy.page.locator("#confirm").click();
    await waitForTurn(ann.page, 2);
    await poll(() => draftItems(ann.page)).toEqual([]);
    expect(await annState()).toEqual(typing);
    // And the amount she typed is added as it stands.
    await ann.page.keyboard.press("Enter");
    await poll(() => draftItems(ann.page)).toEqual(["Algorithm research · 12 $B Remove"]);
    for (const p of world.players) expect(p.errors).toEqual([]);
  }, 90_000);

  it("a facilitator who reloads keeps the seat, the controls and the key", async () => {
    const tess = await world.open({ name: "Tess" });
    const page = tess.page;
    const code = await createMatch(page, { role: "facilitator", bots: false, private: true });
    await waitForTurn(page, 1);
    await page.click("#tab-facilitator");
    const keyLine = page.locator(".facilitator p").first();
    await poll(() => keyLine.textContent()).toMatch(/^Facilitator key: \S+/);
    const key = await keyLine.textContent();

    // The controls work: pausing turns the button into "resume" and the turn bar says so.
    await page.click("#pause");
    await page.locator("#resume").waitFor();
    await poll(() => page.locator(".turn-bar .timer").textContent()).toBe("Paused by the facilitator");

    await page.reload();
    await page.locator("#match-code").waitFor();
    await poll(() => page.locator("#match-code").textContent()).toBe(`Code ${code}`);
    await poll(() => page.locator(".role").textContent()).toBe("You play: Facilitator (teacher)");
    await page.click("#tab-facilitator");
    await poll(() => page.locator(".facilitator p").first().textContent()).toBe(key);
    await page.click("#resume");
    await page.locator("#pause").waitFor();
    expect(tess.errors).toEqual([]);
  }, 60_000);
});
