import { binomialCdf, binomialSf } from './binomial-cdf.js';

export interface McNemarResult {
  /** min(worse, better), as statsmodels reports it for the exact test. */
  statistic: number;
  /** Two-sided exact p-value, min(1, 2·P(X ≤ statistic)) for X ~ Bin(worse + better, ½). */
  pValue: number;
  /** One-sided p-value for "the candidate is worse": P(X ≥ worse), X ~ Bin(worse + better, ½). */
  pWorse: number;
  /** One-sided p-value for "the candidate is better": P(X ≥ better). */
  pBetter: number;
}

/**
 * Exact McNemar test for two classifiers scored on the same examples, from the discordant pairs
 * only: `worse` examples the baseline gets right and the candidate wrong, `better` the other way
 * round. Under H0 (equal accuracy) each discordant pair is a fair coin, so `worse` ~
 * Bin(worse + better, ½). The two-sided p-value is statsmodels'
 * `mcnemar([[·, better], [worse, ·]], exact=True).pvalue`; the one-sided `pWorse` is the exact
 * binomial test of H1 "the candidate is less accurate" (`scipy.stats.binomtest(worse,
 * worse + better, 0.5, alternative='greater')`). With no discordant pair every p-value is 1.
 *
 * @example
 * mcnemarExact(12, 3); // { statistic: 3, pValue: 0.0351562…, pWorse: 0.0175781…, pBetter: 0.9963073… }
 * // (exactly 1152, 576 and 32647 / 2^15, to ~1e-15)
 */
export function mcnemarExact(worse: number, better: number): McNemarResult {
  if (!(Number.isInteger(worse) && Number.isInteger(better) && worse >= 0 && better >= 0)) {
    throw new RangeError('mcnemarExact: counts must be non-negative integers');
  }
  const n = worse + better;
  const statistic = Math.min(worse, better);
  if (n === 0) return { statistic, pValue: 1, pWorse: 1, pBetter: 1 };
  return {
    statistic,
    pValue: Math.min(1, 2 * binomialCdf(statistic, n, 0.5)),
    pWorse: binomialSf(worse - 1, n, 0.5),
    pBetter: binomialSf(better - 1, n, 0.5),
  };
}
