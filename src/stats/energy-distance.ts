import { cdfDistanceIntegral } from './wasserstein.js';

/**
 * Energy distance between two empirical distributions (Székely & Rizzo 2013), via its CDF
 * form √2 · (∫ (F_ref - F_cur)² dx)^½ — `scipy.stats.energy_distance(ref, cur)`.
 * Inputs sorted ascending and non-empty.
 */
export function energyDistance(refSorted: Float64Array, curSorted: Float64Array): number {
  return Math.SQRT2 * Math.sqrt(cdfDistanceIntegral(refSorted, curSorted, 2));
}
