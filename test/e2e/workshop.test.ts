/**
 * The workshop console in a real browser: a teacher opens three rooms at once, four students (each in a browser
 * of their own) join two of them by the link the console shows (its QR code encodes that link), the console
 * follows seats and confirmations, the teacher starts all rooms, the groups play two turns, the teacher pauses
 * and resumes every room and injects an event that the students are told of at once, the class summary shows
 * the running rooms without their hidden numbers, the teacher ends all matches, finds the rooms again after a
 * reload, downloads the results of all rooms as one table, and opens the debrief pack: the class summary and
 * one section per room with its outcome, lead chart, turning points, each side's decisions by turn and the
 * sources, which prints without the console's controls, in English or German. axe finds no serious or
 * critical accessibility problem on the console or the pack.
 */
import { toString as qrSvg } from "qrcode";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTEFACTS, e2eWorld, type Player, screenshot, seriousViolations, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

/** Waits for the match screen after a join from the lobby. */
async function joined(page: Page): Promise<void> {
  await page.locator("#match-code").waitFor();
}

/**
 * A screenshot of the pack alone, kept as a test artefact. A whole pack is a tall page with many charts, which
 * a busy machine takes a while to capture.
 */
async function packShot(page: Page, name: string, selector = "#pack"): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  await page.locator(selector).screenshot({ path: join(ARTEFACTS, `${name}.png`), timeout: 120_000 });
}

/** Both sides of a room confirm their drafts; the room then shows the next turn to both. */
async function playTurn(us: Player, china: Player, next: number): Promise<void> {
  await us.page.locator("#confirm").click();
  await us.page.locator("#confirmed-note").waitFor();
  await china.page.locator("#confirm").click();
  for (const p of [us, china]) await waitForTurn(p.page, next);
}

