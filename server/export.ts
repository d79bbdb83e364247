/** Exports of a finished match: the whole log as JSON, and a turn table as CSV. */
import type { MatchState } from "../shared/rules/index.ts";
import { hashState, outcome, turnLabel } from "../shared/rules/index.ts";
import {
  type ExportedAction,
  type MatchExportResponse,
  RESULT_COLUMNS,
  type ResultRow,
} from "../shared/api.ts";
import type { Action, MatchRecord } from "./store.ts";

/**
 * The name a download of a match's export is saved under; the JSON and the CSV share it and differ only in
 * their ending.
 */
export function exportFileName(code: string, format: "json" | "csv"): string {
  return `compute-frontier-${code}.${format}`;
}

/**
 * The quantities of each turn, named alike in both exports: the CSV's columns and the fields of the JSON's
 * `turns`, each number rounded to the decimals given here.
 */
const TURN_COLUMNS = {
  turn: undefined,
  label: undefined,
  lead_months: 3,
  tension: 2,
  export_controls: undefined,
  us_capability: 4,
  china_capability: 4,
  us_home_h100e: 0,
  china_home_h100e: 0,
  china_leased_h100e: 0,
  us_power_gw: 3,
  china_power_gw: 3,
  us_spent_busd: 3,
  china_spent_busd: 3,
  us_emissions_mt: 3,
  china_emissions_mt: 3,
} as const satisfies Record<string, number | undefined>;

export type TurnColumn = keyof typeof TURN_COLUMNS;
export const TURN_COLUMN_NAMES = Object.keys(TURN_COLUMNS) as TurnColumn[];
export type TurnRow = Record<TurnColumn, string | number>;

/** A match's history as rows of the exports: the start row, then one row per resolved turn. */
export function turnRows(state: MatchState): TurnRow[] {
  return state.history.map((r) => {
    const row: TurnRow = {
      turn: r.turn,
      label: r.label,
      lead_months: r.leadMonths,
      tension: r.tension,
      export_controls: r.exportControlLevel,
      us_capability: r.sides.us.capability,
      china_capability: r.sides.china.capability,
      us_home_h100e: r.sides.us.homeH100e,
      china_home_h100e: r.sides.china.homeH100e,
      china_leased_h100e: r.sides.china.leasedH100e,
      us_power_gw: r.sides.us.powerGW,
      china_power_gw: r.sides.china.powerGW,
      us_spent_busd: r.sides.us.spent,
      china_spent_busd: r.sides.china.spent,
      us_emissions_mt: r.sides.us.emissionsMt,
      china_emissions_mt: r.sides.china.emissionsMt,
    };
    for (const c of TURN_COLUMN_NAMES) {
      const digits = TURN_COLUMNS[c];
      if (digits !== undefined) row[c] = round(row[c] as number, digits);
    }
    return row;
  });
}

/**
 * A finished match's whole log with its outcome and final hash (GET /api/matches/:code/export.json), and its
 * turns under the same names as the CSV's columns.
 */
export function exportJson(record: MatchRecord, actions: Action[], state: MatchState): MatchExportResponse {
  return {
    code: record.code,
    scenario: record.scenarioId,
    seed: record.seed,
    // The match is over, so its secret may be shown: with it, the log replays exactly anywhere.
    secret: record.secret,
    createdAt: record.createdAt,
    outcome: outcome(state),
    turns: turnRows(state),
    history: state.history,
    events: state.events,
    // The log keeps the orders a side submitted as the rules accepted them (rules Orders); a kind of line the
    // export's type does not name fails here.
    actions: actions satisfies { kind: ExportedAction["kind"] }[] as ExportedAction[],
    hash: hashState(state),
  };
}

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A match's turns as CSV (GET /api/matches/:code/export.csv): the same rows and names as the JSON's `turns`. */
export function exportCsv(state: MatchState): string {
  const line = (row: TurnRow) =>
    TURN_COLUMN_NAMES.map((c) => {
      const digits = TURN_COLUMNS[c];
      const v = row[c];
      return cell(typeof v === "number" && digits !== undefined ? v.toFixed(digits) : v);
    }).join(",");
  return [TURN_COLUMN_NAMES.join(","), ...turnRows(state).map(line)].join("\n") + "\n";
}

