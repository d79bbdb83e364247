import { startProject } from "../projects.ts";
import type { MatchState } from "../types.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption } from "./lever.ts";

function unitCost(state: MatchState): number {
  return state.scenario.params.china.domestic.hbmCostPerMStacks / 1e6;
}

/** China builds high-bandwidth-memory capacity: HBM stacks cap how many accelerators can be assembled. */
export const expandHbm: Lever<"expandHbm"> = {
  type: "expandHbm",
  sides: ["china"],
  key: () => "expandHbm",
  cost: (state, _side, o) => o.stacksPerTurn * unitCost(state),
  check: () => null,
  apply(ctx, side, o) {
    const d = ctx.s.scenario.params.china.domestic;
    ctx.charge(side, "expandHbm", o.stacksPerTurn * unitCost(ctx.before));
    const p = startProject(ctx, side, { kind: "hbm", amount: o.stacksPerTurn, leadTurns: d.hbmLeadTurns });
    ctx.emit(
      "china",
      "expandHbm",
      `HBM line of ${(o.stacksPerTurn / 1e6).toFixed(2)}M stacks/turn started; ready in ${p.turnsLeft} turns.`,
    );
  },
  option(state, _side, money) {
    const cost = unitCost(state);
    const max = money / cost;
    return leverOption({
      type: "expandHbm",
      available: max > 0,
      amountField: "stacksPerTurn",
      unit: "HBM stacks/turn",
      choices: [
        leverChoice({
          value: "",
          available: max > 0,
          max,
          min: 0,
          costPerUnit: cost,
          current: state.china.hbmProductionPerTurn,
        }),
      ],
      explanation:
        "Build domestic HBM (memory) lines. Each accelerator needs about eight stacks; the stockpile runs down.",
      likelyEffect: `Ready in ${state.scenario.params.china.domestic.hbmLeadTurns} turns; lifts the memory cap on domestic chip output.`,
    });
  },
};
