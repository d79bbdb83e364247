/**
 * The shape every lever shares. Each order type has one file in this folder with its checks, its effect and
 * its explanation; the dispatcher in index.ts joins them.
 */
import type { DiceBase } from "../rng.ts";
import type { SecretStream } from "../streams.ts";
import type { OrderOf, OrderType } from "../orders.ts";
import type { Reason } from "../reasons.ts";
import type { Audience, ChipType, HostId, MatchState, Side } from "../types.ts";

/** What a resolution step may touch: a private working copy of the state, its chance streams, and the event list. */
export interface ResolveContext {
  /** The working copy, mutated during resolution (never the caller's state). */
  s: MatchState;
  /** The state as it was when orders were written: prices and costs are taken from it. */
  before: MatchState;
  /** This turn's generator of a secret stream (made on first use, then the same cursor all turn). */
  dice(stream: SecretStream): DiceBase;
  emit(
    audience: Audience,
    key: string,
    message: string,
    params?: Record<string, number | string>,
    source?: string,
  ): void;
  /** Takes money for a lever from a side's cash (never below zero) and books it. */
  charge(side: Side, lever: OrderType, amount: number): void;
  /** Chips of a type still on offer to a side in this resolution (frontier supply is shared). */
  supplyLeft(side: Side, chipType: ChipType): number;
  useSupply(side: Side, chipType: ChipType, h100e: number): void;
  /** Extra algorithmic progress bought this turn, per side (a multiplier above 1). */
  algoBoost: Record<Side, number>;
  /** Hosts where China's leases were exposed this turn: the US then sees them exactly. */
  exposed: Set<HostId>;
  /** HBM stacks used by this turn's domestic chip purchases. */
  hbmUsed: number;
}

/** A choice within a lever (a host, a power source, a chip type) with its own limit and price. */
export interface LeverChoice {
  value: string;
  available: boolean;
  reason: Reason | null;
  /** Largest amount allowed now (in the lever's unit). */
  max: number;
  /** Smallest amount allowed (negative for levers that can release, like leases). */
  min: number;
  costPerUnit: number;
  /** The current setting or holding, where there is one. */
  current: number | null;
}

/** What a side may do with one lever right now: the UI and the bots are built on this. */
export interface LeverOption {
  type: OrderType;
  available: boolean;
  reason: Reason | null;
  /** The order field that takes the amount (null for levers without one). */
  amountField: "amount" | "h100e" | "gw" | "wafersPerMonth" | "stacksPerTurn" | "rate" | null;
  unit: string;
  /** The order field that takes the choice (host, source, chipType or level), or null. */
  choiceField: "host" | "source" | "chipType" | "level" | null;
  choices: LeverChoice[];
  explanation: string;
  /** What the lever would do now, in the rules' English... */
  likelyEffect: string;
  /** ...and the numbers in it, for interfaces that say it in their own language. */
  likelyEffectParams: Record<string, string | number>;
}

/** A lever's forecast: the English sentence and the values in it. */
export interface Forecast {
  text: string;
  params: Record<string, string | number>;
}

export function forecast(text: string, params: Record<string, string | number> = {}): Forecast {
  return { text, params };
}

type Loose<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** Builds an option with every field present, in one order (one object shape keeps the engine fast). */
export function leverOption(
  o: Loose<
    Omit<LeverOption, "likelyEffect" | "likelyEffectParams">,
    "reason" | "amountField" | "choiceField"
  > & {
    likelyEffect: Forecast;
  },
): LeverOption {
  return {
    type: o.type,
    available: o.available,
    reason: o.reason ?? null,
    amountField: o.amountField ?? null,
    unit: o.unit,
    choiceField: o.choiceField ?? null,
    choices: o.choices,
    explanation: o.explanation,
    likelyEffect: o.likelyEffect.text,
    likelyEffectParams: o.likelyEffect.params,
  };
}

/** Builds a choice with every field present. */
export function leverChoice(c: Loose<LeverChoice, "reason" | "current">): LeverChoice {
  return {
    value: c.value,
    available: c.available,
    reason: c.reason ?? null,
    max: c.max,
    min: c.min,
    costPerUnit: c.costPerUnit,
    current: c.current ?? null,
  };
}

export interface Lever<T extends OrderType> {
  type: T;
  sides: readonly Side[];
  /** Two orders of one turn with the same key clash; the second is refused. */
  key(order: OrderOf<T>): string;
  /** Money the order takes, in $B, priced on the state at the time of writing. */
  cost(state: MatchState, side: Side, order: OrderOf<T>): number;
  /** A reason in plain words if the order is not allowed now; null if it is. */
  check(state: MatchState, side: Side, order: OrderOf<T>): Reason | null;
  /** Carries the order out inside a resolution. */
  apply(ctx: ResolveContext, side: Side, order: OrderOf<T>): void;
  /** The lever's menu now; `money` is what the side can still spend this turn (computed once by the caller). */
  option(state: MatchState, side: Side, money: number): LeverOption;
}

/** Formats a number for messages: 1234567 -> "1.23M". */
export function fmt(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `${(x / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  if (a >= 10) return x.toFixed(0);
  return x.toFixed(2);
}

/** A money amount in $B for messages. */
export function usd(billions: number): string {
  return billions >= 1 ? `$${billions.toFixed(1)}B` : `$${(billions * 1000).toFixed(0)}M`;
}

/**
 * How far money spent on a host worked this time: a factor from 1 - u to 1 + u (`levers.diplomacyUncertainty`),
 * drawn on the spender's secret stream. The other side sees what a host did, but cannot work the spend back
 * from it exactly.
 */
export function diplomaticEffect(ctx: ResolveContext, side: Side): number {
  const u = ctx.s.scenario.params.levers.diplomacyUncertainty;
  return 1 - u + 2 * u * ctx.dice(side === "us" ? "diplomacy.us" : "diplomacy.china").uniform();
}
