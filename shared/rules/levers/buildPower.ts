import { buildCostFactor, usPermitDelay } from "../model.ts";
import { startProject } from "../projects.ts";
import type { BuildableSource, MatchState, Side } from "../types.ts";
import { BUILDABLE_SOURCES } from "../types.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption, forecast } from "./lever.ts";

function unitCost(state: MatchState, side: Side, source: BuildableSource): number {
  const p = state.scenario.params;
  return p.power.sources[source].costPerGW * buildCostFactor(state, side);
}

function leadTurns(state: MatchState, side: Side, source: BuildableSource): number {
  const src = state.scenario.params.power.sources[source];
  return src.leadTurns + (side === "us" ? usPermitDelay(state, src.usPermitDelayTurns) : 0);
}

/** Power plants for data centres, by source: solar and wind fast, gas medium, nuclear slow. */
export const buildPower: Lever<"buildPower"> = {
  type: "buildPower",
  sides: ["us", "china"],
  key: (o) => `buildPower:${o.source}`,
  cost: (state, side, o) => o.gw * unitCost(state, side, o.source),
  check: () => null,
  apply(ctx, side, o) {
    const src = ctx.s.scenario.params.power.sources[o.source];
    ctx.charge(side, "buildPower", o.gw * unitCost(ctx.before, side, o.source));
    const project = startProject(ctx, side, {
      kind: "power",
      amount: o.gw,
      source: o.source,
      leadTurns: src.leadTurns,
      usPermitDelayTurns: src.usPermitDelayTurns,
    });
    const wait =
      project.delayTurns > 0
        ? ` (${project.delayTurns} of them in permitting and the interconnection queue)`
        : "";
    ctx.emit(
      side,
      "buildPower",
      `${o.gw.toFixed(2)} GW of ${o.source} started; online in ${project.turnsLeft} turns${wait}.`,
    );
  },
  option(state, side, money) {
    const sources = state.scenario.params.power.sources;
    return leverOption({
      type: "buildPower",
      available: money > 0,
      amountField: "gw",
      unit: "GW",
      choiceField: "source",
      choices: BUILDABLE_SOURCES.map((source) =>
        leverChoice({
          value: source,
          available: money > 0,
          max: money / unitCost(state, side, source),
          min: 0,
          costPerUnit: unitCost(state, side, source),
          current: state[side].powerGW[source],
        }),
      ),
      explanation: `Build power for data centres. Firm output per GW: ${BUILDABLE_SOURCES.map((s) => `${s} ${Math.round(sources[s].firmFactor * 100)}%`).join(", ")}.`,
      likelyEffect: forecast(
        `Online in: ${BUILDABLE_SOURCES.map((s) => `${s} ${leadTurns(state, side, s)}`).join(", ")} turns.`,
        Object.fromEntries(BUILDABLE_SOURCES.map((s) => [s, leadTurns(state, side, s)])),
      ),
    });
  },
};
