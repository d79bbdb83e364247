/**
 * Switching the language changes every visible string: the lobby and the match screen (map, events and
 * trends tabs, the lever composer, the draft, the first-match guide) are read in English and in German; no
 * string may be an i18n key or a leftover placeholder, and every string the German page shares with the
 * English one must be a proper noun, a number, a unit or a code.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { de } from "../../client/src/locales/de.ts";
import { en } from "../../client/src/locales/en.ts";
import { EVENT_DECK } from "../../shared/rules/index.ts";
import { SCENARIO_SOURCES_DE } from "../../client/src/locales/scenario-sources-de.ts";
import { SOURCES_DE } from "../../client/src/locales/sources-de.ts";
import { createMatch, DOCS_SHOTS, e2eWorld, screenshot, visibleTexts, waitForTurn } from "./helpers.ts";
import { poll } from "./poll.ts";

/** A missing key shows as the key itself, for example "lobby.create" or "levers.buyChips.name". */
const I18N_KEY = new RegExp(`\\b(?:${Object.keys(en).join("|")})\\.[A-Za-z$][\\w$.-]*`);

/** Words spelt the same in English and German: the title, place names, units, the language names. */
const SAME_IN_BOTH = [
  "Compute Frontier",
  "China",
  "Japan",
  "Malaysia",
  "Solar",
  "Wind",
  "Gas",
  "offline",
  "English",
  "Deutsch",
  "H100e",
  "GW",
  "TWh",
  "CO2",
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function leaves(tree: unknown): string[] {
  return typeof tree === "string" ? [tree] : Object.values(tree as object).flatMap(leaves);
}

/**
 * Texts of a page in one language that hold a phrase found only in the other language's strings, such as a
 * label left over from before the switch ("Karte" on the English page).
 */
function foreign(texts: string[], other: object, own: object): string[] {
  const ownText = leaves(own).join("\n");
  const phrases = new Set(
    leaves(other)
      .flatMap((value) => value.split(/\{\{\w+\}\}/))
      .map((phrase) => phrase.trim())
      .filter((phrase) => /\p{L}{4,}/u.test(phrase) && !ownText.includes(phrase)),
  );
  const patterns = [...phrases].map(
    (p) => new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(p)}(?:$|[^\\p{L}])`, "u"),
  );
  return texts.filter((text) => patterns.some((pattern) => pattern.test(text)));
}

/** Strings of the German page that also appear, unchanged, on the English page and are not allowed to. */
function untranslated(english: string[], german: string[], allowed: string[]): string[] {
  const seen = new Set(english);
  const allowedWords = new RegExp(`(?:${[...SAME_IN_BOTH, ...allowed].map(escapeRegExp).join("|")})`, "g");
  return [
    ...new Set(
      german.filter((text) => {
        if (!seen.has(text)) return false;
        // What is left after the allowed words must hold no word: numbers, signs and codes only.
        return /\p{L}{2,}/u.test(text.replace(allowedWords, " "));
      }),
    ),
  ];
}

function keysAndPlaceholders(texts: string[]): string[] {
  return texts.filter((text) => I18N_KEY.test(text) || text.includes("{{") || text.includes("}}"));
}

async function switchLanguage(page: Page, lang: "en" | "de", marker: string): Promise<void> {
  await page.selectOption("#language", lang);
  await page.waitForFunction(
    ([l, m]) => document.documentElement.lang === l && document.body.innerText.includes(m as string),
    [lang, marker],
  );
}

describe("languages in the browser", () => {
  const world = e2eWorld();

  it("switching to German changes every visible string of the lobby and the match screen", async () => {
    const player = await world.open({ name: "Ann" });
    const page = player.page;
    const lobbyReady = async (summaryWord: string) => {
      await poll(() => page.locator("#scenario-summary").textContent()).toContain(summaryWord);
      await poll(() => page.locator("#open-matches li").count()).toBeGreaterThan(0);
    };

    // The lobby, in English and then in German.
    await lobbyReady("The world");
    const lobbyEn = await visibleTexts(page);
    await switchLanguage(page, "de", "Partie erstellen");
    await lobbyReady("Die Welt");
    const lobbyDe = await visibleTexts(page);
    await screenshot(page, "lobby-de");
    expect(lobbyDe).toContain("Sprache");
    // What was typed survives the switch, which draws the lobby anew.
    expect(await page.inputValue("#name")).toBe("Ann");
    expect(keysAndPlaceholders(lobbyEn)).toEqual([]);
    expect(keysAndPlaceholders(lobbyDe)).toEqual([]);
    expect(untranslated(lobbyEn, lobbyDe, ["Ann"])).toEqual([]);
    expect(foreign(lobbyEn, de, en)).toEqual([]);
    expect(foreign(lobbyDe, en, de)).toEqual([]);
    // The choice is remembered for the next visit.
    expect(await page.evaluate(() => localStorage.getItem("cf.language"))).toBe("de");

    // A match created in German: the first-match guide is open, and one turn with an order gives events.
    const code = await createMatch(page, { role: "us", bots: true, private: true });
    await waitForTurn(page, 1);
    await page.locator("#guide").waitFor();
    await page.selectOption("#lever", "buildPower");
    await page.selectOption("#lever-choice", "solar");
    await page.fill("#lever-amount", "1");
    await page.click("#add-order");
    await page.locator("#draft .draft-list li").first().waitFor();
    await page.click("#confirm");
    await waitForTurn(page, 2);
    // A side's page gets a draft again at the start of each turn; give it one to show.
    await page.fill("#lever-amount", "2");
    await page.click("#add-order");
    await page.locator("#draft .draft-list li").first().waitFor();

    const readTabs = async (): Promise<string[]> => {
      const texts: string[] = [];
      await page.click("#tab-map");
      await page.locator("#map canvas").waitFor();
      texts.push(...(await visibleTexts(page)));
      await page.click("#tab-events");
      await page.locator("#tab-panel ol.events li").first().waitFor();
      // An event's source is a reference, quoted as it was published.
      texts.push(...(await visibleTexts(page, ".events .source")));
      await page.click("#tab-trends");
      await page.locator("#charts canvas").nth(4).waitFor();
      texts.push(...(await visibleTexts(page)));
      return texts;
    };
    const matchDe = await readTabs();
    // The guided first turn, front by front, in German: each step opens its lever in the panel.
    await page.click("#tab-map");
    for (let step = 1; step <= 4; step++) {
      await page.click("#guide-next");
      await poll(() => page.locator("#guide-heading").textContent()).toContain(`Front ${step} von 4`);
      matchDe.push(...(await visibleTexts(page)));
    }
    expect(await page.inputValue("#lever")).toBe("fundAlgorithms");
    await page.click("#guide-back");
    await poll(() => page.inputValue("#lever")).toBe("buildPower");
    // Switch on the map tab, so that the map already on screen must follow the language too.
    await page.click("#tab-map");
    await page.locator("#map canvas").waitFor();
    const shot = await screenshot(page, "match-de");
    mkdirSync(DOCS_SHOTS, { recursive: true });
    copyFileSync(shot, join(DOCS_SHOTS, "match-de.png"));
    await switchLanguage(page, "en", "Your side's draft");
    const matchEn = await readTabs();

    expect(matchDe).toContain("Entwurf deiner Seite");
    expect(matchDe).toContain("Bau von Kraftwerken begonnen.");
    expect(matchEn).toContain("Power plant construction started.");
    expect(keysAndPlaceholders(matchEn)).toEqual([]);
    expect(keysAndPlaceholders(matchDe)).toEqual([]);
    expect(untranslated(matchEn, matchDe, ["Ann", code, "Code"])).toEqual([]);
    expect(foreign(matchEn, de, en)).toEqual([]);
    expect(foreign(matchDe, en, de)).toEqual([]);
    expect(player.errors).toEqual([]);
  }, 60_000);

  it("a finished match's events and debrief are German, their sources included", async () => {
    const teacher = await world.open({ name: "Tess", guide: false });
    const page = teacher.page;
    await switchLanguage(page, "de", "Partie erstellen");
    // Bots play both sides of the facilitator's match to its end, so many event cards fire.
    const code = await createMatch(page, { role: "facilitator", bots: true, private: true });
    await page.locator("#verdict").waitFor();
    await page.locator("#debrief details.sources li").first().waitFor({ state: "attached" });
    for (const summary of await page.locator("#debrief details.sources summary").all()) await summary.click();
    const debrief = await visibleTexts(page);
    // Both downloads are saved under one base name, in the browser and by the server's answer alike.
    for (const format of ["json", "csv"]) {
      const link = page.locator(`#debrief a[href$="/export.${format}"]`);
      const name = `compute-frontier-${code}.${format}`;
      expect(await link.getAttribute("download")).toBe(name);
      const answer = await page.request.get(new URL((await link.getAttribute("href"))!, page.url()).href);
      expect(answer.headers()["content-disposition"]).toBe(`attachment; filename=${name}`);
    }
    // The table of the scenario's numbers explains each source in German (a title stays as published).
    const tableSources = await page
      .locator("#debrief details.sources table td:nth-child(4)")
      .allTextContents();
    const germanTableSources = new Set(
      Object.values(SCENARIO_SOURCES_DE).flatMap((ts) => ts.map((t) => t.de)),
    );
    expect(tableSources.length).toBeGreaterThan(200);
    expect(tableSources.filter((source) => !germanTableSources.has(source))).toEqual([]);
    await page.click("#tab-events");
    await page.locator("#tab-panel ol.events .source").first().waitFor();
    const events = await visibleTexts(page);
    const texts = [...debrief, ...events];
    await screenshot(page, "debrief-de");

    // Every citation shown with an event is the German one, and no English citation or echo is left.
    const germanSources = [
      ...Object.values(SOURCES_DE.events).map((c) => c.source),
      ...Object.values(SOURCES_DE.citations),
    ].map((source) => ` (${source})`);
    const shown = await page.locator("#tab-panel ol.events .source").allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const source of shown) expect(germanSources).toContain(source);
    const english = [
      ...EVENT_DECK.flatMap((card) => {
        const german = SOURCES_DE.events[card.id];
        return [card.echo, card.source].filter((text) => text !== german?.echo && text !== german?.source);
      }),
      ...Object.values(SCENARIO_SOURCES_DE).flatMap((ts) => ts.map((t) => t.en)),
    ];
    expect(texts.filter((text) => english.some((e) => text.includes(e)))).toEqual([]);
    expect(texts.filter((text) => /\b20\d\d H[12]\b/.test(text))).toEqual([]);
    // The table names each number by its path in the scenario file ("levers.intelRef"), which is no missing key,
    // and its German sources (checked above) quote English titles as published ("Trends in AI Supercomputers").
    const paths = new Set(Object.keys(SCENARIO_SOURCES_DE));
    const prose = texts.filter((text) => !paths.has(text) && !germanTableSources.has(text));
    expect(keysAndPlaceholders(prose)).toEqual([]);
    expect(foreign(prose, en, de)).toEqual([]);
    expect(teacher.errors).toEqual([]);
  }, 90_000);
});
