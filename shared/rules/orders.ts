/**
 * Orders: what a side may ask for in one turn. One zod schema per lever, joined on `type`; the TypeScript
 * types are inferred from the schemas so that the validator and the code can never disagree.
 */
import { z } from "zod";
import { BUILDABLE_SOURCES, CHIP_TYPES, CONTROL_LEVELS, HOSTS } from "./types.ts";

/** The largest amount any single order may name; stops absurd inputs before the rules look at them. */
export const MAX_AMOUNT = 1e9;
/** The most orders one side may send in one turn. */
export const MAX_ORDERS = 40;

const money = z.number().finite().positive("must be more than zero").max(MAX_AMOUNT);
const quantity = z.number().finite().positive("must be more than zero").max(MAX_AMOUNT);
const host = z.enum(HOSTS);

export const OrderSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("setExportControls"), level: z.enum(CONTROL_LEVELS) }).strict(),
  z.object({ type: z.literal("pressureHost"), host, amount: money }).strict(),
  z.object({ type: z.literal("pressureToolAllies"), amount: money }).strict(),
  z.object({ type: z.literal("fundEnforcement"), amount: money }).strict(),
  z.object({ type: z.literal("buyChips"), chipType: z.enum(CHIP_TYPES), h100e: quantity }).strict(),
  z.object({ type: z.literal("smuggleChips"), h100e: quantity }).strict(),
  z
    .object({
      type: z.literal("leaseCompute"),
      host,
      /** The change in leased H100e: positive to lease more, negative to release. */
      h100e: z
        .number()
        .finite()
        .min(-MAX_AMOUNT)
        .max(MAX_AMOUNT)
        .refine((x) => x !== 0, "must not be zero"),
    })
    .strict(),
  z.object({ type: z.literal("fundChipResearch"), amount: money }).strict(),
  z.object({ type: z.literal("expandFabs"), wafersPerMonth: quantity }).strict(),
  z.object({ type: z.literal("expandHbm"), stacksPerTurn: quantity }).strict(),
  z.object({ type: z.literal("buildDataCenters"), gw: quantity }).strict(),
  z.object({ type: z.literal("buildPower"), source: z.enum(BUILDABLE_SOURCES), gw: quantity }).strict(),
  z.object({ type: z.literal("permittingReform"), amount: money }).strict(),
  z.object({ type: z.literal("setPowerSubsidy"), rate: z.number().finite().min(0).max(1) }).strict(),
  z.object({ type: z.literal("fundAlgorithms"), amount: money }).strict(),
  z.object({ type: z.literal("publishOpenModels") }).strict(),
  z.object({ type: z.literal("courtHost"), host, amount: money }).strict(),
  z.object({ type: z.literal("subsidiseAllies"), host, amount: money }).strict(),
  z.object({ type: z.literal("fundIntelligence"), amount: money }).strict(),
]);

/** One side's orders for one turn. */
export const OrdersSchema = z.array(OrderSchema).max(MAX_ORDERS, `at most ${MAX_ORDERS} orders a turn`);

export type Order = z.infer<typeof OrderSchema>;
export type Orders = z.infer<typeof OrdersSchema>;
export type OrderType = Order["type"];
export type OrderOf<T extends OrderType> = Extract<Order, { type: T }>;

export const ORDER_TYPES = OrderSchema.options.map((o) => o.shape.type.value) as OrderType[];
