import type { ClassCounts } from './class-counts.js';

/**
 * Share of examples predicted right (`sklearn.metrics.accuracy_score`); NaN with no example.
 *
 * @example
 * accuracy(classCounts(Int32Array.of(0, 1, 1), Int32Array.of(0, 1, 0), 2)) // 0.6666666666666666
 */
export function accuracy(c: ClassCounts): number {
  let right = 0;
  for (let k = 0; k < c.tp.length; k++) right += c.tp[k];
  return right / c.n;
}
