/**
 * The HTTP API's responses, shared by the server (whose routes declare what they answer with these types) and
 * the browser client (which reads them by these names instead of declaring its own). Each response has a zod
 * schema too, so that a test (test/server/protocol.test.ts) or another client can check what the server sends.
 * Every error answer is `{ error }` (ApiError). docs/protocol.md lists the routes.
 */
import { z } from "zod";
import { checkedAs, CodeSchema, ROLES } from "./protocol.ts";
import type {
  DeepReadonly,
  GameEvent,
  Order,
  OrderType,
  Outcome,
  Scenario,
  Side,
  TurnRecord,
  View,
} from "./rules/index.ts";
import type { ReportItem } from "./rules/report.ts";
import { CITATION_KINDS } from "./rules/scenario.ts";

const SideSchema = z.enum(["us", "china"]);
/** A text in both of the game's languages. */
const TextSchema = z.object({ en: z.string(), de: z.string() });
const SeatsSchema = z.object({ us: z.number().int(), china: z.number().int(), spectators: z.number().int() });
const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** Any refused request (4xx) or failure (5xx): a sentence a person can act on. */
export const ApiErrorSchema = z.object({ error: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** GET /api/health: the process answers (its pid tells a supervised worker from the one before it). */
export const HealthSchema = z.object({ ok: z.literal(true), pid: z.number().int() });
export type Health = z.infer<typeof HealthSchema>;

/** GET /api/scenarios: the built-in scenarios, for the lobby's menu. */
export const ScenarioInfoSchema = z.object({
  id: z.string(),
  title: TextSchema,
  summary: TextSchema,
  turns: z.number().int(),
});
export type ScenarioInfo = z.infer<typeof ScenarioInfoSchema>;
export const ScenarioListSchema = z.array(ScenarioInfoSchema);

/** GET /api/scenarios/:id/sources: every number of a scenario with its source and honest kind. */
export const ScenarioSourceSchema = z.object({
  path: z.string(),
  value: z.union([z.number(), z.string()]),
  source: z.string(),
  kind: z.enum(CITATION_KINDS),
});
export type ScenarioSource = z.infer<typeof ScenarioSourceSchema>;
export const ScenarioSourcesSchema = z.array(ScenarioSourceSchema);

/** GET /api/bots: every bot, the sides it plays and a line about its strategy. */
export const BotInfoSchema = z.object({
  id: z.string(),
  sides: z.array(SideSchema),
  description: z.string(),
});
export type BotInfo = z.infer<typeof BotInfoSchema>;
export const BotListSchema = z.array(BotInfoSchema);

/** GET /api/events: the event deck as a reader sees it (what each card echoes, and its source). */
export const EventCardInfoSchema = z.object({
  id: z.string(),
  title: TextSchema,
  text: TextSchema,
  echo: z.string(),
  source: z.string(),
});
export type EventCardInfo = z.infer<typeof EventCardInfoSchema>;
export const EventCardListSchema = z.array(EventCardInfoSchema);

/** A room's listing (its Colyseus metadata): public, as the room's synced state shows the same. */
export const MatchListingSchema = z.object({
  code: CodeSchema,
  scenarioId: z.string(),
  title: TextSchema,
  turn: z.number().int(),
  phase: z.string(),
  seats: SeatsSchema,
  bots: z.boolean(),
  timerSeconds: z.number().int().nullable(),
});
export type MatchListing = z.infer<typeof MatchListingSchema>;
/** GET /api/matches: the public matches running now (the lobby's "open matches"). */
export const MatchListSchema = z.array(MatchListingSchema);

/** GET /api/matches/finished: the codes of the finished matches. */
export const FinishedCodesSchema = z.array(CodeSchema);

/** The columns of a workshop's results (CSV header and JSON keys), in order. */
export const RESULT_COLUMNS = [
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
  "turn_label",
  "phase",
  "us_seats",
  "china_seats",
  "spectators",
] as const;
/** One room's line of a workshop's results: a number, a text, or "" for what it does not show. */
export const ResultRowSchema = z.record(z.enum(RESULT_COLUMNS), z.union([z.string(), z.number()]));
export type ResultRow = z.infer<typeof ResultRowSchema>;
/** GET /api/matches/results.json?codes=...&keys=...: one row per room. */
export const ResultRowsSchema = z.array(ResultRowSchema);

/** Where a match stands for one of its seats, read from its log (server/seats.ts seatStatus). */
const SeatPlaceSchema = z.object({
  token: z.string(),
  code: CodeSchema,
  role: z.enum(ROLES),
  turn: z.number().int(),
  phase: z.enum(["waiting", "orders", "paused", "ended"]),
  /** Whether the match waits for this seat's side to confirm its orders. */
  waitsForYou: z.boolean(),
  /** When the current turn's deadline runs out (ms since the epoch), or null. */
  deadline: z.number().nullable(),
  turns: z.number().int(),
  label: z.string(),
  title: TextSchema,
});
export type SeatPlace = z.infer<typeof SeatPlaceSchema>;
/** A seat token the server cannot place: why. */
const SeatProblemSchema = z.object({ token: z.string(), error: z.string() });
export const SeatRowSchema = z.union([SeatPlaceSchema, SeatProblemSchema]);
export type SeatRow = z.infer<typeof SeatRowSchema>;
/** POST /api/seats { tokens }: one row per token, in the order given (the lobby's "your matches"). */
export const SeatRowsSchema = z.array(SeatRowSchema);

/** POST /api/matches/:code/open: the room is there to join (`opened`: brought back from the log just now). */
export const OpenResponseSchema = z.union([
  z.object({ code: CodeSchema, opened: z.boolean() }),
  ApiErrorSchema,
]);
export type OpenResponse = z.infer<typeof OpenResponseSchema>;

/** A line of a match's log as the export gives it (server/store.ts ActionSchema); orders as they were accepted. */
export type ExportedAction =
  | { kind: "submit"; side: Side; orders: Order[] }
  | { kind: "withdraw"; side: Side }
  | { kind: "inject"; eventId: string; turn: number }
  | { kind: "resolve"; turn: number; hash: string }
  | { kind: "end"; hash: string }
  | { kind: "start" }
  | { kind: "deadline"; turn: number; at: number }
  | { kind: "draft"; side: Side; turn: number; orders: unknown[]; by: string; at: number }
  | { kind: "pause"; turn: number; remainingMs: number }
  | { kind: "resume"; turn: number };

/** A turn of the export under the same names as the CSV's columns (server/export.ts TURN_COLUMNS). */
export type ExportedTurn = Record<string, string | number>;

/**
 * GET /api/matches/:code/export.json: a finished match's whole log with its outcome and final hash (its
 * secret too: with it the log replays exactly anywhere). Checked: the fields a reader relies on.
 */
export interface MatchExportResponse {
  code: string;
  scenario: string;
  seed: number;
  secret: string;
  createdAt: string;
  outcome: Outcome;
  turns: ExportedTurn[];
  history: TurnRecord[];
  events: GameEvent[];
  actions: ExportedAction[];
  hash: string;
}
export const MatchExportSchema = checkedAs<MatchExportResponse>()(
  z.object({
    code: CodeSchema,
    scenario: z.string(),
    seed: z.number().int(),
    secret: z.string(),
    createdAt: z.string(),
    outcome: z.custom<Outcome>(isObject, "an outcome is an object"),
    turns: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
    history: z.array(z.custom<TurnRecord>(isObject, "a turn record is an object")),
    events: z.array(z.custom<GameEvent>(isObject, "an event is an object")),
    actions: z.array(
      z.custom<ExportedAction>((v) => isObject(v) && typeof (v as { kind?: unknown }).kind === "string"),
    ),
    hash: z.string(),
  }),
);

/** GET /api/matches/:code/replay?viewer=...: a finished match's outcome and every turn's view for one viewer. */
export const ReplaySchema = z.object({
  code: CodeSchema,
  outcome: z.custom<Outcome>(isObject, "an outcome is an object"),
  turns: z.array(z.custom<DeepReadonly<View>>(isObject, "a view is an object")),
});
export type Replay = z.infer<typeof ReplaySchema>;

/** GET /api/matches/:code/scenario: the match's scenario (public: every figure is in the scenario files). */
export type MatchScenario = Scenario;
export const MatchScenarioSchema = checkedAs<Scenario>()(
  z.object({
    id: z.string(),
    title: TextSchema,
    summary: TextSchema,
    params: z.custom<Scenario["params"]>(isObject),
  }),
);

export interface LeverAttribution {
  side: Side;
  lever: OrderType;
  /** $B the side spent on the lever over the match. */
  spent: number;
  /** Judged lead of the match minus that of the replay without this lever's orders (positive favours the US). */
  months: number;
  /** Whether the winner would have been the other side without it. */
  flipsWinner: boolean;
}

export interface EventAttribution {
  turn: number;
  label: string;
  /** The event keys of that turn (cards drawn or injected). */
  events: string[];
  months: number;
}

export interface TurningPoint {
  turn: number;
  label: string;
  change: number;
  /** What mattered most in that turn, as the facilitator's turn report says it (i18n keys under `report.`). */
  causes: ReportItem[];
}

export interface IntelScore {
  side: Side;
  /** Estimates made over the match and the share whose 95% band held the true value. */
  estimates: number;
  withinBand: number;
  /** The typical factor between an estimate and the truth (geometric mean of max(e/t, t/e)). */
  typicalFactor: number;
  /** Per estimated quantity, the same two figures. */
  byKey: { key: string; withinBand: number; typicalFactor: number }[];
}

export const DECOMPOSITION_GROUPS = [
  "turnPassed",
  "us.compute",
  "us.power",
  "us.algorithms",
  "china.compute",
  "china.power",
  "china.algorithms",
  "other",
] as const;
export type DecompositionGroup = (typeof DECOMPOSITION_GROUPS)[number];

/** One turn of the lead's change, split into groups for a stacked chart (months, positive favours the US). */
export interface DecompositionRow {
  turn: number;
  label: string;
  lead: number;
  parts: Record<DecompositionGroup, number>;
}

/** GET /api/matches/:code/debrief: the causal debrief of a finished match (server/debrief.ts). */
export interface Debrief {
  code: string;
  judgedLead: number;
  threshold: number;
  winner: Side;
  levers: LeverAttribution[];
  events: EventAttribution[];
  turningPoints: TurningPoint[];
  intel: IntelScore[];
  decomposition: DecompositionRow[];
  /** For a fork: the match it branched from, and both leads over the years. */
  branch: {
    of: string;
    fromTurn: number;
    leads: { label: string; original: number | null; branch: number | null }[];
  } | null;
}
export const DebriefSchema = checkedAs<Debrief>()(
  z.object({
    code: CodeSchema,
    judgedLead: z.number(),
    threshold: z.number(),
    winner: SideSchema,
    levers: z.array(
      z.object({
        side: SideSchema,
        lever: z.custom<OrderType>((v) => typeof v === "string"),
        spent: z.number(),
        months: z.number(),
        flipsWinner: z.boolean(),
      }),
    ),
    events: z.array(
      z.object({
        turn: z.number().int(),
        label: z.string(),
        events: z.array(z.string()),
        months: z.number(),
      }),
    ),
    turningPoints: z.array(
      z.object({
        turn: z.number().int(),
        label: z.string(),
        change: z.number(),
        causes: z.array(
          z.object({ key: z.string(), params: z.record(z.string(), z.union([z.number(), z.string()])) }),
        ),
      }),
    ),
    intel: z.array(
      z.object({
        side: SideSchema,
        estimates: z.number(),
        withinBand: z.number(),
        typicalFactor: z.number(),
        byKey: z.array(z.object({ key: z.string(), withinBand: z.number(), typicalFactor: z.number() })),
      }),
    ),
    decomposition: z.array(
      z.object({
        turn: z.number().int(),
        label: z.string(),
        lead: z.number(),
        parts: z.record(z.enum(DECOMPOSITION_GROUPS), z.number()),
      }),
    ),
    branch: z
      .object({
        of: CodeSchema,
        fromTurn: z.number().int(),
        leads: z.array(
          z.object({ label: z.string(), original: z.number().nullable(), branch: z.number().nullable() }),
        ),
      })
      .nullable(),
  }),
);

/** POST /api/matches/:code/fork { turn } (201): the new match, the one it came from, and its facilitator key. */
export const ForkResponseSchema = z.object({
  code: CodeSchema,
  of: CodeSchema,
  turn: z.number().int(),
  facilitatorKey: z.string(),
});
export type ForkResponse = z.infer<typeof ForkResponseSchema>;
