/**
 * The seeded generator. Its whole state is one unsigned 32-bit integer kept inside the match state, so a
 * match can be saved, restored and replayed exactly. `next` is pure: it returns the value and the new state.
 * Algorithm: mulberry32 (public domain), small and fast, good enough for game chance.
 */
export type Rng = number;

/** Seeds a generator from any integer (and mixes it so that nearby seeds give unrelated streams). */
export function seedRng(seed: number): Rng {
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Returns a uniform value in [0, 1) and the advanced generator. */
export function next(rng: Rng): [number, Rng] {
  const state = (rng + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, state];
}

/** The draws every generator offers, built on its uniform draw. */
export abstract class DiceBase {
  /** Uniform in [0, 1). */
  abstract uniform(): number;

  /** True with probability p (clamped to [0, 1]). */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** A standard normal draw (Box-Muller). */
  normal(): number {
    const u = Math.max(this.uniform(), 1e-12);
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Picks an index with probability proportional to its weight; -1 if all weights are zero. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return -1;
    let r = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * A cursor over the 32-bit generator, for code that draws several values in a row (bots, the lab). It wraps
 * the pure `next` so that the final state can be written back.
 */
export class Dice extends DiceBase {
  constructor(public state: Rng) {
    super();
  }

  uniform(): number {
    const [value, state] = next(this.state);
    this.state = state;
    return value;
  }
}
