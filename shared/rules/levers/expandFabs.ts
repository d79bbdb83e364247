import { toolPressureLevel } from "../model.ts";
import { fmt, forecast } from "./lever.ts";
import { projectLever } from "./project.ts";

/** China builds advanced fab capacity (wafers per month): a long project that raises domestic chip output. */
export const expandFabs = projectLever({
  type: "expandFabs",
  sides: ["china"],
  amountField: "wafersPerMonth",
  unit: "wafers/month",
  kind: "fab",
  // $B per wafer/month of new advanced capacity, dearer and slower under US pressure on tool makers.
  unitCost: (state) =>
    (state.scenario.params.china.domestic.fabCostPer1kWpm / 1000) * (1 + toolPressureLevel(state)),
  lead: (state) => ({
    leadTurns:
      state.scenario.params.china.domestic.fabLeadTurns +
      (toolPressureLevel(state) > state.scenario.params.levers.toolPressureDelayLevel ? 1 : 0),
  }),
  current: (state) => state.china.fabWafersPerMonth,
  explanation:
    "Equip more advanced (7 nm class) fab capacity for domestic accelerators. Paid now, ready after several turns.",
  likelyEffect: (_state, _side, turns) =>
    forecast(
      `Ready in ${turns} turns; more domestic chips a turn if HBM keeps up. US pressure on tool makers slows it.`,
      { turns },
    ),
  started: (amount, p) =>
    `Fab expansion of ${fmt(amount)} wafers/month started; ready in ${p.turnsLeft} turns.`,
});
