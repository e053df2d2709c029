import { getMethod } from '../../../src/drift/registry.js';
import { categoricalSample, expectClose, goldenCases, numericSample } from './helpers.js';

const chi2 = getMethod('chi2');

describe('chi2 on samples: scipy.stats.chi2_contingency(correction=False)', () => {
  test.each(goldenCases('categorical_counts'))('%s', (_id, c) => {
    const out = chi2.onSamples(categoricalSample(c.reference), categoricalSample(c.current));
    expectClose(out.statistic, c.expected.chi2_statistic);
    expectClose(out.pValue, c.expected.chi2_p_value);
    expect(out.note).toBe(`dof ${c.expected.chi2_dof}`);
  });

  test('a numeric column: each value a category', () => {
    const c = goldenCases('categorical_counts')[0][1];
    const values = (counts: number[]) => counts.flatMap((n, i) => Array<number>(n).fill(i * 1.5));
    const out = chi2.onSamples(numericSample(values(c.reference)), numericSample(values(c.current)));
    expectClose(out.statistic, c.expected.chi2_statistic);
    expectClose(out.pValue, c.expected.chi2_p_value);
  });
});
