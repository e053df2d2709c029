import { normalQuantile } from './normal-quantile.js';
import type { Alternative } from './z-p-value.js';

/**
 * Normal-approximation confidence interval estimate ± z·stderr with coverage 1 − alpha
 * (statsmodels `_zconfint_generic(estimate, stderr, alpha, alternative)`): two-sided with
 * z = Φ⁻¹(1 − α/2); 'larger' gives [estimate + Φ⁻¹(α)·stderr, ∞), 'smaller' (−∞, estimate + Φ⁻¹(1 − α)·stderr].
 *
 * @example
 * zInterval(0.62, 0.012); // [0.5964804…, 0.6435195…]
 */
export function zInterval(
  estimate: number,
  stderr: number,
  alpha = 0.05,
  alternative: Alternative = 'two-sided',
): [number, number] {
  if (!(stderr >= 0)) throw new RangeError('zInterval: the standard error must be a number >= 0');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('zInterval: alpha must lie in (0, 1)');
  if (alternative === 'larger') return [estimate + normalQuantile(alpha) * stderr, Infinity];
  if (alternative === 'smaller') return [-Infinity, estimate + normalQuantile(1 - alpha) * stderr];
  const z = normalQuantile(1 - alpha / 2);
  return [estimate - z * stderr, estimate + z * stderr];
}
