/** The balance lab's statistics against values worked out by hand or published. */
import { describe, expect, it } from "vitest";
import {
  binomial,
  bradleyTerry,
  correlation,
  histogram,
  quantiles,
  ratingsWithIntervals,
  seeded,
  wilson,
} from "../../server/lab/stats.ts";

describe("wilson", () => {
  it("gives [40.38%, 59.62%] for 50 wins in 100", () => {
    const { low, high } = wilson(50, 100);
    expect(low).toBeCloseTo(0.40383, 4);
    expect(high).toBeCloseTo(0.59617, 4);
  });

  it("matches the published intervals at the edges (0/10, 1/10, 10/10)", () => {
    expect(wilson(0, 10).low).toBeCloseTo(0, 12);
    expect(wilson(0, 10).high).toBeCloseTo(0.27753, 4);
    expect(wilson(1, 10).low).toBeCloseTo(0.01788, 4);
    expect(wilson(1, 10).high).toBeCloseTo(0.40415, 4);
    expect(wilson(10, 10).low).toBeCloseTo(0.72247, 4);
    expect(wilson(10, 10).high).toBeCloseTo(1, 12);
  });

  it("narrows as the sample grows: 5,000 of 10,000 is within one point of a half", () => {
    const { low, high } = wilson(5000, 10_000);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.5098, 4);
  });

  it("is the whole range without data", () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe("quantiles and histograms", () => {
  it("interpolates between order statistics like R's default (type 7)", () => {
    expect(quantiles([4, 1, 3, 2], [0, 0.25, 0.5, 0.9, 1])).toEqual([1, 1.75, 2.5, 3.7, 4]);
  });

  it("bins values on multiples of the width", () => {
    expect(histogram([0, 0.4, 0.5, 1.2, -0.1], 0.5)).toEqual({
      edges: [-0.5, 0, 0.5, 1],
      width: 0.5,
      counts: [1, 2, 1, 1],
    });
  });

  it("correlates a line perfectly and a constant not at all", () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 2, 3], [1, 1, 1])).toBeNaN();
  });
});

describe("Bradley-Terry ratings", () => {
  it("turns 3-to-1 odds into 400 log10(3) = 190.8 Elo points", () => {
    const r = bradleyTerry([{ a: "A", b: "B", wins: 750, games: 1000 }], 2000, 0);
    expect(r.get("A")! - r.get("B")!).toBeCloseTo(190.85, 1);
    expect(r.get("A")! + r.get("B")!).toBeCloseTo(0, 9);
  });

  it("recovers consistent strengths from three players (2:1, 2:1 and 4:1 odds)", () => {
    const r = bradleyTerry(
      [
        { a: "A", b: "B", wins: 2000, games: 3000 },
        { a: "B", b: "C", wins: 2000, games: 3000 },
        { a: "A", b: "C", wins: 4000, games: 5000 },
      ],
      5000,
      0,
    );
    const twoToOne = 400 * Math.log10(2);
    expect(r.get("A")! - r.get("B")!).toBeCloseTo(twoToOne, 1);
    expect(r.get("B")! - r.get("C")!).toBeCloseTo(twoToOne, 1);
  });

  it("keeps a player who won everything finite thanks to the prior", () => {
    const r = bradleyTerry([{ a: "A", b: "B", wins: 10, games: 10 }]);
    expect(Number.isFinite(r.get("A")!)).toBe(true);
    expect(r.get("A")!).toBeGreaterThan(r.get("B")!);
  });

  it("gives bootstrap intervals that contain the estimate and repeat for the same seed", () => {
    const records = [
      { a: "us:x", b: "china:y", wins: 600, games: 1000 },
      { a: "us:x", b: "china:z", wins: 400, games: 1000 },
    ];
    const first = ratingsWithIntervals(records, 100, 7);
    expect(ratingsWithIntervals(records, 100, 7)).toEqual(first);
    for (const r of first) {
      expect(r.low).toBeLessThanOrEqual(r.elo);
      expect(r.high).toBeGreaterThanOrEqual(r.elo);
    }
  });
});

describe("the seeded generator and the binomial draw", () => {
  it("repeats for a seed and averages n p", () => {
    const a = seeded(3);
    const b = seeded(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const random = seeded(11);
    let total = 0;
    for (let i = 0; i < 2000; i++) total += binomial(40, 0.25, random);
    expect(total / 2000).toBeCloseTo(10, 0);
    expect(binomial(1000, 0.5, random)).toBeGreaterThan(400);
  });
});
