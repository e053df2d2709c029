import { wilsonInterval } from './wilson-interval.js';

/**
 * Newcombe's hybrid score interval for the difference p₁ − p₂ of two independent proportions
 * (Newcombe 1998, method 10; statsmodels `confint_proportions_2indep(x1, n1, x2, n2,
 * method='newcomb', compare='diff', alpha)`): from each proportion's Wilson interval (l, u),
 * [d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((p₂ − l₂)² + (u₁ − p₁)²)]. It keeps its coverage where
 * the Wald interval p₁ − p₂ ± z·SE fails (proportions near 0 or 1, small n).
 *
 * @example
 * newcombeInterval(180, 200, 170, 200); // [-0.0154…, 0.1157…]
 */
export function newcombeInterval(
  count1: number,
  n1: number,
  count2: number,
  n2: number,
  alpha = 0.05,
): [number, number] {
  const p1 = count1 / n1;
  const p2 = count2 / n2;
  const [low1, upp1] = wilsonInterval(count1, n1, alpha);
  const [low2, upp2] = wilsonInterval(count2, n2, alpha);
  const diff = p1 - p2;
  return [diff - Math.sqrt((p1 - low1) ** 2 + (upp2 - p2) ** 2), diff + Math.sqrt((p2 - low2) ** 2 + (upp1 - p1) ** 2)];
}
