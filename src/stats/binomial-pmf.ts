import { stirlingRemainder } from './stirling-remainder.js';
import { twoProductError } from './two-product.js';

/**
 * Binomial probability P(X = k) for X ~ Bin(n, p), accurate to a few ulps for every n a double
 * holds (`scipy.stats.binom.pmf`). Catherine Loader's saddle-point form ("Fast and accurate
 * computation of binomial probabilities", 2000): with the Stirling-series remainder δ(m) =
 * log m! − log(√(2πm)(m/e)^m) and the deviance term D(x, M) = x log(x/M) + M − x (both computed
 * without cancellation),
 *
 *   P(X = k) = √(n / (2π k (n−k))) · exp(δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq)),
 *
 * so no huge log-gamma values are subtracted (log n! for n = 10^6 is 1.3·10^7: its rounding alone
 * would cost 9 digits). np and nq are carried with their rounding errors (the product n·p of a
 * 10^6 and a double is off by up to 10^-11, and D moves by that times (1 − k/np)), so the result
 * keeps ~14 digits at n = 10^6 in both tails. `q` may be passed when 1 − p is known exactly;
 * k and n are integers, 0 ≤ k ≤ n.
 *
 * @example
 * binomialPmf(3, 10, 0.5); // 0.1171875 (= 120 / 1024)
 */
export function binomialPmf(k: number, n: number, p: number, q?: number): number {
  // q = 1 − p and its rounding error (TwoSum), unless the caller gave q.
  let qErr = 0;
  if (q === undefined) {
    q = 1 - p;
    const t = q - 1;
    qErr = 1 - (q - t) + (-p - t);
  }
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) return Math.exp(n * (p < 0.5 ? Math.log1p(-p) : Math.log(q)));
  if (k === n) return Math.exp(n * (q < 0.5 ? Math.log1p(-q) : Math.log(p)));
  const np = n * p;
  const nq = n * q;
  const npErr = twoProductError(n, p, np);
  const nqErr = twoProductError(n, q, nq) + n * qErr;
  // D(x, M + δ) = D(x, M) + δ·(1 − x/M) to first order (δ²x/2M² is below 1e-20 here).
  const dk = deviance(k, np) + npErr * (1 - k / np);
  const dnk = deviance(n - k, nq) + nqErr * (1 - (n - k) / nq);
  const lc = stirlingRemainder(n) - stirlingRemainder(k) - stirlingRemainder(n - k) - dk - dnk;
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}

const LN_2PI = 1.8378770664093453;

/**
 * D(x, M) = x log(x/M) + M − x ≥ 0. The two parts cancel when x is near M, so there it is summed
 * as Loader's series (x − M)·v + 2x Σ_{j≥1} v^(2j+1)/(2j+1) with v = (x − M)/(x + M), whose terms
 * shrink by v² and whose parts do not cancel (|2x v³/3| < |v|·(x − M)·v). Used up to |v| = ½
 * (~26 terms there); beyond, the direct form loses at most a few ulps of x log(x/M).
 */
function deviance(x: number, M: number): number {
  if (Math.abs(x - M) < 0.5 * (x + M)) {
    const v = (x - M) / (x + M);
    const v2 = v * v;
    let s = (x - M) * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 200; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / M) + M - x;
}
