import fc from 'fast-check';
import { bcaInterval } from '../../src/stats/bca-interval.js';
import { bcaParameters } from '../../src/stats/bca-parameters.js';
import { binomialCdf, binomialSf } from '../../src/stats/binomial-cdf.js';
import { binomialPmf } from '../../src/stats/binomial-pmf.js';
import { sampleBinomial } from '../../src/stats/binomial-sample.js';
import { bootstrapPValue } from '../../src/stats/bootstrap-p-value.js';
import { bootstrapReplicates } from '../../src/stats/bootstrap.js';
import { chiSquareSf } from '../../src/stats/chi-square.js';
import { multinomialSampler } from '../../src/stats/multinomial-sample.js';
import { percentileInterval } from '../../src/stats/percentile-interval.js';
import { quantileSorted } from '../../src/stats/quantile-sorted.js';
import { mulberry32 } from '../../src/stats/random.js';
import { twoProductError } from '../../src/stats/two-product.js';

describe('sampleBinomial draws exactly Bin(n, p)', () => {
  // Chi-square goodness of fit against the exact pmf, cells merged to an expected count ≥ 20.
  // With fixed seeds each case either passes or fails for good; a wrong sampler (a biased hat, a
  // wrong squeeze) fails at these sample sizes with p-values far below 1e-4.
  test.each([
    [20, 0.2, 'inversion'],
    [30, 0.3, 'inversion'],
    [100, 0.9, 'inversion, reflected'],
    [1000, 0.3, 'BTRD'],
    [50, 0.5, 'BTRD'],
    [100_000, 0.01, 'BTRD'],
    [1_000_000, 0.5, 'BTRD, wide'],
    [200, 0.97, 'BTRD, reflected'],
  ] as const)('n = %s, p = %s (%s)', (n, p, _method) => {
    const u = mulberry32(n + Math.round(p * 1000));
    const draws = 60_000;
    const counts = new Map<number, number>();
    let invalid = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampleBinomial(n, p, u);
      if (!(Number.isInteger(k) && k >= 0 && k <= n)) invalid++;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(invalid).toBe(0);
    // Cells from mean − 7 sd to mean + 7 sd; the tails beyond go into the end cells.
    const sd = Math.sqrt(n * p * (1 - p));
    const first = Math.max(0, Math.floor(n * p - 7 * sd));
    const last = Math.min(n, Math.ceil(n * p + 7 * sd));
    let chi = 0;
    let dof = -1;
    let expected = draws * binomialCdf(first - 1, n, p);
    let observed = 0;
    for (const [k, c] of counts) if (k < first) observed += c;
    for (let k = first; k <= last; k++) {
      expected += draws * (k === last ? binomialSf(k - 1, n, p) : binomialPmf(k, n, p));
      observed += k === last ? [...counts].reduce((s, [j, c]) => s + (j >= last ? c : 0), 0) : (counts.get(k) ?? 0);
      if (expected >= 20 || k === last) {
        chi += (observed - expected) ** 2 / expected;
        dof++;
        expected = 0;
        observed = 0;
      }
    }
    expect(chiSquareSf(chi, dof)).toBeGreaterThan(1e-4);
  });

  test('the edges: n = 0, p = 0, p = 1', () => {
    const u = mulberry32(1);
    expect(sampleBinomial(0, 0.5, u)).toBe(0);
    expect(sampleBinomial(10, 0, u)).toBe(0);
    expect(sampleBinomial(10, 1, u)).toBe(10);
  });
});

describe('multinomialSampler: resampling n items with replacement, grouped', () => {
  /** Mean and variance of each category's count over `draws` draws. */
  function moments(weights: number[], draws: number, seed: number, group?: number[]) {
    const draw = multinomialSampler(weights, mulberry32(seed));
    const out = new Int32Array(weights.length);
    const k = group ? Math.max(...group) + 1 : weights.length;
    const sum = new Float64Array(k);
    const sq = new Float64Array(k);
    const n = weights.reduce((a, b) => a + b, 0);
    let wrongTotal = 0;
    for (let d = 0; d < draws; d++) {
      draw(out);
      const g = new Float64Array(k);
      out.forEach((c, j) => (g[group ? group[j] : j] += c));
      if (g.reduce((a, b) => a + b, 0) !== n) wrongTotal++;
      for (let j = 0; j < k; j++) {
        sum[j] += g[j];
        sq[j] += g[j] * g[j];
      }
    }
    expect(wrongTotal).toBe(0);
    return Array.from(sum, (s, j) => ({ mean: s / draws, variance: sq[j] / draws - (s / draws) ** 2 }));
  }

  // Multinomial(n = 100; 0.6, 0.3, 0.1): E = n p, Var = n p (1 − p). Over 10 000 draws the sample
  // mean's standard error is √(np(1−p)/10 000) ≤ 0.049 and the variance's relative one ≈ 1.4 %,
  // so the bounds below are 4 standard errors.
  const theory = [0.6, 0.3, 0.1].map((p) => ({ mean: 100 * p, variance: 100 * p * (1 - p) }));

  test('few categories: the binomial chain', () => {
    for (const [j, m] of moments([60, 30, 10], 10_000, 3).entries()) {
      expect(Math.abs(m.mean - theory[j].mean)).toBeLessThan(0.2);
      expect(Math.abs(m.variance / theory[j].variance - 1)).toBeLessThan(0.06);
    }
  });

  test('many categories: item draws, the same distribution', () => {
    // 100 single items, the first 60 in group 0, the next 30 in group 1, the last 10 in group 2
    const group = Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
    for (const [j, m] of moments(Array(100).fill(1), 10_000, 4, group).entries()) {
      expect(Math.abs(m.mean - theory[j].mean)).toBeLessThan(0.2);
      expect(Math.abs(m.variance / theory[j].variance - 1)).toBeLessThan(0.06);
    }
  });

  test('refuses weights that are not counts', () => {
    expect(() => multinomialSampler([1.5, 2], mulberry32(1))).toThrow(RangeError);
  });
});

