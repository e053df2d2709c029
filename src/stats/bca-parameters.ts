import { lowerBound, upperBound } from './bounds.js';
import { normalQuantile } from './normal-quantile.js';

export interface BcaParameters {
  /** Bias correction z₀ = Φ⁻¹(share of replicates below the estimate, ties counted half). */
  z0: number;
  /** Acceleration a = Σ d³ / (6 (Σ d²)^{3/2}), d = jackknife mean − leave-one-out value. */
  a: number;
}

/**
 * The two constants of Efron's bias-corrected and accelerated (BCa) bootstrap interval, as
 * `scipy.stats.bootstrap(..., method='BCa')` computes them (`_bca_interval`): z₀ from where the
 * estimate falls among the sorted replicates, a from the leave-one-out (jackknife) values of the
 * statistic. Items that are identical have the same leave-one-out value, so the jackknife comes
 * as distinct values with their multiplicities (`jackknifeWeights`, default 1 each).
 * a = 0 when every leave-one-out value is the same.
 *
 * @example
 * bcaParameters(Float64Array.of(1, 2, 3, 4), 2.5, Float64Array.of(1, 2, 3)); // { z0: 0, a: 0 }
 */
export function bcaParameters(
  sortedReplicates: ArrayLike<number>,
  estimate: number,
  jackknifeValues: ArrayLike<number>,
  jackknifeWeights?: ArrayLike<number>,
): BcaParameters {
  const B = sortedReplicates.length;
  const below = countBelow(sortedReplicates, estimate, false);
  const atOrBelow = countBelow(sortedReplicates, estimate, true);
  const z0 = normalQuantile((below + atOrBelow) / (2 * B));
  let n = 0;
  let sum = 0;
  for (let j = 0; j < jackknifeValues.length; j++) {
    const w = jackknifeWeights ? jackknifeWeights[j] : 1;
    n += w;
    sum += w * jackknifeValues[j];
  }
  const mean = sum / n;
  let s2 = 0;
  let s3 = 0;
  for (let j = 0; j < jackknifeValues.length; j++) {
    const w = jackknifeWeights ? jackknifeWeights[j] : 1;
    const d = mean - jackknifeValues[j];
    s2 += w * d * d;
    s3 += w * d * d * d;
  }
  const a = s2 > 0 ? s3 / (6 * s2 ** 1.5) : 0;
  return { z0, a };
}

/** Number of sorted values < x (or ≤ x), by binary search. */
export function countBelow(sorted: ArrayLike<number>, x: number, inclusive: boolean): number {
  return inclusive ? upperBound(sorted, x) : lowerBound(sorted, x);
}
