/**
 * The German texts of the scenarios' sources: every source of every number of every built-in scenario has a
 * German text that translates its current English original, so a new or reworded number without German fails
 * here, naming its path. The German texts show numbers the German way and no English half-year labels.
 */
import { describe, expect, it } from "vitest";
import { scenarioSourceDe, SCENARIO_SOURCES_DE } from "../../client/src/locales/scenario-sources-de.ts";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";

const citations = Object.values(BUILTIN_SCENARIOS).flatMap(({ scenario, citations }) =>
  Object.entries(citations).map(([path, c]) => ({ scenario: scenario.id, path, source: c.source })),
);

describe("German sources of the scenarios' numbers", () => {
  it("cover every source of every built-in scenario", () => {
    expect(citations.length).toBeGreaterThan(200);
    const missing = citations
      .filter((c) => scenarioSourceDe(c.path, c.source) === undefined)
      .map((c) => `${c.scenario}: ${c.path}`);
    expect(missing).toEqual([]);
  });

  it("hold no translation of a source that no scenario cites any more", () => {
    const cited = new Set(citations.map((c) => `${c.path}\n${c.source}`));
    const stale = Object.entries(SCENARIO_SOURCES_DE).flatMap(([path, texts]) =>
      texts.filter((t) => !cited.has(`${path}\n${t.en}`)).map(() => path),
    );
    expect(stale).toEqual([]);
  });

  it("fall back to nothing for a path or an English text they do not know", () => {
    const [first] = citations;
    expect(scenarioSourceDe(first!.path, `${first!.source} (reworded)`)).toBeUndefined();
    expect(scenarioSourceDe("no.such.path", first!.source)).toBeUndefined();
    expect(scenarioSourceDe("constructor", "")).toBeUndefined();
  });

  it("are German, not copies of the English, with German numbers and half-year labels", () => {
    for (const [path, texts] of Object.entries(SCENARIO_SOURCES_DE))
      for (const { en, de } of texts) {
        expect(de, path).not.toBe(en);
        // English decimals (0.81, 2.28; a date like 30.11.2026 is German already) and English money ($15,400) are written 0,81, 2,28 and 15.400 $.
        expect(de.match(/(?<![\d.])\d+\.\d{1,2}(?![\d.])|\$\d/g) ?? [], `${path}: ${de}`).toEqual([]);
        expect(de, path).not.toMatch(/\b20\d\d H[12]\b/);
      }
  });
});
