/**
 * The public face of the rules engine. Everything the server, the client, the bots and the tools need from the
 * rules comes from here; nothing in shared/rules touches a network, a clock, a file or Math.random.
 */
export { createMatch, freshSide, NO_OUTPUT } from "./create.ts";
export { resolveTurn } from "./resolve.ts";
export { submitOrders, orderOptions, keepValidOrders, checkOrders, withdrawOrders } from "./submit.ts";
export type { SubmitResult, OrderError, OrderOptions } from "./submit.ts";
export { scenarioInfo, viewFor } from "./view.ts";
export type {
  DeepReadonly,
  View,
  SideView,
  UsView,
  ChinaView,
  SpectatorView,
  FacilitatorView,
  PublicView,
  PublicTurnRecord,
} from "./view.ts";
export { currentLead, judgedLead, judgedLeadOf, outcome, winnerAt } from "./outcome.ts";
export type { Outcome, SideScore } from "./outcome.ts";
export { hashState } from "./hash.ts";
export { parseScenario, BUILTIN_SCENARIOS, SCENARIO_IDS, SCENARIO_FILES } from "./scenarios.ts";
export type { Scenario, ScenarioParams, Citation, ParseResult, ParseError } from "./scenario.ts";
export { OrderSchema, OrdersSchema, ORDER_TYPES, MAX_ORDERS, MAX_AMOUNT } from "./orders.ts";
export type { Order, Orders, OrderType, OrderOf } from "./orders.ts";
export type { LeverOption, LeverChoice } from "./levers/lever.ts";
export type { Reason, ReasonKey, ReasonParams } from "./reasons.ts";
export { EVENT_DECK, findCard } from "./events.ts";
export type { EventCard } from "./events.ts";
export { injectEvent, endMatch } from "./facilitator.ts";
export type { InjectResult } from "./facilitator.ts";
export {
  detectionChanceFrom,
  domesticKwPerH100e,
  fleetDemandGW,
  generationAt,
  goodwillShare,
  leadFromHistory,
  leadMonths,
  monthsPerOrderOfMagnitude,
  pipelineGW,
  saturate,
  smugglingCap,
  turnLabel,
} from "./model.ts";
export { remoteRuleChance, usLeadsGoodwill } from "./hosts.ts";
export * from "./types.ts";
