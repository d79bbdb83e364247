/**
 * Model v2.1's mechanics: the power subsidy connects provincial power for China's domestic-chip halls, the
 * smuggling cap counts chips of the generation on sale and shrinks as the transit hosts grow stricter, and
 * China's intelligence lets shipments evade part of the detection.
 */
import { describe, expect, it } from "vitest";
import {
  detectionChance,
  detectionChanceFrom,
  frontierGeneration,
  pipelineGW,
  smugglingCap,
} from "../../shared/rules/model.ts";
import { HOSTS } from "../../shared/rules/index.ts";
import { baseline, makeState, play } from "./helpers.ts";

const p = baseline.params;

describe("China's power subsidy", () => {
  it("adds subsidyGWPerTurn of halls and firm power a turn at the full rate, in proportion below it", () => {
    const committed = p.china.energy.pipelineGWPerTurn;
    expect(pipelineGW(p, "china", 0, 0)).toBeCloseTo(committed, 12);
    expect(pipelineGW(p, "china", 0, p.china.subsidyMax)).toBeCloseTo(
      committed + p.china.subsidyGWPerTurn,
      12,
    );
    expect(pipelineGW(p, "china", 0, p.china.subsidyMax / 2)).toBeCloseTo(
      committed + p.china.subsidyGWPerTurn / 2,
      12,
    );
    // After the committed pipeline ends, only the subsidised power keeps coming; the US gets none of it.
    expect(pipelineGW(p, "china", p.china.energy.pipelineTurns, p.china.subsidyMax)).toBeCloseTo(
      p.china.subsidyGWPerTurn,
      12,
    );
    expect(pipelineGW(p, "us", 0, p.china.subsidyMax)).toBeCloseTo(p.us.energy.pipelineGWPerTurn, 12);
  });

  it("gives China more halls and grid power in play than the same turn without it", () => {
    const without = play(makeState());
    const withIt = play(makeState({ china: { subsidyRate: p.china.subsidyMax } }));
    expect(withIt.china.dataCenterGW - without.china.dataCenterGW).toBeCloseTo(p.china.subsidyGWPerTurn, 9);
    expect(withIt.china.powerGW.grid - without.china.powerGW.grid).toBeCloseTo(p.china.subsidyGWPerTurn, 9);
    expect(withIt.us.dataCenterGW).toBeCloseTo(without.us.dataCenterGW, 9);
  });
});

describe("the smuggling cap", () => {
  it("is smugglingChipsPerTurn chips of the Nvidia generation on sale while the hosts are as strict as at the start", () => {
    const s = makeState();
    expect(smugglingCap(s)).toBeCloseTo(
      p.chips.smugglingChipsPerTurn * frontierGeneration(s).h100ePerChip,
      6,
    );
    const later = makeState({ turn: 5 });
    expect(frontierGeneration(later).h100ePerChip).toBeGreaterThan(frontierGeneration(s).h100ePerChip);
    expect(smugglingCap(later)).toBeGreaterThan(smugglingCap(s));
  });

  it("shrinks as the transit hosts grow stricter, to nothing when all of them check every shipment", () => {
    const strict = (strictness: number) =>
      makeState({ hosts: Object.fromEntries(HOSTS.map((h) => [h, { strictness }])) });
    expect(smugglingCap(strict(0.6))).toBeLessThan(smugglingCap(makeState()));
    expect(smugglingCap(strict(0.9))).toBeLessThan(smugglingCap(strict(0.6)));
    expect(smugglingCap(strict(1))).toBe(0);
  });
});

describe("the chance a shipment is caught", () => {
  it("grows with host strictness even under heavy enforcement (the two catch shipments independently)", () => {
    const l = p.levers;
    const hosts = (strictness: number) =>
      Object.fromEntries(HOSTS.map((h) => [h, { strictness }])) as Parameters<typeof detectionChanceFrom>[2];
    expect(detectionChanceFrom(l, 0.8, hosts(0.6))).toBeGreaterThan(detectionChanceFrom(l, 0.8, hosts(0.2)));
    expect(detectionChanceFrom(l, 1, hosts(0))).toBeCloseTo(l.detectionMax, 12);
  });

  it("falls by up to intelEvasion with China's intelligence, which the US's own forecast leaves out", () => {
    const blind = makeState({ us: { enforcementStock: 10 } });
    const informed = makeState({ us: { enforcementStock: 10 }, china: { intelStock: 1e6 } });
    expect(detectionChance(informed)).toBeCloseTo(detectionChance(blind) * (1 - p.levers.intelEvasion), 9);
    expect(detectionChance(informed, false)).toBeCloseTo(detectionChance(blind), 12);
  });
});
