/**
 * `ks`: two-sample Kolmogorov–Smirnov test, two-sided; numeric columns; p-value.
 *
 * Samples: SciPy's `ks_2samp` default — the exact distribution when max(n_ref, n_cur) ≤ 10 000,
 * else `kstwo.sf(D, round(n·m/(n+m)))`.
 *
 * Summaries: D = sup|F̂_ref − F̂_cur| from the KLL sketches; |D − D_exact| ≤ ε = ε_ref + ε_cur
 * (kll.ts). p = ksAsymptotic(max(D − ε, 0), n_ref, n_cur): SciPy's asymptotic formula at the
 * smallest D the sketches allow, hence an upper bound on the exact path's p-value (with the
 * bound's probability). Conservative on purpose: at a million rows the 5 % critical value of D
 * (≈ 1.36·√(1/n + 1/m) ≈ 0.002) is below the sketches' resolution, and p at D itself would flag
 * every column. Drift flagged from profiles is drift on the data; a shift in D smaller than ε can
 * go unseen. Exact sketches (nothing compacted) of ≤ 10 000 values are the samples: then the
 * samples' test runs on them.
 */
import { expand, ksStatisticWeighted } from '../../profile/view.js';
import { ks2samp, ksAsymptotic } from '../../stats/ks2samp.js';
import { defineMethod } from '../method.js';
import { numericSample } from '../samples.js';
import { numericViews, sketchConfidence } from '../summaries.js';

/** Up to this many values per side the samples' test uses the exact distribution (SciPy's MAX_AUTO_N). */
const KS_EXACT_MAX_N = 10000;

export const ks = defineMethod({
  name: 'ks',
  displayName: 'K-S p-value',
  columnKinds: ['numeric'],
  defaultThreshold: 0.05,
  yieldsPValue: true,
  onSamples(ref, cur) {
    const r = ks2samp(numericSample(ref).sorted, numericSample(cur).sorted);
    return { statistic: r.statistic, pValue: r.pValue, note: r.method };
  },
  onSummaries(ref, cur, column) {
    const { vr, vc, eps } = numericViews(ref, cur, column.name);
    if (eps === 0 && Math.max(vr.n, vc.n) <= KS_EXACT_MAX_N) {
      const res = ks2samp(expand(vr), expand(vc));
      return { statistic: res.statistic, pValue: res.pValue, note: res.method, approximate: false };
    }
    const d = ksStatisticWeighted(vr, vc);
    return {
      statistic: d,
      pValue: ksAsymptotic(Math.max(d - eps, 0), vr.n, vc.n),
      note: eps > 0 ? 'asymp at D − bound (conservative), from sketches' : 'asymp',
      approximate: eps > 0,
      ...(eps > 0 && { bound: { on: 'statistic', value: eps, confidence: sketchConfidence(vr, vc) } }),
    };
  },
});
