import fc from 'fast-check';
import { sortFloat64 } from '../../src/stats/sort.js';
import { wassersteinDistance } from '../../src/stats/wasserstein.js';
import { normalSampler, xorshift128 } from './helpers/random.js';

/**
 * SciPy's form (`_cdf_distance(1, …)`): over the pooled values, |F_ref - F_cur| times the gap to
 * the next pooled value, the ECDFs right-continuous.
 */
function cdfForm(ref: Float64Array, cur: Float64Array): number {
  const pooled = sortFloat64(Float64Array.from([...ref, ...cur]));
  let i = 0;
  let j = 0;
  let sum = 0;
  for (let k = 0; k + 1 < pooled.length; k++) {
    while (i < ref.length && ref[i] <= pooled[k]) i++;
    while (j < cur.length && cur[j] <= pooled[k]) j++;
    sum += Math.abs(i / ref.length - j / cur.length) * (pooled[k + 1] - pooled[k]);
  }
  return sum;
}

describe('wassersteinDistance (quantile form)', () => {
  test('example', () => {
    expect(wassersteinDistance(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8))).toBe(5);
  });

  test("property: SciPy's CDF form within 1e-11 relative (naive sums of ≤ 6000 terms: ≤ 3e-12) — unequal sizes, ties, shifts, one value (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(0, 0.01, 1, 100),
        fc.constantFrom(0, 1, 4),
        fc.integer(),
        (n1, n2, shift, grid, seed) => {
          const z = normalSampler(xorshift128(seed));
          const draw = (s: number) => (grid > 0 ? Math.round((s + z()) * grid) / grid : s + z());
          const ref = sortFloat64(Float64Array.from({ length: n1 }, () => draw(0)));
          const cur = sortFloat64(Float64Array.from({ length: n2 }, () => draw(shift)));
          const expected = cdfForm(ref, cur);
          const got = wassersteinDistance(ref, cur);
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-11 * Math.max(expected, 1e-300));
          expect(wassersteinDistance(cur, ref)).toBe(got); // symmetric, bit for bit
        },
      ),
      { numRuns: 200 },
    );
  });

  test('identical samples: 0; one value each: their distance', () => {
    const x = sortFloat64(Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i)));
    expect(wassersteinDistance(x, x)).toBe(0);
    expect(wassersteinDistance(Float64Array.of(2), Float64Array.of(-1.5))).toBe(3.5);
  });
});
