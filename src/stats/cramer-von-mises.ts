import { logGamma } from './gamma.js';
import { forEachTieGroup } from './ranks.js';

export interface CramerVonMisesResult {
  /** Anderson's T = U/(n1·n2·N) - (4·n1·n2 - 1)/(6N), midranks for ties. */
  statistic: number;
  pValue: number;
}

/**
 * Two-sample Cramér–von Mises test with the asymptotic p-value —
 * `scipy.stats.cramervonmises_2samp(ref, cur, method='asymptotic')` (Anderson, Ann. Math.
 * Statist. 33, 1962): U = n1 Σ(r_i - i)² + n2 Σ(s_j - j)² over the pooled ranks of each sorted
 * sample, T as above, standardised to T_n = 1/6 + (T - E[T])/√(45·Var[T]) and referred to the
 * limiting one-sample distribution (Csörgő & Faraway, JRSS-B 58, 1996). Inputs sorted, non-empty.
 */
export function cramerVonMises(refSorted: Float64Array, curSorted: Float64Array): CramerVonMisesResult {
  const nx = refSorted.length;
  const ny = curSorted.length;
  if (nx === 0 || ny === 0) throw new RangeError('cramerVonMises: both samples must be non-empty');
  let sx = 0;
  let sy = 0;
  let ix = 0;
  let iy = 0;
  forEachTieGroup(refSorted, curSorted, (_value, start, r, c) => {
    const midrank = start + (r + c + 1) / 2;
    for (let a = 0; a < r; a++) sx += (midrank - ++ix) ** 2;
    for (let b = 0; b < c; b++) sy += (midrank - ++iy) ** 2;
  });
  const u = nx * sx + ny * sy;
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);
  const et = (1 + 1 / N) / 6;
  const vt = ((N + 1) * (4 * k * N - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * N * N * 4 * k);
  const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
  // Below 0.003 the limiting CDF is < 1.3e-18 (SciPy's shortcut).
  const pValue = tn < 0.003 ? 1 : Math.max(0, 1 - cvmLimitCdf(tn));
  return { statistic: t, pValue };
}

/**
 * CDF of the limiting Cramér–von Mises distribution (Csörgő & Faraway 1996, eq. 1.3):
 * Σ_k Γ(k+½)/(Γ(k+1) π^{3/2} √x) · √(4k+1) · e^{-q} K_{1/4}(q), q = (4k+1)²/(16x),
 * summed until a term drops below 1e-7, SciPy's `_cdf_cvm_inf` stopping rule.
 */
function cvmLimitCdf(x: number): number {
  let total = 0;
  for (let k = 0; ; k++) {
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const term =
      (Math.exp(logGamma(k + 0.5) - logGamma(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x))) *
      Math.sqrt(y) *
      Math.exp(-2 * q) *
      besselKQuarterScaled(q);
    total += term;
    if (!(Math.abs(term) >= 1e-7)) return total;
  }
}

/**
 * e^q · K_{1/4}(q) from K_ν(q) = ∫_0^∞ e^{-q cosh t} cosh(νt) dt. With the factor e^{q}
 * folded in, the integrand e^{-q(cosh t - 1)} cosh(t/4) is smooth and decays
 * double-exponentially, so the trapezoid rule converges geometrically (Trefethen & Weideman,
 * SIAM Rev. 56, 2014); the step scales with the peak width 1/√q.
 */
function besselKQuarterScaled(q: number): number {
  const h = Math.min(0.05, 0.1 / Math.sqrt(q));
  let sum = 0.5; // t = 0
  for (let i = 1; ; i++) {
    const t = i * h;
    const s = Math.sinh(t / 2);
    const f = Math.exp(-2 * q * s * s) * Math.cosh(t / 4); // cosh t - 1 = 2 sinh²(t/2), no cancellation
    sum += f;
    if (f < 1e-18 * sum) break;
  }
  return sum * h;
}
