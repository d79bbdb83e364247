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

/** The US export-control dial. A change is announced at resolution and takes effect at once. */
export const setExportControls: Lever<"setExportControls"> = {
  type: "setExportControls",
  sides: ["us"],
  key: () => "setExportControls",
  cost: () => 0,
  check(state, _side, o) {
    if (o.level === state.us.exportControlLevel)
      return because("controlsInForce", { level: o.level }, `${NAMES[o.level]} is already in force`);
    if (o.level === "open" && state.tension >= state.scenario.params.world.escalationTension)
      return because("tensionTooHigh", {}, "tension is too high to reopen chip trade");
    return null;
  },
  apply(ctx, _side, o) {
    const s = ctx.s;
    const from = s.us.exportControlLevel;
    const steps = CONTROL_LEVELS.indexOf(o.level) - CONTROL_LEVELS.indexOf(from);
    s.us.exportControlLevel = o.level;
    s.tension = clamp(s.tension + steps * s.scenario.params.exportControls.tensionPerStep, 0, 100);
    if (o.level !== "banPlusRemoteAccess")
      for (const h of Object.values(s.hosts)) h.appliesRemoteAccessRule = false;
    ctx.emit("public", "exportControls.changed", `The US moves from ${NAMES[from]} to ${NAMES[o.level]}.`, {
      from,
      to: o.level,
    });
  },
  option(state) {
    const current = state.us.exportControlLevel;
    const choices = CONTROL_LEVELS.map((level) => {
      const reason = setExportControls.check(state, "us", { type: "setExportControls", level });
      return leverChoice({
        value: level,
        available: !reason,
        reason,
        max: 0,
        min: 0,
        costPerUnit: 0,
      });
    });
    return leverOption({
      type: "setExportControls",
      available: true,
      unit: "",
      choiceField: "level",
      choices,
      explanation:
        "Set how far US AI chips may be sold to China, from open trade to a ban that also closes rented compute abroad.",
      likelyEffect: forecast(
        `Now: ${NAMES[current]}. Tighter controls cut China's chip supply and raise tension; looser ones earn export revenue.`,
        { level: current },
      ),
    });
  },
};
