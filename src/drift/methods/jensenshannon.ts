/**
 * `jensenshannon`: Jensen–Shannon distance (square root of the divergence), natural log;
 * categorical and numeric columns; distance.
 *
 * Samples and summaries: the same bins as `psi` (binnedCounts / binnedSummaryCounts).
 */
import { jensenShannonDistance } from '../../stats/jensen-shannon.js';
import { defineMethod } from '../method.js';
import { binnedCounts } from '../samples.js';
import { binnedSummaryCounts } from '../summaries.js';

export const jensenshannon = defineMethod({
  name: 'jensenshannon',
  displayName: 'Jensen-Shannon distance',
  columnKinds: ['categorical', 'numeric'],
  defaultThreshold: 0.1,
  yieldsPValue: false,
  onSamples(ref, cur) {
    const [a, b] = binnedCounts(ref, cur);
    return { statistic: jensenShannonDistance(a, b), pValue: null };
  },
  onSummaries(ref, cur, column) {
    const t = binnedSummaryCounts(ref, cur, column, 'jensenshannon');
    return { statistic: jensenShannonDistance(t.ref, t.cur), pValue: null, approximate: t.approximate, bound: t.bound };
  },
});
