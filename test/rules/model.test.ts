/**
 * The second model's mechanics, each against the sources it follows: sourced chip roadmaps that keep China's
 * parts 2.3x worse per watt, the export-grade chip of each year, money that lapses, China's mineral
 * counter-ban, US pressure on tool makers, and host pipelines capped at their sourced size.
 */
import { describe, expect, it } from "vitest";
import type { MatchState } from "../../shared/rules/index.ts";
import { domesticKwPerH100e, generationAt, orderOptions } from "../../shared/rules/index.ts";
import {
  buildCostFactor,
  domesticCapacity,
  exportGradeGeneration,
  kwPerH100e,
} from "../../shared/rules/model.ts";
import { baseline, makeState, play, scenarioWith } from "./helpers.ts";

const p = baseline.params;

function idle(state: MatchState, turns: number): MatchState {
  let s = state;
  for (let i = 0; i < turns; i++) s = play(s);
  return s;
}

describe("chip roadmaps", () => {
  it("every turn, China's newest domestic part draws 2-2.5x the power of Nvidia's newest per H100e", () => {
    let s = makeState();
    for (let turn = 0; turn < p.time.turns; turn++) {
      const ratio =
        kwPerH100e(s, "china", "domestic") / generationAt(p.chips.frontierRoadmap, turn).kwPerH100e;
      expect(ratio, `turn ${turn}`).toBeGreaterThanOrEqual(2);
      expect(ratio, `turn ${turn}`).toBeLessThanOrEqual(2.5);
      expect(kwPerH100e(s, "china", "domestic")).toBeCloseTo(domesticKwPerH100e(p, turn), 12);
      s = play(s, [], [{ type: "fundChipResearch", amount: 20 }]);
    }
  });

  it("chip research makes domestic chips faster, never as frugal as Nvidia's", () => {
    const researched = idle(play(makeState(), [], [{ type: "fundChipResearch", amount: 20 }]), 3);
    const plain = idle(makeState(), 4);
    expect(researched.china.domesticH100ePerChip).toBeGreaterThan(plain.china.domesticH100ePerChip);
    expect(kwPerH100e(researched, "china", "domestic")).toBe(kwPerH100e(plain, "china", "domestic"));
  });

  it("US chips bought each turn draw the power of that turn's Nvidia generation", () => {
    let s = makeState();
    for (let turn = 0; turn < 8; turn++) {
      expect(s.us.frontierKwPerH100e).toBeCloseTo(generationAt(p.chips.frontierRoadmap, turn).kwPerH100e, 12);
      s = play(s);
    }
    const names = s.events.filter((e) => e.key === "roadmap.frontier").map((e) => e.params?.name);
    expect(names).toEqual(p.chips.frontierRoadmap.slice(1).map((g) => g.name));
  });

  it("the performance cap lets through the H20 in 2025 and the H200, with its 25% charge, from 2026 H1", () => {
    const [h20, h200] = p.chips.exportGradeRoadmap;
    expect(exportGradeGeneration(makeState()).name).toBe(h20!.name);
    const s2026 = idle(makeState(), 2);
    expect(exportGradeGeneration(s2026).name).toBe(h200!.name);
    const offer = orderOptions(s2026, "china")
      .levers.find((l) => l.type === "buyChips")
      ?.choices.find((c) => c.value === "exportGrade");
    expect(offer?.costPerUnit).toBeCloseTo(h200!.usdPerH100e * 1e-9, 15);
    // An H200 is about a fifth of an H20's price per unit of compute, at a quarter of its power: worth buying.
    expect(h200!.usdPerH100e / h20!.usdPerH100e).toBeLessThan(0.5);
    expect(h200!.kwPerH100e / h20!.kwPerH100e).toBeLessThan(0.3);
    const bought = play(s2026, [], [{ type: "buyChips", chipType: "exportGrade", h100e: 100_000 }]);
    expect(bought.us.exportRevenueDue).toBe(0);
    expect(bought.us.cash - play(s2026).us.cash).toBeCloseTo(100_000 * h200!.usdPerH100e * 1e-9 * 0.25, 9);
  });
});

describe("money that is not spent", () => {
  it("lapses beyond carryOverTurns turns of income, and the side is told", () => {
    const rich = makeState({ us: { cash: 5000 } });
    const next = play(rich);
    expect(next.us.cash).toBeCloseTo(
      p.world.carryOverTurns * rich.us.income + next.us.income / (1 + p.us.incomeGrowthPerTurn),
      6,
    );
    const lapsed = next.events.find((e) => e.key === "budget.lapsed");
    expect(lapsed?.audience).toBe("us");
    expect(play(makeState()).events.some((e) => e.key === "budget.lapsed")).toBe(false);
  });
});

describe("China's mineral counter-ban", () => {
  it("comes with high tension, makes US building dearer, and lifts once tension eases well below it", () => {
    const w = p.world;
    const tense = play(makeState({ tension: w.mineralBanTension + 20 }));
    expect(tense.mineralBan).toBe(true);
    expect(tense.events.some((e) => e.key === "mineralBan.on" && e.audience === "public")).toBe(true);
    expect(buildCostFactor(tense, "us")).toBeCloseTo(
      p.us.energy.buildCostFactor * (1 + w.mineralBanCostShare),
      12,
    );
    expect(buildCostFactor(tense, "china")).toBeCloseTo(p.china.energy.buildCostFactor, 12);
    const calm = play({ ...tense, tension: w.mineralBanTension - w.mineralBanHysteresis - 5 });
    expect(calm.mineralBan).toBe(false);
  });
});

describe("US pressure on tool makers", () => {
  it("holds China's fab yield down, so fewer domestic chips can be made", () => {
    const s = makeState();
    const pressed = play(s, [{ type: "pressureToolAllies", amount: 20 }]);
    const control = play(s);
    expect(domesticCapacity(pressed).fabChips).toBeLessThan(domesticCapacity(control).fabChips);
    expect(pressed.hosts.japan.influence.us).toBeLessThan(control.hosts.japan.influence.us);
  });
});

describe("host pipelines", () => {
  it("grow to their sourced size and no further", () => {
    const late = idle(makeState({}, { scenario: scenarioWith({ world: { eventChancePerTurn: 0 } }) }), 16);
    expect(late.hosts.malaysia.capacityGW).toBeCloseTo(p.hosts.malaysia.capacityMaxGW, 9);
    for (const h of ["japan", "australia", "singapore", "malaysia", "indonesia"] as const)
      expect(late.hosts[h].capacityGW).toBeLessThanOrEqual(p.hosts[h].capacityMaxGW + 1e-9);
  });
});
