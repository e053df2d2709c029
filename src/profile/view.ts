import { lowerBound, upperBound } from '../stats/bounds.js';
import type { NumericSummary } from './numeric.js';

/**
 * A numeric column as a weighted empirical distribution: ascending `values` with the cumulative
 * weight `cum[i]` of every value ≤ values[i] (cum[last] = n). From the exact value counts when the
 * column has at most 20 distinct values, else from the KLL sketch, whose normalised CDF is within
 * `eps` of the data's everywhere (kll.ts; 0 when the sketch never compacted, i.e. holds the
 * sample itself).
 */
export interface NumericView {
  n: number;
  values: Float64Array;
  cum: Float64Array;
  eps: number;
  min: number;
  max: number;
}

export function numericView(s: NumericSummary): NumericView {
  let values: Float64Array;
  let weights: Float64Array;
  let eps = 0;
  if (s.values !== null) {
    const pairs = [...s.values.entries()].sort((a, b) => a[0] - b[0]);
    values = Float64Array.from(pairs, (p) => p[0]);
    weights = Float64Array.from(pairs, (p) => p[1]);
  } else {
    ({ values, weights } = s.kll.weighted());
    eps = s.kll.rankErrorBound();
  }
  const cum = new Float64Array(values.length);
  let c = 0;
  for (let i = 0; i < values.length; i++) cum[i] = c += weights[i];
  return { n: s.count, values, cum, eps, min: s.moments.min, max: s.moments.max };
}

/** Weight of the values ≤ x. */
export function weightAtMost(v: NumericView, x: number): number {
  const i = upperBound(v.values, x);
  return i === 0 ? 0 : v.cum[i - 1];
}

/** Weight of the values < x. */
export function weightBelow(v: NumericView, x: number): number {
  const i = lowerBound(v.values, x);
  return i === 0 ? 0 : v.cum[i - 1];
}

/** The sample itself, ascending, when the view is exact (eps = 0); weights must be integers. */
export function expand(v: NumericView): Float64Array {
  if (v.eps !== 0) throw new Error('expand: the view is a sketch, not the sample');
  const out = new Float64Array(v.n);
  let j = 0;
  for (let i = 0; i < v.values.length; i++) {
    const end = v.cum[i];
    while (j < end) out[j++] = v.values[i];
  }
  return out;
}

/**
 * sup_x |F_a(x) − F_b(x)| of two weighted distributions, both right-continuous, over the pooled
 * values (as `ksStatistic`, with weights).
 */
export function ksStatisticWeighted(a: NumericView, b: NumericView): number {
  let i = 0,
    j = 0,
    d = 0;
  const na = a.values.length,
    nb = b.values.length;
  while (i < na || j < nb) {
    const v = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    while (i < na && a.values[i] <= v) i++;
    while (j < nb && b.values[j] <= v) j++;
    const diff = Math.abs((i === 0 ? 0 : a.cum[i - 1]) / a.n - (j === 0 ? 0 : b.cum[j - 1]) / b.n);
    if (diff > d) d = diff;
  }
  return Math.min(d, 1);
}

/** W1 = ∫ |F_a − F_b| dx of two weighted distributions (as `wassersteinDistance`, with weights). */
export function wassersteinWeighted(a: NumericView, b: NumericView): number {
  let i = 0,
    j = 0,
    sum = 0,
    comp = 0;
  const na = a.values.length,
    nb = b.values.length;
  let prev = Math.min(a.values[0], b.values[0]);
  while (i < na || j < nb) {
    const v = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    if (v > prev) {
      const term = Math.abs((i === 0 ? 0 : a.cum[i - 1]) / a.n - (j === 0 ? 0 : b.cum[j - 1]) / b.n) * (v - prev);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      prev = v;
    }
    while (i < na && a.values[i] <= v) i++;
    while (j < nb && b.values[j] <= v) j++;
  }
  return sum + comp;
}

/**
 * Counts per bin for ascending edges, as `np.histogram`: [e_i, e_{i+1}) and the last bin closed.
 * Each count is within 2·eps·n of the data's.
 */
export function binCounts(v: NumericView, edges: Float64Array): number[] {
  const bins = edges.length - 1;
  const out = new Array<number>(bins);
  for (let i = 0; i < bins; i++) {
    const hi = i === bins - 1 ? weightAtMost(v, edges[bins]) : weightBelow(v, edges[i + 1]);
    out[i] = Math.max(hi - weightBelow(v, edges[i]), 0);
  }
  return out;
}