describe('bootstrapReplicates', () => {
  test('reproducible for a seed, different for another', () => {
    const stat = (c: Int32Array, out: Float64Array) => {
      out[0] = c[0] / 200;
      out[1] = c[1] / 200;
    };
    const a = bootstrapReplicates([180, 20], 2, stat, { seed: 1, resamples: 500 });
    expect(bootstrapReplicates([180, 20], 2, stat, { seed: 1, resamples: 500 })).toEqual(a);
    expect(bootstrapReplicates([180, 20], 2, stat, { seed: 2, resamples: 500 })[0]).not.toEqual(a[0]);
    a[0].forEach((x, b) => expect(x + a[1][b]).toBe(1));
  });
});

describe('quantiles and intervals', () => {
  test('quantileSorted interpolates as np.percentile', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(quantileSorted(x, 0.25)).toBe(1.75); // np.percentile([1, 2, 3, 4], 25)
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 1)).toBe(4);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  test('BCa with z0 = a = 0 is the percentile interval', () => {
    const u = mulberry32(5);
    const r = Float64Array.from({ length: 999 }, () => u()).sort();
    const p = percentileInterval(r, 0.9);
    const b = bcaInterval(r, { z0: 0, a: 0 }, 0.9)!;
    expect(b[0]).toBeCloseTo(p[0], 12);
    expect(b[1]).toBeCloseTo(p[1], 12);
  });

  test('bcaParameters: acceleration Σd³ / 6(Σd²)^1.5, identical items grouped by weight', () => {
    const d = [1 - 7 / 3, 2 - 7 / 3, 4 - 7 / 3].map((x) => -x); // mean − value
    const a = d.reduce((s, x) => s + x ** 3, 0) / (6 * d.reduce((s, x) => s + x * x, 0) ** 1.5);
    const r = Float64Array.of(1, 2, 3, 4);
    expect(bcaParameters(r, 2.5, Float64Array.of(1, 2, 4)).a).toBeCloseTo(a, 15);
    expect(bcaParameters(r, 2.5, Float64Array.of(1, 1, 2)).a).toBeCloseTo(
      bcaParameters(r, 2.5, Float64Array.of(1, 2), Int32Array.of(2, 1)).a,
      15,
    );
    expect(bcaParameters(r, 2.5, Float64Array.of(3, 3, 3))).toEqual({ z0: 0, a: 0 });
    expect(bcaParameters(r, 0, Float64Array.of(1, 2)).z0).toBe(-Infinity);
  });

  test('property: a percentile p-value below α means the one-sided 1 − α bound excludes the value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 20, maxLength: 300 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.1),
        (values, t, alpha) => {
          const sorted = Float64Array.from(values).sort();
          if (bootstrapPValue(sorted, t, 'below') < alpha) expect(quantileSorted(sorted, 1 - alpha)).toBeLessThan(t);
          if (bootstrapPValue(sorted, t, 'above') < alpha) expect(quantileSorted(sorted, alpha)).toBeGreaterThan(t);
        },
      ),
    );
  });

  test('BCa p-values invert the BCa interval: at the interval’s end the p-value is its level', () => {
    const u = mulberry32(9);
    // a skewed bootstrap distribution (exponential), with bias and acceleration
    const sorted = Float64Array.from({ length: 10_000 }, () => -Math.log(1 - u())).sort();
    for (const bca of [
      { z0: 0.1, a: 0.05 },
      { z0: -0.2, a: -0.03 },
      { z0: 0, a: 0 },
    ]) {
      for (const alpha of [0.01, 0.05, 0.1]) {
        const [lo, hi] = bcaInterval(sorted, bca, 1 - 2 * alpha)!;
        expect(Math.abs(bootstrapPValue(sorted, hi, 'below', bca) - alpha)).toBeLessThan(0.002);
        expect(Math.abs(bootstrapPValue(sorted, lo, 'above', bca) - alpha)).toBeLessThan(0.002);
      }
    }
  });

  test('p-values never reach 0: at least 1/(B + 1)', () => {
    const sorted = Float64Array.of(1, 2, 3);
    expect(bootstrapPValue(sorted, 10, 'below')).toBe(0.25);
    expect(bootstrapPValue(sorted, 10, 'below', { z0: 0, a: 0 })).toBe(0.25);
  });
});

test('twoProductError is the exact error of a product', () => {
  // 10^6 × 0.1: the double 0.1 is 0.1000000000000000055511151231257827…
  expect(twoProductError(1e6, 0.1, 1e6 * 0.1)).toBe(5.551115123125783e-12);
  expect(twoProductError(3, 0.5, 1.5)).toBe(0);
});
