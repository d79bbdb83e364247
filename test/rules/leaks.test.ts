/**
 * Values that once slipped out through a refusal, a price or an event text. Each is now either public (shown
 * exactly to everybody, so the refusal or price tells nothing new) or never used to build a message for the
 * side it is hidden from.
 */
import { describe, expect, it } from "vitest";
import type { ChinaView } from "../../shared/rules/index.ts";
import { orderOptions, resolveTurn, submitOrders, viewFor } from "../../shared/rules/index.ts";
import { detectionChanceFrom, saturate } from "../../shared/rules/model.ts";
import { makeState, submit } from "./helpers.ts";

const chinaView = (s: ReturnType<typeof makeState>) => viewFor(s, "china") as unknown as ChinaView;

describe("the frontier supply is public", () => {
  it("China reads it exactly in its view, and a refused order's limit says no more than that", () => {
    const s = makeState({ us: { exportControlLevel: "open" } });
    const view = chinaView(s);
    expect(view.intel.frontierSupply).toBeUndefined();
    const asked = view.frontierSupply * 2;
    const refused = submitOrders(s, "china", [{ type: "buyChips", chipType: "frontier", h100e: asked }]);
    expect(refused.ok).toBe(false);
    const reason = refused.ok ? undefined : refused.errors[0]?.reason;
    expect(reason?.key).toBe("chipsOnOffer");
    expect((reason?.params as { max: number }).max).toBe(view.frontierSupply);
    // The spectator sees the same number: it is a public fact, not China's privilege.
    expect((viewFor(s, "spectator") as unknown as ChinaView).frontierSupply).toBe(view.frontierSupply);
  });
});

describe("US pressure on tool makers is public", () => {
  it("China's fab price follows from the public pressure level in its view", () => {
    for (const toolPressure of [0, 3, 40]) {
      const s = makeState({ us: { toolPressure } });
      const view = chinaView(s);
      const fabs = orderOptions(s, "china").levers.find((l) => l.type === "expandFabs");
      const base = s.scenario.params.china.domestic.fabCostPer1kWpm / 1000;
      expect(fabs?.choices[0]?.costPerUnit).toBeCloseTo(base * (1 + view.toolPressure), 12);
    }
  });
});

describe("a smuggled shipment that arrives", () => {
  it("tells China the risk its own intelligence estimated, never the true one", () => {
    let checked = 0;
    for (let seed = 1; seed <= 40 && checked < 5; seed++) {
      // Heavy US enforcement: the true risk is high, and hidden from China.
      const s = makeState({ us: { exportControlLevel: "fullBan", enforcementStock: 50 } }, { seed });
      const view = chinaView(s);
      const ownEstimate = detectionChanceFrom(
        s.scenario.params.levers,
        Math.min(1, view.intel.enforcement?.estimate ?? 0),
        view.hosts,
        saturate(view.own.intelStock, s.scenario.params.levers.intelRef),
      );
      const ordered = submit(s, "china", [{ type: "smuggleChips", h100e: 10_000 }]);
      const arrived = resolveTurn(ordered).events.find((e) => e.key === "smuggleChips.arrived");
      if (!arrived) continue;
      checked++;
      expect(arrived.params?.riskPercent).toBe(Math.round(ownEstimate * 100));
      expect(arrived.message).toContain(`about ${Math.round(ownEstimate * 100)}%`);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
