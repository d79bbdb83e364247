/**
 * Fast following (issue 10): the side behind in capability closes a share of its gap each turn by studying what
 * the leader shows (papers, open-weight models, distillation), a share that halves as the leaders guard their
 * models. The rule does not depend on which side is which.
 */
import { describe, expect, it } from "vitest";
import type { MatchState } from "../../shared/rules/index.ts";
import { fastFollowFactor, fastFollowShare } from "../../shared/rules/model.ts";
import { baseline, makeState, play, scenarioWith } from "./helpers.ts";

const p = baseline.params;
const noFollow = scenarioWith({ world: { eventChancePerTurn: 0, fastFollowShare: 0 } });

/** One passive turn from `s`, and the same turn with fast following switched off. */
function withAndWithout(s: MatchState): { next: MatchState; control: MatchState } {
  return { next: play(s), control: play({ ...s, scenario: noFollow }) };
}

describe("fast following", () => {
  it("is sourced in the scenario as a derived share, with a design half-life the lab can sweep", () => {
    expect(p.world.fastFollowShare).toBeGreaterThan(0);
    expect(p.world.fastFollowShare).toBeLessThan(1);
    expect(p.world.fastFollowHalfLifeTurns).toBeGreaterThan(0);
  });

  it("lets China, behind at the start, close the share of the turn's capability gap in algorithms", () => {
    const s = makeState();
    const gap = s.us.capability - s.china.capability;
    expect(gap).toBeGreaterThan(0);
    const { next, control } = withAndWithout(s);
    const gained = Math.log10(next.china.algoEfficiency / control.china.algoEfficiency);
    expect(gained).toBeCloseTo(fastFollowShare(p, 0) * gap, 9);
    expect(gained).toBeGreaterThan(0);
    // The side ahead gains nothing from following.
    expect(next.us.algoEfficiency).toBeCloseTo(control.us.algoEfficiency, 12);
    expect(next.china.capability).toBeGreaterThan(control.china.capability);
  });

  it("helps whichever side is behind: with the US behind, the US follows and China gains nothing", () => {
    const start = makeState();
    const s = { ...start, us: { ...start.us, capability: start.china.capability - 0.5 } };
    const { next, control } = withAndWithout(s);
    expect(Math.log10(next.us.algoEfficiency / control.us.algoEfficiency)).toBeCloseTo(
      fastFollowShare(p, 0) * 0.5,
      9,
    );
    expect(next.china.algoEfficiency).toBeCloseTo(control.china.algoEfficiency, 12);
  });

  it("gives nothing when the sides are level", () => {
    expect(fastFollowFactor(25, 25, 0.3)).toBe(1);
    expect(fastFollowFactor(26, 25, 0.3)).toBe(1);
    expect(fastFollowFactor(25, 26, 0.3)).toBeCloseTo(10 ** 0.3, 12);
  });

  it("halves every half-life: the share in turn t is share x 0.5^(t / half-life)", () => {
    const h = p.world.fastFollowHalfLifeTurns;
    expect(fastFollowShare(p, 0)).toBe(p.world.fastFollowShare);
    expect(fastFollowShare(p, h)).toBeCloseTo(p.world.fastFollowShare / 2, 12);
    expect(fastFollowShare(p, 2 * h)).toBeCloseTo(p.world.fastFollowShare / 4, 12);
    expect(fastFollowShare(p, 5)).toBeLessThan(fastFollowShare(p, 4));
  });

  it("narrows the lead over a passive match compared with no following, and never puts the follower ahead by itself", () => {
    let a = makeState();
    let b = makeState({}, { scenario: noFollow });
    for (let t = 0; t < 6; t++) {
      a = play(a);
      b = play(b);
      expect(a.history[a.history.length - 1]!.leadMonths).toBeLessThan(
        b.history[b.history.length - 1]!.leadMonths,
      );
      expect(a.history[a.history.length - 1]!.leadMonths).toBeGreaterThan(0);
    }
  });
});
