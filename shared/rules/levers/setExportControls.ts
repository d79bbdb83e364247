import { clamp } from "../model.ts";
import { because } from "../reasons.ts";
import type { ControlLevel } from "../types.ts";
import { CONTROL_LEVELS } from "../types.ts";
import type { Lever } from "./lever.ts";
import { leverChoice, leverOption, forecast } from "./lever.ts";

const NAMES: Record<ControlLevel, string> = {
  open: "open exports",
  performanceCap: "a performance cap (export-grade chips only)",
  fullBan: "a full ban on AI chips",
  banPlusRemoteAccess: "a full ban plus a remote-access rule closing offshore leases",
};

/** The level an order puts in force at once: the remote-access rule waits for its law, the full ban meanwhile. */
function levelInForce(asked: ControlLevel): ControlLevel {
  return asked === "banPlusRemoteAccess" ? "fullBan" : asked;
}

/**
 * The US export-control dial. A change is announced at resolution and takes effect at once, except the
 * remote-access rule, which needs a law: asking for it puts a bill before Congress (the controls move to the
 * full ban meanwhile) that becomes law `exportControls.remoteAccessLawTurns` turns later. Each step of
 * tightening costs the US chip industry (written-off stock, lost orders) and raises tension.
 */
export const setExportControls: Lever<"setExportControls"> = {
  type: "setExportControls",
  sides: ["us"],
  key: () => "setExportControls",
  // A tightening step costs the US chip industry: the order takes it from the US budget.
  cost: (state, _side, o) =>
    Math.max(
      0,
      CONTROL_LEVELS.indexOf(levelInForce(o.level)) - CONTROL_LEVELS.indexOf(state.us.exportControlLevel),
    ) * state.scenario.params.exportControls.tighteningCostPerStep,
  check(state, _side, o) {
    if (o.level === state.us.exportControlLevel)
      return because("controlsInForce", { level: o.level }, `${NAMES[o.level]} is already in force`);
    if (o.level === "banPlusRemoteAccess" && state.us.remoteAccessBillTurns > 0)
      return because(
        "billPending",
        { turns: state.us.remoteAccessBillTurns },
        `the remote-access bill is already before Congress (law in ${state.us.remoteAccessBillTurns} turns)`,
      );
    if (o.level === "open" && state.tension >= state.scenario.params.world.escalationTension)
      return because("tensionTooHigh", {}, "tension is too high to reopen chip trade");
    return null;
  },
  apply(ctx, side, o) {
    const s = ctx.s;
    const ec = s.scenario.params.exportControls;
    const from = s.us.exportControlLevel;
    // The remote-access rule needs a law first; until it passes, the controls stand at the full ban.
    const asksForLaw = o.level === "banPlusRemoteAccess";
    const to = levelInForce(o.level);
    s.us.remoteAccessBillTurns = asksForLaw ? ec.remoteAccessLawTurns : 0;
    const steps = CONTROL_LEVELS.indexOf(to) - CONTROL_LEVELS.indexOf(from);
    s.us.exportControlLevel = to;
    s.tension = clamp(s.tension + steps * ec.tensionPerStep, 0, 100);
    if (steps > 0) ctx.charge(side, "setExportControls", steps * ec.tighteningCostPerStep);
    if (to !== "banPlusRemoteAccess")
      for (const h of Object.values(s.hosts)) h.appliesRemoteAccessRule = false;
    if (from !== to)
      ctx.emit("public", "exportControls.changed", `The US moves from ${NAMES[from]} to ${NAMES[to]}.`, {
        from,
        to,
      });
    if (asksForLaw)
      ctx.emit(
        "public",
        "remoteAccess.bill",
        `A remote-access bill goes before Congress; if it passes, it becomes law in ${ec.remoteAccessLawTurns} turns.`,
        { turns: ec.remoteAccessLawTurns },
        "Law-firm commentary, Jan 2026 (Remote Access Security Act passed the House 369-22)",
      );
  },
  option(state) {
    const current = state.us.exportControlLevel;
    const ec = state.scenario.params.exportControls;
    const choices = CONTROL_LEVELS.map((level) => {
      const reason = setExportControls.check(state, "us", { type: "setExportControls", level });
      return leverChoice({
        value: level,
        available: !reason,
        reason,
        max: 0,
        min: 0,
        // What moving to this level costs (the price of the whole step, since the order has no amount).
        costPerUnit: setExportControls.cost(state, "us", { type: "setExportControls", level }),
      });
    });
    return leverOption({
      type: "setExportControls",
      available: true,
      unit: "",
      choiceField: "level",
      choices,
      explanation:
        "Set how far US AI chips may be sold to China, from open trade to a ban that also closes rented compute abroad (that rule needs a law, which takes turns to pass).",
      likelyEffect: forecast(
        `Now: ${NAMES[current]}. Tighter controls cut China's chip supply, cost US chip makers ${ec.tighteningCostPerStep} $B a step and raise tension; looser ones earn export revenue.`,
        { level: current, cost: ec.tighteningCostPerStep },
      ),
    });
  },
};
