import { normalSf } from './normal.js';
import { forEachTieGroup } from './ranks.js';

export interface MannWhitneyResult {
  /** U of the reference sample: R_ref - n_ref(n_ref+1)/2 with midranks for ties. */
  statistic: number;
  pValue: number;
}

/**
 * Two-sided Mann–Whitney U test, normal approximation with tie and continuity corrections —
 * `scipy.stats.mannwhitneyu(ref, cur, method='asymptotic')`:
 * z = (max(U_ref, U_cur) - n1·n2/2 - 0.5) / σ, σ² = n1·n2/12 · ((N+1) - Σ(t³-t)/(N(N-1))),
 * p = min(1, 2·P(Z > z)). Identical constant samples have σ = 0 and get p = 1, as in SciPy.
 * Inputs sorted ascending and non-empty.
 */
export function mannWhitneyU(refSorted: Float64Array, curSorted: Float64Array): MannWhitneyResult {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU: both samples must be non-empty');
  let rankSum = 0;
  let tieTerm = 0;
  forEachTieGroup(refSorted, curSorted, (_value, start, r, c) => {
    const t = r + c;
    rankSum += r * (start + (t + 1) / 2);
    tieTerm += t * t * t - t;
  });
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const n = n1 + n2;
  // All-tied samples: the bracket is 0 up to rounding; clamp so σ = 0 rather than NaN.
  const sigma = Math.sqrt(Math.max(0, ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)))));
  const z = (u - (n1 * n2) / 2 - 0.5) / sigma; // σ = 0 gives -Infinity → p = 1
  return { statistic: u1, pValue: Math.min(1, Math.max(0, 2 * normalSf(z))) };
}
