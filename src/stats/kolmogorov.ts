/**
 * Survival function of the exact two-sided one-sample Kolmogorov–Smirnov statistic D_n,
 * P(D_n > x) — SciPy's `scipy.stats.kstwo.sf(x, n)` (`scipy/stats/_ksstats.py::_kolmogn`).
 *
 * Simard & L'Ecuyer, "Computing the Two-Sided Kolmogorov-Smirnov Distribution", J. Stat.
 * Softw. 39(11), 2011, choose between: Ruben–Gambino closed forms at the ends of the support;
 * 2·P(D_n+ > x) (one-sided Smirnov, exact for x >= 1/2 and an excellent bound in the far
 * tail); the Durbin matrix (Marsaglia, Tsang & Wang, J. Stat. Softw. 8(18), 2003); the
 * Pomeranz recursion (CACM 17(12), 1974); and the Pelz–Good asymptotic series (JRSS-B 38(2),
 * 1976). The branch cut-offs below are SciPy's, so the same method is used for the same (n, x).
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: P(D_n <= x) = n!/n^n (2t-1)^n for 1/(2n) <= x <= 1/n.
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - cdf);
  }
  if (t >= n - 1) return clip01(2 * (1 - x) ** n); // Ruben–Gambino, upper end
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x)); // D+ and D- cannot both exceed 1/2
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip01(1 - durbinMatrixCdf(n, x));
    if (nxSquared <= 4) return clip01(1 - pomeranzCdf(n, x));
    return clip01(2 * smirnovSf(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * x ** 1.5 <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip01(1 - cdf);
}

/**
 * One-sided Smirnov survival function P(D_n+ > x) by the Birnbaum–Tingey sum
 * (Ann. Math. Statist. 22, 1951; SciPy's `scipy.special.smirnov`):
 *   x · Σ_{v=0}^{⌊n(1-x)⌋} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v).
 * All terms are positive, so the sum keeps full relative accuracy even for p-values near
 * 1e-300; each term is evaluated in logarithms (Kahan-summed log-binomial) to avoid overflow.
 * Valid for 1/n < x < 1 - 1/n, the only range `kolmogorovSf` calls it with.
 */
function smirnovSf(n: number, x: number): number {
  if (n === 1) return 1 - x;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (-2 * n * x * x < MIN_LOG) return 0; // ≈ exp(-2nx²) underflows, as in SciPy/Cephes
  if (n > 1_000_000) {
    // SciPy's large-n approximation p ≈ exp(-(6nx+1)²/(18n)).
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  const last = Math.floor(n * (1 - x));
  let sum = 0;
  let logBinom = 0; // log C(n, v), Kahan-compensated running sum of log((n-v)/(v+1))
  let logBinomComp = 0;
  for (let v = 0; v <= last; v++) {
    const a = x + v / n;
    const b = (n - v) / n - x;
    if (b > 0) {
      const logTerm = logBinom + (v - 1) * Math.log(a) + (n - v) * Math.log(b);
      const term = Math.exp(logTerm);
      sum += term;
      // SciPy's early exit: the remaining terms cannot change the sum.
      if (term > 0 && 4 * (last + 1 - v) * term < EPSILON * sum && v !== last) break;
    }
    const y = Math.log((n - v) / (v + 1)) - logBinomComp;
    const s = logBinom + y;
    logBinomComp = s - logBinom - y;
    logBinom = s;
  }
  return x * sum;
}

/**
 * P(D_n <= d) by Durbin's matrix method as organised by Marsaglia, Tsang & Wang (2003):
 * with d = (k - h)/n, the answer is n!/n^n · (H^n)[k,k] for a (2k-1)×(2k-1) matrix H.
 * Intermediate powers are rescaled by 2^±128 to stay within double range.
 */
function durbinMatrixCdf(n: number, d: number): number {
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac; // 1/(j-1)!
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac; // (1 - h^j)/j!
  }
  v[m - 1] = (1 + (Math.max(2 * h - 1, 0) ** m - 2 * h ** m)) * fac;
  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];

  let P: Float64Array | undefined; // H^(bits of n consumed so far); undefined = identity
  let pExp = 0;
  let hExp = 0;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      P = P === undefined ? H.slice() : matMul(P, H, m);
      pExp += hExp;
    }
    H = matMul(H, H, m);
    hExp *= 2;
    if (Math.abs(H[(k - 1) * m + k - 1]) > TWO_128) {
      for (let i = 0; i < H.length; i++) H[i] /= TWO_128;
      hExp += 128;
    }
  }
  let p = P === undefined ? 1 : P[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < TWO_M128) {
      p *= TWO_128;
      pExp -= 128;
    }
  }
  return ldexp(p, pExp);
}

