import { histogram } from '../stats/histogram.js';
import type { Sample } from './samples.js';

const BARS = '▁▂▃▄▅▆▇█';
const NUMERIC_BINS = 10;
const MAX_CATEGORIES = 8;

/**
 * Reference and current distributions as two Unicode sparklines on a shared scale (shares of each
 * side, so samples of different sizes compare): 10 equal-width bins over both samples' range for
 * a numerical column, the most frequent categories (at most 8) for a categorical one.
 */
export function sparklines(ref: Sample, cur: Sample): [string, string] {
  let a: number[];
  let b: number[];
  if (ref.kind === 'numerical' && cur.kind === 'numerical') {
    if (ref.sorted.length === 0 || cur.sorted.length === 0) return ['', ''];
    const lo = Math.min(ref.sorted[0], cur.sorted[0]);
    const hi = Math.max(ref.sorted[ref.sorted.length - 1], cur.sorted[cur.sorted.length - 1]);
    const edges = new Float64Array(NUMERIC_BINS + 1);
    for (let i = 0; i <= NUMERIC_BINS; i++) edges[i] = lo === hi ? lo - 0.5 + i / NUMERIC_BINS : lo + ((hi - lo) * i) / NUMERIC_BINS;
    a = histogram(ref.sorted, edges);
    b = histogram(cur.sorted, edges);
  } else if (ref.kind === 'categorical' && cur.kind === 'categorical') {
    const total = new Map<string, number>();
    for (const s of [ref, cur]) for (const [k, v] of s.counts) total.set(k, (total.get(k) ?? 0) + v);
    const top = [...total.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_CATEGORIES).map(([k]) => k).sort();
    a = top.map((k) => ref.counts.get(k) ?? 0);
    b = top.map((k) => cur.counts.get(k) ?? 0);
  } else {
    return ['', ''];
  }
  const share = (xs: number[]) => {
    const sum = xs.reduce((s, x) => s + x, 0) || 1;
    return xs.map((x) => x / sum);
  };
  const [pa, pb] = [share(a), share(b)];
  const top = Math.max(...pa, ...pb) || 1;
  const line = (ps: number[]) => ps.map((p) => BARS[Math.min(BARS.length - 1, Math.round((p / top) * (BARS.length - 1)))]).join('');
  return [line(pa), line(pb)];
}
