/** float64 machine epsilon, scikit-learn 1.2's `eps='auto'` for float64 probabilities. */
const EPS = 2.220446049250313e-16;

/**
 * Per-example log loss terms as scikit-learn 1.2's `log_loss` computes them: probabilities
 * clipped to [ε, 1 − ε] (ε = 2^-52), each row divided by its sum, then −log of the true class's
 * share. `proba[k]` holds class k's column (classes in scikit-learn's sorted order, every class
 * present); the mean of the terms is the log loss.
 *
 * @example
 * logLossTermsProba(Int32Array.of(0, 1), [Float64Array.of(0.8, 0.4), Float64Array.of(0.2, 0.6)])
 * // Float64Array [0.2231…, 0.5108…] (−log 0.8, −log 0.6)
 */
export function logLossTermsProba(yTrue: ArrayLike<number>, proba: readonly ArrayLike<number>[]): Float64Array {
  const n = yTrue.length;
  const k = proba.length;
  const out = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) row[c] = clip(proba[c][i]);
    out[i] = -Math.log(row[yTrue[i]] / rowSum(row));
  }
  return out;
}

/**
 * The same for a binary problem given one `score` column, the probability of the class at
 * `positive[i]` = 1 (scikit-learn's one-dimensional `y_pred`: clipped, completed to
 * [1 − p, p], renormalised).
 *
 * @example
 * logLossTermsScore(Uint8Array.of(1, 0), Float64Array.of(0.9, 0.3)) // [0.1053…, 0.3566…]
 */
export function logLossTermsScore(positive: ArrayLike<number>, score: ArrayLike<number>): Float64Array {
  const out = new Float64Array(score.length);
  for (let i = 0; i < out.length; i++) {
    const p = clip(score[i]);
    const q = 1 - p;
    const sum = q + p;
    out[i] = -Math.log((positive[i] ? p : q) / sum);
  }
  return out;
}

function clip(p: number): number {
  return p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
}

/**
 * Sum of one row's probabilities, left to right. NumPy sums rows of 8 or more values pairwise; the
 * two orders differ by a few ulps, far inside the 1e-12 the golden tests allow.
 */
function rowSum(row: Float64Array): number {
  let s = 0;
  for (let c = 0; c < row.length; c++) s += row[c];
  return s;
}