// A workshop's results are an HTTP response (shared/api.ts); these names stay importable from here.
export { RESULT_COLUMNS, type ResultRow } from "../shared/api.ts";

/** Who sits in a room now (public: the room's synced state shows it), and where its turn stands. */
export interface RoomSeats {
  phase: string;
  seats: { us: number; china: number; spectators: number };
}

function blankRow(): ResultRow {
  return Object.fromEntries(RESULT_COLUMNS.map((c) => [c, ""])) as ResultRow;
}

function scores(row: ResultRow, state: MatchState): void {
  const o = outcome(state);
  row.peak_tension = round(o.peakTension, 2);
  row.threshold_months = round(o.thresholdMonths, 3);
  for (const side of ["us", "china"] as const) {
    row[`${side}_spent_busd`] = round(o.scores[side].spent, 3);
    row[`${side}_energy_twh`] = round(o.scores[side].energyTWh, 3);
    row[`${side}_emissions_mt`] = round(o.scores[side].emissionsMt, 3);
  }
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

export function withRoom(row: ResultRow, room: RoomSeats | undefined): ResultRow {
  if (room) {
    row.phase = room.phase;
    row.us_seats = room.seats.us;
    row.china_seats = room.seats.china;
    row.spectators = room.seats.spectators;
  }
  return row;
}

/**
 * A running match's line of a workshop's results. Everyone may see its code, scenario, turn and seats. Its
 * numbers (the lead, the spending) and its seed would reveal the sides' hidden state, so they are filled only
 * for the room's facilitator, who sees both sides anyway (`state` is given only then).
 */
export function runningResultsRow(
  record: MatchRecord,
  turnsPlayed: number,
  room: RoomSeats | undefined,
  state?: MatchState,
): ResultRow {
  const row = blankRow();
  row.code = record.code;
  row.scenario = record.scenarioId;
  row.finished = "no";
  row.turns_played = turnsPlayed;
  const params = (record.scenario as MatchState["scenario"]).params;
  row.turn_label = turnLabel(params, Math.min(turnsPlayed, params.time.turns - 1));
  row.phase = "closed";
  if (state) {
    row.seed = record.seed;
    // The lead now (the winner is judged only at the end).
    row.lead_months = round(outcome(state).currentLeadMonths, 3);
    scores(row, state);
  }
  return withRoom(row, room);
}

/** A finished match's line of a workshop's results: its outcome, scores and seed. */
export function finishedResultsRow(
  record: MatchRecord,
  state: MatchState,
  room: RoomSeats | undefined,
): ResultRow {
  const o = outcome(state);
  const row = blankRow();
  row.code = record.code;
  row.scenario = record.scenarioId;
  row.seed = record.seed;
  row.finished = "yes";
  row.turns_played = state.turn;
  row.winner = o.winner;
  row.lead_months = round(o.leadMonths, 3);
  row.margin_months = round(o.marginMonths, 3);
  scores(row, state);
  row.turn_label = o.endedEarlyAt ?? "";
  row.phase = "ended";
  return withRoom(row, room);
}

/** The rows of a workshop's results as one CSV table: the header, then one line per room. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  const fixed: Partial<Record<keyof ResultRow, number>> = {
    lead_months: 3,
    threshold_months: 3,
    margin_months: 3,
    peak_tension: 2,
    us_spent_busd: 3,
    china_spent_busd: 3,
    us_energy_twh: 3,
    china_energy_twh: 3,
    us_emissions_mt: 3,
    china_emissions_mt: 3,
  };
  const line = (row: ResultRow) =>
    RESULT_COLUMNS.map((c) => {
      const v = row[c];
      const digits = fixed[c];
      return cell(typeof v === "number" && digits !== undefined ? v.toFixed(digits) : v);
    }).join(",");
  return [RESULT_COLUMNS.join(","), ...rows.map(line)].join("\n") + "\n";
}
