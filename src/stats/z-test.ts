import type { ZTestResult } from './two-proportion-z.js';
import { zPValue, type Alternative } from './z-p-value.js';

/**
 * Normal-approximation test of an estimate with a known standard error against `value`:
 * z = (estimate − value) / stderr (statsmodels `_zstat_generic2(estimate - value, stderr,
 * alternative)`). For a score that comes with its standard error, such as lm-evaluation-harness'
 * `<metric>_stderr`; for the difference of two independent estimates pass
 * stderr = √(se₁² + se₂²). A zero standard error gives z = ±∞, or z = 0 and p = 1 when the
 * estimate equals the value.
 *
 * @example
 * zTest(0.62, 0.012, 0.65, 'smaller'); // { statistic: -2.5, pValue: 0.00620… }
 */
export function zTest(
  estimate: number,
  stderr: number,
  value = 0,
  alternative: Alternative = 'two-sided',
): ZTestResult {
  if (!(stderr >= 0)) throw new RangeError('zTest: the standard error must be a number >= 0');
  const diff = estimate - value;
  if (stderr === 0 && diff === 0) return { statistic: 0, pValue: 1 };
  const statistic = diff / stderr;
  return { statistic, pValue: zPValue(statistic, alternative) };
}
