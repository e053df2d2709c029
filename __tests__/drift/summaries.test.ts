/**
 * The methods on summaries (profiles) against the same methods on samples (the exact path): the
 * KS statistic within the stated bound of ks2samp's, the same drifted columns on data with clear
 * shifts, and exactly the samples' numbers where the profile holds the sample itself.
 */
import type { ColumnKind } from '../../src/drift/method.js';
import { getMethod, type DriftMethodName } from '../../src/drift/registry.js';
import type { Sample } from '../../src/drift/samples.js';
import type { ColumnSummary } from '../../src/profile/profile.js';
import { CategoricalSummary } from '../../src/profile/categorical.js';
import { KllSketch } from '../../src/profile/kll.js';
import { binCounts, numericView } from '../../src/profile/view.js';
import { alignedBins, sortedHistogram, sturgesEdges } from '../../src/stats/histogram.js';
import { NumericSummary } from '../../src/profile/numeric.js';
import { DEFAULT_PARAMS } from '../../src/profile/params.js';
import { ks2samp } from '../../src/stats/ks2samp.js';
import { rng } from '../profile/helpers.js';

const onSamples = (method: DriftMethodName, ref: Sample, cur: Sample) => getMethod(method).onSamples(ref, cur);
const onSummaries = (method: DriftMethodName, kind: ColumnKind, ref: ColumnSummary, cur: ColumnSummary) =>
  getMethod(method).onSummaries(ref, cur, { name: 'x', kind });

/** Sketch coins: random in production; fixed here so every run checks the same draw. */
let seed = 0;

function numericPair(ref: number[], cur: number[]) {
  const mk = (xs: number[]) => {
    const s = new NumericSummary(DEFAULT_PARAMS, new KllSketch(DEFAULT_PARAMS.kllK, ++seed));
    for (const x of xs) s.add(x);
    return s;
  };
  const sample = (xs: number[]): Sample => ({
    kind: 'numeric',
    sorted: Float64Array.from(xs).sort(),
    rows: xs.length,
    missing: 0,
  });
  return { pr: mk(ref), pc: mk(cur), sr: sample(ref), sc: sample(cur) };
}

function categoricalPair(ref: string[], cur: string[]) {
  const mk = (xs: string[]) => {
    const s = new CategoricalSummary(DEFAULT_PARAMS);
    for (const x of xs) s.add(x);
    return s;
  };
  const sample = (xs: string[]): Sample => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    return { kind: 'categorical', counts, rows: xs.length, missing: 0 };
  };
  return { pr: mk(ref), pc: mk(cur), sr: sample(ref), sc: sample(cur) };
}

const r = rng(99);
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
const labels = (n: number, from: string) => Array.from({ length: n }, () => from[r.int(from.length)]);

describe('KS from sketches', () => {
  test.each([
    ['no shift', 0, 1],
    ['mean shift 0.05 sd', 0.05, 1],
    ['mean shift 0.3 sd', 0.3, 1],
    ['scale 1.2', 0, 1.2],
  ])('%s: |D_profile − D_exact| ≤ ε_ref + ε_cur at 200 000 × 150 000 rows', (_n, shift, scale) => {
    const { pr, pc, sr, sc } = numericPair(
      draw(200_000, r.normal),
      draw(150_000, () => shift + scale * r.normal()),
    );
    const exact = ks2samp((sr as { sorted: Float64Array }).sorted, (sc as { sorted: Float64Array }).sorted);
    const out = onSummaries('ks', 'numeric', pr, pc);
    const eps = pr.kll.rankErrorBound() + pc.kll.rankErrorBound();
    expect(out.approximate).toBe(true);
    expect(out.bound).toEqual({ on: 'statistic', value: eps, confidence: 0.98 });
    expect(eps).toBeLessThan(0.02);
    expect(Math.abs(out.statistic - exact.statistic)).toBeLessThanOrEqual(eps);
    // p is SciPy's asymptotic formula at max(D − ε, 0): never below the exact p-value when D_exact ≥ D − ε.
    expect(out.pValue as number).toBeGreaterThanOrEqual(exact.pValue);
  });
});

