import { chiSquareSf } from './chi-square.js';

export interface Chi2Result {
  statistic: number;
  pValue: number;
  /** Degrees of freedom, (categories observed on either side) - 1. */
  dof: number;
}

/**
 * Pearson chi-square test of homogeneity on the 2×k table [refCounts; curCounts]:
 * χ² = Σ (O - E)²/E with E = row total · column total / grand total, dof = k - 1,
 * p = χ²_{k-1}.sf(χ²). Same as `scipy.stats.chi2_contingency(table, correction=False)`
 * (no Yates correction) after dropping categories that are zero on both sides (SciPy would
 * reject a zero expected count). A single remaining category gives χ² = 0, p = 1 (SciPy's
 * dof = 0 convention). Counts are category-aligned arrays.
 */
export function chi2Homogeneity(refCounts: readonly number[], curCounts: readonly number[]): Chi2Result {
  if (refCounts.length !== curCounts.length) throw new RangeError('chi2Homogeneity: count arrays differ in length');
  const ref: number[] = [];
  const cur: number[] = [];
  for (let i = 0; i < refCounts.length; i++) {
    if (refCounts[i] < 0 || curCounts[i] < 0) throw new RangeError('chi2Homogeneity: negative count');
    if (refCounts[i] + curCounts[i] > 0) {
      ref.push(refCounts[i]);
      cur.push(curCounts[i]);
    }
  }
  const refTotal = sum(ref);
  const curTotal = sum(cur);
  if (refTotal === 0 || curTotal === 0) throw new RangeError('chi2Homogeneity: both samples must be non-empty');
  const dof = ref.length - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  const total = refTotal + curTotal;
  let statistic = 0;
  for (const [row, rowTotal] of [
    [ref, refTotal],
    [cur, curTotal],
  ] as const) {
    for (let j = 0; j < row.length; j++) {
      const expected = (rowTotal * (ref[j] + cur[j])) / total;
      statistic += (row[j] - expected) ** 2 / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
