/**
 * Levers that start one long project of one kind (fabs, HBM lines, data-centre halls): an amount priced per
 * unit, paid now, delivered after a lead time (plus permitting for US projects at home). This helper builds
 * their common parts; each lever file says only what its project is.
 */
import type { OrderOf } from "../orders.ts";
import { usPermitDelay } from "../model.ts";
import { startProject } from "../projects.ts";
import type { MatchState, Project, ProjectKind, Side } from "../types.ts";
import type { Forecast, Lever } from "./lever.ts";
import { leverChoice, leverOption } from "./lever.ts";

type ProjectType = "expandFabs" | "expandHbm" | "buildDataCenters";
type AmountField = "wafersPerMonth" | "stacksPerTurn" | "gw";

interface ProjectLeverSpec<T extends ProjectType> {
  type: T;
  sides: readonly Side[];
  amountField: AmountField;
  unit: string;
  kind: ProjectKind;
  /** $B per unit of the amount. */
  unitCost(state: MatchState, side: Side): number;
  /** Turns to build, and the base permitting delay a US project at home adds (halved by reform). */
  lead(state: MatchState, side: Side): { leadTurns: number; usPermitDelayTurns?: number };
  current(state: MatchState, side: Side): number;
  explanation: string;
  likelyEffect(state: MatchState, side: Side, turns: number): Forecast;
  started(amount: number, project: Project): string;
}

function amountOf<T extends ProjectType>(order: OrderOf<T>, field: AmountField): number {
  return (order as unknown as Record<AmountField, number>)[field];
}

/** Turns until a project started now would deliver, permitting included. */
function turnsToBuild(
  state: MatchState,
  side: Side,
  lead: { leadTurns: number; usPermitDelayTurns?: number },
): number {
  const delay =
    side === "us" && lead.usPermitDelayTurns !== undefined
      ? usPermitDelay(state, lead.usPermitDelayTurns)
      : 0;
  return lead.leadTurns + delay;
}

export function projectLever<T extends ProjectType>(spec: ProjectLeverSpec<T>): Lever<T> {
  return {
    type: spec.type,
    sides: spec.sides,
    key: () => spec.type,
    cost: (state, side, o) => amountOf(o, spec.amountField) * spec.unitCost(state, side),
    check: () => null,
    apply(ctx, side, o) {
      const amount = amountOf(o, spec.amountField);
      ctx.charge(side, spec.type, amount * spec.unitCost(ctx.before, side));
      const project = startProject(ctx, side, { kind: spec.kind, amount, ...spec.lead(ctx.before, side) });
      ctx.emit(side, spec.type, spec.started(amount, project));
    },
    option(state, side, money) {
      const cost = spec.unitCost(state, side);
      const max = money / cost;
      return leverOption({
        type: spec.type,
        available: max > 0,
        amountField: spec.amountField,
        unit: spec.unit,
        choices: [
          leverChoice({
            value: "",
            available: max > 0,
            max,
            min: 0,
            costPerUnit: cost,
            current: spec.current(state, side),
          }),
        ],
        explanation: spec.explanation,
        likelyEffect: spec.likelyEffect(state, side, turnsToBuild(state, side, spec.lead(state, side))),
      });
    },
  };
}
