import type { ZTestResult } from './two-proportion-z.js';
import { zPValue, type Alternative } from './z-p-value.js';

/**
 * One-sample score test of a proportion against `value`: z = (p̂ − value) / √(value(1 − value)/n),
 * the variance taken under H0 — statsmodels `proportions_ztest(count, n, value, alternative,
 * prop_var=value)`. It is the test the Wilson interval inverts, so "the metric is below the
 * threshold at level α" (alternative 'smaller') agrees with the Wilson bound. With value 0 or 1
 * the variance is 0: z = ±∞ when p̂ differs from it (a single failure disproves "always right"),
 * and z = 0, p = 1 when it equals it.
 *
 * @example
 * proportionZ(172, 200, 0.9, 'smaller'); // { statistic: -1.8856…, pValue: 0.0296… }
 */
export function proportionZ(
  count: number,
  n: number,
  value: number,
  alternative: Alternative = 'two-sided',
): ZTestResult {
  if (!(n > 0) || !(count >= 0 && count <= n)) throw new RangeError('proportionZ: need 0 <= count <= n, n > 0');
  if (!(value >= 0 && value <= 1)) throw new RangeError('proportionZ: value must lie in [0, 1]');
  const diff = count / n - value;
  const se = Math.sqrt((value * (1 - value)) / n);
  if (se === 0 && diff === 0) return { statistic: 0, pValue: 1 };
  const statistic = diff / se;
  return { statistic, pValue: zPValue(statistic, alternative) };
}
