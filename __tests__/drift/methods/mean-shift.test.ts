import { getMethod } from '../../../src/drift/registry.js';
import { expectClose, goldenCases, numericSample } from './helpers.js';

const meanShift = getMethod('mean-shift');

describe('mean-shift on samples: |μ_cur − μ_ref| / |μ_ref| from NumPy means', () => {
  test.each(goldenCases('numeric'))('%s', (_id, c) => {
    const { ref_mean: r, cur_mean: m } = c.expected;
    const out = meanShift.onSamples(numericSample(c.reference), numericSample(c.current));
    expectClose(out.statistic, Math.abs(m - r) / Math.abs(r));
    expect(out.note).toBeUndefined();
    expect(out.pValue).toBeNull();
  });

  test('a reference mean of about 0: the shift in reference standard deviations, said in the note', () => {
    // ref {−1, 1}: mean 0, population std 1; cur {0.5, 0.5}: shift 0.5 std
    const out = meanShift.onSamples(numericSample([-1, 1]), numericSample([0.5, 0.5]));
    expect(out.statistic).toBeCloseTo(0.5, 15);
    expect(out.note).toBe('relative to the reference std (mean ≈ 0)');
  });
});
