import type { TestOutcome } from '../drift/column-test.js';
import type { ColumnKind } from '../drift/samples.js';
import { UserError } from '../errors.js';
import { chi2Homogeneity } from '../stats/chi2-homogeneity.js';
import type { DriftTestName } from '../stats/drift-tests.js';
import { jensenShannonDistance } from '../stats/jensen-shannon.js';
import { ks2samp, ksAsymptotic } from '../stats/ks2samp.js';
import { meanShift } from '../stats/mean-shift.js';
import { psi } from '../stats/psi.js';
import { twoProportionZ } from '../stats/two-proportion-z.js';
import type { NumericSummary } from './numeric.js';
import type { ColumnSummary } from './profile.js';
import { sturgesEdges } from '../stats/histogram.js';
import {
  binCounts,
  expand,
  ksStatisticWeighted,
  numericView,
  wassersteinWeighted,
  weightAtMost,
  weightBelow,
  type NumericView,
} from './view.js';

/** How far an approximate result can be from the exact path's. */
export interface Bound {
  /**
   * statistic: |value − exact| ≤ bound (KS D; normed Wasserstein).
   * bin-share: each bin's share of a side within bound of the exact share (PSI, Jensen–Shannon).
   * category-count: each category count at most bound (as a share of its side) below the exact one.
   */
  on: 'statistic' | 'bin-share' | 'category-count';
  value: number;
  /** Probability that the bound holds (the sketches are randomised); 1 for deterministic bounds. */
  confidence: number;
}

export interface ProfileOutcome extends TestOutcome {
  approximate: boolean;
  bound?: Bound;
}

/** Exact path's threshold for the exact KS distribution (SciPy's MAX_AUTO_N). */
const KS_EXACT_MAX_N = 10000;
/** Evidently bins per distinct value up to this many distinct reference values. */
const MAX_VALUE_BINS = 20;

/**
 * Runs one registered drift test on two column profiles, computing what the exact path
 * (column-test.ts) computes on samples, from the summaries:
 *  - ks: D = sup|F̂_ref − F̂_cur| from the KLL sketches; |D − D_exact| ≤ ε = ε_ref + ε_cur (kll.ts).
 *    p = ksAsymptotic(max(D − ε, 0), n_ref, n_cur): SciPy's asymptotic formula at the smallest D
 *    the sketches allow, hence an upper bound on the exact path's p-value (with the bound's
 *    probability). Conservative on purpose: at a million rows the 5 % critical value of D
 *    (≈ 1.36·√(1/n + 1/m) ≈ 0.002) is below the sketches' resolution, and p at D itself would
 *    flag every column. Drift flagged from profiles is drift on the data; a shift in D smaller
 *    than ε can go unseen. Exact sketches (nothing compacted) of ≤ 10 000 values are the
 *    samples: then the exact path's test runs on them.
 *  - wasserstein: ∫|F̂_ref − F̂_cur| dx over the sketches, normed by the reference population std
 *    (exact, from M2); within (ε_ref + ε_cur)·(max − min)/std of the exact value.
 *  - psi, jensenshannon: Evidently's bins (one per value when the reference has ≤ 20 distinct
 *    values — exact counts —, else Sturges edges over the pooled [min, max] with n = n_ref + n_cur,
 *    both exact), counts read off the sketches' CDFs: each bin share within 2ε.
 *  - chi2, z: exact category counts (or value counts of a numerical column with ≤ 20 values);
 *    past 1000 categories, Misra–Gries estimates plus one "other" cell.
 *  - mean-shift: exact (means and M2 are exact up to rounding).
 */
export function runProfileTest(
  method: DriftTestName,
  kind: ColumnKind,
  ref: ColumnSummary,
  cur: ColumnSummary,
  name: string,
): ProfileOutcome {
  if (kind === 'categorical' || method === 'chi2' || method === 'z') {
    if (kind === 'numerical' && (method === 'chi2' || method === 'z')) {
      const r = exactValueCounts(numeric(ref, name), name, method);
      const c = exactValueCounts(numeric(cur, name), name, method);
      return categoryTest(method, toLabelled(r, true), toLabelled(c, true));
    }
    return categoryTest(method, categoryCounts(ref, name), categoryCounts(cur, name));
  }
  const r = numeric(ref, name);
  const c = numeric(cur, name);
  const vr = numericView(r);
  const vc = numericView(c);
  const eps = vr.eps + vc.eps;
  switch (method) {
    case 'ks': {
      if (eps === 0 && Math.max(vr.n, vc.n) <= KS_EXACT_MAX_N) {
        const res = ks2samp(expand(vr), expand(vc));
        return { statistic: res.statistic, pValue: res.pValue, note: res.method, approximate: false };
      }
      const d = ksStatisticWeighted(vr, vc);
      return {
        statistic: d,
        pValue: ksAsymptotic(Math.max(d - eps, 0), vr.n, vc.n),
        note: eps > 0 ? 'asymp at D − bound (conservative), from sketches' : 'asymp',
        approximate: eps > 0,
        ...(eps > 0 && { bound: { on: 'statistic', value: eps, confidence: sketchConfidence(vr, vc) } }),
      };
    }
    case 'wasserstein': {
      const std = Math.max(Math.sqrt(r.moments.variance(0)), 0.001);
      const range = Math.max(vr.max, vc.max) - Math.min(vr.min, vc.min);
      return {
        statistic: wassersteinWeighted(vr, vc) / std,
        pValue: null,
        approximate: eps > 0,
        ...(eps > 0 && {
          bound: { on: 'statistic', value: (eps * range) / std, confidence: sketchConfidence(vr, vc) },
        }),
      };
    }
    case 'psi':
    case 'jensenshannon': {
      const [a, b, approx] = numericBins(r, vr, c, vc);
      const statistic = method === 'psi' ? psi(a, b) : jensenShannonDistance(a, b);
      return {
        statistic,
        pValue: null,
        approximate: approx > 0,
        ...(approx > 0 && { bound: { on: 'bin-share', value: approx, confidence: sketchConfidence(vr, vc) } }),
      };
    }
    case 'mean-shift': {
      const m = meanShift(r.moments.mean, c.moments.mean, Math.sqrt(r.moments.variance(0)));
      return {
        statistic: m.value,
        pValue: null,
        note:
          m.denominator === 'mean'
            ? undefined
            : `relative to the reference ${m.denominator === 'std' ? 'std (mean ≈ 0)' : 'scale (absolute)'}`,
        approximate: false,
      };
    }
  }
  throw new Error(`unhandled method ${method as string}`);
}

