import { lowerBound, upperBound } from './bounds.js';
import { forEachTieGroup } from './ranks.js';

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
 * Counts of an ascending, NaN-free `x` per bin for ascending edges, as `np.histogram(x, edges)`:
 * bins are half-open [e_i, e_{i+1}) except the last, which includes its right edge; values outside
 * are dropped. One binary search per edge, O(bins · log n): drift samples are sorted once when read.
 *
 * @example
 * sortedHistogram(Float64Array.of(1, 2, 2, 6), Float64Array.of(0, 2, 4, 6)) // [1, 2, 1]
 */
export function sortedHistogram(x: Float64Array, edges: Float64Array): number[] {
  const bins = edges.length - 1;
  if (bins < 1) throw new RangeError('histogram: need at least two edges');
  const counts = new Array<number>(bins);
  // below = how many values lie under the current bin's left edge.
  let below = lowerBound(x, edges[0]);
  for (let a = 0; a < bins - 1; a++) {
    const next = lowerBound(x, edges[a + 1], below);
    counts[a] = next - below;
    below = next;
  }
  // The last bin includes its right edge.
  counts[bins - 1] = upperBound(x, edges[bins], below) - below;
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
 * sample, `np.histogram_bin_edges(concat(ref, cur), bins='sturges')` (`sturgesEdges`); otherwise
 * one bin per distinct value seen on either side. Inputs sorted, finite.
 */
export function alignedBins(refSorted: Float64Array, curSorted: Float64Array, maxDistinct = 20): AlignedBins {
  if (countDistinct(refSorted) > maxDistinct) {
    const ends = [refSorted, curSorted].filter((x) => x.length > 0);
    const lo = Math.min(...ends.map((x) => x[0]));
    const hi = Math.max(...ends.map((x) => x[x.length - 1]));
    const edges = sturgesEdges(refSorted.length + curSorted.length, lo, hi);
    return { edges, ref: sortedHistogram(refSorted, edges), cur: sortedHistogram(curSorted, edges) };
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
