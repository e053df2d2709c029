import { binomialPmf } from './binomial-pmf.js';

/**
 * Binomial CDF P(X ≤ k) for X ~ Bin(n, p) (`scipy.stats.binom.cdf`; k is floored, as SciPy
 * does). Relative accuracy ~1e-14 in both tails for n up to 10^6 and beyond: the tail that does
 * not hold the mode is summed term by term from k outwards — each term by Loader's formula
 * (binomialPmf), never by a ratio recurrence, so errors do not accumulate — and the other side
 * is 1 − that tail. The sum stops once the rest is provably below 1e-17 of it: past the mode
 * the term ratio r only shrinks, so the rest is at most term · r / (1 − r). About 9 standard
 * deviations of terms at most: ~4 500 at n = 10^6, p = ½.
 *
 * @example
 * binomialCdf(2, 10, 0.5); // 0.0546875 (= 56 / 1024)
 */
export function binomialCdf(k: number, n: number, p: number): number {
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  return kk < mode(n, p) ? lowerTail(kk, n, p) : 1 - upperTail(kk, n, p);
}

/**
 * Binomial survival function P(X > k) = 1 − CDF, with full relative accuracy in the upper tail
 * (`scipy.stats.binom.sf`). P(X ≥ k) is `binomialSf(k - 1, n, p)`.
 *
 * @example
 * binomialSf(7, 10, 0.5); // 0.0546875 (= P(X ≥ 8) = 56 / 1024)
 */
export function binomialSf(k: number, n: number, p: number): number {
  const kk = Math.floor(k);
  if (kk < 0) return 1;
  if (kk >= n) return 0;
  return kk < mode(n, p) ? 1 - lowerTail(kk, n, p) : upperTail(kk, n, p);
}

/** The most likely value, ⌊(n + 1) p⌋: terms increase up to it and decrease after it. */
function mode(n: number, p: number): number {
  return Math.floor((n + 1) * p);
}

/** Σ_{j ≤ k} P(X = j) for k below the mode (terms fall as j goes down). */
function lowerTail(k: number, n: number, p: number): number {
  const q = 1 - p;
  return tailSum(k, -1, 0, n, p, (j) => (j * q) / ((n - j + 1) * p));
}

/** Σ_{j > k} P(X = j) for k at or above the mode (terms fall as j goes up). */
function upperTail(k: number, n: number, p: number): number {
  const q = 1 - p;
  return tailSum(k + 1, 1, n, n, p, (j) => ((n - j) * p) / ((j + 1) * q));
}

/**
 * Neumaier-compensated sum of P(X = j) from `start` stepping by `step` up to `end`, stopping when
 * the rest is below 1e-17 of the sum; `ratio(j)` is P(X = j + step) / P(X = j).
 */
function tailSum(start: number, step: 1 | -1, end: number, n: number, p: number, ratio: (j: number) => number): number {
  let sum = 0;
  let comp = 0;
  for (let j = start; step > 0 ? j <= end : j >= end; j += step) {
    const term = binomialPmf(j, n, p);
    const t = sum + term;
    comp += sum >= term ? sum - t + term : term - t + sum;
    sum = t;
    if (term === 0 && sum > 0) break;
    const r = ratio(j);
    if (r < 1 && term * (r / (1 - r)) <= (sum + comp) * 1e-17) break;
  }
  return sum + comp;
}
