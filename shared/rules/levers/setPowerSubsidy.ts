import { because } from "../reasons.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption, forecast } from "./lever.ts";

const SOURCE = "FT, Nov 2025 (up to 50% off power bills for data centres running domestic chips)";

/** China's electricity subsidy for data centres that run domestic chips, paid mostly by provinces. */
export const setPowerSubsidy: Lever<"setPowerSubsidy"> = {
  type: "setPowerSubsidy",
  sides: ["china"],
  key: () => "setPowerSubsidy",
  cost: () => 0,
  check(state, _side, o) {
    const max = state.scenario.params.china.subsidyMax;
    if (o.rate > max + 1e-9)
      return because(
        "subsidyMax",
        { percent: Math.round(max * 100) },
        `the subsidy can cover at most ${Math.round(max * 100)}% of the power bill`,
      );
    if (Math.abs(o.rate - state.china.subsidyRate) < 1e-9)
      return because("subsidyInForce", {}, "that subsidy rate is already in force");
    return null;
  },
  apply(ctx, _side, o) {
    ctx.s.china.subsidyRate = o.rate;
    ctx.emit(
      "public",
      "setPowerSubsidy",
      `China sets its power subsidy for domestic-chip data centres to ${Math.round(o.rate * 100)}%.`,
      { rate: o.rate },
      SOURCE,
    );
  },
  option(state) {
    const p = state.scenario.params.china;
    return leverOption({
      type: "setPowerSubsidy",
      available: true,
      amountField: "rate",
      unit: "share of the bill",
      choices: [
        leverChoice({
          value: "",
          available: true,
          max: p.subsidyMax,
          min: 0,
          costPerUnit: 0,
          current: state.china.subsidyRate,
        }),
      ],
      explanation:
        "Cut the electricity bill of data centres that run domestic chips; provinces pay most of it, the centre the rest.",
      likelyEffect: forecast(
        `Domestic chips (about twice the power per unit of compute) get cheaper to run, and the provinces connect up to ${p.subsidyGWPerTurn} GW of power with halls for them each turn at the full rate; the central budget pays ${Math.round(p.subsidyCentralShare * 100)}% of the subsidy.`,
        { percent: Math.round(p.subsidyCentralShare * 100), gw: p.subsidyGWPerTurn },
      ),
    });
  },
};
