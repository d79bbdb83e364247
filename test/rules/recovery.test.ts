/**
 * No hidden value can be solved back exactly from what a side sees. For each public quantity that a secret
 * move changes (a host's goodwill and openness, tension), the test does what a clever player would: it takes
 * the public change against the same turn without the move (the best case for the attacker) and inverts the
 * rules' own formula. The recovered amount must never be the true one: the effect size carries a factor from
 * the mover's secret stream.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MatchState, Order } from "../../shared/rules/index.ts";
import { leasePrice } from "../../shared/rules/model.ts";
import { makeState, play } from "./helpers.ts";

const RUNS = 150;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Inverts saturate(x, ref) = 1 - exp(-x / ref). */
const unsaturate = (level: number, ref: number) => -ref * Math.log(1 - level);

function seeded(seed: number): MatchState {
  return makeState({}, { seed });
}

describe("hidden spending cannot be solved back from public numbers", () => {
  /**
   * For random seeds and amounts in [min, max], `solve` returns what inverting the public change gives back;
   * it must never be the amount.
   */
  function neverSolved(min: number, max: number, solve: (s: MatchState, amount: number) => number[]): void {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min, max, noNaN: true }), (seed, amount) => {
        for (const solved of solve(seeded(seed), amount)) expect(close(solved, amount)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  }

  it("China's courting spend from the host's goodwill towards China", () => {
    neverSolved(0.05, 20, (s, amount) => {
      const l = s.scenario.params.levers;
      const order: Order = { type: "courtHost", host: "malaysia", amount };
      const gain =
        play(s, [], [order]).hosts.malaysia.influence.china - play(s).hosts.malaysia.influence.china;
      return [unsaturate(gain / l.courtInfluence, l.courtRef)];
    });
  });

  it("China's new lease from the host's openness", () => {
    neverSolved(100, 40_000, (s, h100e) => {
      const l = s.scenario.params.levers;
      const order: Order = { type: "leaseCompute", host: "malaysia", h100e };
      const keen = play(s, [], [order]).hosts.malaysia.openness - play(s).hosts.malaysia.openness;
      return [unsaturate(keen / l.leaseOpennessEffect, l.courtRef) / leasePrice(s, "malaysia")];
    });
  });

  it("US pressure on a host from tension and from the host's strictness", () => {
    neverSolved(0.05, 30, (s, amount) => {
      const p = s.scenario.params;
      const l = p.levers;
      const pressed = play(s, [{ type: "pressureHost", host: "singapore", amount }]);
      const control = play(s);
      const push =
        (pressed.tension - control.tension) / (1 - p.world.tensionDecayPerTurn) / l.pressureTension;
      const before = control.hosts.singapore.strictness;
      const viaStrictness =
        (pressed.hosts.singapore.strictness - before) / ((1 - before) * l.pressureStrictnessEffect);
      return [unsaturate(push, l.pressureRef), unsaturate(viaStrictness, l.pressureRef)];
    });
  });

  it("US co-funding from the host's goodwill towards the US", () => {
    neverSolved(0.05, 30, (s, amount) => {
      const l = s.scenario.params.levers;
      const order: Order = { type: "subsidiseAllies", host: "indonesia", amount };
      const gain = play(s, [order]).hosts.indonesia.influence.us - play(s).hosts.indonesia.influence.us;
      return [unsaturate(gain / l.subsidyAllyInfluence, l.courtRef)];
    });
  });

  it("while with the uncertainty switched off the same inversion would find the amount (so the test can fail)", () => {
    const s = makeState({}, { seed: 5 });
    const exact = {
      ...s,
      scenario: {
        ...s.scenario,
        params: { ...s.scenario.params, levers: { ...s.scenario.params.levers, diplomacyUncertainty: 0 } },
      },
    };
    const l = exact.scenario.params.levers;
    const order: Order = { type: "courtHost", host: "malaysia", amount: 3.21 };
    const gain =
      play(exact, [], [order]).hosts.malaysia.influence.china - play(exact).hosts.malaysia.influence.china;
    // The public goodwill has faded by the drift once; undo that too.
    const won = gain / (1 - l.influenceDrift);
    expect(close(unsaturate(won / l.courtInfluence, l.courtRef), 3.21)).toBe(true);
  });
});
