/**
 * The dispatcher: one lever per order type. The record's type makes the compiler insist on a lever for every
 * order type, and `leverOf` is the only place that narrows an order to its lever.
 */
import type { Order, OrderType } from "../orders.ts";
import type { Lever } from "./lever.ts";
import { buildDataCenters } from "./buildDataCenters.ts";
import { buildPower } from "./buildPower.ts";
import { buyChips } from "./buyChips.ts";
import { courtHost } from "./courtHost.ts";
import { expandFabs } from "./expandFabs.ts";
import { expandHbm } from "./expandHbm.ts";
import { fundAlgorithms } from "./fundAlgorithms.ts";
import { fundChipResearch } from "./fundChipResearch.ts";
import { fundEnforcement } from "./fundEnforcement.ts";
import { fundIntelligence } from "./fundIntelligence.ts";
import { leaseCompute } from "./leaseCompute.ts";
import { permittingReform } from "./permittingReform.ts";
import { pressureHost } from "./pressureHost.ts";
import { pressureToolAllies } from "./pressureToolAllies.ts";
import { publishOpenModels } from "./publishOpenModels.ts";
import { setExportControls } from "./setExportControls.ts";
import { setPowerSubsidy } from "./setPowerSubsidy.ts";
import { smuggleChips } from "./smuggleChips.ts";
import { subsidiseAllies } from "./subsidiseAllies.ts";

export const LEVERS: { [T in OrderType]: Lever<T> } = {
  setExportControls,
  pressureHost,
  pressureToolAllies,
  fundEnforcement,
  buyChips,
  smuggleChips,
  leaseCompute,
  fundChipResearch,
  expandFabs,
  expandHbm,
  buildDataCenters,
  buildPower,
  permittingReform,
  setPowerSubsidy,
  fundAlgorithms,
  publishOpenModels,
  courtHost,
  subsidiseAllies,
  fundIntelligence,
};

/**
 * The order in which a resolution carries orders out: policy first (a new export rule binds the purchases
 * written in the same turn), then diplomacy, purchases, leases, building and research.
 */
export const RESOLUTION_ORDER: readonly OrderType[] = [
  "setExportControls",
  "setPowerSubsidy",
  "fundEnforcement",
  "fundIntelligence",
  "pressureHost",
  "pressureToolAllies",
  "courtHost",
  "subsidiseAllies",
  "permittingReform",
  "buyChips",
  "smuggleChips",
  "leaseCompute",
  "buildDataCenters",
  "buildPower",
  "expandFabs",
  "expandHbm",
  "fundChipResearch",
  "fundAlgorithms",
  "publishOpenModels",
];

/** Narrows an order to its lever; the exhaustive switch lives in the record type above. */
export function leverOf(order: Order): Lever<OrderType> {
  return LEVERS[order.type] as unknown as Lever<OrderType>;
}
