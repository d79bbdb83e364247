/**
 * A draft of one turn's orders, built from the side's order options. It keeps every order within its option's
 * limits and the whole list within the money the side may spend, so a bot that drafts through it cannot send an
 * order the rules refuse (test/bots checks this over thousands of matches).
 */
import type { LeverChoice, LeverOption, Order, OrderOptions, OrderType } from "../rules/index.ts";

/** Orders below this many $B are not worth sending. */
const MIN_SPEND = 0.005;
/** Keeps a hair of the budget unspent so that rounding never tips a draft over the limit. */
const SAFETY = 1 - 1e-7;

type AmountField = NonNullable<LeverOption["amountField"]>;

export class Draft {
  readonly orders: Order[] = [];
  /** Money still free in this draft, in $B. */
  left: number;
  readonly #levers = new Map<OrderType, LeverOption>();
  readonly #used = new Set<string>();

  constructor(readonly options: OrderOptions) {
    this.left = options.spendable * SAFETY;
    for (const lever of options.levers) this.#levers.set(lever.type, lever);
  }

  /** A lever's menu when the lever is open now. */
  lever(type: OrderType): LeverOption | undefined {
    const lever = this.#levers.get(type);
    return lever?.available ? lever : undefined;
  }

  /** An open choice of a lever ("" for levers without choices). */
  choice(type: OrderType, value = ""): LeverChoice | undefined {
    const choice = this.#levers.get(type)?.choices.find((c) => c.value === value);
    return choice?.available ? choice : undefined;
  }

  /** Whether an order for this lever and choice is already in the draft (the rules allow one). */
  has(type: OrderType, value = ""): boolean {
    return this.#used.has(`${type}:${value}`);
  }

  #push(type: OrderType, value: string, order: Order, cost: number): void {
    this.orders.push(order);
    this.#used.add(`${type}:${value}`);
    this.left = Math.max(0, this.left - cost);
  }

  /**
   * Spends up to `amount` $B on a spending lever (one with an `amount` field), capped by what is left.
   * Returns what was spent.
   */
  spend(type: OrderType, amount: number, host?: string): number {
    const value = host ?? "";
    const lever = this.lever(type);
    const choice = this.choice(type, value);
    if (!lever || !choice || lever.amountField !== "amount" || this.has(type, value)) return 0;
    const spent = Math.min(amount, choice.max, this.left);
    if (!(spent >= MIN_SPEND)) return 0;
    const order = (host ? { type, host, amount: spent } : { type, amount: spent }) as Order;
    this.#push(type, value, order, spent);
    return spent;
  }

  /**
   * Orders up to `units` of a lever priced per unit (chips, GW, wafers, stacks, leases), capped by the option's
   * limit and the money left. Returns the units ordered.
   */
  buy(type: OrderType, units: number, value = ""): number {
    const lever = this.lever(type);
    const choice = this.choice(type, value);
    if (!lever || !choice || !lever.amountField || lever.amountField === "rate" || this.has(type, value))
      return 0;
    const price = choice.costPerUnit;
    const affordable = price > 0 ? this.left / price : Infinity;
    const n = Math.min(units, choice.max, affordable, 1e9);
    if (!(n > 0) || n * price < MIN_SPEND) return 0;
    const order = withFields(type, lever, value, n);
    this.#push(type, value, order, n * price);
    return n;
  }

  /** Gives back leased compute (a negative lease), free. Returns the H100e released. */
  release(host: string, h100e: number): number {
    const choice = this.choice("leaseCompute", host);
    if (!choice || this.has("leaseCompute", host)) return 0;
    const n = Math.min(h100e, -choice.min);
    if (!(n > 1)) return 0;
    this.#push("leaseCompute", host, { type: "leaseCompute", host: host as never, h100e: -n }, 0);
    return n;
  }

  /** Sets the export controls to a level when that level is open now and the draft can pay for the step. */
  setControls(level: string): boolean {
    const choice = this.choice("setExportControls", level);
    if (!choice || this.has("setExportControls") || choice.costPerUnit > this.left) return false;
    this.#push(
      "setExportControls",
      "",
      { type: "setExportControls", level: level as never },
      choice.costPerUnit,
    );
    return true;
  }

  setSubsidy(rate: number): boolean {
    const choice = this.choice("setPowerSubsidy");
    if (!choice || this.has("setPowerSubsidy")) return false;
    const r = Math.min(Math.max(0, rate), choice.max);
    if (Math.abs(r - (choice.current ?? 0)) < 1e-6) return false;
    this.#push("setPowerSubsidy", "", { type: "setPowerSubsidy", rate: r }, 0);
    return true;
  }

  publish(): boolean {
    if (!this.lever("publishOpenModels") || this.has("publishOpenModels")) return false;
    this.#push("publishOpenModels", "", { type: "publishOpenModels" }, 0);
    return true;
  }
}

function withFields(type: OrderType, lever: LeverOption, value: string, n: number): Order {
  const order: Record<string, unknown> = { type };
  if (lever.choiceField) order[lever.choiceField] = value;
  order[lever.amountField as AmountField] = n;
  return order as unknown as Order;
}
