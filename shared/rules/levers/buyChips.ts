import {
  chinaMayBuy,
  chipPrice,
  domesticCapacity,
  exportGradeGeneration,
  exportRevenueShare,
  kwPerH100e,
  modifier,
} from "../model.ts";
import type { ChipType, MatchState, Side } from "../types.ts";
import { CHIP_TYPES, SIDES } from "../types.ts";
import type { Lever, LeverChoice, ResolveContext } from "./lever.ts";
import { because, type Reason } from "../reasons.ts";
import { fmt, leverChoice, leverOption, forecast } from "./lever.ts";

/** Why a side may not buy a chip type now, or null. */
function closedReason(state: MatchState, side: Side, chipType: ChipType): Reason | null {
  if (side === "us")
    return chipType === "frontier"
      ? null
      : because("usFrontierOnly", {}, "the US buys only its own frontier chips");
  return chinaMayBuy(state, chipType);
}

/** Most H100e of a chip type a side could get this turn (supply, fab and HBM limits), before money. */
export function chipSupply(state: MatchState, side: Side, chipType: ChipType): number {
  if (chipType === "frontier") return state.us.frontierSupply * modifier(state, "us.frontierSupply");
  if (chipType === "exportGrade")
    return exportGradeGeneration(state).supplyPerTurn * modifier(state, "china.exportGradeSupply");
  return side === "china" ? domesticCapacity(state).h100e : 0;
}

const shares = new WeakMap<ResolveContext, number>();

/**
 * The share of its frontier order each side gets this turn. Both sides' orders were written without seeing
 * each other's, so when together they ask for more than the supply, each gets the same share of what it
 * asked: which side is which never decides who is served first. Orders a new control blocks do not count.
 */
function frontierShare(ctx: ResolveContext): number {
  let share = shares.get(ctx);
  if (share !== undefined) return share;
  let asked = 0;
  for (const side of SIDES)
    if (!closedReason(ctx.s, side, "frontier"))
      for (const o of ctx.before.pending[side] ?? [])
        if (o.type === "buyChips" && o.chipType === "frontier") asked += o.h100e;
  share = asked > 0 ? Math.min(1, chipSupply(ctx.before, "us", "frontier") / asked) : 1;
  shares.set(ctx, share);
  return share;
}

/** Buying accelerators: US frontier chips; for China, export-grade or frontier chips when the controls allow, or domestic ones. */
export const buyChips: Lever<"buyChips"> = {
  type: "buyChips",
  sides: ["us", "china"],
  key: (o) => `buyChips:${o.chipType}`,
  cost: (state, _side, o) => o.h100e * chipPrice(state, o.chipType),
  check(state, side, o) {
    const closed = closedReason(state, side, o.chipType);
    if (closed) return closed;
    const max = chipSupply(state, side, o.chipType);
    return o.h100e > max + 1e-9
      ? because(
          "chipsOnOffer",
          { chipType: o.chipType, max, asked: o.h100e },
          `${o.chipType} chips on offer (H100e): at most ${fmt(max)} now (asked for ${fmt(o.h100e)})`,
        )
      : null;
  },
  apply(ctx, side, o) {
    const { s, before } = ctx;
    // A rule announced in this same resolution can block a purchase written before it; the money is kept.
    const blocked = closedReason(s, side, o.chipType);
    if (blocked) {
      ctx.emit(
        side,
        "buyChips.blocked",
        `Purchase of ${fmt(o.h100e)} H100e of ${o.chipType} chips blocked: ${blocked.text}. No money was spent.`,
      );
      return;
    }
    const wanted = o.chipType === "frontier" ? o.h100e * frontierShare(ctx) : o.h100e;
    const delivered = Math.min(wanted, ctx.supplyLeft(side, o.chipType));
    ctx.useSupply(side, o.chipType, delivered);
    if (delivered <= 0) {
      ctx.emit(side, "buyChips.soldOut", `No ${o.chipType} chips were left to buy this turn.`);
      return;
    }
    const cost = delivered * chipPrice(before, o.chipType);
    ctx.charge(side, "buyChips", cost);
    const arriving = s[side].arriving[o.chipType];
    arriving.h100e += delivered;
    arriving.kw += delivered * kwPerH100e(before, side, o.chipType);
    if (side === "china" && o.chipType !== "domestic")
      s.us.exportRevenueDue += cost * exportRevenueShare(before, o.chipType);
    const short = delivered < o.h100e - 1e-9 ? ` (${fmt(o.h100e)} asked; supply ran out)` : "";
    ctx.emit(
      side,
      "buyChips.done",
      `Bought ${fmt(delivered)} H100e of ${o.chipType} chips${short}; they are installed next turn.`,
      {
        chipType: o.chipType,
        h100e: delivered,
      },
    );
  },
  option(state, side, money) {
    const ratio = state.scenario.params.chips.domesticPowerRatio;
    const choices: LeverChoice[] = CHIP_TYPES.map((chipType) => {
      const reason = closedReason(state, side, chipType);
      return leverChoice({
        value: chipType,
        available: !reason,
        reason,
        max: reason ? 0 : Math.min(chipSupply(state, side, chipType), money / chipPrice(state, chipType)),
        min: 0,
        costPerUnit: chipPrice(state, chipType),
      });
    });
    return leverOption({
      type: "buyChips",
      available: choices.some((c) => c.available && c.max > 0),
      amountField: "h100e",
      unit: "H100e",
      choiceField: "chipType",
      choices,
      explanation:
        side === "us"
          ? "Buy frontier accelerators from the (foreign-fabbed) supply. They need data centres and power to count."
          : "Buy accelerators: export-grade or frontier US chips when the controls allow, or domestic ones bound by fabs and HBM.",
      likelyEffect: forecast(
        `More chips at home from next turn: more compute once they have power. Domestic chips draw ${ratio} times the power per unit of compute. When both sides together order more frontier chips than there are, each gets the same share of its order.`,
        { ratio },
      ),
    });
  },
};
