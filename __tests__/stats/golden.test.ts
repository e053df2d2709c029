import { readFileSync } from 'node:fs';
import { sortFloat64 } from '../../src/stats/sort.js';
import { ks2samp, ksAsymptotic } from '../../src/stats/ks2samp.js';
import { wassersteinDistance } from '../../src/stats/wasserstein.js';
import { mean, standardDeviation } from '../../src/stats/describe.js';
import { chi2Homogeneity } from '../../src/stats/chi2-homogeneity.js';
import { jensenShannonDistance } from '../../src/stats/jensen-shannon.js';

interface GoldenCase {
  id: string;
  kind: 'numeric' | 'categorical_counts';
  reference: number[];
  current: number[];
  expected: Record<string, number>;
}

const golden = JSON.parse(
  readFileSync(new URL('../fixtures/golden/two_sample_stats.json', import.meta.url), 'utf8'),
) as { generator: string; cases: GoldenCase[] };

/**
 * Quantities the fixture holds (SciPy's output) for statistics no stage uses, deleted with their
 * code: energy distance, Cramér–von Mises, Mann–Whitney U, total variation. Listed so that no
 * other key can go unchecked.
 */
const NOT_IMPLEMENTED = new Set([
  'energy_distance',
  'cramervonmises_statistic',
  'cramervonmises_p_value',
  'mannwhitneyu_p_value',
  'total_variation',
]);

/** 1e-9 relative, or 1e-12 absolute for expected values below 1e-3. */
function expectClose(actual: number, expected: number, label: string): void {
  const ok =
    Math.abs(expected) < 1e-3
      ? Math.abs(actual - expected) <= 1e-12
      : Math.abs(actual - expected) <= 1e-9 * Math.abs(expected);
  if (!ok) throw new Error(`${label}: got ${actual}, SciPy ${expected}`);
}

function numericQuantities(c: GoldenCase): Record<string, number> {
  const ref = Float64Array.from(c.reference);
  const cur = Float64Array.from(c.current);
  const r = sortFloat64(ref);
  const u = sortFloat64(cur);
  const ks = ks2samp(r, u);
  return {
    ks_statistic: ks.statistic,
    ks_p_value: ks.pValue,
    ks_p_value_asymp: ksAsymptotic(ks.statistic, r.length, u.length),
    wasserstein: wassersteinDistance(r, u),
    ref_mean: mean(ref),
    cur_mean: mean(cur),
    ref_std: standardDeviation(ref, 1),
  };
}

function categoricalQuantities(c: GoldenCase): Record<string, number> {
  const chi2 = chi2Homogeneity(c.reference, c.current);
  return {
    chi2_statistic: chi2.statistic,
    chi2_p_value: chi2.pValue,
    chi2_dof: chi2.dof,
    jensenshannon_distance_base2: jensenShannonDistance(c.reference, c.current, 2),
  };
}

describe(`golden two-sample statistics (${golden.generator})`, () => {
  test('the fixture has the 36 cases this suite was written for', () => {
    expect(golden.cases).toHaveLength(36);
  });

  test.each(golden.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const got = c.kind === 'numeric' ? numericQuantities(c) : categoricalQuantities(c);
    // Every expected quantity is implemented and checked, or listed as not implemented: none silently skipped.
    const expectedKeys = Object.keys(c.expected).filter((k) => !NOT_IMPLEMENTED.has(k));
    expect(Object.keys(got).sort()).toEqual(expectedKeys.sort());
    for (const key of expectedKeys) expectClose(got[key], c.expected[key], `${c.id} ${key}`);
  });

  test('ks2samp picks the exact path up to 10 000 per side, as SciPy method=auto', () => {
    const byId = new Map(golden.cases.map((c) => [c.id, c]));
    const method = (id: string): string => {
      const c = byId.get(id)!;
      return ks2samp(sortFloat64(Float64Array.from(c.reference)), sortFloat64(Float64Array.from(c.current))).method;
    };
    expect(method('normal-shift-4000x3000')).toBe('exact');
    expect(method('normal-same-1000x1000')).toBe('exact');
    expect(method('normal-same-20000x15000')).toBe('asymp');
  });

  test('skipExactBelow returns the asymptotic p-value for strongly drifted unequal samples', () => {
    const c = golden.cases.find((g) => g.id === 'normal-shift-4000x3000')!;
    const r = ks2samp(sortFloat64(Float64Array.from(c.reference)), sortFloat64(Float64Array.from(c.current)), {
      skipExactBelow: 1e-10,
    });
    expect(r.method).toBe('asymp');
    expectClose(r.pValue, c.expected.ks_p_value_asymp, 'asymp p');
    const same = golden.cases.find((g) => g.id === 'normal-same-4000x3000')!;
    const r2 = ks2samp(sortFloat64(Float64Array.from(same.reference)), sortFloat64(Float64Array.from(same.current)), {
      skipExactBelow: 1e-10,
    });
    expect(r2.method).toBe('exact');
    expectClose(r2.pValue, same.expected.ks_p_value, 'exact p');
  });
});
