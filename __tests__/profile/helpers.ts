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
