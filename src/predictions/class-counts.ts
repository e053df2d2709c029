/**
 * The per-class counts every confusion-matrix metric is a function of (scikit-learn's
 * `multilabel_confusion_matrix` sums): for each class k, tp[k] examples of class k predicted k,
 * predicted[k] examples predicted k, actual[k] examples of class k (the support).
 */
export interface ClassCounts {
  tp: Float64Array;
  predicted: Float64Array;
  actual: Float64Array;
  /** Number of examples. */
  n: number;
}

/**
 * Class counts of `yTrue` / `yPred` (class indices below k), each example counted
 * `weights[i]` times when weights are given (a bootstrap resample's multiplicities).
 *
 * @example
 * classCounts(Int32Array.of(0, 1, 1), Int32Array.of(0, 1, 0), 2)
 * // { tp: [1, 1], predicted: [2, 1], actual: [1, 2], n: 3 }
 */
export function classCounts(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
  weights?: ArrayLike<number>,
  out: ClassCounts = emptyClassCounts(k),
): ClassCounts {
  out.tp.fill(0);
  out.predicted.fill(0);
  out.actual.fill(0);
  let n = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const t = yTrue[i];
    const p = yPred[i];
    out.actual[t] += w;
    out.predicted[p] += w;
    if (t === p) out.tp[t] += w;
    n += w;
  }
  out.n = n;
  return out;
}

export function emptyClassCounts(k: number): ClassCounts {
  return { tp: new Float64Array(k), predicted: new Float64Array(k), actual: new Float64Array(k), n: 0 };
}

/** Sets every count of `c` back to zero (reused across bootstrap resamples without allocating). */
export function clearClassCounts(c: ClassCounts): void {
  c.tp.fill(0);
  c.predicted.fill(0);
  c.actual.fill(0);
  c.n = 0;
}
