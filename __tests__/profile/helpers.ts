import type { KllSketch } from '../../src/profile/kll.js';
import { mulberry32 } from '../../src/profile/random.js';

/** Deterministic test data. */
export function rng(seed: number) {
  const u = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return { u, normal, int: (n: number) => Math.floor(u() * n) };
}

/** Exact right-continuous ECDF of a sample at x (sorted copy given). */
export function ecdf(sorted: Float64Array, x: number): number {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

/** In-place Fisher–Yates shuffle with a seeded generator. */
export function shuffle<T>(xs: T[], seed: number): T[] {
  const u = mulberry32(seed);
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** max over every data value x of |F̂(x) − F(x)| and |F̂(x⁻) − F(x⁻)| (the sup of the error is attained there). */
export function maxRankError(s: KllSketch, data: Float64Array): number {
  const sorted = Float64Array.from(data).sort();
  const { values, weights } = s.weighted();
  const cum: number[] = [];
  let c = 0;
  for (const w of weights) cum.push((c += w));
  let worst = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 < sorted.length && sorted[i + 1] === sorted[i]) continue;
    const x = sorted[i];
    while (j < values.length && values[j] <= x) j++;
    const est = j === 0 ? 0 : cum[j - 1] / s.n;
    worst = Math.max(worst, Math.abs(est - (i + 1) / sorted.length));
  }
  return worst;
}
