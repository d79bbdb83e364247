import { toolPressureLevel } from "../model.ts";
import { startProject } from "../projects.ts";
import type { MatchState } from "../types.ts";
import type { Lever } from "./lever.ts";
import { fmt, leverChoice, leverOption } from "./lever.ts";

/** $B per wafer/month of new advanced capacity, dearer under US pressure on tool makers. */
function unitCost(state: MatchState): number {
  return (state.scenario.params.china.domestic.fabCostPer1kWpm / 1000) * (1 + toolPressureLevel(state));
}

function leadTurns(state: MatchState): number {
  return state.scenario.params.china.domestic.fabLeadTurns + (toolPressureLevel(state) > 0.5 ? 1 : 0);
}

/** China builds advanced fab capacity (wafers per month): a long project that raises domestic chip output. */
export const expandFabs: Lever<"expandFabs"> = {
  type: "expandFabs",
  sides: ["china"],
  key: () => "expandFabs",
  cost: (state, _side, o) => o.wafersPerMonth * unitCost(state),
  check: () => null,
  apply(ctx, side, o) {
    ctx.charge(side, "expandFabs", o.wafersPerMonth * unitCost(ctx.before));
    const p = startProject(ctx, side, {
      kind: "fab",
      amount: o.wafersPerMonth,
      leadTurns: leadTurns(ctx.before),
    });
    ctx.emit(
      "china",
      "expandFabs",
      `Fab expansion of ${fmt(o.wafersPerMonth)} wafers/month started; ready in ${p.turnsLeft} turns.`,
    );
  },
  option(state, _side, money) {
    const cost = unitCost(state);
    const max = money / cost;
    return leverOption({
      type: "expandFabs",
      available: max > 0,
      amountField: "wafersPerMonth",
      unit: "wafers/month",
      choices: [
        leverChoice({
          value: "",
          available: max > 0,
          max,
          min: 0,
          costPerUnit: cost,
          current: state.china.fabWafersPerMonth,
        }),
      ],
      explanation:
        "Equip more advanced (7 nm class) fab capacity for domestic accelerators. Paid now, ready after several turns.",
      likelyEffect: `Ready in ${leadTurns(state)} turns; more domestic chips a turn if HBM keeps up. US pressure on tool makers slows it.`,
    });
  },
};
