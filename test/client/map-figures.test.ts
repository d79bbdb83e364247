/**
 * The map's tooltips, from each viewer's view: China sees its own leases exactly, the US sees estimates with a
 * 95% band (never the true value unless a detection confirmed it), a spectator sees that the leases are
 * secret; every chip count is a whole number, in English and in German.
 */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { figuresOf } from "../../client/src/map/figures.ts";
import { addMapStrings } from "../../client/src/map/strings.ts";
import { de } from "../../client/src/locales/de.ts";
import { en } from "../../client/src/locales/en.ts";
import { HOSTS, viewFor, type MatchState, type Viewer } from "../../shared/rules/index.ts";
import { makeState, play } from "../rules/helpers.ts";

let state: MatchState;

beforeAll(async () => {
  await i18next.init({
    lng: "en",
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
  });
  addMapStrings();
  state = play(makeState(), [], [{ type: "leaseCompute", host: "japan", h100e: 30_000 }]);
  state = play(state);
});

const lines = (viewer: Viewer, place: Parameters<typeof figuresOf>[1]) =>
  figuresOf(viewFor(state, viewer), place).lines.join("\n");

describe("map tooltips", () => {
  it("show China its own leases exactly, as a whole number", () => {
    const leased = state.china.leases.japan;
    expect(leased).toBeGreaterThan(0);
    expect(lines("china", "japan")).toContain(
      `China's leases here (H100e): ${new Intl.NumberFormat("en").format(Math.round(leased))}`,
    );
  });

  it("show the US an estimate with its band, and a spectator that the leases are secret", () => {
    const view = viewFor(state, "us");
    if (view.viewer !== "us") throw new Error("the US view is the US's");
    const estimate = view.intel["lease.japan"]!;
    const us = lines("us", "japan");
    if (estimate.exact) expect(us).toMatch(/China's leases here \(H100e\): [\d,k]+ \(confirmed\)/);
    else expect(us).toMatch(/China's leases here \(H100e\): ≈[\d,kM]+ \(95%: [\d,kM]+ to [\d,kM]+\)/);
    expect(lines("spectator", "japan")).toContain("China's leases here: secret");
    // China's own state is not in a spectator's tooltip on China either.
    expect(lines("spectator", "china")).not.toMatch(/H100e/);
    expect(lines("us", "china")).toMatch(/Compute at home \(H100e\): ≈/);
  });

  it("show each host's goodwill, and once the remote-access rule is law whether the host may apply it", () => {
    const ruled = makeState({
      us: { exportControlLevel: "banPlusRemoteAccess" },
      hosts: {
        japan: { influence: { us: 70, china: 30 } },
        malaysia: { influence: { us: 40, china: 60 } },
        australia: { appliesRemoteAccessRule: true },
      },
    });
    const tip = (place: "japan" | "malaysia" | "australia") =>
      figuresOf(viewFor(ruled, "spectator"), place).lines.join("\n");
    expect(tip("japan")).toContain("Goodwill: US 70, China 30");
    expect(tip("japan")).toContain(
      "The US has more goodwill here: the host may apply the remote-access rule",
    );
    expect(tip("malaysia")).toContain("China has as much goodwill here or more");
    expect(tip("australia")).toContain("Applies the US remote-access rule");
    expect(tip("australia")).not.toContain("goodwill here");
    // Before the rule is law, only the goodwill is shown.
    expect(lines("spectator", "japan")).not.toContain("remote-access rule");
  });

  it("count chips and power in whole numbers, in English and German, for every viewer and place", async () => {
    for (const lng of ["en", "de"]) {
      await i18next.changeLanguage(lng);
      for (const viewer of ["us", "china", "spectator", "facilitator"] as const)
        for (const place of ["us", "china", ...HOSTS] as const) {
          const { title, lines: all } = figuresOf(viewFor(state, viewer), place);
          expect(title).not.toMatch(/^map\./);
          for (const line of all) {
            expect(line, `${lng} ${viewer} ${place}`).not.toMatch(/\{\{|map\./);
            // Only the capability is a power of ten with a decimal; no chip, watt or share has a fraction.
            if (!/FLOP/.test(line))
              expect(line, `${lng} ${viewer} ${place}`).not.toMatch(/\d[.,]\d{1,2}(?!\d)/);
          }
        }
    }
    await i18next.changeLanguage("en");
  });
});
