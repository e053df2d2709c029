import { gammaQ } from './gamma.js';

/**
 * Survival function of the chi-square distribution, P(X > x) for X ~ χ²(dof):
 * Q(dof/2, x/2), the regularized upper incomplete gamma (`scipy.stats.chi2.sf`).
 */
export function chiSquareSf(x: number, dof: number): number {
  if (!(dof > 0)) return NaN;
  if (x <= 0) return 1;
  return gammaQ(dof / 2, x / 2);
}
