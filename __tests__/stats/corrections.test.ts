import { bonferroni } from '../../src/stats/bonferroni.js';
import { benjaminiHochberg } from '../../src/stats/benjamini-hochberg.js';

// Expected values worked by hand from statsmodels' definitions:
// bonferroni: min(1, m·p); fdr_bh: sort, m·p_(i)/i, cumulative minimum from the largest rank.
describe('multiple-testing corrections', () => {
  const p = [0.01, 0.04, 0.03, 0.2];

  test('bonferroni multiplies by m and caps at 1', () => {
    const adj = bonferroni(p);
    [0.04, 0.16, 0.12, 0.8].forEach((e, i) => expect(adj[i]).toBeCloseTo(e, 15));
    expect(bonferroni([0.3, 0.5])).toEqual([0.6, 1]);
    expect(bonferroni([])).toEqual([]);
  });

  test('benjamini-hochberg, input order preserved', () => {
    // sorted: 0.01 (r1) 0.03 (r2) 0.04 (r3) 0.2 (r4) → 0.04, 0.06, 0.0533…, 0.2
    // running min from the top: 0.2, 0.0533…, 0.0533…, 0.04
    const adj = benjaminiHochberg(p);
    [0.04, 0.16 / 3, 0.16 / 3, 0.2].forEach((e, i) => expect(adj[i]).toBeCloseTo(e, 15));
  });

  test('benjamini-hochberg caps at 1 and handles ties', () => {
    expect(benjaminiHochberg([0.9, 0.8, 0.9])).toEqual([0.9, 0.9, 0.9]);
    expect(benjaminiHochberg([0.5, 0.5])).toEqual([0.5, 0.5]);
    expect(benjaminiHochberg([1, 1])).toEqual([1, 1]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
