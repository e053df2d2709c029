import { forEachTieGroup } from './ranks.js';

/**
 * Evidently's binning of a numeric column for the histogram-based tests (PSI,
 * Jensen–Shannon, …): `np.histogram_bin_edges(concat(ref, cur), bins='sturges')` —
 * k = ⌈log2(n) + 1⌉ equal-width bins over [min, max] of both samples together (n = combined
 * size; Sturges 1926); a constant pooled sample v gets the single bin [v - 0.5, v + 0.5] (NumPy).
 * Evidently bins like this only when the reference has > 20 distinct values; otherwise it
 * counts each distinct value (do that in the caller). Inputs must be finite.
 */
export function binEdges(ref: Float64Array, cur: Float64Array): Float64Array {
  const n = ref.length + cur.length;
  if (n === 0) throw new RangeError('binEdges: no data');
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [ref, cur]) {
    for (let i = 0; i < x.length; i++) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
  }
  return sturgesEdges(n, lo, hi);
}

/**
 * Sturges edges over [lo, hi] for n pooled values (also used where only the range and count are
 * known: drift from profiles). NumPy: width = ptp / (log2(n) + 1), bins = ⌈range / width⌉, edges by
 * linspace with the last pinned to hi; a constant sample (width 0) gets one bin over [v − 0.5, v + 0.5].
 */
export function sturgesEdges(n: number, lo: number, hi: number): Float64Array {
  const width = (hi - lo) / (Math.log2(n) + 1);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const bins = width > 0 ? Math.ceil((hi - lo) / width) : 1;
  const edges = new Float64Array(bins + 1);
  const step = (hi - lo) / bins;
  for (let i = 0; i < bins; i++) edges[i] = lo + i * step;
  edges[bins] = hi;
  return edges;
}

/**
 * Counts of x per bin for ascending edges, as `np.histogram(x, edges)`: bins are half-open
 * [e_i, e_{i+1}) except the last, which includes its right edge; values outside are dropped.
 */
export function histogram(x: Float64Array, edges: Float64Array): number[] {
  const bins = edges.length - 1;
  if (bins < 1) throw new RangeError('histogram: need at least two edges');
  const counts = new Array<number>(bins).fill(0);
  const lo = edges[0];
  const hi = edges[bins];
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= lo && v <= hi)) continue;
    // Binary search for the last edge <= v (searchsorted side='right' - 1).
    let a = 0;
    let b = bins;
    while (b - a > 1) {
      const mid = (a + b) >> 1;
      if (edges[mid] <= v) a = mid;
      else b = mid;
    }
    counts[a]++;
  }
  return counts;
}

export interface AlignedBins {
  /** Bin edges (Sturges) when the column was binned, undefined when each distinct value is a bin. */
  edges?: Float64Array;
  /** Distinct values (ascending) when not binned. */
  values?: Float64Array;
  ref: number[];
  cur: number[];
}

/**
 * Evidently's `get_binned_data` for a numeric column, before the empty-bin floor: when the
 * reference has more than `maxDistinct` (20) distinct values, Sturges histograms over the pooled
 * range (`binEdges`); otherwise one bin per distinct value seen on either side. Inputs sorted.
 */
export function alignedBins(refSorted: Float64Array, curSorted: Float64Array, maxDistinct = 20): AlignedBins {
  if (countDistinct(refSorted) > maxDistinct) {
    const edges = binEdges(refSorted, curSorted);
    return { edges, ref: histogram(refSorted, edges), cur: histogram(curSorted, edges) };
  }
  const values: number[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  forEachTieGroup(refSorted, curSorted, (value, _start, r, c) => {
    values.push(value);
    ref.push(r);
    cur.push(c);
  });
  return { values: Float64Array.from(values), ref, cur };
}

/** Number of distinct values in a sorted array. */
function countDistinct(sorted: Float64Array): number {
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) k++;
  return k;
}
