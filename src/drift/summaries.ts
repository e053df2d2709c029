/**
 * The sketch path's representation: each side of a column as its profile summary (src/profile/),
 * and what the methods and the report read of two summaries. The results equal the exact path's
 * where the summaries hold the data (value counts, uncompacted sketches), and carry a stated
 * bound where they do not.
 */
import { UserError } from '../errors.js';
import type { CategoricalSummary } from '../profile/categorical.js';
import type { NumericSummary } from '../profile/numeric.js';
import type { ColumnSummary } from '../profile/profile.js';
import { binCounts, numericView, weightAtMost, weightBelow, type NumericView } from '../profile/view.js';
import { sturgesEdges } from '../stats/histogram.js';
import type { Bound, SummaryColumn } from './method.js';

/** Evidently bins per distinct value up to this many distinct reference values. */
const MAX_VALUE_BINS = 20;

/** The numeric summary of a column compared as numeric; a UserError when it was profiled as text. */
export function numericSummary(s: ColumnSummary, name: string): NumericSummary {
  if (s.kind !== 'numeric') {
    throw new UserError(
      `column '${name}' was profiled as text (categorical); it cannot be compared as numerical — drop it from numerical-columns`,
    );
  }
  return s;
}

/** Both sides of a numeric column as weighted distributions, and ε = ε_ref + ε_cur (0: both exact). */
export function numericViews(
  ref: ColumnSummary,
  cur: ColumnSummary,
  name: string,
): { r: NumericSummary; c: NumericSummary; vr: NumericView; vc: NumericView; eps: number } {
  const r = numericSummary(ref, name);
  const c = numericSummary(cur, name);
  const vr = numericView(r);
  const vc = numericView(c);
  return { r, c, vr, vc, eps: vr.eps + vc.eps };
}

/** Probability that both sketches' bounds hold: 99 % each (kll.ts), 1 for an exact side. */
export function sketchConfidence(a: NumericView, b: NumericView): number {
  return 1 - (a.eps > 0 ? 0.01 : 0) - (b.eps > 0 ? 0.01 : 0);
}

/** Category counts of both sides, in the exact path's order, with an "other" cell past the cap. */
export interface CategoryTable {
  ref: number[];
  cur: number[];
  /** Non-missing values of each side (exact). */
  nRef: number;
  nCur: number;
  /** True when a side's counts are Misra–Gries estimates (past `categoryCap` labels). */
  approximate: boolean;
  bound?: Bound;
}

/**
 * The 2 × k table of a column compared by category counts (chi2, z; PSI and Jensen–Shannon on a
 * categorical column): text labels in sorted order when compared as categorical; when compared as
 * numeric, each value a category in ascending order, from the exact value counts (≤ 20 values) or
 * an uncompacted sketch — else a UserError naming `method`. Past 1000 labels, Misra–Gries
 * estimates plus one "other" cell per side, with the bound on each count.
 */
export function categoryTable(
  ref: ColumnSummary,
  cur: ColumnSummary,
  column: SummaryColumn,
  method: string,
): CategoryTable {
  const r =
    column.kind === 'numeric'
      ? valueLabels(numericSummary(ref, column.name), column.name, method)
      : textLabels(ref, column.name);
  const c =
    column.kind === 'numeric'
      ? valueLabels(numericSummary(cur, column.name), column.name, method)
      : textLabels(cur, column.name);
  const keys = [...new Set([...r.counts.keys(), ...c.counts.keys()])];
  if (column.kind === 'numeric') (keys as number[]).sort((x, y) => x - y);
  else (keys as string[]).sort();
  const a = keys.map((k) => r.counts.get(k) ?? 0);
  const b = keys.map((k) => c.counts.get(k) ?? 0);
  const approximate = r.error > 0 || c.error > 0;
  if (approximate) {
    // what the summaries do not name: one "other" cell per side
    a.push(r.n - a.reduce((s, x) => s + x, 0));
    b.push(c.n - b.reduce((s, x) => s + x, 0));
  }
  const bound: Bound | undefined = approximate
    ? { on: 'category-count', value: Math.max(r.error / r.n, c.error / c.n), confidence: 1 }
    : undefined;
  return { ref: a, cur: b, nRef: r.n, nCur: c.n, approximate, bound };
}

interface Labelled {
  counts: Map<string | number, number>;
  n: number;
  /** Misra–Gries error (0: exact). */
  error: number;
}

/** Counts per value of a numeric column: exact counts (≤ 20 values) or an uncompacted sketch. */
function valueLabels(s: NumericSummary, name: string, method: string): Labelled {
  const counts = exactValueCounts(s, name, method);
  let n = 0;
  for (const c of counts.values()) n += c;
  return { counts, n, error: 0 };
}

/** Counts per text label: the categories, or the decimal text of a numeric column's values. */
function textLabels(s: ColumnSummary, name: string): Labelled {
  if (s.kind === 'categorical') return { counts: s.counts.counts, n: s.count, error: s.counts.error };
  if (s.values === null) {
    throw new UserError(
      `column '${name}' is compared as categorical, but its profile is numerical with more than 20 distinct ` +
        'values (only their sketch is kept); profile it with categorical-columns',
    );
  }
  const m = new Map<string, number>();
  for (const [v, c] of s.values) m.set(String(v), (m.get(String(v)) ?? 0) + c);
  let n = 0;
  for (const c of m.values()) n += c;
  return { counts: m, n, error: 0 };
}

