import { quantileSorted } from './quantile-sorted.js';

/**
 * Bootstrap percentile interval with coverage `confidence`: the (1 − c)/2 and (1 + c)/2
 * quantiles of the replicates (sorted ascending), interpolated as NumPy does
 * (`scipy.stats.bootstrap(..., method='percentile')`).
 *
 * @example
 * percentileInterval(Float64Array.from({ length: 101 }, (_, i) => i / 100), 0.9); // [0.05, 0.95]
 */
export function percentileInterval(sortedReplicates: ArrayLike<number>, confidence = 0.95): [number, number] {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('percentileInterval: confidence must lie in (0, 1)');
  const alpha = (1 - confidence) / 2;
  return [quantileSorted(sortedReplicates, alpha), quantileSorted(sortedReplicates, 1 - alpha)];
}
