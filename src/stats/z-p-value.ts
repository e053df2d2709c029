import { normalSf } from './normal.js';

/**
 * The alternative hypothesis of a one-parameter test, in statsmodels' words: 'larger' is
 * H1 "the statistic's parameter is above the null value", 'smaller' below it.
 */
export type Alternative = 'two-sided' | 'larger' | 'smaller';

/**
 * p-value of a standard-normal test statistic z for the given alternative (statsmodels
 * `_zstat_generic2`): two-sided 2·P(Z > |z|), 'larger' P(Z > z), 'smaller' P(Z < z), each from
 * erfc so small p-values keep their digits. z = ±∞ gives 0 or 1; NaN gives NaN.
 *
 * @example
 * zPValue(-1.6448536269514722, 'smaller'); // 0.05 (to 1e-15)
 */
export function zPValue(z: number, alternative: Alternative): number {
  if (alternative === 'larger') return normalSf(z);
  if (alternative === 'smaller') return normalSf(-z);
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}