describe("the workshop console", () => {
  const world = e2eWorld();

  it("runs three rooms from one page, from opening them to the printed debrief pack", async () => {
    const teacher = await world.open({ name: "Tess", guide: false });
    const page = teacher.page;
    await page.click("#to-workshop");
    await page.locator("#workshop-form").waitFor();
    await page.locator("#ws-scenario option").first().waitFor({ state: "attached" });
    await page.fill("#ws-rooms", "3");
    await page.selectOption("#ws-timer", "");
    // No bots: the turns wait for the students, so that the console's view of them can be checked.
    await page.setChecked("#ws-bots", false);
    await page.click("#workshop-open");
    await poll(() => page.locator(".room").count()).toBe(3);
    const codes = await page.locator(".room .code").allTextContents();
    expect(codes).toHaveLength(3);
    const [one, two, three] = codes as [string, string, string];

    // Each room shows its join link, and a QR code of exactly that link.
    const link = (code: string) => `${world.server.url}/?code=${code}`;
    const qr = page.locator(`#room-${one} img.qr`);
    await poll(() => qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    const svg = decodeURIComponent(
      (await qr.getAttribute("src"))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ""),
    );
    expect(svg).toBe(await qrSvg(link(one), { type: "svg", margin: 1 }));
    expect(await page.locator(`#room-${one}`).textContent()).toContain(link(one));

    // Four students open their room's link: the code is filled in; they pick a side and join.
    const enter = async (name: string, code: string, role: "us" | "china") => {
      const student = await world.open({ name, guide: false });
      await student.page.goto(link(code));
      await poll(() => student.page.inputValue("#code")).toBe(code);
      await student.page.fill("#name", name);
      await student.page.selectOption("#join-role", role);
      await student.page.click("#join-button");
      await joined(student.page);
      return student;
    };
    const ann = await enter("Ann", one, "us");
    const bo = await enter("Bo", one, "china");
    const cy = await enter("Cy", two, "us");
    const di = await enter("Di", two, "china");
    const students = [ann, bo, cy, di];
    await poll(() => page.locator(`#room-${one} .sides`).textContent()).toMatch(/Ann.*Bo/s);
    await poll(() => page.locator(`#room-${two} .sides`).textContent()).toMatch(/Cy.*Di/s);
    expect(await page.locator(`#room-${three} .sides`).textContent()).toContain("nobody yet");

    // The rooms wait for the teacher: nothing resolves and Confirm is off until she starts them all.
    await poll(() => page.locator(`#room-${one} .room-state`).textContent()).toBe(
      "Turn 1 of 16: 2025 H1 · Waiting for the facilitator to start",
    );
    expect(await ann.page.locator("#confirm").isDisabled()).toBe(true);
    await page.click("#ws-start");
    for (const code of codes)
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).toBe("Turn 1 of 16: 2025 H1");
    for (const s of students) await poll(() => s.page.locator("#confirm").isDisabled()).toBe(false);

    // Turn 1: Ann drafts one order and confirms; the console marks the US as confirmed in her room only.
    await ann.page.selectOption("#lever", "buildPower");
    await ann.page.selectOption("#lever-choice", "solar");
    await ann.page.fill("#lever-amount", "1");
    await ann.page.click("#add-order");
    await poll(() => ann.page.locator("#draft .draft-list li").count()).toBe(1);
    // The console redraws a room that changes without rebuilding it: the teacher's focus stays where it was,
    // and the QR code is the same image.
    await page.locator(`#room-${one} .open-room`).focus();
    const qrImage = await page.locator(`#room-${one} img.qr`).elementHandle();
    await ann.page.locator("#confirm").click();
    await poll(() => page.locator(`#room-${one} .sides li.confirmed`).textContent()).toContain("Ann");
    expect(
      await page.evaluate(
        () => `${document.activeElement?.closest("article")?.id} ${document.activeElement?.className}`,
      ),
    ).toBe(`room-${one} open-room`);
    expect(await qrImage!.evaluate((el) => el.isConnected)).toBe(true);
    expect(await page.locator(`#room-${two} .sides li.confirmed`).count()).toBe(0);
    await bo.page.locator("#confirm").click();
    for (const p of [ann, bo]) await waitForTurn(p.page, 2);
    await playTurn(cy, di, 2);
    await poll(() => page.locator(`#room-${one} .room-state`).textContent()).toBe("Turn 2 of 16: 2025 H2");

    // Pause and resume every room at once; the students see it, and a paused room still shows its turn.
    await page.click("#ws-pause");
    for (const code of codes)
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).toMatch(
        /^Turn \d+ of 16: \d{4} H\d · Paused by the facilitator$/,
      );
    await poll(() => bo.page.locator("body").textContent()).toContain("Paused by the facilitator");
    await page.click("#ws-resume");
    for (const code of codes)
      await poll(() => page.locator(`#room-${code} .room-state`).textContent()).not.toContain("Paused");

    // An event for all rooms: the teacher is told it is queued, and every student is told at once, before
    // the turn resolves.
    await page.locator("#ws-event option").first().waitFor({ state: "attached" });
    const eventId = await page.locator("#ws-event").inputValue();
    const eventTitle = (await page.locator("#ws-event option:checked").textContent())!;
    await page.click("#ws-inject");
    await poll(() => page.locator("#workshop-notice").textContent()).toBe(
      `Queued in 3 rooms: ${eventTitle}, for 2025 H1, 2025 H2. The students have been told; it takes effect when that turn resolves.`,
    );
    for (const s of students)
      await poll(() => s.page.locator("#status").textContent()).toContain(
        `The facilitator adds an event for 2025 H2: ${eventTitle}.`,
      );
    await screenshot(page, "workshop");
    expect(await seriousViolations(page)).toEqual([]);

    // Turn 2: Di drafts an order; both rooms play the turn.
    await di.page.selectOption("#lever", "fundChipResearch");
    await di.page.fill("#lever-amount", "2");
    await di.page.click("#add-order");
    await poll(() => di.page.locator("#draft .draft-list li").count()).toBe(1);
    await playTurn(ann, bo, 3);
    await playTurn(cy, di, 3);

    // The class summary while the rooms play: where each is, and no hidden number of a running match.
    await page.click("#ws-summary");
    const summaryRows = page.locator("#pack-summary-table tbody tr");
    await poll(() => summaryRows.count()).toBe(3);
    await poll(() => summaryRows.nth(0).locator("td").allTextContents()).toEqual([
      "playing, turn 3 of 16",
      expect.stringMatching(/^(US|China) \(if it ended now\)$/),
      expect.stringMatching(/^-?[\d.,]+ \/ [\d.,]+$/),
      expect.stringMatching(/^-?[\d.,]+$/),
      "hidden until the end",
      "hidden until the end",
    ]);
    expect(await page.locator("#pack .pack-room").count()).toBe(0);
    await page.click("#pack-back");
    await page.locator(`#room-${one}`).waitFor();

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
    expect(await page.locator("#workshop-summary").textContent()).toBe("3 rooms, 3 finished");

    // Every room's log holds the injected event, and the results table on the page agrees with each room's
    // own export.
    await poll(() => page.locator("#workshop-results tbody tr").count()).toBe(3);
    await screenshot(page, "workshop-results");
    const exports = new Map<string, { winner: "us" | "china"; leadMonths: number }>();
    for (const code of codes) {
      const log = (await (await fetch(`${world.server.url}/api/matches/${code}/export.json`)).json()) as {
        actions: { kind: string; eventId?: string }[];
        outcome: { winner: "us" | "china"; leadMonths: number };
      };
      exports.set(code, log.outcome);
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
    expect(rows.map((r) => r.split(",")[0])).toEqual(codes);
    expect(rows.every((r) => /^[A-Z0-9]{6},baseline-2025,\d+,yes,\d+,(us|china),/.test(r))).toBe(true);
    // "Same luck in every room" (on by default) gave every room one seed.
    expect(new Set(rows.map((r) => r.split(",")[2])).size).toBe(1);

    // The debrief pack: the class summary, then each room with its outcome, chart, turning points, decisions
    // by turn and sources, then the scenario's numbers with their sources.
    await page.click("#ws-pack");
    for (const code of codes) await page.locator(`#pack-${code} .verdict`).waitFor();
    await poll(() => page.locator("#pack-luck").textContent()).toBe(
      "Every finished room played with the same seed: the same events and the same luck.",
    );
    for (const [i, code] of codes.entries()) {
      const cells = await summaryRows.nth(i).locator("td").allTextContents();
      const o = exports.get(code)!;
      expect(cells[0]).toBe("finished");
      expect(cells[1]).toBe(o.winner === "us" ? "US" : "China");
      const lead = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(o.leadMonths);
      expect(cells[2]?.startsWith(`${lead} / `)).toBe(true);
      expect(cells[4]).toMatch(/\$B$/);
    }
    // Four summary charts and one lead chart per room.
    await poll(() => page.locator("#pack-summary canvas").count()).toBe(4);
    for (const code of codes) expect(await page.locator(`#pack-lead-${code} canvas`).count()).toBe(1);
    // Each side's decisions, turn by turn, and the injected event on the turn it applied to.
    const decisions = (code: string) => page.locator(`#pack-${code} .pack-decisions tbody tr`);
    expect(await decisions(one).count()).toBe(2);
    expect(await decisions(one).nth(0).locator("td").allTextContents()).toEqual([
      "Build power · Solar · 1 GW",
      "no orders",
    ]);
    expect(await decisions(two).nth(1).locator("td").allTextContents()).toEqual([
      "no orders",
      "Domestic chip research · 2 $B",
    ]);
    expect(await decisions(two).nth(1).locator("th").textContent()).toBe(
      `2025 H2Facilitator's event: ${eventTitle}`,
    );
    // The empty room ended before any turn was played.
    expect(await decisions(three).count()).toBe(0);
    expect(await page.locator(`#pack-${three}`).textContent()).toContain("No turn has been played yet.");
    // The event card's real-world source is named in the rooms where it applied.
    expect(await page.locator(`#pack-${one} .pack-sources`).textContent()).toContain(eventTitle);
    await poll(() => page.locator(".pack-appendix .pack-numbers tbody tr").count()).toBeGreaterThan(10);
    expect(await seriousViolations(page)).toEqual([]);
    await packShot(page, "debrief-pack");
    await packShot(page, "debrief-pack-room", `#pack-${two}`);

    // Printed, the pack shows only itself: no page header, console controls, room cards or print button;
    // each room starts a new page.
    await page.emulateMedia({ media: "print" });
    for (const hidden of ["header.top", ".ws-controls", "#ws-start", "#ws-end", "#pack-print", ".ws-head"])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator("#pack-summary").isVisible()).toBe(true);
    expect(await page.locator(`#pack-${one}`).evaluate((el) => getComputedStyle(el).breakBefore)).toBe(
      "page",
    );
    // A room as printed, at about the width of an A4 page.
    await page.setViewportSize({ width: 800, height: 1100 });
    await packShot(page, "debrief-pack-print", `#pack-${two}`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const printed = await page.pdf({ format: "A4" });
    writeFileSync(join(ARTEFACTS, "debrief-pack.pdf"), printed);
    const pdf = printed.toString("latin1");
    // The summary, three rooms and the sources each start a page.
    expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    await page.emulateMedia({ media: "screen" });

    // The class summary alone, and the pack in German.
    await page.click("#ws-summary");
    await poll(() => page.locator("#pack .pack-room").count()).toBe(0);
    await poll(() => page.locator("#pack-summary canvas").count()).toBe(4);
    await packShot(page, "class-summary");
    await page.click("#ws-pack");
    await page.selectOption("#language", "de");
    await poll(() => page.locator("#pack-heading").textContent()).toBe("Nachbesprechungsmappe");
    await poll(() =>
      page.locator(`#pack-${one} .pack-decisions tbody tr`).nth(0).locator("td").first().textContent(),
    ).toBe("Kraftwerke bauen · Solar · 1 GW");
    expect(await page.locator("#pack").textContent()).not.toMatch(
      /\b(pack|debrief|workshop|charts|sides)\.[a-z]/,
    );
    expect([...teacher.errors, ...students.flatMap((s) => s.errors)]).toEqual([]);
  }, 400_000);
});
