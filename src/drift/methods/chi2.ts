/**
 * `chi2`: chi-square test of homogeneity on the 2 × k table of category counts, no continuity
 * correction (SciPy `chi2_contingency(..., correction=False)`); categorical columns, and numeric
 * ones with each value a category; p-value.
 *
 * Samples: counts per label (sorted), or per value (ascending) of a numeric column.
 * Summaries: the same counts, exact (categories up to the cap, numeric value counts up to 20
 * values); past 1000 categories, Misra–Gries estimates plus one "other" cell (categoryTable).
 */
import { chi2Homogeneity } from '../../stats/chi2-homogeneity.js';
import { defineMethod } from '../method.js';
import { categoryCounts } from '../samples.js';
import { categoryTable } from '../summaries.js';

export const chi2 = defineMethod({
  name: 'chi2',
  displayName: 'chi-square p-value',
  columnKinds: ['categorical', 'numeric'],
  defaultThreshold: 0.05,
  yieldsPValue: true,
  onSamples(ref, cur) {
    const [a, b] = categoryCounts(ref, cur);
    const r = chi2Homogeneity(a, b);
    return { statistic: r.statistic, pValue: r.pValue, note: `dof ${r.dof}` };
  },
  onSummaries(ref, cur, column) {
    const t = categoryTable(ref, cur, column, 'chi2');
    const res = chi2Homogeneity(t.ref, t.cur);
    return {
      statistic: res.statistic,
      pValue: res.pValue,
      note: `dof ${res.dof}${t.approximate ? ', Misra–Gries counts' : ''}`,
      approximate: t.approximate,
      bound: t.bound,
    };
  },
});
