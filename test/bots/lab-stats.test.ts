/** The lab's normal interval for paired differences, against values worked out by hand. */
import { describe, expect, it } from "vitest";
import { normalInterval, Z95 } from "../../server/lab/stats.ts";

describe("normalInterval", () => {
  it("gives 3 ± 1.96·1.5811/√5 = [1.614, 4.386] for 1, 2, 3, 4, 5", () => {
    const r = normalInterval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.n).toBe(5);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.low).toBeCloseTo(1.61413, 4);
    expect(r.high).toBeCloseTo(4.38587, 4);
  });

  it("is symmetric about the mean and narrows with √n", () => {
    const few = normalInterval([0, 2, 0, 2]);
    const many = normalInterval(Array.from({ length: 400 }, (_, i) => (i % 2) * 2));
    expect(few.high - few.mean).toBeCloseTo(few.mean - few.low, 12);
    // Same values repeated 100 times: sd barely moves (n − 1 divisor), the half-width shrinks tenfold.
    expect((few.high - few.low) / (many.high - many.low)).toBeCloseTo(10 * (few.sd / many.sd), 9);
  });

  it("takes another z for other levels", () => {
    const r = normalInterval([1, 2, 3, 4, 5], 1);
    expect(r.high - r.mean).toBeCloseTo(Math.sqrt(2.5) / Math.sqrt(5), 12);
    expect(Z95).toBeCloseTo(1.96, 2);
  });

  it("is the single point when every value is the same", () => {
    expect(normalInterval([0.5, 0.5, 0.5])).toEqual({ mean: 0.5, sd: 0, n: 3, low: 0.5, high: 0.5 });
  });

  it("has no interval below two values", () => {
    const one = normalInterval([4]);
    expect(one.mean).toBe(4);
    expect(one.low).toBeNaN();
    expect(one.high).toBeNaN();
    expect(normalInterval([]).mean).toBeNaN();
  });
});
