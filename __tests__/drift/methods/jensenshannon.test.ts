import { getMethod } from '../../../src/drift/registry.js';
import { categoricalSample, expectClose, goldenCases } from './helpers.js';

const jensenshannon = getMethod('jensenshannon');

describe('jensenshannon on samples: scipy.spatial.distance.jensenshannon, natural log', () => {
  test.each(goldenCases('categorical_counts'))('%s', (_id, c) => {
    const out = jensenshannon.onSamples(categoricalSample(c.reference), categoricalSample(c.current));
    // The fixture gives base 2; natural log = base-2 distance × √ln 2.
    expectClose(out.statistic, c.expected.jensenshannon_distance_base2 * Math.sqrt(Math.LN2));
    expect(out.pValue).toBeNull();
  });
});
