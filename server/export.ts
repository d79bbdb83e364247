/** Exports of a finished match: the whole log as JSON, and a turn table as CSV. */
import type { MatchState } from "../shared/rules/index.ts";
import { hashState, outcome } from "../shared/rules/index.ts";
import type { Action, MatchRecord } from "./store.ts";

/** A finished match's whole log with its outcome and final hash (GET /api/matches/:code/export.json). */
export function exportJson(record: MatchRecord, actions: Action[], state: MatchState) {
  return {
    code: record.code,
    scenario: record.scenarioId,
    seed: record.seed,
    // The match is over, so its secret may be shown: with it, the log replays exactly anywhere.
    secret: record.secret,
    createdAt: record.createdAt,
    outcome: outcome(state),
    history: state.history,
    events: state.events,
    actions,
    hash: hashState(state),
  };
}

const COLUMNS = [
  "turn",
  "label",
  "lead_months",
  "tension",
  "export_controls",
  "us_capability",
  "china_capability",
  "us_home_h100e",
  "china_home_h100e",
  "china_leased_h100e",
  "us_power_gw",
  "china_power_gw",
  "us_spent_busd",
  "china_spent_busd",
  "us_emissions_mt",
  "china_emissions_mt",
] as const;

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A match's history as CSV: the start row, then one row per resolved turn. */
export function exportCsv(state: MatchState): string {
  const rows = state.history.map((r) =>
    [
      r.turn,
      r.label,
      r.leadMonths.toFixed(3),
      r.tension.toFixed(2),
      r.exportControlLevel,
      r.sides.us.capability.toFixed(4),
      r.sides.china.capability.toFixed(4),
      Math.round(r.sides.us.homeH100e),
      Math.round(r.sides.china.homeH100e),
      Math.round(r.sides.china.leasedH100e),
      r.sides.us.powerGW.toFixed(3),
      r.sides.china.powerGW.toFixed(3),
      r.sides.us.spent.toFixed(3),
      r.sides.china.spent.toFixed(3),
      r.sides.us.emissionsMt.toFixed(3),
      r.sides.china.emissionsMt.toFixed(3),
    ]
      .map(cell)
      .join(","),
  );
  return [COLUMNS.join(","), ...rows].join("\n") + "\n";
}

const RESULT_COLUMNS = [
  "code",
  "scenario",
  "seed",
  "finished",
  "turns_played",
  "winner",
  "lead_months",
  "threshold_months",
  "margin_months",
  "peak_tension",
  "us_spent_busd",
  "china_spent_busd",
  "us_energy_twh",
  "china_energy_twh",
  "us_emissions_mt",
  "china_emissions_mt",
] as const;

/**
 * A running match's line of a workshop's results table (`resultsCsv`): its code, scenario and turns played
 * only. Its numbers would reveal the sides' hidden state, and so would its seed (from which the noise of the
 * intelligence estimates can be worked out).
 */
export function runningResultsRow(record: MatchRecord, turnsPlayed: number): string {
  const head = [record.code, record.scenarioId, "", "no", turnsPlayed];
  return [...head, ...new Array<string>(RESULT_COLUMNS.length - head.length).fill("")].map(cell).join(",");
}

/** A finished match's line of a workshop's results table (`resultsCsv`): its outcome, scores and seed. */
export function finishedResultsRow(record: MatchRecord, state: MatchState): string {
  const o = outcome(state);
  return [
    record.code,
    record.scenarioId,
    record.seed,
    "yes",
    state.turn,
    o.winner,
    o.leadMonths.toFixed(3),
    o.thresholdMonths.toFixed(3),
    o.marginMonths.toFixed(3),
    o.peakTension.toFixed(2),
    o.scores.us.spent.toFixed(3),
    o.scores.china.spent.toFixed(3),
    o.scores.us.energyTWh.toFixed(3),
    o.scores.china.energyTWh.toFixed(3),
    o.scores.us.emissionsMt.toFixed(3),
    o.scores.china.emissionsMt.toFixed(3),
  ]
    .map(cell)
    .join(",");
}

/** One row per match of a workshop, to compare the rooms: the header, then the rows made above. */
export function resultsCsv(rows: readonly string[]): string {
  return [RESULT_COLUMNS.join(","), ...rows].join("\n") + "\n";
}
