import { readFileSync } from 'node:fs';
import { binomialCdf, binomialSf } from '../../src/stats/binomial-cdf.js';
import { binomialPmf } from '../../src/stats/binomial-pmf.js';
import { mcnemarExact } from '../../src/stats/mcnemar.js';
import { newcombeInterval } from '../../src/stats/newcombe-interval.js';
import { normalQuantile } from '../../src/stats/normal-quantile.js';
import { proportionZ } from '../../src/stats/proportion-z.js';
import { twoProportionZ } from '../../src/stats/two-proportion-z.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { zInterval } from '../../src/stats/z-interval.js';
import type { Alternative } from '../../src/stats/z-p-value.js';
import { zTest } from '../../src/stats/z-test.js';

/** Golden values from SciPy / statsmodels / mpmath: scripts/golden/noise_stats.py. */
const golden = JSON.parse(
  readFileSync(new URL('../fixtures/golden/noise_stats.json', import.meta.url), 'utf8'),
  (_key, v: unknown) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v),
) as {
  generator: string;
  binomial: {
    k: number;
    n: number;
    p: number;
    cdf: number;
    sf: number;
    pmf: number;
    scipy_cdf: number;
    scipy_sf: number;
    scipy_pmf: number;
  }[];
  mcnemar: { worse: number; better: number; statistic: number; p_value: number; p_worse: number; p_better: number }[];
  normal_quantile: { p: number; z: number }[];
  wilson: { count: number; n: number; alpha: number; low: number; high: number }[];
  two_proportion_z: {
    x1: number;
    n1: number;
    x2: number;
    n2: number;
    alternative: Alternative;
    value: number;
    statistic: number;
    p_value: number;
  }[];
  newcombe: { x1: number; n1: number; x2: number; n2: number; alpha: number; low: number; high: number }[];
  one_proportion_z: {
    count: number;
    n: number;
    value: number;
    alternative: Alternative;
    statistic: number;
    p_value: number;
  }[];
  z: {
    estimate: number;
    stderr: number;
    value: number;
    alternative: Alternative;
    alpha: number;
    statistic: number;
    p_value: number;
    low: number;
    high: number;
  }[];
};

const REL = 1e-12;

/** Relative error ≤ 1e-12; values whose reference is below 1e-15 in magnitude (0 ± rounding) to 1e-15 absolute. */
function close(actual: number, expected: number, rel = REL): boolean {
  if (!Number.isFinite(expected)) return actual === expected;
  if (Math.abs(expected) < 1e-15) return Math.abs(actual - expected) <= 1e-15;
  return Math.abs(actual - expected) <= rel * Math.abs(expected);
}

function expectClose(actual: number, expected: number, label: string, rel = REL): void {
  if (!close(actual, expected, rel)) throw new Error(`${label}: got ${actual}, reference ${expected}`);
}

describe(`binomial tails (${golden.generator})`, () => {
  test('the fixture has its cases, from n = 1 to n = 10^6', () => {
    expect(golden.binomial.length).toBeGreaterThan(400);
    expect(Math.max(...golden.binomial.map((c) => c.n))).toBe(1_000_000);
  });

  test.each(golden.binomial.map((c) => [`k=${c.k} n=${c.n} p=${c.p}`, c] as const))('%s: pmf, cdf, sf', (label, c) => {
    const pmf = binomialPmf(c.k, c.n, c.p);
    const cdf = binomialCdf(c.k, c.n, c.p);
    const sf = binomialSf(c.k, c.n, c.p);
    // Against the 60-digit reference, in both tails.
    expectClose(pmf, c.pmf, `${label} pmf`);
    expectClose(cdf, c.cdf, `${label} cdf`);
    expectClose(sf, c.sf, `${label} sf`);
    // Against SciPy wherever SciPy itself is within 1e-12 of the reference; elsewhere closer than SciPy.
    for (const [ours, scipy, exact, what] of [
      [pmf, c.scipy_pmf, c.pmf, 'pmf'],
      [cdf, c.scipy_cdf, c.cdf, 'cdf'],
      [sf, c.scipy_sf, c.sf, 'sf'],
    ] as const) {
      if (close(scipy, exact)) expectClose(ours, scipy, `${label} ${what} vs SciPy`);
      else expect(Math.abs(ours - exact)).toBeLessThan(Math.abs(scipy - exact));
    }
  });

  test('the edges: k < 0, k ≥ n, p = 0 and p = 1, fractional k floored as SciPy does', () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialSf(-1, 10, 0.3)).toBe(1);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialSf(10, 10, 0.3)).toBe(0);
    expect(binomialCdf(0, 10, 0)).toBe(1);
    expect(binomialCdf(9, 10, 1)).toBe(0);
    expect(binomialSf(9, 10, 1)).toBe(1);
    expect(binomialCdf(2.7, 10, 0.5)).toBe(binomialCdf(2, 10, 0.5));
  });
});

