import type { ColumnSummary } from '../profile/profile.js';
import { binCounts, numericView } from '../profile/view.js';
import { sortedHistogram } from '../stats/histogram.js';
import type { Sample } from './samples.js';

const BARS = '▁▂▃▄▅▆▇█';
/** Numeric columns: this many equal-width bins over both sides' range. */
export const SPARK_BINS = 10;
/** Categorical columns: the most frequent categories, at most this many. */
const MAX_CATEGORIES = 8;

/**
 * Reference and current distributions as two Unicode sparklines on a shared scale (shares of each
 * side, so samples of different sizes compare): 10 equal-width bins over both samples' range for
 * a numeric column, the most frequent categories (at most 8) for a categorical one.
 */
export function sparklines(ref: Sample, cur: Sample): [string, string] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    if (ref.sorted.length === 0 || cur.sorted.length === 0) return ['', ''];
    const edges = sparkEdges(
      Math.min(ref.sorted[0], cur.sorted[0]),
      Math.max(ref.sorted[ref.sorted.length - 1], cur.sorted[cur.sorted.length - 1]),
    );
    return renderSparklines(sortedHistogram(ref.sorted, edges), sortedHistogram(cur.sorted, edges));
  }
  if (ref.kind === 'categorical' && cur.kind === 'categorical') return categorySparklines(ref.counts, cur.counts);
  return ['', ''];
}

/**
 * The same from profile summaries: the same bins over both sides' range (counts from the
 * sketches), or the most frequent categories.
 */
export function summarySparklines(ref: ColumnSummary, cur: ColumnSummary): [string, string] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    if (ref.count === 0 || cur.count === 0) return ['', ''];
    const edges = sparkEdges(Math.min(ref.moments.min, cur.moments.min), Math.max(ref.moments.max, cur.moments.max));
    return renderSparklines(binCounts(numericView(ref), edges), binCounts(numericView(cur), edges));
  }
  if (ref.kind === 'categorical' && cur.kind === 'categorical')
    return categorySparklines(ref.counts.counts, cur.counts.counts);
  return ['', ''];
}

/** The edges of the numeric sparklines over [lo, hi]. */
function sparkEdges(lo: number, hi: number): Float64Array {
  const edges = new Float64Array(SPARK_BINS + 1);
  for (let i = 0; i <= SPARK_BINS; i++)
    edges[i] = lo === hi ? lo - 0.5 + i / SPARK_BINS : lo + ((hi - lo) * i) / SPARK_BINS;
  return edges;
}

/** Sparklines of the most frequent categories of both sides, in name order. */
function categorySparklines(ref: Map<string, number>, cur: Map<string, number>): [string, string] {
  const total = new Map<string, number>();
  for (const counts of [ref, cur]) for (const [k, v] of counts) total.set(k, (total.get(k) ?? 0) + v);
  const top = [...total.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, MAX_CATEGORIES)
    .map(([k]) => k)
    .sort();
  return renderSparklines(
    top.map((k) => ref.get(k) ?? 0),
    top.map((k) => cur.get(k) ?? 0),
  );
}

/** Two count vectors as bars of their shares, scaled together so the tallest share is a full bar. */
function renderSparklines(a: number[], b: number[]): [string, string] {
  const share = (xs: number[]) => {
    const sum = xs.reduce((s, x) => s + x, 0) || 1;
    return xs.map((x) => x / sum);
  };
  const [pa, pb] = [share(a), share(b)];
  const top = Math.max(...pa, ...pb) || 1;
  const line = (ps: number[]) =>
    ps.map((p) => BARS[Math.min(BARS.length - 1, Math.round((p / top) * (BARS.length - 1)))]).join('');
  return [line(pa), line(pb)];
}
