import { lowerBound, upperBound } from '../stats/bounds.js';
import { sortFloat64 } from '../stats/sort.js';

/**
 * Area under the ROC curve of `score` for telling positives (`positive[i]` = 1) from negatives:
 * the probability that a random positive scores above a random negative, ties counting half —
 * the Mann–Whitney form of the trapezoidal area scikit-learn computes
 * (`sklearn.metrics.roc_auc_score(y, score)`; equal up to rounding). O(n) after two radix sorts
 * (positives' and negatives' scores); NaN when there is no positive or no negative.
 *
 * @example
 * rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAuc(positive: ArrayLike<number>, score: ArrayLike<number>): number {
  const { pos, neg } = sortedByClass(positive, score);
  return mannWhitneyU(pos, neg) / (pos.length * neg.length);
}

/**
 * The same with each example counted `weights[i]` times (a bootstrap resample), given `order`,
 * the examples by ascending score (scoreOrder): one pass over the tie groups.
 *
 * @example
 * const s = Float64Array.of(0.1, 0.4, 0.35, 0.8);
 * rocAucWeighted(Uint8Array.of(0, 0, 1, 1), s, scoreOrder(s), Int32Array.of(1, 2, 0, 1)) // 1
 */
export function rocAucWeighted(
  positive: ArrayLike<number>,
  score: ArrayLike<number>,
  order: ArrayLike<number>,
  weights: ArrayLike<number>,
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
      if (positive[i]) pos += weights[i];
      else neg += weights[i];
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
 * and the jackknife standard error): leaving out a positive removes its placement (negatives below
 * it, ties half) from the Mann–Whitney U and one positive from P·N; a negative likewise. Placements
 * by binary search in the sorted scores: O(n log n). NaN where no positive or no negative would
 * remain.
 *
 * @example
 * rocAucLeaveOneOut(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // [0.5, 1, 1, 0.5]
 */
export function rocAucLeaveOneOut(positive: ArrayLike<number>, score: ArrayLike<number>): Float64Array {
  const { pos, neg } = sortedByClass(positive, score);
  const u = mannWhitneyU(pos, neg);
  const P = pos.length;
  const N = neg.length;
  const out = new Float64Array(score.length);
  for (let i = 0; i < out.length; i++) {
    const s = score[i];
    if (positive[i]) {
      const below = lowerBound(neg, s);
      const placement = below + (countAtMost(neg, s, below) - below) / 2;
      out[i] = P > 1 && N > 0 ? (u - placement) / ((P - 1) * N) : NaN;
    } else {
      const below = lowerBound(pos, s);
      const atOrBelow = countAtMost(pos, s, below);
      const placement = P - atOrBelow + (atOrBelow - below) / 2;
      out[i] = N > 1 && P > 0 ? (u - placement) / (P * (N - 1)) : NaN;
    }
  }
  return out;
}

/** Number of values of `sorted` at or below `x`, from `from` (= lowerBound) on: a few steps first, ties are usually few. */
function countAtMost(sorted: Float64Array, x: number, from: number): number {
  let i = from;
  while (i < sorted.length && sorted[i] === x && i - from < 16) i++;
  if (i === sorted.length || sorted[i] !== x) return i;
  return upperBound(sorted, x, i);
}

/** The positives' and the negatives' scores, each sorted ascending. */
function sortedByClass(
  positive: ArrayLike<number>,
  score: ArrayLike<number>,
): { pos: Float64Array; neg: Float64Array } {
  let p = 0;
  for (let i = 0; i < score.length; i++) if (positive[i]) p++;
  const pos = new Float64Array(p);
  const neg = new Float64Array(score.length - p);
  for (let i = 0, a = 0, b = 0; i < score.length; i++) {
    if (positive[i]) pos[a++] = score[i];
    else neg[b++] = score[i];
  }
  return { pos: sortFloat64(pos), neg: sortFloat64(neg) };
}

/** U = Σ over positives of (negatives below + half the tied ones), by merging the sorted scores. */
function mannWhitneyU(pos: Float64Array, neg: Float64Array): number {
  let u = 0;
  let below = 0;
  let tied = 0;
  for (let i = 0; i < pos.length; i++) {
    const s = pos[i];
    if (i === 0 || s !== pos[i - 1]) {
      below += tied;
      while (below < neg.length && neg[below] < s) below++;
      tied = 0;
      while (below + tied < neg.length && neg[below + tied] === s) tied++;
    }
    u += below + tied / 2;
  }
  return u;
}