function matMul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += ail * b[l * m + j];
    }
  }
  return out;
}

/**
 * P(D_n <= x) by the Pomeranz (1974) recursion: 2n+1 convolutions of a sliding window with
 * (almost) Poisson weights; only a band of width ~2nx is non-zero. Rescaled by 2^±128.
 */
function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  // (g/n)^j/j!, (2g/n)^j/j!, ((1-2g)/n)^j/j!: Poisson weights without the normalising factor.
  const gPow = new Float64Array(npwrs);
  const twoGPow = new Float64Array(npwrs);
  const oneMinusTwoGPow = new Float64Array(npwrs);
  gPow[0] = twoGPow[0] = oneMinusTwoGPow[0] = 1;
  for (let j = 1; j < npwrs; j++) {
    gPow[j] = (gPow[j - 1] * (g / n)) / j;
    twoGPow[j] = (twoGPow[j - 1] * ((2 * g) / n)) / j;
    oneMinusTwoGPow[j] = (oneMinusTwoGPow[j - 1] * ((1 - 2 * g) / n)) / j;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let expnt = 0;
  let [j1, j2] = pomeranzBand(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzBand(i, n, ll, ceilf, roundf);
    const pw = i === 1 || i === 2 * n + 1 ? gPow : i % 2 ? twoGPow : oneMinusTwoGPow;
    const len = j2 - k1 + 1;
    if (len > 0) {
      const start = k1 - V0s;
      const segLen = Math.min(len, npwrs - start);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let max = 0;
      for (let c = 0; c < convLen; c++) {
        const idx = convStart + c; // entry of the full convolution of V0[start..] with pw
        let s = 0;
        for (let a = Math.max(0, idx - len + 1); a <= Math.min(idx, segLen - 1); a++) {
          s += V0[start + a] * pw[idx - a];
        }
        V1[c] = s;
        if (s > max) max = s;
      }
      if (max > 0 && max < TWO_M128) {
        for (let c = 0; c < npwrs; c++) V1[c] *= TWO_128;
        expnt -= 128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let j = 1; j <= n; j++) {
    if (Math.abs(ans) > TWO_128) {
      ans *= TWO_M128;
      expnt += 128;
    }
    ans *= j; // times n!
  }
  return ldexp(ans, expnt);
}

/** Non-zero index range [j1, j2] of row i in the Pomeranz recursion. */
function pomeranzBand(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * Pelz & Good (1976) approximation of P(D_n <= x): the Li-Chien/Korolyuk expansion
 * K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 (z = x√n), rewritten with Jacobi theta identities
 * into series in q = exp(-π²/(8z²)) that converge fast for small z.
 */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  // Horner scheme over odd m = 2k-1 for Σ c(m) q^(m²).
  let K0 = 0;
  let K1 = 0;
  let K2 = 0;
  let K3 = 0;
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpow = q ** (8 * k);
    K0 = K0 * qpow + 1;
    K1 = K1 * qpow + (k1a + k1b * m2);
    K2 = K2 * qpow + (k2a + k2b * m2 + k2c * m4);
    K3 = K3 * qpow + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  const scale = q * SQRT_2PI;
  K0 = (K0 * scale) / z;
  K1 = (K1 * scale) / (6 * z4);
  K2 = (K2 * scale) / (72 * z ** 7);
  K3 = (K3 * scale) / (6480 * z ** 10);
  // Extra terms of K2 and K3 summed over all integers k.
  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = Math.sqrt(3) * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qk = q ** k2;
    const kpi = Math.PI * k;
    k2extra += k2 * qk;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  K2 += (k2extra * PI2 * SQRT_2PI) / (-36 * z3);
  K3 += (k3extra * PI2 * SQRT_2PI) / (216 * z6);
  return K0 + K1 / n ** 0.5 + K2 / n + K3 / n ** 1.5;
}

/** log(n!/n^n) by Stirling's series with n·log(n) removed up front (no cancellation). */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const r2 = rn / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * r2 + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** x · 2^e without overflowing the intermediate power of two. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

const EPSILON = Number.EPSILON;
/** Cephes MINLOG = log(2^-1022). */
const MIN_LOG = -708.3964185322641;
const TWO_128 = 2 ** 128;
const TWO_M128 = 2 ** -128;
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
/** B_{2j}/(2j(2j-1)) for j = 8..1 (Stirling series), highest order first. */
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
  0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];
