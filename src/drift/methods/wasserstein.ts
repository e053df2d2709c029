/**
 * `wasserstein`: first Wasserstein distance divided by the reference population std (floored at
 * 0.001), Evidently's normed variant; numeric columns; distance.
 *
 * Samples: `wassersteinNormed` (SciPy's `wasserstein_distance`, normed).
 * Summaries: ∫|F̂_ref − F̂_cur| dx over the sketches, normed by the reference population std
 * (exact, from M2); within (ε_ref + ε_cur)·(max − min)/std of the exact value.
 */
import { wassersteinWeighted } from '../../profile/view.js';
import { wassersteinNormed } from '../../stats/wasserstein.js';
import { defineMethod } from '../method.js';
import { numericSample } from '../samples.js';
import { numericViews, sketchConfidence } from '../summaries.js';

export const wasserstein = defineMethod({
  name: 'wasserstein',
  displayName: 'Wasserstein distance (normed)',
  columnKinds: ['numeric'],
  defaultThreshold: 0.1,
  yieldsPValue: false,
  onSamples(ref, cur) {
    return { statistic: wassersteinNormed(numericSample(ref).sorted, numericSample(cur).sorted), pValue: null };
  },
  onSummaries(ref, cur, column) {
    const { r, vr, vc, eps } = numericViews(ref, cur, column.name);
    const std = Math.max(Math.sqrt(r.moments.variance(0)), 0.001);
    const range = Math.max(vr.max, vc.max) - Math.min(vr.min, vc.min);
    return {
      statistic: wassersteinWeighted(vr, vc) / std,
      pValue: null,
      approximate: eps > 0,
      ...(eps > 0 && {
        bound: { on: 'statistic', value: (eps * range) / std, confidence: sketchConfidence(vr, vc) },
      }),
    };
  },
});
