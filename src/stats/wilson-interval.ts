import { normalQuantile } from './normal-quantile.js';

/**
 * Wilson score interval for a binomial proportion: `count` successes out of `n`, coverage
 * 1 − alpha (statsmodels `proportion_confint(count, n, alpha, method='wilson')`, same formula in
 * the same order). With z = Φ⁻¹(1 − α/2):
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
 *
 * It inverts the score test (see proportionZ): a value lies outside the interval exactly when
 * the two-sided score test at level alpha rejects it. Unlike p̂ ± z·SE it stays inside [0, 1] and
 * keeps its coverage near 0 and 1. `count` may be fractional (a rate times n, rounded in a file).
 *
 * @example
 * wilsonInterval(90, 100); // [0.8256343…, 0.9447708…]
 */
export function wilsonInterval(count: number, n: number, alpha = 0.05): [number, number] {
  if (!(n > 0) || !(count >= 0 && count <= n)) throw new RangeError('wilsonInterval: need 0 <= count <= n, n > 0');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('wilsonInterval: alpha must lie in (0, 1)');
  const q = count / n;
  const crit = -normalQuantile(alpha / 2); // norm.isf(alpha / 2)
  const crit2 = crit * crit;
  const denom = 1 + crit2 / n;
  const center = (q + crit2 / (2 * n)) / denom;
  const dist = (crit * Math.sqrt((q * (1 - q)) / n + crit2 / (4 * n * n))) / denom;
  return [center - dist, center + dist];
}
