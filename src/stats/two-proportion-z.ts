import { normalSf } from './normal.js';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/**
 * Pooled two-proportion z-test, two-sided (Evidently's `z` stat test):
 * z = (p_ref - p_cur) / √(p̂(1-p̂)(1/n_ref + 1/n_cur)) with p̂ = (x_ref + x_cur)/(n_ref + n_cur),
 * p = 2·P(Z > |z|) computed with erfc so tiny p-values keep their digits.
 * When p̂ is 0 or 1 (both samples all in one class) there is no evidence of a difference:
 * z = 0, p = 1 (Evidently returns p = 1 for identical constant columns).
 */
export function twoProportionZ(refSuccess: number, refN: number, curSuccess: number, curN: number): ZTestResult {
  if (!(refN > 0 && curN > 0)) throw new RangeError('twoProportionZ: both samples must be non-empty');
  if (refSuccess < 0 || refSuccess > refN || curSuccess < 0 || curSuccess > curN) {
    throw new RangeError('twoProportionZ: successes must lie in [0, n]');
  }
  const p1 = refSuccess / refN;
  const p2 = curSuccess / curN;
  const pooled = (refSuccess + curSuccess) / (refN + curN);
  const variance = pooled * (1 - pooled) * (1 / refN + 1 / curN);
  if (variance === 0) return { statistic: 0, pValue: 1 };
  const statistic = (p1 - p2) / Math.sqrt(variance);
  return { statistic, pValue: Math.min(1, 2 * normalSf(Math.abs(statistic))) };
}
