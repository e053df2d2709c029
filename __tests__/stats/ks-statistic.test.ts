import fc from 'fast-check';
import { ksStatistic } from '../../src/stats/ks2samp.js';
import { sortFloat64 } from '../../src/stats/sort.js';
import { normalSampler, xorshift128 } from './helpers/random.js';

/**
 * The definition, visited in full: at each distinct pooled value x, i and j count the values ≤ x
 * of each sample; D is the largest |i/n1 - j/n2|.
 */
function fullMerge(ref: Float64Array, cur: Float64Array): number {
  const n1 = ref.length;
  const n2 = cur.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && ref[i] <= cur[j]) ? ref[i] : cur[j];
    while (i < n1 && ref[i] <= x) i++;
    while (j < n2 && cur[j] <= x) j++;
    d = Math.max(d, Math.abs(i / n1 - j / n2));
  }
  return Math.min(d, 1);
}

describe('ksStatistic (pruned search)', () => {
  test('example', () => {
    // 0.33333333333333337: at x = 3, i/n1 - j/n2 = 3/3 - 2/3
    expect(ksStatistic(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4))).toBe(1 - 2 / 3);
  });

  test('property: equals the full merge bit for bit — shifts, scales, ties, unequal sizes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 1, max: 6000 }),
        fc.constantFrom(0, 1e-3, 0.05, 0.5, 5),
        fc.constantFrom(1, 1.1, 3),
        fc.constantFrom(0, 1, 10, 1000),
        fc.integer(),
        (n1, n2, shift, scale, grid, seed) => {
          const z = normalSampler(xorshift128(seed));
          // grid > 0 rounds to multiples of 1/grid: ties within and across the samples.
          const draw = (s: number, k: number) => {
            const v = s + k * z();
            return grid > 0 ? Math.round(v * grid) / grid : v;
          };
          const ref = sortFloat64(Float64Array.from({ length: n1 }, () => draw(0, 1)));
          const cur = sortFloat64(Float64Array.from({ length: n2 }, () => draw(shift, scale)));
          expect(ksStatistic(ref, cur)).toBe(fullMerge(ref, cur));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('extremes at the ends, disjoint samples, one value repeated, identical samples', () => {
    const u = xorshift128(5);
    const n = 5000;
    const base = sortFloat64(Float64Array.from({ length: n }, () => u()));
    const cases: [Float64Array, Float64Array][] = [
      [base, base],
      [base, base.map((v) => v + 2)], // current entirely above: D = 1
      [base.map((v) => v + 2), base], // entirely below
      [base, base.map((v, i) => (i < 50 ? -1 : v))], // the difference peaks before the first grid point
      [base, base.map((v, i) => (i >= n - 50 ? 2 : v))], // and after the last reference value
      [new Float64Array(n).fill(1), base.map((v) => (v < 0.5 ? 1 : v + 1))],
      [sortFloat64(Float64Array.from({ length: 1500 }, () => Math.floor(u() * 3))), base.map((v) => Math.floor(v * 3))],
    ];
    for (const [ref, cur] of cases) {
      expect(ksStatistic(ref, cur)).toBe(fullMerge(ref, cur));
      expect(ksStatistic(cur, ref)).toBe(fullMerge(cur, ref));
    }
    expect(
      ksStatistic(
        base,
        base.map((v) => v + 2),
      ),
    ).toBe(1);
  });
});
