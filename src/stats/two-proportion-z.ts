import { zPValue, type Alternative } from './z-p-value.js';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

export interface TwoProportionOptions {
  /** Default 'two-sided'; 'larger' is H1 p_ref − p_cur > value, 'smaller' H1 p_ref − p_cur < value. */
  alternative?: Alternative;
  /** The difference p_ref − p_cur under H0 (default 0), e.g. minus a max-drop margin. */
  value?: number;
}

/**
 * Pooled two-proportion z-test (Evidently's `z` stat test, statsmodels
 * `proportions_ztest([x_ref, x_cur], [n_ref, n_cur], value, alternative)`):
 * z = (p_ref − p_cur − value) / √(p̂(1−p̂)(1/n_ref + 1/n_cur)) with p̂ = (x_ref + x_cur)/(n_ref + n_cur),
 * p-value from erfc so tiny p-values keep their digits. The samples are independent (unpaired):
 * for two models scored on the same examples the paired McNemar test has more power, and this
 * test is conservative there whenever the models' errors are positively correlated.
 * When p̂ is 0 or 1 (both samples all in one class) there is no evidence of a difference:
 * z = 0, p = 1 for every alternative (Evidently returns p = 1 for identical constant columns).
 * Counts may be fractional (a rate times n, rounded in a file).
 *
 * @example
 * twoProportionZ(180, 200, 170, 200); // { statistic: 1.5118…, pValue: 0.1305… }
 * twoProportionZ(170, 200, 180, 200, { alternative: 'smaller' }).pValue; // 0.0652… (the first is worse)
 */
export function twoProportionZ(
  refSuccess: number,
  refN: number,
  curSuccess: number,
  curN: number,
  options: TwoProportionOptions = {},
): ZTestResult {
  if (!(refN > 0 && curN > 0)) throw new RangeError('twoProportionZ: both samples must be non-empty');
  if (refSuccess < 0 || refSuccess > refN || curSuccess < 0 || curSuccess > curN) {
    throw new RangeError('twoProportionZ: successes must lie in [0, n]');
  }
  const { alternative = 'two-sided', value = 0 } = options;
  const p1 = refSuccess / refN;
  const p2 = curSuccess / curN;
  const pooled = (refSuccess + curSuccess) / (refN + curN);
  const variance = pooled * (1 - pooled) * (1 / refN + 1 / curN);
  if (variance === 0) return { statistic: 0, pValue: 1 };
  const statistic = (p1 - p2 - value) / Math.sqrt(variance);
  return { statistic, pValue: zPValue(statistic, alternative) };
}