/**
 * Distinct values over both sides, as the exact path counts them for the automatic test choice
 * (only ≤ 5 vs more matters there): exact while both sides have ≤ 20 distinct values or
 * categories are exact; otherwise a lower bound (> 20, or the labels known).
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
 * Categories only in the current profile (sorted, at most `max`), and the share of the current
 * non-missing rows they make up (all of them, not only the listed); `approximate` past the category cap.
 */
export function newCategories(
  ref: ColumnSummary,
  cur: ColumnSummary,
  max: number,
): { labels: string[]; share: number; approximate: boolean } {
  if (ref.kind !== 'categorical' || cur.kind !== 'categorical') return { labels: [], share: 0, approximate: false };
  const known = ref.counts.counts;
  const fresh = [...cur.counts.counts.entries()].filter(([k]) => !known.has(k));
  const rows = fresh.reduce((s, [, c]) => s + c, 0);
  const labels = fresh
    .map(([k]) => k)
    .sort()
    .slice(0, max);
  return { labels, share: cur.count > 0 ? rows / cur.count : 0, approximate: !ref.counts.exact || !cur.counts.exact };
}

function numeric(s: ColumnSummary, name: string): NumericSummary {
  if (s.kind !== 'numeric') {
    throw new UserError(
      `column '${name}' was profiled as text (categorical); it cannot be compared as numerical — drop it from numerical-columns`,
    );
  }
  return s;
}

function sketchConfidence(a: NumericView, b: NumericView): number {
  return 1 - (a.eps > 0 ? 0.01 : 0) - (b.eps > 0 ? 0.01 : 0);
}

/** Counts per value of a numerical column: exact counts (≤ 20 values) or an uncompacted sketch. */
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
    `column '${name}': ${method} treats each value of a numerical column as a category, which a profile keeps only for columns with at most 20 distinct values; this one has more — use ks, wasserstein, psi or jensenshannon`,
  );
}

interface Labelled {
  /** Labels in the exact path's order (sorted text, or ascending numbers). */
  counts: Map<string | number, number>;
  n: number;
  /** Misra–Gries error (0: exact). */
  error: number;
  numeric: boolean;
}

function toLabelled(m: Map<number, number>, numeric: boolean): Labelled {
  let n = 0;
  for (const c of m.values()) n += c;
  return { counts: m, n, error: 0, numeric };
}

function categoryCounts(s: ColumnSummary, name: string): Labelled {
  if (s.kind === 'categorical') return { counts: s.counts.counts, n: s.count, error: s.counts.error, numeric: false };
  if (s.values === null) {
    throw new UserError(
      `column '${name}' is compared as categorical, but its profile is numerical with more than 20 distinct values (only their sketch is kept); profile it with categorical-columns`,
    );
  }
  const m = new Map<string, number>();
  for (const [v, c] of s.values) m.set(String(v), (m.get(String(v)) ?? 0) + c);
  let n = 0;
  for (const c of m.values()) n += c;
  return { counts: m, n, error: 0, numeric: false };
}

function categoryTest(method: DriftTestName, r: Labelled, c: Labelled): ProfileOutcome {
  const keys = [...new Set([...r.counts.keys(), ...c.counts.keys()])];
  if (r.numeric) (keys as number[]).sort((x, y) => x - y);
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
  switch (method) {
    case 'chi2': {
      const res = chi2Homogeneity(a, b);
      return {
        statistic: res.statistic,
        pValue: res.pValue,
        note: `dof ${res.dof}${approximate ? ', Misra–Gries counts' : ''}`,
        approximate,
        bound,
      };
    }
    case 'z': {
      const res = twoProportionZ(a[0] ?? 0, r.n, b[0] ?? 0, c.n);
      return { statistic: res.statistic, pValue: res.pValue, approximate, bound };
    }
    case 'psi':
      return { statistic: psi(a, b), pValue: null, approximate, bound };
    case 'jensenshannon':
      return { statistic: jensenShannonDistance(a, b), pValue: null, approximate, bound };
    default:
      throw new Error(`${method} on categories`);
  }
}

/**
 * Evidently's bins for a numerical column (alignedBins), from profiles: returns both sides'
 * counts and the bound on each bin share (0 when exact).
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
