import { forecast } from "./lever.ts";
import { projectLever } from "./project.ts";

/** China builds high-bandwidth-memory capacity: HBM stacks cap how many accelerators can be assembled. */
export const expandHbm = projectLever({
  type: "expandHbm",
  sides: ["china"],
  amountField: "stacksPerTurn",
  unit: "HBM stacks/turn",
  kind: "hbm",
  unitCost: (state) => state.scenario.params.china.domestic.hbmCostPerMStacks / 1e6,
  lead: (state) => ({ leadTurns: state.scenario.params.china.domestic.hbmLeadTurns }),
  current: (state) => state.china.hbmProductionPerTurn,
  explanation:
    "Build domestic HBM (memory) lines. Each accelerator needs about eight stacks; the stockpile runs down.",
  likelyEffect: (_state, _side, turns) =>
    forecast(`Ready in ${turns} turns; lifts the memory cap on domestic chip output.`, { turns }),
  started: (amount, p) =>
    `HBM line of ${(amount / 1e6).toFixed(2)}M stacks/turn started; ready in ${p.turnsLeft} turns.`,
});