function exactValueCounts(s: NumericSummary, name: string, method: string): Map<number, number> {
  if (s.values !== null) return s.values;
  const v = numericView(s);
  if (v.eps === 0) {
    const m = new Map<number, number>();
    for (let i = 0; i < v.values.length; i++)
      m.set(v.values[i], (m.get(v.values[i]) ?? 0) + (v.cum[i] - (i === 0 ? 0 : v.cum[i - 1])));
    return m;
  }
  throw new UserError(
    `column '${name}': ${method} treats each value of a numerical column as a category, which a profile ` +
      'keeps only for columns with at most 20 distinct values; this one has more — use ks, wasserstein, psi or jensenshannon',
  );
}

/**
 * Counts per bin for PSI and Jensen–Shannon from summaries, as the exact path bins them
 * (binnedCounts): Evidently's bins on a numeric column (numericBins, each bin share within the
 * stated 2ε), the category table on a categorical one.
 */
export function binnedSummaryCounts(
  ref: ColumnSummary,
  cur: ColumnSummary,
  column: SummaryColumn,
  method: string,
): { ref: number[]; cur: number[]; approximate: boolean; bound?: Bound } {
  if (column.kind === 'categorical') return categoryTable(ref, cur, column, method);
  const { r, c, vr, vc } = numericViews(ref, cur, column.name);
  const [a, b, approx] = numericBins(r, vr, c, vc);
  return {
    ref: a,
    cur: b,
    approximate: approx > 0,
    ...(approx > 0 && { bound: { on: 'bin-share', value: approx, confidence: sketchConfidence(vr, vc) } }),
  };
}

/**
 * Evidently's bins for a numeric column (alignedBins), from summaries: both sides' counts and the
 * bound on each bin share (0 when exact). One bin per value when the reference has ≤ 20 distinct
 * values (exact counts), else Sturges edges over the pooled [min, max] with n = n_ref + n_cur
 * (both exact), counts read off the sketches' CDFs: each bin share within 2ε.
 */
function numericBins(
  r: NumericSummary,
  vr: NumericView,
  c: NumericSummary,
  vc: NumericView,
): [number[], number[], number] {
  if (r.values !== null && r.values.size <= MAX_VALUE_BINS) {
    if (c.values !== null || vc.eps === 0) {
      const rc = r.values;
      const cc = c.values ?? exactValueCounts(c, '', '');
      const keys = [...new Set([...rc.keys(), ...cc.keys()])].sort((x, y) => x - y);
      return [keys.map((k) => rc.get(k) ?? 0), keys.map((k) => cc.get(k) ?? 0), 0];
    }
    // The current side has many values: its share at each reference value, the rest in one bin.
    const keys = [...r.values.keys()].sort((x, y) => x - y);
    const b = keys.map((k) => Math.max(weightAtMost(vc, k) - weightBelow(vc, k), 0));
    const a = keys.map((k) => r.values!.get(k) as number);
    a.push(0);
    b.push(Math.max(vc.n - b.reduce((s, x) => s + x, 0), 0));
    return [a, b, 2 * vc.eps];
  }
  const edges = sturgesEdges(vr.n + vc.n, Math.min(vr.min, vc.min), Math.max(vr.max, vc.max));
  return [binCounts(vr, edges), binCounts(vc, edges), 2 * Math.max(vr.eps, vc.eps)];
}

/**
 * Distinct values over both sides, as the exact path counts them for the automatic choice (only
 * ≤ 5 vs more matters there): exact while both sides have ≤ 20 distinct values or categories are
 * exact; otherwise a lower bound (> 20, or the labels known).
 */
export function distinctValues(ref: ColumnSummary, cur: ColumnSummary): number {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    if (ref.values === null || cur.values === null) return Infinity;
    return new Set([...ref.values.keys(), ...cur.values.keys()]).size;
  }
  const labels = (s: ColumnSummary) =>
    s.kind === 'categorical' ? [...s.counts.counts.keys()] : s.values === null ? [] : [...s.values.keys()].map(String);
  const n = new Set([...labels(ref), ...labels(cur)]).size;
  const exact = (s: ColumnSummary) => (s.kind === 'categorical' ? s.counts.exact : s.values !== null);
  return exact(ref) && exact(cur) ? n : Math.max(n, 21); // past the caps: many
}

/**
 * Categories only in the current summary (sorted, at most `max`; past the category cap: among those
 * kept), and the share of the current non-missing rows they make up.
 */
export function newCategories(
  ref: CategoricalSummary,
  cur: CategoricalSummary,
  max: number,
): { labels: string[]; share: number } {
  const known = ref.counts.counts;
  const fresh = [...cur.counts.counts.entries()].filter(([k]) => !known.has(k));
  const rows = fresh.reduce((sum, [, n]) => sum + n, 0);
  return {
    labels: fresh
      .map(([k]) => k)
      .sort()
      .slice(0, max),
    share: cur.count > 0 ? rows / cur.count : 0,
  };
}
