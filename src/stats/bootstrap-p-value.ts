import type { BcaParameters } from './bca-parameters.js';
import { countBelow } from './bca-parameters.js';
import { normalSf } from './normal.js';
import { normalQuantile } from './normal-quantile.js';

/**
 * One-sided bootstrap p-value for H1 "the parameter is below `value`" (`side` 'below') or
 * "above `value`" ('above'), from the sorted replicates: the smallest α at which the one-sided
 * 1 − α bootstrap bound excludes `value`, so the test and the interval always agree.
 *
 * - Percentile (no `bca`): p = (1 + #{θ* ≥ value}) / (B + 1) for 'below' (Davison & Hinkley's
 *   +1: a p-value below 1/(B + 1) cannot be resolved with B resamples).
 * - BCa: with g = share of replicates strictly below `value` ('below'; at or below for 'above'),
 *   v = Φ⁻¹(g) − z₀, inverting the BCa level gives p = Φ(z₀ − v/(1 + a·v)) for 'below' and
 *   Φ(v/(1 + a·v) − z₀) for 'above'; floored at 1/(B + 1). Ties with `value` always count
 *   against the alternative, so a lattice-valued statistic (accuracy) is never anti-conservative.
 *   When 1 + a·v ≤ 0 (acceleration too strong for the inversion) the percentile p-value is used.
 *
 * @example
 * const r = Float64Array.from({ length: 99 }, (_, i) => (i + 1) / 100); // 0.01 … 0.99
 * bootstrapPValue(r, 0.05, 'above'); // 0.05 = (1 + 4) / 100: four replicates at or below 0.05
 */
export function bootstrapPValue(
  sortedReplicates: ArrayLike<number>,
  value: number,
  side: 'below' | 'above',
  bca?: BcaParameters,
): number {
  const B = sortedReplicates.length;
  const floor = 1 / (B + 1);
  // 'below': replicates at or above value speak against it; 'above': at or below.
  const against =
    side === 'below' ? B - countBelow(sortedReplicates, value, false) : countBelow(sortedReplicates, value, true);
  const percentile = (1 + against) / (B + 1);
  if (!bca || !Number.isFinite(bca.z0)) return percentile;
  const { z0, a } = bca;
  const g = side === 'below' ? 1 - against / B : against / B;
  const clipped = Math.min(Math.max(g, 0.5 / B), 1 - 0.5 / B);
  const v = normalQuantile(clipped) - z0;
  if (1 + a * v <= 0) return percentile;
  const z = side === 'below' ? z0 - v / (1 + a * v) : v / (1 + a * v) - z0;
  return Math.min(1, Math.max(floor, normalSf(-z)));
}
