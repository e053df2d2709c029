import fc from 'fast-check';
import { psi, EMPTY_BIN_FLOOR } from '../../src/stats/psi.js';
import { meanShift } from '../../src/stats/mean-shift.js';
import { jensenShannonDistance } from '../../src/stats/jensen-shannon.js';
import { wassersteinNormed } from '../../src/stats/wasserstein.js';
import { twoProportionZ } from '../../src/stats/two-proportion-z.js';
import { chi2Homogeneity } from '../../src/stats/chi2-homogeneity.js';
import { alignedBins, sortedHistogram, sturgesEdges } from '../../src/stats/histogram.js';

describe('psi', () => {
  test('hand-computed, counts normalised', () => {
    // r = (0.5, 0.5), c = (0.25, 0.75): 0.25·ln 2 + (-0.25)·ln(2/3) = 0.25·ln 3
    expect(psi([50, 50], [25, 75])).toBeCloseTo(0.25 * Math.log(3), 14);
    expect(psi([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 15);
  });

  test('empty bins take the documented floor', () => {
    // r = (1, 0) → (1, 1e-4); c = (0.5, 0.5)
    const expected = 0.5 * Math.log(2) + (EMPTY_BIN_FLOOR - 0.5) * Math.log(EMPTY_BIN_FLOOR / 0.5);
    expect(psi([10, 0], [5, 5])).toBeCloseTo(expected, 12);
    // smallest non-zero proportion 1e-5 <= 1e-4 → floor 1e-5/1e6 = 1e-11
    const r = [99999, 1, 0];
    const c = [1, 1, 1];
    const rp = [0.99999, 0.00001, 1e-11];
    const expectedTiny = rp.reduce((s, x) => s + (x - 1 / 3) * Math.log(x / (1 / 3)), 0);
    expect(psi(r, c)).toBeCloseTo(expectedTiny, 10);
  });
});

describe('meanShift', () => {
  test('relative to the reference mean', () => {
    expect(meanShift(10, 11)).toEqual({ value: 0.1, denominator: 'mean' });
    expect(meanShift(-4, -5, 2)).toEqual({ value: 0.25, denominator: 'mean' });
  });

  test('falls back to the reference std when the mean is ~0', () => {
    expect(meanShift(0, 0.5, 2)).toEqual({ value: 0.25, denominator: 'std' });
    expect(meanShift(1e-12, 0.3, 3)).toEqual({ value: (0.3 - 1e-12) / 3, denominator: 'std' });
  });

  test('absolute difference without a usable std', () => {
    expect(meanShift(0, 0.5)).toEqual({ value: 0.5, denominator: 'none' });
    expect(meanShift(0, 0.5, 0)).toEqual({ value: 0.5, denominator: 'none' });
  });
});

describe('discrete distances', () => {
  test('jensen-shannon: natural log by default, base 2 bounded by 1', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(jensenShannonDistance([1, 0], [0, 1], 2)).toBeCloseTo(1, 15);
    expect(jensenShannonDistance([3, 1], [6, 2])).toBe(0);
  });

  test('invalid input is rejected', () => {
    expect(() => jensenShannonDistance([1], [1, 2])).toThrow(RangeError);
    expect(() => psi([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => jensenShannonDistance([-1, 2], [1, 1])).toThrow(RangeError);
  });
});

describe('wassersteinNormed', () => {
  test('divides by the reference population std, floored at 0.001', () => {
    // ref {0, 2}: population std 1; cur {1, 3}: W1 = 1
    expect(wassersteinNormed(Float64Array.of(0, 2), Float64Array.of(1, 3))).toBeCloseTo(1, 15);
    // constant reference: std 0 → 0.001; W1 = 0.5
    expect(wassersteinNormed(Float64Array.of(1, 1), Float64Array.of(1, 2))).toBeCloseTo(500, 10);
  });
});

describe('twoProportionZ', () => {
  test('hand-computed pooled z', () => {
    // 30/100 vs 50/100: p̂ = 0.4, se = √(0.24·0.02) = √0.0048, z = -0.2/√0.0048
    const r = twoProportionZ(30, 100, 50, 100);
    expect(r.statistic).toBeCloseTo(-0.2 / Math.sqrt(0.0048), 12);
    // Two-sided p for |z| = 2.886751…: 0.003892417…, and z² equals the 2×2 Pearson χ².
    expect(r.pValue).toBeCloseTo(0.0038924171, 9);
    const chi2 = chi2Homogeneity([30, 70], [50, 50]);
    expect(r.statistic ** 2).toBeCloseTo(chi2.statistic, 10);
    expect(r.pValue).toBeCloseTo(chi2.pValue, 12);
  });

  test('identical constant samples are not drift', () => {
    expect(twoProportionZ(0, 10, 0, 20)).toEqual({ statistic: 0, pValue: 1 });
    expect(twoProportionZ(10, 10, 20, 20)).toEqual({ statistic: 0, pValue: 1 });
  });
});

describe('Sturges binning (np.histogram_bin_edges(..., "sturges"))', () => {
  test('edges over both samples, last bin closed', () => {
    const ref = Float64Array.of(0, 1, 2, 3, 3.5, 4, 5, 7);
    const cur = Float64Array.of(4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
    const bins = alignedBins(ref, cur, 3); // binned: the reference has more than 3 distinct values
    // np.histogram_bin_edges(np.concatenate([ref, cur]), bins='sturges'): 31 values → 6 bins over [0, 23]
    expect(Array.from(bins.edges!)).toEqual([
      0, 3.8333333333333335, 7.666666666666667, 11.5, 15.333333333333334, 19.166666666666668, 23,
    ]);
    expect(bins.ref).toEqual([5, 3, 0, 0, 0, 0]);
    expect(bins.cur).toEqual([0, 5, 4, 4, 4, 4]);
  });

  test('constant data gets one bin [v - 0.5, v + 0.5]', () => {
    expect(Array.from(sturgesEdges(3, 2, 2))).toEqual([1.5, 2.5]);
  });

  test('sortedHistogram equals per-value binning (np.histogram) on sorted samples', () => {
    // The definition, one value at a time: the last edge ≤ v, the last bin closed, outside dropped.
    const npHistogram = (x: Float64Array, edges: Float64Array) => {
      const counts = new Array<number>(edges.length - 1).fill(0);
      for (const v of x) {
        if (!(v >= edges[0] && v <= edges[edges.length - 1])) continue;
        let a = 0;
        while (a + 1 < edges.length - 1 && edges[a + 1] <= v) a++;
        counts[a]++;
      }
      return counts;
    };
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.array(value, { minLength: 2, maxLength: 12 }), (xs, es) => {
        const x = Float64Array.from(xs).sort();
        const edges = Float64Array.from(es).sort();
        expect(sortedHistogram(x, edges)).toEqual(npHistogram(x, edges));
      }),
      { numRuns: 500 },
    );
  });

  test('alignedBins: per-value counts up to 20 distinct reference values', () => {
    const bins = alignedBins(Float64Array.of(1, 1, 2), Float64Array.of(2, 3));
    expect(Array.from(bins.values!)).toEqual([1, 2, 3]);
    expect(bins.ref).toEqual([2, 1, 0]);
    expect(bins.cur).toEqual([0, 1, 1]);
    const many = Float64Array.from({ length: 21 }, (_, i) => i);
    expect(alignedBins(many, many).edges).toBeDefined();
  });
});
