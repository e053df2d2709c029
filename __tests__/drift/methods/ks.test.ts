import { getMethod } from '../../../src/drift/registry.js';
import { expectClose, goldenCases, numericSample } from './helpers.js';

const ks = getMethod('ks');

describe('ks on samples: scipy.stats.ks_2samp', () => {
  test.each(goldenCases('numeric'))('%s', (_id, c) => {
    const out = ks.onSamples(numericSample(c.reference), numericSample(c.current));
    expectClose(out.statistic, c.expected.ks_statistic);
    const n = Math.max(c.reference.length, c.current.length);
    expect(out.note).toBe(n <= 10_000 ? 'exact' : 'asymp');
    expectClose(out.pValue, n <= 10_000 ? c.expected.ks_p_value : c.expected.ks_p_value_asymp);
  });
});
