import { buildCostFactor, usPermitDelay } from "../model.ts";
import { startProject } from "../projects.ts";
import type { MatchState, Side } from "../types.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption } from "./lever.ts";

function unitCost(state: MatchState, side: Side): number {
  const p = state.scenario.params;
  return p.power.dataCenterCostPerGW * buildCostFactor(state, side);
}

function leadTurns(state: MatchState, side: Side): number {
  const p = state.scenario.params.power;
  return p.dataCenterLeadTurns + (side === "us" ? usPermitDelay(state, p.usDataCenterPermitDelayTurns) : 0);
}

/** Data-centre halls at home (GW of IT load): chips need a hall and power to run. */
export const buildDataCenters: Lever<"buildDataCenters"> = {
  type: "buildDataCenters",
  sides: ["us", "china"],
  key: () => "buildDataCenters",
  cost: (state, side, o) => o.gw * unitCost(state, side),
  check: () => null,
  apply(ctx, side, o) {
    const p = ctx.s.scenario.params.power;
    ctx.charge(side, "buildDataCenters", o.gw * unitCost(ctx.before, side));
    const project = startProject(ctx, side, {
      kind: "dataCenter",
      amount: o.gw,
      leadTurns: p.dataCenterLeadTurns,
      usPermitDelayTurns: p.usDataCenterPermitDelayTurns,
    });
    const wait =
      project.delayTurns > 0
        ? ` (${project.delayTurns} of them waiting for permits and a grid connection)`
        : "";
    ctx.emit(
      side,
      "buildDataCenters",
      `${o.gw.toFixed(2)} GW of data centres started; ready in ${project.turnsLeft} turns${wait}.`,
    );
  },
  option(state, side, money) {
    const cost = unitCost(state, side);
    const max = money / cost;
    return leverOption({
      type: "buildDataCenters",
      available: max > 0,
      amountField: "gw",
      unit: "GW",
      choices: [
        leverChoice({
          value: "",
          available: max > 0,
          max,
          min: 0,
          costPerUnit: cost,
          current: state[side].dataCenterGW,
        }),
      ],
      explanation:
        "Build data-centre halls at home. Chips need a hall and power; halls without chips earn nothing.",
      likelyEffect: `Ready in about ${leadTurns(state, side)} turns${side === "us" ? ", including permits and the grid queue" : ""}.`,
    });
  },
};
