/**
 * `psi`: population stability index; categorical and numeric columns; distance. Empty bins are
 * floored at 0.0001 (or a millionth of the smallest non-zero share when that is smaller), as
 * Evidently.
 *
 * Samples: Evidently's bins on numeric columns (binnedCounts), the categories otherwise.
 * Summaries: the same bins, counts read off the sketches (numericBins: each bin share within 2ε),
 * or the category counts (categoryTable).
 */
import { psi as psiIndex } from '../../stats/psi.js';
import { defineMethod } from '../method.js';
import { binnedCounts } from '../samples.js';
import { binnedSummaryCounts } from '../summaries.js';

export const psi = defineMethod({
  name: 'psi',
  displayName: 'PSI',
  columnKinds: ['categorical', 'numeric'],
  defaultThreshold: 0.1,
  yieldsPValue: false,
  onSamples(ref, cur) {
    const [a, b] = binnedCounts(ref, cur);
    return { statistic: psiIndex(a, b), pValue: null };
  },
  onSummaries(ref, cur, column) {
    const t = binnedSummaryCounts(ref, cur, column, 'psi');
    return { statistic: psiIndex(t.ref, t.cur), pValue: null, approximate: t.approximate, bound: t.bound };
  },
});
