/**
 * `mean-shift`: |μ_cur − μ_ref| / |μ_ref|; when |μ_ref| ≈ 0 (≤ 1e-8·max(1, σ)), the shift in
 * reference standard deviations (`meanShift`); numeric columns; distance.
 *
 * Samples: means and the population std of the samples.
 * Summaries: the same from the moments, exact up to rounding.
 */
import { mean, standardDeviation } from '../../stats/describe.js';
import { meanShift as relativeMeanShift, type MeanShiftResult } from '../../stats/mean-shift.js';
import { defineMethod, type TestOutcome } from '../method.js';
import { numericSample } from '../samples.js';
import { numericSummary } from '../summaries.js';

export const meanShift = defineMethod({
  name: 'mean-shift',
  displayName: 'relative mean shift',
  columnKinds: ['numeric'],
  defaultThreshold: 0.1,
  yieldsPValue: false,
  onSamples(ref, cur) {
    const r = numericSample(ref).sorted;
    return outcome(relativeMeanShift(mean(r), mean(numericSample(cur).sorted), standardDeviation(r, 0)));
  },
  onSummaries(ref, cur, column) {
    const r = numericSummary(ref, column.name);
    const c = numericSummary(cur, column.name);
    return {
      ...outcome(relativeMeanShift(r.moments.mean, c.moments.mean, Math.sqrt(r.moments.variance(0)))),
      approximate: false,
    };
  },
});

function outcome(m: MeanShiftResult): TestOutcome {
  return {
    statistic: m.value,
    pValue: null,
    note:
      m.denominator === 'mean'
        ? undefined
        : `relative to the reference ${m.denominator === 'std' ? 'std (mean ≈ 0)' : 'scale (absolute)'}`,
  };
}
