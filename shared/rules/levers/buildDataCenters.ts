import { buildCostFactor } from "../model.ts";
import { forecast } from "./lever.ts";
import { projectLever } from "./project.ts";

/** Data-centre halls at home (GW of IT load): chips need a hall and power to run. */
export const buildDataCenters = projectLever({
  type: "buildDataCenters",
  sides: ["us", "china"],
  amountField: "gw",
  unit: "GW",
  kind: "dataCenter",
  unitCost: (state, side) => state.scenario.params.power.dataCenterCostPerGW * buildCostFactor(state, side),
  lead: (state) => ({
    leadTurns: state.scenario.params.power.dataCenterLeadTurns,
    usPermitDelayTurns: state.scenario.params.power.usDataCenterPermitDelayTurns,
  }),
  current: (state, side) => state[side].dataCenterGW,
  explanation:
    "Build data-centre halls at home. Chips need a hall and power; halls without chips earn nothing.",
  likelyEffect: (_state, side, turns) =>
    forecast(
      `Ready in about ${turns} turns${side === "us" ? ", including permits and the grid queue" : ""}.`,
      { turns, context: side },
    ),
  started: (amount, p) =>
    `${amount.toFixed(2)} GW of data centres started; ready in ${p.turnsLeft} turns${p.delayTurns > 0 ? ` (${p.delayTurns} of them waiting for permits and a grid connection)` : ""}.`,
});
