import { getMethod } from '../../../src/drift/registry.js';
import { categoricalSample, numericSample } from './helpers.js';

const psi = getMethod('psi');

describe('psi on samples: Σ (c − r)·ln(c / r) over shares (Evidently)', () => {
  test('categories, hand-computed', () => {
    // r = (0.5, 0.5), c = (0.25, 0.75): 0.25·ln 2 + (−0.25)·ln(2/3) = 0.25·ln 3
    const out = psi.onSamples(categoricalSample([50, 50]), categoricalSample([25, 75]));
    expect(out.statistic).toBeCloseTo(0.25 * Math.log(3), 14);
    expect(out.pValue).toBeNull();
  });

  test('a numeric column with ≤ 20 reference values: one bin per value', () => {
    const values = (counts: number[]) => counts.flatMap((n, i) => Array<number>(n).fill(i));
    const out = psi.onSamples(numericSample(values([50, 50])), numericSample(values([25, 75])));
    expect(out.statistic).toBeCloseTo(0.25 * Math.log(3), 14);
  });

  test('a numeric column with more values: Sturges bins over both samples (np.histogram_bin_edges)', () => {
    // 0..20 against 21..41: n = 42 → 7 bins of width 41/7 over [0, 41]. Reference shares 6, 6, 6, 3, 0, 0, 0
    // (/21), current 0, 0, 0, 3, 6, 6, 6: six bins with 2/7 on one side and the floor 1e-4 on the other.
    const ref = Array.from({ length: 21 }, (_, i) => i);
    const out = psi.onSamples(numericSample(ref), numericSample(ref.map((x) => x + 21)));
    expect(out.statistic).toBeCloseTo(6 * (2 / 7 - 1e-4) * Math.log(2 / 7 / 1e-4), 12);
  });
});
