/** A stored match's record for store tests: the baseline scenario, a fixed secret, bots on both sides. */
import type { MatchRecord } from "../../server/store.ts";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";

export const SCENARIO = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

export function storedRecord(code: string, createdAt: string, seed = 42): Omit<MatchRecord, "finished"> {
  return {
    code,
    scenario: SCENARIO,
    scenarioId: SCENARIO.id,
    seed,
    secret: "0123456789abcdef0123456789abcdef",
    settings: {
      timerSeconds: null,
      private: false,
      bots: true,
      botIds: { us: "random-legal", china: "random-legal" },
      facilitatorKey: "key",
      creatorId: "",
      seedChosenBy: "",
      waitForStart: false,
    },
    createdAt,
  };
}
