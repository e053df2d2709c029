/**
 * Area under the ROC curve of `score` for telling positives (`positive[i]` = 1) from negatives:
 * the probability that a random positive scores above a random negative, ties counting half —
 * the Mann–Whitney form of the trapezoidal area scikit-learn computes
 * (`sklearn.metrics.roc_auc_score(y, score)`; equal up to rounding). Each example counts
 * `weights[i]` times when weights are given (a bootstrap resample). `order` lists the examples
 * by ascending score (scoreOrder); NaN when there is no positive or no negative.
 *
 * @example
 * const s = Float64Array.of(0.1, 0.4, 0.35, 0.8);
 * rocAuc(Uint8Array.of(0, 0, 1, 1), s, scoreOrder(s)) // 0.75
 */
export function rocAuc(
  positive: ArrayLike<number>,
  score: ArrayLike<number>,
  order: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  let u = 0;
  let negativesBelow = 0;
  let positives = 0;
  for (let g = 0; g < order.length;) {
    // one group of tied scores
    const s = score[order[g]];
    let pos = 0;
    let neg = 0;
    let e = g;
    for (; e < order.length && score[order[e]] === s; e++) {
      const i = order[e];
      const w = weights ? weights[i] : 1;
      if (positive[i]) pos += w;
      else neg += w;
    }
    u += pos * (negativesBelow + neg / 2);
    negativesBelow += neg;
    positives += pos;
    g = e;
  }
  return positives > 0 && negativesBelow > 0 ? u / (positives * negativesBelow) : NaN;
}

/**
 * Indices of `score` in ascending order of score (ties in index order).
 *
 * @example
 * scoreOrder(Float64Array.of(0.3, 0.1, 0.2)) // Int32Array [1, 2, 0]
 */
export function scoreOrder(score: ArrayLike<number>): Int32Array {
  const order = new Int32Array(score.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => score[a] - score[b] || a - b);
}
