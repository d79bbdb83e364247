/** Exports of a finished match: the whole log as JSON, and a turn table as CSV. */
import type { MatchState } from "../shared/rules/index.ts";
import { hashState, outcome } from "../shared/rules/index.ts";
import type { Action, MatchRecord } from "./store.ts";

export function exportJson(record: MatchRecord, actions: Action[], state: MatchState) {
  return {
    code: record.code,
    scenario: record.scenarioId,
    seed: record.seed,
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
