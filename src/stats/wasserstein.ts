import { standardDeviation } from './describe.js';

/**
 * First Wasserstein (earth mover's) distance between two empirical distributions,
 * W1 = ∫ |F_ref(x) - F_cur(x)| dx, as `scipy.stats.wasserstein_distance(ref, cur)`
 * (SciPy `_cdf_distance(1, …)`). Inputs sorted ascending and non-empty; O(n1 + n2).
 *
 * The integrand is a step function (F right-continuous), so the integral is a sum over
 * consecutive pooled values. Neumaier summation keeps it as accurate as NumPy's pairwise sum.
 */
export function wassersteinDistance(refSorted: Float64Array, curSorted: Float64Array): number {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('distance: both samples must be non-empty');
  let i = 0;
  let j = 0;
  let sum = 0;
  let comp = 0;
  let prev = Math.min(refSorted[0], curSorted[0]);
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && refSorted[i] <= curSorted[j]) ? refSorted[i] : curSorted[j];
    // The ECDFs after consuming every value < v apply on [prev, v).
    if (v > prev) {
      const term = Math.abs(i / n1 - j / n2) * (v - prev);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      prev = v;
    }
    while (i < n1 && refSorted[i] <= v) i++;
    while (j < n2 && curSorted[j] <= v) j++;
  }
  return sum + comp;
}

/**
 * Evidently's normed Wasserstein distance ("wasserstein" stat test): W1 divided by the
 * reference population standard deviation (ddof 0), floored at 0.001 so constant reference
 * columns do not divide by zero.
 */
export function wassersteinNormed(refSorted: Float64Array, curSorted: Float64Array): number {
  return wassersteinDistance(refSorted, curSorted) / Math.max(standardDeviation(refSorted, 0), 0.001);
}
