/**
 * The workshop console in a real browser: a teacher opens two rooms at once, groups join by the link the
 * console shows (its QR code encodes that link), the console follows seats and confirmations, pauses and
 * resumes every room, injects an event everywhere, opens a room's own facilitator screen, ends all matches,
 * finds the rooms again after a reload, and the results of all rooms download as one table. axe finds no
 * serious or critical accessibility problem on the console.
 */
import { toString as qrSvg } from "qrcode";
import { describe, expect, it } from "vitest";
import { e2eWorld, screenshot, seriousViolations } from "./helpers.ts";
import { poll } from "./poll.ts";

describe("the workshop console", () => {
  const world = e2eWorld();

  it("runs two rooms from one page, from opening them to the results", async () => {
    const teacher = await world.open({ name: "Tess", guide: false });
    const page = teacher.page;
    await page.click("#to-workshop");
    await page.locator("#workshop-form").waitFor();
    await page.locator("#ws-scenario option").first().waitFor({ state: "attached" });
    await page.fill("#ws-rooms", "2");
    await page.selectOption("#ws-timer", "");
    // No bots: the turns wait for the students, so that the console's view of them can be checked.
    await page.setChecked("#ws-bots", false);
    await page.click("#workshop-open");
    await poll(() => page.locator(".room").count()).toBe(2);
    const codes = await page.locator(".room .code").allTextContents();
    expect(codes).toHaveLength(2);
    const [one, two] = codes as [string, string];

    // Each room shows its join link, and a QR code of exactly that link.
    const link = `${world.server.url}/?code=${one}`;
    const qr = page.locator(`#room-${one} img.qr`);
    await poll(() => qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    const svg = decodeURIComponent(
      (await qr.getAttribute("src"))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ""),
    );
    expect(svg).toBe(await qrSvg(link, { type: "svg", margin: 1 }));
    expect(await page.locator(`#room-${one}`).textContent()).toContain(link);

    // Students open the link: the code is filled in; they pick a side and join.
    const ann = await world.open({ name: "Ann", guide: false });
    await ann.page.goto(link);
    await poll(() => ann.page.inputValue("#code")).toBe(one);
    await ann.page.selectOption("#join-role", "us");
    await ann.page.click("#join-button");
    const bo = await world.open({ name: "Bo", guide: false });
    await bo.page.goto(`${world.server.url}/?code=${two}`);
    await bo.page.selectOption("#join-role", "china");
    await bo.page.click("#join-button");
    await poll(() => page.locator(`#room-${one} .sides`).textContent()).toContain("Ann");
    await poll(() => page.locator(`#room-${two} .sides`).textContent()).toContain("Bo");
    // The rooms wait for the teacher: nothing resolves and Confirm is off until she starts them all.
    await poll(() => page.locator(`#room-${one} .room-state`).textContent()).toBe(
      "Turn 1 of 16: 2025 H1 · Waiting for the facilitator to start",
    );
    expect(await ann.page.locator("#confirm").isDisabled()).toBe(true);
    await page.click("#ws-start");
    for (const code of codes)
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).toBe("Turn 1 of 16: 2025 H1");
    await poll(() => ann.page.locator("#confirm").isDisabled()).toBe(false);

    // Ann confirms her (empty) orders: the console marks the US as confirmed in her room only.
    await ann.page.locator("#confirm").click();
    await poll(() => page.locator(`#room-${one} .sides li.confirmed`).textContent()).toContain("Ann");
    expect(await page.locator(`#room-${two} .sides li.confirmed`).count()).toBe(0);

    // Pause and resume every room at once; the students see it.
    await page.click("#ws-pause");
    for (const code of codes)
      // A paused room still shows its turn.
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).toBe(
        "Turn 1 of 16: 2025 H1 · Paused by the facilitator",
      );
    await poll(() => bo.page.locator("body").textContent()).toContain("Paused by the facilitator");
    await page.click("#ws-resume");
    for (const code of codes)
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).toMatch(/^Turn 1 of 16/);

    // An event for all rooms.
    await page.locator("#ws-event option").first().waitFor({ state: "attached" });
    const eventId = await page.locator("#ws-event").inputValue();
    await page.click("#ws-inject");
    await screenshot(page, "workshop");
    expect(await seriousViolations(page)).toEqual([]);

    // "Open this room's facilitator screen" joins the teacher's own browser as the room's facilitator.
    const tab = await teacher.context.newPage();
    await tab.goto(`${world.server.url}/?code=${two}&facilitator=1`);
    await tab.locator("#tab-facilitator").waitFor();
    expect(await tab.locator("#match-code").textContent()).toContain(two);
    await tab.close();

    // End all matches; a reload finds the workshop again, with each room's outcome.
    page.once("dialog", (d) => void d.accept());
    await page.click("#ws-end");
    await page.reload();
    for (const code of codes)
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).toMatch(
        /^Finished: (US|China) wins \(US lead -?[\d.,]+ months\)$/,
      );
    expect(await page.locator("#workshop-summary").textContent()).toBe("2 rooms, 2 finished");

    // Every room's log holds the injected event, and the results table has a finished row per room.
    // The results table on the page agrees with each room's own export.
    await poll(() => page.locator("#workshop-results tbody tr").count()).toBe(2);
    await screenshot(page, "workshop-results");
    expect(await seriousViolations(page)).toEqual([]);
    for (const code of codes) {
      const log = (await (await fetch(`${world.server.url}/api/matches/${code}/export.json`)).json()) as {
        actions: { kind: string; eventId?: string }[];
        outcome: { winner: "us" | "china"; leadMonths: number };
      };
      expect(log.actions.filter((a) => a.kind === "inject").map((a) => a.eventId)).toEqual([eventId]);
      const row = page.locator("#workshop-results tbody tr", { has: page.locator(`th:text-is("${code}")`) });
      const cells = await row.locator("td").allTextContents();
      expect(cells[0]).toBe(log.outcome.winner === "us" ? "US" : "China");
      const lead = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(
        log.outcome.leadMonths,
      );
      expect(cells[1]?.startsWith(`${lead} / `)).toBe(true);
    }
    const href = (await page.locator("#ws-results").getAttribute("href"))!;
    const csv = await (await fetch(`${world.server.url}${href}`)).text();
    const rows = csv.trim().split("\n").slice(1);
    expect(rows.map((r) => r.split(",").slice(0, 1)[0])).toEqual(codes);
    expect(rows.every((r) => /^[A-Z0-9]{6},baseline-2025,\d+,yes,\d+,(us|china),/.test(r))).toBe(true);
    // "Same luck in every room" (on by default) gave every room one seed.
    expect(new Set(rows.map((r) => r.split(",")[2])).size).toBe(1);
    expect([...teacher.errors, ...ann.errors, ...bo.errors]).toEqual([]);
  }, 90_000);
});
