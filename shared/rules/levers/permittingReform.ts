import { because } from "../reasons.ts";
import type { ResolveContext } from "./lever.ts";
import { forecast } from "./lever.ts";
import { spendingLever } from "./spending.ts";

const SOURCE =
  "LBNL Queued Up 2024 (about 5 years to connect); Dominion via Bloomberg 2024 (4-7 years for a large hookup)";

/**
 * US permitting reform: money and political effort push a bill towards a vote. If it passes, permitting delay
 * and local-opposition risk shrink (also for projects already waiting), at the political cost of a dip in income.
 */
export const permittingReform = spendingLever({
  type: "permittingReform",
  sides: ["us"],
  explanation:
    "Push a permitting and grid-connection reform through Congress. If it passes, US projects wait less and meet less opposition.",
  likelyEffect: (state) => {
    const progress = Math.round(state.us.reformProgress * 100);
    const inForce = Math.round(state.us.permitReform * 100);
    return forecast(
      `The bill is ${progress}% of the way to a vote; reform in force: ${inForce}%. Passing costs political capital (a dip in income).`,
      { progress, inForce },
    );
  },
  closed: (state) =>
    state.us.permitReform >= 1
      ? because("reformComplete", {}, "permitting reform is already complete")
      : null,
  apply(ctx, _side, o) {
    ctx.s.us.reformProgress += o.amount / ctx.s.scenario.params.us.reformCostToVote;
    if (ctx.s.us.reformProgress >= 1) holdReformVote(ctx);
  },
});

/** Puts the reform bill to a vote: it passes with the scenario's chance, or falls back to half-way. */
export function holdReformVote(ctx: ResolveContext): void {
  const { s } = ctx;
  const p = s.scenario.params.us;
  if (ctx.dice("reform").chance(p.reformPassChance)) {
    const before = s.us.permitReform;
    s.us.permitReform = Math.min(1, before + p.reformStep);
    s.us.reformProgress = 0;
    s.us.politicalCostTurns = 2;
    // Projects already waiting for permits benefit too.
    const share = (s.us.permitReform - before) / Math.max(1e-9, 1 - before);
    for (const project of s.us.projects) {
      const cut = Math.floor(project.delayTurns * share);
      project.turnsLeft = Math.max(1, project.turnsLeft - cut);
      project.delayTurns -= cut;
    }
    ctx.emit(
      "public",
      "permittingReform.passed",
      "US permitting reform passes: projects wait less for permits and grid connections.",
      {},
      SOURCE,
    );
  } else {
    s.us.reformProgress = 0.5;
    ctx.emit(
      "public",
      "permittingReform.failed",
      "US permitting reform fails its vote; supporters regroup for another try.",
      {},
      SOURCE,
    );
  }
}
