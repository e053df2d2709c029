/**
 * `z`: pooled two-proportion z-test, two-sided, on the share of the first category (sorted
 * labels, or the smallest value); binary columns, categorical or numeric; p-value.
 *
 * Samples and summaries: the same category counts as `chi2` (categoryCounts / categoryTable).
 */
import { twoProportionZ } from '../../stats/two-proportion-z.js';
import { defineMethod } from '../method.js';
import { categoryCounts } from '../samples.js';
import { categoryTable } from '../summaries.js';

export const z = defineMethod({
  name: 'z',
  displayName: 'Z-test p-value',
  columnKinds: ['categorical', 'numeric'],
  defaultThreshold: 0.05,
  yieldsPValue: true,
  refuse: (c) =>
    c.distinctValues > 2
      ? `the z-test needs a binary column; this one has ${c.distinctValues > 20 ? 'more than 20' : c.distinctValues} distinct values`
      : undefined,
  onSamples(ref, cur) {
    const [a, b] = categoryCounts(ref, cur);
    const nRef = a.reduce((s, x) => s + x, 0);
    const nCur = b.reduce((s, x) => s + x, 0);
    const r = twoProportionZ(a[0] ?? 0, nRef, b[0] ?? 0, nCur);
    return { statistic: r.statistic, pValue: r.pValue };
  },
  onSummaries(ref, cur, column) {
    const t = categoryTable(ref, cur, column, 'z');
    const res = twoProportionZ(t.ref[0] ?? 0, t.nRef, t.cur[0] ?? 0, t.nCur);
    return { statistic: res.statistic, pValue: res.pValue, approximate: t.approximate, bound: t.bound };
  },
});