describe('exact McNemar test (statsmodels mcnemar(exact=True); one-sided: scipy binomtest)', () => {
  test.each(golden.mcnemar.map((c) => [`worse=${c.worse} better=${c.better}`, c] as const))('%s', (label, c) => {
    const r = mcnemarExact(c.worse, c.better);
    expect(r.statistic).toBe(c.statistic);
    expectClose(r.pValue, c.p_value, `${label} two-sided`);
    expectClose(r.pWorse, c.p_worse, `${label} worse`);
    expectClose(r.pBetter, c.p_better, `${label} better`);
  });

  test('refuses counts that are not whole numbers', () => {
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError);
  });
});

describe('normal quantile (scipy.stats.norm.ppf)', () => {
  test.each(golden.normal_quantile.map((c) => [c.p, c] as const))('p = %s', (p, c) => {
    expectClose(normalQuantile(p), c.z, `ppf(${p})`);
  });

  test('0 and 1 are the infinities, outside [0, 1] NaN', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe("Wilson score interval (statsmodels proportion_confint(method='wilson'))", () => {
  test.each(golden.wilson.map((c) => [`${c.count}/${c.n} alpha=${c.alpha}`, c] as const))('%s', (label, c) => {
    const [lo, hi] = wilsonInterval(c.count, c.n, c.alpha);
    expectClose(lo, c.low, `${label} low`);
    expectClose(hi, c.high, `${label} high`);
  });
});

describe('z-tests and normal intervals (statsmodels proportions_ztest, confint_proportions_2indep, _zconfint_generic…)', () => {
  test.each(
    golden.two_proportion_z.map(
      (c) => [`${c.x1}/${c.n1} vs ${c.x2}/${c.n2} ${c.alternative} value=${c.value}`, c] as const,
    ),
  )('two proportions %s', (label, c) => {
    const r = twoProportionZ(c.x1, c.n1, c.x2, c.n2, { alternative: c.alternative, value: c.value });
    expectClose(r.statistic, c.statistic, `${label} z`);
    expectClose(r.pValue, c.p_value, `${label} p`);
  });

  test.each(golden.newcombe.map((c) => [`${c.x1}/${c.n1} − ${c.x2}/${c.n2} alpha=${c.alpha}`, c] as const))(
    "Newcombe's interval for a difference of proportions %s",
    (label, c) => {
      const [lo, hi] = newcombeInterval(c.x1, c.n1, c.x2, c.n2, c.alpha);
      expectClose(lo, c.low, `${label} low`);
      expectClose(hi, c.high, `${label} high`);
    },
  );

  test.each(golden.one_proportion_z.map((c) => [`${c.count}/${c.n} vs ${c.value} ${c.alternative}`, c] as const))(
    'one proportion (score test) %s',
    (label, c) => {
      const r = proportionZ(c.count, c.n, c.value, c.alternative);
      expectClose(r.statistic, c.statistic, `${label} z`);
      expectClose(r.pValue, c.p_value, `${label} p`);
    },
  );

  test.each(
    golden.z.map((c) => [`${c.estimate}±${c.stderr} vs ${c.value} ${c.alternative} alpha=${c.alpha}`, c] as const),
  )('estimate with a standard error %s', (label, c) => {
    const r = zTest(c.estimate, c.stderr, c.value, c.alternative);
    expectClose(r.statistic, c.statistic, `${label} z`);
    expectClose(r.pValue, c.p_value, `${label} p`);
    const [lo, hi] = zInterval(c.estimate, c.stderr, c.alpha, c.alternative);
    expectClose(lo, c.low, `${label} low`);
    expectClose(hi, c.high, `${label} high`);
  });

  test('no variance: no evidence (p = 1) when the estimate equals the value, certainty otherwise', () => {
    expect(twoProportionZ(10, 10, 20, 20, { alternative: 'smaller' })).toEqual({ statistic: 0, pValue: 1 });
    expect(proportionZ(20, 20, 1, 'smaller')).toEqual({ statistic: 0, pValue: 1 });
    expect(proportionZ(19, 20, 1, 'smaller').pValue).toBe(0);
    expect(zTest(0.5, 0, 0.5, 'smaller')).toEqual({ statistic: 0, pValue: 1 });
    expect(zTest(0.4, 0, 0.5, 'smaller').pValue).toBe(0);
  });
});
