/**
 * The match screen's own formatting, outside the browser: amounts typed in the player's language, turn labels
 * in German, intelligence bands kept inside their quantity's range, and a German citation for every card.
 */
import fc from "fast-check";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { EVENT_DECK } from "../../shared/rules/index.ts";
import { de } from "../../client/src/locales/de.ts";
import { en } from "../../client/src/locales/en.ts";
import { SOURCES_DE } from "../../client/src/locales/sources-de.ts";
import { turnLabel } from "../../client/src/i18n.ts";
import { parseAmount } from "../../client/src/ui/orders.tsx";
import { clipEstimate } from "../../client/src/ui/rules-text.ts";

beforeAll(async () => {
  await i18next.init({
    lng: "en",
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
  });
});

describe("amounts typed in the player's language", () => {
  it("reads English and German decimal and thousands separators", async () => {
    await i18next.changeLanguage("en");
    expect(parseAmount("30")).toBe(30);
    expect(parseAmount(" 1.5 ")).toBe(1.5);
    expect(parseAmount("1,500.5")).toBe(1500.5);
    expect(parseAmount("")).toBeNaN();
    expect(parseAmount("12abc")).toBeNaN();
    await i18next.changeLanguage("de");
    expect(parseAmount("1,5")).toBe(1.5);
    expect(parseAmount("1.500,5")).toBe(1500.5);
    expect(parseAmount("30")).toBe(30);
    expect(parseAmount("drei")).toBeNaN();
  });
});

describe("turn labels", () => {
  it("says the half-year in the player's language", async () => {
    await i18next.changeLanguage("en");
    expect(turnLabel("2025 H1")).toBe("2025 H1");
    await i18next.changeLanguage("de");
    expect(turnLabel("2025 H1")).toBe("1. Hj. 2025");
    expect(turnLabel("2032 H2")).toBe("2. Hj. 2032");
  });
});

describe("intelligence bands", () => {
  it("a 0-1 strength and its band never leave 0-1, and an estimate inside the range is unchanged", () => {
    const value = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        const [low, estimate, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const clipped = clipEstimate("enforcement", { estimate, low, high, exact: false });
        for (const x of [clipped.low, clipped.estimate, clipped.high]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        if (high <= 1) expect(clipped).toEqual({ estimate, low, high, exact: false });
        // Quantities without a fixed range (compute, cash) are shown as estimated.
        expect(clipEstimate("homeH100e", { estimate, low, high, exact: false })).toEqual({
          estimate,
          low,
          high,
          exact: false,
        });
      }),
    );
  });

  it("clips the reported case: 1.27 (0.41 to 3.55) reads 1 (0.41 to 1)", () => {
    expect(clipEstimate("enforcement", { estimate: 1.27, low: 0.41, high: 3.55, exact: false })).toEqual({
      estimate: 1,
      low: 0.41,
      high: 1,
      exact: false,
    });
  });
});

describe("German source texts", () => {
  it("every event card has a German citation and a German echo, different from the English ones", () => {
    expect(Object.keys(SOURCES_DE.events).sort()).toEqual(EVENT_DECK.map((c) => c.id).sort());
    for (const card of EVENT_DECK) {
      const german = SOURCES_DE.events[card.id];
      expect(german?.echo.length).toBeGreaterThan(10);
      expect(german?.echo).not.toBe(card.echo);
      expect(german?.source.length).toBeGreaterThan(3);
    }
  });
});
