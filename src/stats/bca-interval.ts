import type { BcaParameters } from './bca-parameters.js';
import { normalSf } from './normal.js';
import { normalQuantile } from './normal-quantile.js';
import { quantileSorted } from './quantile-sorted.js';

/**
 * Efron's bias-corrected and accelerated (BCa) bootstrap interval with coverage `confidence`
 * (`scipy.stats.bootstrap(..., method='BCa')`): the replicates' quantiles at
 * α₁ = Φ(z₀ + (z₀ + z_{α/2}) / (1 − a(z₀ + z_{α/2}))) and α₂, the same with z_{1−α/2}, so the
 * interval follows the statistic's bias and skew (second-order accurate, where the percentile
 * interval is first-order). `null` when z₀ is infinite (the estimate lies outside every
 * replicate): the correction is undefined there and callers fall back to the percentile interval.
 *
 * @example
 * bcaInterval(Float64Array.from({ length: 101 }, (_, i) => i / 100), { z0: 0, a: 0 }, 0.9); // [0.05, 0.95]
 */
export function bcaInterval(
  sortedReplicates: ArrayLike<number>,
  { z0, a }: BcaParameters,
  confidence = 0.95,
): [number, number] | null {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('bcaInterval: confidence must lie in (0, 1)');
  if (!Number.isFinite(z0)) return null;
  const level = (z: number) => {
    const t = z0 + z;
    return normalSf(-(z0 + t / (1 - a * t)));
  };
  const zAlpha = normalQuantile((1 - confidence) / 2);
  return [quantileSorted(sortedReplicates, level(zAlpha)), quantileSorted(sortedReplicates, level(-zAlpha))];
}
