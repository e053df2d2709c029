import type { ColumnSummary } from './profile.js';
import { binCounts, numericView } from './view.js';

const BARS = '▁▂▃▄▅▆▇█';
const NUMERIC_BINS = 10;
const MAX_CATEGORIES = 8;

/**
 * The drift summary's sparklines (src/drift/sparkline.ts) from profiles: 10 equal-width bins over
 * both sides' range (counts from the sketches), or the 8 most frequent categories.
 */
export function profileSparklines(ref: ColumnSummary, cur: ColumnSummary): [string, string] {
  let a: number[];
  let b: number[];
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    if (ref.count === 0 || cur.count === 0) return ['', ''];
    const lo = Math.min(ref.moments.min, cur.moments.min);
    const hi = Math.max(ref.moments.max, cur.moments.max);
    const edges = new Float64Array(NUMERIC_BINS + 1);
    for (let i = 0; i <= NUMERIC_BINS; i++) edges[i] = lo === hi ? lo - 0.5 + i / NUMERIC_BINS : lo + ((hi - lo) * i) / NUMERIC_BINS;
    a = binCounts(numericView(ref), edges);
    b = binCounts(numericView(cur), edges);
  } else if (ref.kind === 'categorical' && cur.kind === 'categorical') {
    const total = new Map<string, number>();
    for (const s of [ref, cur]) for (const [k, v] of s.counts.counts) total.set(k, (total.get(k) ?? 0) + v);
    const top = [...total.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_CATEGORIES).map(([k]) => k).sort();
    a = top.map((k) => ref.counts.counts.get(k) ?? 0);
    b = top.map((k) => cur.counts.counts.get(k) ?? 0);
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
