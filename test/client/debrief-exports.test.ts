/**
 * The debrief's two downloads of a finished match, named alike: both are saved as compute-frontier-CODE with
 * their own ending, and the CSV's columns are the fields of the JSON's `turns`, row for row and number for
 * number (the CSV writes the same rounded values with fixed decimals).
 */
import { describe, expect, it } from "vitest";
import { BOTS } from "../../shared/bots/index.ts";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";
import { exportCsv, exportFileName, exportJson, TURN_COLUMN_NAMES } from "../../server/export.ts";
import type { MatchRecord } from "../../server/store.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;
const { state } = playMatch(scenario, 7, { us: BOTS.hawk!, china: BOTS.offshorer! });
const record: MatchRecord = {
  code: "ABC234",
  scenario,
  scenarioId: scenario.id,
  seed: 7,
  secret: state.secret,
  settings: {} as MatchRecord["settings"],
  createdAt: "2026-11-30T05:00:00.000Z",
  finished: true,
};

describe("the debrief's exports", () => {
  it("are saved under one base name, compute-frontier-CODE.json and .csv", () => {
    expect(exportFileName("ABC234", "json")).toBe("compute-frontier-ABC234.json");
    expect(exportFileName("ABC234", "csv")).toBe("compute-frontier-ABC234.csv");
  });

  it("give each turn's quantities the same names and values in the CSV and the JSON", () => {
    const json = exportJson(record, [], state);
    const [header, ...lines] = exportCsv(state).trim().split("\n");
    expect(header!.split(",")).toEqual(TURN_COLUMN_NAMES);
    expect(json.turns.map((row) => Object.keys(row))).toEqual(json.turns.map(() => TURN_COLUMN_NAMES));
    // The start row and one row per turn in both.
    expect(lines).toHaveLength(scenario.params.time.turns + 1);
    expect(json.turns).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const cells = line.split(",");
      TURN_COLUMN_NAMES.forEach((name, c) => {
        const value = json.turns[i]![name];
        if (typeof value === "number") expect(Number(cells[c]), `${name}, row ${i}`).toBe(value);
        else expect(cells[c], `${name}, row ${i}`).toBe(value);
      });
    });
  });

  it("show the quantities of the match's history, rounded", () => {
    const json = exportJson(record, [], state);
    const last = state.history.at(-1)!;
    const row = json.turns.at(-1)!;
    expect(row.turn).toBe(last.turn);
    expect(row.label).toBe(last.label);
    expect(row.lead_months).toBeCloseTo(last.leadMonths, 3);
    expect(row.us_spent_busd).toBeCloseTo(last.sides.us.spent, 3);
    expect(row.china_leased_h100e).toBe(Math.round(last.sides.china.leasedH100e));
    expect(row.export_controls).toBe(last.exportControlLevel);
    expect(json.history).toBe(state.history);
  });
});
