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

/**
 * The ROC AUC with each example left out in turn (the jackknife values, for the BCa acceleration
 * and the jackknife standard error), in O(n) given the score order: leaving out a positive removes
 * its placement (negatives below it, ties half) from the Mann–Whitney U and one positive from
 * P·N; a negative likewise. NaN where no positive or no negative would remain.
 *
 * @example
 * const s = Float64Array.of(0.1, 0.4, 0.35, 0.8);
 * rocAucLeaveOneOut(Uint8Array.of(0, 0, 1, 1), s, scoreOrder(s)) // [0.5, 1, 1, 0.5]
 */
export function rocAucLeaveOneOut(
  positive: ArrayLike<number>,
  score: ArrayLike<number>,
  order: ArrayLike<number>,
): Float64Array {
  const n = order.length;
  const out = new Float64Array(n);
  // Pass 1: P, N, U. Pass 2 needs, per tie group, the negatives below and the positives above.
  let u = 0;
  let negatives = 0;
  let positives = 0;
  const groupEnd = new Int32Array(n);
  for (let g = 0; g < n; ) {
    const s = score[order[g]];
    let pos = 0;
    let neg = 0;
    let e = g;
    for (; e < n && score[order[e]] === s; e++) {
      if (positive[order[e]]) pos++;
      else neg++;
    }
    groupEnd[g] = e;
    u += pos * (negatives + neg / 2);
    negatives += neg;
    positives += pos;
    g = e;
  }
  let negativesBelow = 0;
  let positivesBelow = 0;
  for (let g = 0; g < n; ) {
    const e = groupEnd[g];
    let pos = 0;
    let neg = 0;
    for (let x = g; x < e; x++) {
      if (positive[order[x]]) pos++;
      else neg++;
    }
    const positivesAbove = positives - positivesBelow - pos;
    for (let x = g; x < e; x++) {
      const i = order[x];
      out[i] = positive[i]
        ? (u - (negativesBelow + neg / 2)) / ((positives - 1) * negatives)
        : (u - (positivesAbove + pos / 2)) / (positives * (negatives - 1));
    }
    negativesBelow += neg;
    positivesBelow += pos;
    g = e;
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(out[i])) out[i] = NaN;
  return out;
}
