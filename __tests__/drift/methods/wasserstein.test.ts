import { getMethod } from '../../../src/drift/registry.js';
import { expectClose, goldenCases, numericSample } from './helpers.js';

const wasserstein = getMethod('wasserstein');

describe('wasserstein on samples: scipy.stats.wasserstein_distance over the population std (Evidently)', () => {
  test.each(goldenCases('numeric'))('%s', (_id, c) => {
    const n = c.reference.length;
    // The fixture's std has ddof 1; Evidently norms by the population std (ddof 0), floored at 0.001.
    const std = Math.max(c.expected.ref_std * Math.sqrt((n - 1) / n), 0.001);
    const out = wasserstein.onSamples(numericSample(c.reference), numericSample(c.current));
    expectClose(out.statistic, c.expected.wasserstein / std);
    expect(out.pValue).toBeNull();
  });
});
