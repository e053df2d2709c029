import { sampleBinomial } from './binomial-sample.js';

/**
 * A sampler of multinomial count vectors: `draw(out)` fills out[j] with how many of n draws
 * (n = Σ weights) fell on category j, category j having probability weights[j] / n — exactly
 * what resampling n items with replacement does to items grouped into categories of
 * `weights[j]` identical items. Two exact methods, picked by cost:
 *
 * - few categories (m ≤ n/16): a chain of binomials, out[j] ~ Bin(n − drawn so far,
 *   weights[j] / weight left), heaviest first so the chain usually ends early — O(m) per draw,
 *   whatever n is (10^6 rows of accuracy-like outcomes cost as much as 100);
 * - otherwise n uniform item indices, each counted on its category — O(n) per draw.
 *
 * `weights` are non-negative integers (item multiplicities).
 *
 * @example
 * const draw = multinomialSampler([900, 80, 20], mulberry32(1));
 * const out = new Int32Array(3);
 * draw(out); // out sums to 1000, e.g. [897, 84, 19]
 */
export function multinomialSampler(weights: ArrayLike<number>, uniform: () => number): (out: Int32Array) => void {
  const m = weights.length;
  let n = 0;
  for (let j = 0; j < m; j++) {
    const w = weights[j];
    if (!(Number.isInteger(w) && w >= 0)) throw new RangeError('multinomialSampler: weights must be integers >= 0');
    n += w;
  }
  if (m * 16 <= n) return binomialChain(weights, n, uniform);
  return indexDraws(weights, n, uniform);
}

function binomialChain(weights: ArrayLike<number>, n: number, uniform: () => number): (out: Int32Array) => void {
  const order = Array.from({ length: weights.length }, (_, j) => j)
    .filter((j) => weights[j] > 0)
    .sort((a, b) => weights[b] - weights[a]);
  return (out) => {
    out.fill(0);
    let left = n;
    let weightLeft = n;
    for (let i = 0; i < order.length && left > 0; i++) {
      const j = order[i];
      const w = weights[j];
      const c = w === weightLeft ? left : sampleBinomial(left, w / weightLeft, uniform);
      out[j] = c;
      left -= c;
      weightLeft -= w;
    }
  };
}

function indexDraws(weights: ArrayLike<number>, n: number, uniform: () => number): (out: Int32Array) => void {
  // categoryOf[i]: the category of item i (items laid out category by category).
  const categoryOf = new Int32Array(n);
  for (let j = 0, i = 0; j < weights.length; j++) categoryOf.fill(j, i, (i += weights[j]));
  const index = uniformIndex(n, uniform);
  return (out) => {
    out.fill(0);
    for (let i = 0; i < n; i++) out[categoryOf[index()]]++;
  };
}

/**
 * Uniform integers in [0, n) without modulo bias. For n ≤ 2^21 Lemire's multiply-and-reject
 * ("Fast random integer generation in an interval", 2019): u·n is exact in a double, its high
 * 32 bits are the index, and the rare low parts below 2^32 mod n are redrawn. Above, of the 2^32
 * raw values the first n·⌊2^32/n⌋ are kept, each index owning exactly ⌊2^32/n⌋ of them.
 */
function uniformIndex(n: number, uniform: () => number): () => number {
  if (n <= 2097152) {
    const threshold = 4294967296 % n;
    return () => {
      for (;;) {
        const m = uniform() * 4294967296 * n;
        const index = Math.floor(m / 4294967296);
        if (m - index * 4294967296 >= threshold) return index;
      }
    };
  }
  const q = Math.floor(4294967296 / n);
  const limit = q * n;
  return () => {
    let u = uniform() * 4294967296;
    while (u >= limit) u = uniform() * 4294967296;
    return Math.floor(u / q);
  };
}
