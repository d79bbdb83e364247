/**
 * Statistics for the balance lab: Wilson score intervals for win rates, quantiles and histograms, Bradley-Terry
 * ratings (on the Elo scale) with bootstrap intervals, and a small seeded generator so that every number the lab
 * reports, intervals included, is the same for the same seed. Pure functions, checked in test/bots/stats.test.ts.
 */

/** The 97.5% point of the standard normal: two-sided 95% intervals. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion: `wins` successes out of `n` trials. Better than the normal
 * approximation near 0 and 1 and for small n; for n = 0 it is the whole range [0, 1].
 */
export function wilson(wins: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = wins / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A mean with its two-sided interval, the spread it came from and how many values. */
export interface MeanInterval extends Interval {
  mean: number;
  /** Sample standard deviation (divisor n - 1). */
  sd: number;
  n: number;
}

/**
 * The mean of `values` with the normal-approximation interval mean ± z·sd/√n. No t quantile: the lab applies it
 * to hundreds of paired matches, where the t and normal points agree to the second decimal. With fewer than two
 * values the spread is unknown, so sd and the bounds are NaN (null in the report's JSON).
 */
export function normalInterval(values: readonly number[], z = Z95): MeanInterval {
  const n = values.length;
  const m = mean(values);
  if (n < 2) return { mean: m, sd: NaN, n, low: NaN, high: NaN };
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  const sd = Math.sqrt(ss / (n - 1));
  const half = (z * sd) / Math.sqrt(n);
  return { mean: m, sd, n, low: m - half, high: m + half };
}

/** The q-quantile (0..1) of sorted values, interpolating linearly between order statistics (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Quantiles of unsorted values. */
export function quantiles(values: readonly number[], qs: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => quantileSorted(sorted, q));
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

export interface Histogram {
  /** Left edges of the bins; each bin is [edge, edge + width). */
  edges: number[];
  width: number;
  counts: number[];
}

/** A histogram with bins of `width` aligned on multiples of it, covering every value. */
export function histogram(values: readonly number[], width: number): Histogram {
  if (values.length === 0 || !(width > 0)) return { edges: [], width, counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const first = Math.floor(min / width);
  const bins = Math.floor(max / width) - first + 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.floor(v / width) - first]! += 1;
  const edges = counts.map((_, i) => round((first + i) * width, 9));
  return { edges, width, counts };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A seeded generator (mulberry32) for the bootstrap: the same seed gives the same intervals. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A binomial draw by summing Bernoulli trials for small n, a normal approximation for large n. */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 64) {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < p) k++;
    return k;
  }
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(n, Math.max(0, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
}

/** One head-to-head record: `a` beat `b` in `wins` of `games`. */
export interface Record2 {
  a: string;
  b: string;
  wins: number;
  games: number;
}

/**
 * Bradley-Terry strengths by the minorise-maximise algorithm (Hunter 2004), with a small prior (by default half a
 * win and half a loss in one game against a virtual player of strength 1) so that a player who won or lost everything still has a finite
 * rating. Returned on the Elo scale: 400 log10(strength), centred on the mean of 0, so that a 400-point gap means
 * 10-to-1 odds.
 */
export function bradleyTerry(
  records: readonly Record2[],
  iterations = 500,
  prior = 0.5,
): Map<string, number> {
  const players = [...new Set(records.flatMap((r) => [r.a, r.b]))].sort();
  const index = new Map(players.map((p, i) => [p, i]));
  const n = players.length;
  const wins = new Float64Array(n).fill(prior);
  const games: { i: number; j: number; n: number }[] = [];
  for (const r of records) {
    const i = index.get(r.a)!;
    const j = index.get(r.b)!;
    wins[i]! += r.wins;
    wins[j]! += r.games - r.wins;
    games.push({ i, j, n: r.games });
  }
  let s = new Float64Array(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const denom = new Float64Array(n);
    // The prior: one game against a player of strength 1.
    for (let i = 0; i < n; i++) denom[i] = (2 * prior) / (s[i]! + 1);
    for (const g of games) {
      const d = g.n / (s[g.i]! + s[g.j]!);
      denom[g.i]! += d;
      denom[g.j]! += d;
    }
    const next = new Float64Array(n);
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] = wins[i]! / denom[i]!;
      change = Math.max(change, Math.abs(Math.log(next[i]! / s[i]!)));
    }
    s = next;
    if (change < 1e-12) break;
  }
  let centre = 0;
  for (let i = 0; i < n; i++) centre += Math.log(s[i]!) / n;
  const out = new Map<string, number>();
  players.forEach((p, i) => out.set(p, (400 * (Math.log(s[i]!) - centre)) / Math.LN10));
  return out;
}

export interface Rating {
  player: string;
  elo: number;
  low: number;
  high: number;
}

/**
 * Bradley-Terry ratings with 95% bootstrap intervals: each head-to-head record is redrawn from its observed
 * win rate `samples` times (a parametric bootstrap), refitted, and the 2.5% and 97.5% points of each player's
 * rating taken. Deterministic for a given seed.
 */
export function ratingsWithIntervals(records: readonly Record2[], samples: number, seed: number): Rating[] {
  const point = bradleyTerry(records);
  const random = seeded(seed);
  const draws = new Map<string, number[]>([...point.keys()].map((p) => [p, []]));
  for (let b = 0; b < samples; b++) {
    const resampled = records.map((r) => ({
      ...r,
      wins: binomial(r.games, r.games > 0 ? r.wins / r.games : 0, random),
    }));
    for (const [p, elo] of bradleyTerry(resampled, 200)) draws.get(p)!.push(elo);
  }
  return [...point].map(([player, elo]) => {
    const [low, high] = quantiles(draws.get(player)!, [0.025, 0.975]);
    return { player, elo, low: low ?? elo, high: high ?? elo };
  });
}

/** Pearson correlation of two equally long series (NaN when either is constant). */
export function correlation(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return NaN;
  const mx = mean(x.slice(0, n));
  const my = mean(y.slice(0, n));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
