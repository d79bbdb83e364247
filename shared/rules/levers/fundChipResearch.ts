import { saturate } from "../model.ts";
import { forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

/** China's spending on domestic accelerator design: better chips per die and per watt, with diminishing returns. */
export const fundChipResearch = spendingLever({
  type: "fundChipResearch",
  sides: ["china"],
  explanation:
    "Fund domestic accelerator design (the Ascend roadmap): more compute per chip and per watt, with diminishing returns.",
  likelyEffect: (state) => {
    const l = state.scenario.params.levers;
    return forecast(
      `Up to ${l.chipResearchLevelsMax.toFixed(2)} extra design generations a turn on top of the roadmap; makes a yield breakthrough likelier.`,
      { levels: l.chipResearchLevelsMax },
    );
  },
  apply(ctx, _side, o) {
    const c = ctx.s.china;
    const l = ctx.s.scenario.params.levers;
    c.chipResearchStock += o.amount;
    c.chipDesignLevel += l.chipResearchLevelsMax * saturate(o.amount, l.chipResearchRef);
  },
});