describe('same drifted columns as the exact path on clear shifts', () => {
  const n = 50_000;
  const columns: [string, () => [number[], number[]] | [string[], string[]], DriftMethodName[]][] = [
    [
      'shifted normal',
      () => [draw(n, r.normal), draw(n, () => 0.5 + r.normal())],
      ['ks', 'wasserstein', 'psi', 'jensenshannon', 'mean-shift'],
    ],
    ['stable normal', () => [draw(n, r.normal), draw(n, r.normal)], ['ks', 'wasserstein', 'psi', 'jensenshannon']],
    [
      'stable lognormal',
      () => [draw(n, () => Math.exp(r.normal())), draw(n, () => Math.exp(r.normal()))],
      ['ks', 'wasserstein', 'psi', 'jensenshannon', 'mean-shift'],
    ],
    [
      'wider exponential',
      () => [draw(n, () => -Math.log(1 - r.u())), draw(n, () => -2 * Math.log(1 - r.u()))],
      ['ks', 'wasserstein', 'psi', 'jensenshannon', 'mean-shift'],
    ],
    ['re-weighted categories', () => [labels(n, 'abcde'), labels(n, 'abcdeaa')], ['chi2', 'psi', 'jensenshannon']],
    ['stable categories', () => [labels(n, 'abcde'), labels(n, 'abcde')], ['chi2', 'psi', 'jensenshannon']],
  ];
  test.each(columns)('%s', (_name, make, methods) => {
    const [a, b] = make();
    const pair =
      typeof a[0] === 'string'
        ? categoricalPair(a as string[], b as string[])
        : numericPair(a as number[], b as number[]);
    const kind = typeof a[0] === 'string' ? 'categorical' : 'numeric';
    for (const method of methods) {
      const test = getMethod(method);
      const exact = onSamples(method, pair.sr, pair.sc);
      const prof = onSummaries(method, kind, pair.pr, pair.pc);
      const value = (o: { statistic: number; pValue: number | null }) =>
        test.yieldsPValue ? (o.pValue as number) : o.statistic;
      expect([method, test.drifted(value(prof), test.defaultThreshold)]).toEqual([
        method,
        test.drifted(value(exact), test.defaultThreshold),
      ]);
      if (prof.bound?.on === 'statistic')
        expect(Math.abs(prof.statistic - exact.statistic)).toBeLessThanOrEqual(prof.bound.value);
    }
  });
});

describe('exact where the profile holds the sample', () => {
  test('small numerical samples (no compaction): every test equals the exact path', () => {
    const { pr, pc, sr, sc } = numericPair(
      draw(300, r.normal),
      draw(420, () => 0.2 + r.normal()),
    );
    for (const method of ['ks', 'wasserstein', 'psi', 'jensenshannon', 'mean-shift'] as DriftMethodName[]) {
      const exact = onSamples(method, sr, sc);
      const prof = onSummaries(method, 'numeric', pr, pc);
      expect(prof.approximate).toBe(false);
      expect(prof.statistic).toBeCloseTo(exact.statistic, 12);
      if (exact.pValue === null) expect(prof.pValue).toBeNull();
      else expect(prof.pValue).toBeCloseTo(exact.pValue, 12);
    }
  });

  test('integer columns with ≤ 20 values at any size: exact value counts', () => {
    const { pr, pc, sr, sc } = numericPair(
      draw(30_000, () => r.int(15)),
      draw(20_000, () => r.int(16)),
    );
    for (const method of ['ks', 'wasserstein', 'psi', 'jensenshannon', 'chi2'] as DriftMethodName[]) {
      const exact = onSamples(method, sr, sc);
      const prof = onSummaries(method, 'numeric', pr, pc);
      expect(prof.approximate).toBe(false);
      expect(Math.abs(prof.statistic - exact.statistic)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(exact.statistic)),
      );
      if (exact.pValue !== null) expect(Math.abs((prof.pValue as number) - exact.pValue)).toBeLessThanOrEqual(1e-12);
    }
  });

  test('numerical psi/jensenshannon bins: Sturges edges of the pooled sample, each share within the stated 2ε', () => {
    const ref = draw(100_000, r.normal);
    const cur = draw(100_000, () => 0.1 + r.normal());
    const { pr, pc, sr, sc } = numericPair(ref, cur);
    const prof = onSummaries('psi', 'numeric', pr, pc);
    expect(prof.bound?.on).toBe('bin-share');
    const bound = prof.bound!.value;
    expect(bound).toBeCloseTo(2 * Math.max(pr.kll.rankErrorBound(), pc.kll.rankErrorBound()), 15);
    // The exact path's edges (alignedBins on the samples) from the profiles' exact count, min and max.
    const sorted = (x: Sample) => (x as { sorted: Float64Array }).sorted;
    const edges = sturgesEdges(
      pr.count + pc.count,
      Math.min(pr.moments.min, pc.moments.min),
      Math.max(pr.moments.max, pc.moments.max),
    );
    expect(Array.from(edges)).toEqual(Array.from(alignedBins(sorted(sr), sorted(sc)).edges!));
    for (const [summary, sample] of [
      [pr, sr],
      [pc, sc],
    ] as const) {
      const exact = sortedHistogram(sorted(sample), edges);
      const approx = binCounts(numericView(summary), edges);
      for (let i = 0; i < exact.length; i++)
        expect(Math.abs(approx[i] - exact[i]) / summary.count).toBeLessThanOrEqual(bound);
    }
  });
});
