import { stirlingRemainder } from './stirling-remainder.js';

/**
 * One draw from Bin(n, p), exactly distributed (up to the 2^-32 resolution of `uniform`), in
 * O(1) expected time for any n: inversion from 0 when n·min(p, 1 − p) < 10 (at most ~11 steps on
 * average), otherwise W. Hörmann's BTRD transformed-rejection method ("The generation of
 * binomial random variates", J. Stat. Comput. Simul. 46, 1993), which accepts ~90 % of its
 * first tries with a few arithmetic operations and falls back to an exact density ratio
 * (Stirling remainders) for the rest. p > ½ is drawn as n − Bin(n, 1 − p).
 *
 * @example
 * sampleBinomial(1000, 0.3, mulberry32(1)); // an integer near 300, the same one for every run
 */
export function sampleBinomial(n: number, p: number, uniform: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(n, 1 - p, uniform);
  return n * p < 10 ? inversion(n, p, uniform) : btrd(n, p, uniform);
}

/** Sequential search from 0: P(0) = (1 − p)^n, P(x)/P(x − 1) = ((n + 1)/x − 1)·p/(1 − p). */
function inversion(n: number, p: number, uniform: () => number): number {
  const s = p / (1 - p);
  const a = (n + 1) * s;
  const r0 = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = uniform();
    let r = r0;
    for (let x = 0; x <= n; x++) {
      if (u < r) return x;
      u -= r;
      r *= a / (x + 1) - s;
    }
    // u fell in the rounding gap above the last term: draw again
  }
}

/** BTRD, steps numbered as in Hörmann (1993); requires p ≤ ½ and n·p ≥ 10. */
function btrd(n: number, p: number, uniform: () => number): number {
  // Set-up (once per call; the multinomial sampler changes n and p on every call anyway).
  const m = Math.floor((n + 1) * p);
  const r = p / (1 - p);
  const nr = (n + 1) * r;
  const npq = n * p * (1 - p);
  const sqrtNpq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * sqrtNpq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * sqrtNpq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  for (;;) {
    // 1: the triangle-shaped centre of the hat, accepted at once.
    let v = uniform();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    // 2: elsewhere, a point (u, v) under the hat.
    if (v >= vr) {
      u = uniform() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = uniform() * vr;
    }
    // 3.0: the candidate k and v scaled to the density ratio f(k)/f(m).
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // 3.1: f(k)/f(m) by the recursion f(i)/f(i−1) = (n+1)r/i − r.
      let f = 1;
      if (m < k) for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      else if (m > k) for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      if (v <= f) return k;
      continue;
    }
    // 3.2: squeeze on log v.
    v = Math.log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    // 3.3: the exact log density ratio, with Stirling remainders f_c(x) = δ(x + 1).
    const nm = n - m + 1;
    const h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + stirlingRemainder(m + 1) + stirlingRemainder(n - m + 1);
    const nk = n - k + 1;
    const bound =
      h +
      (n + 1) * Math.log(nm / nk) +
      (k + 0.5) * Math.log((nk * r) / (k + 1)) -
      stirlingRemainder(k + 1) -
      stirlingRemainder(n - k + 1);
    if (v <= bound) return k;
  }
}
