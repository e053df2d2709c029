/** Seeded pseudo-random generators for the statistical tests (deterministic across runs). */

/**
 * Marsaglia's xorshift128 ("Xorshift RNGs", J. Stat. Softw. 8(14), 2003), uniform in [0, 1).
 * Shifts and xors only: under Jest's VM context every Math.* call costs ~0.2 µs, so a
 * Math.imul-based generator would dominate the calibration tests' run time.
 */
export function xorshift128(seed: number): () => number {
  let x = seed >>> 0 || 1;
  let y = 362436069;
  let z = 521288629;
  let w = 88675123;
  const next = (): number => {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return w / 4294967296;
  };
  for (let i = 0; i < 32; i++) next(); // decorrelate nearby seeds
  return next;
}

/** Standard normal sampler by the Box–Muller transform (both variates used). */
export function normalSampler(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - uniform(); // (0, 1]: log is finite
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/** Counts of n draws from a categorical distribution with the given probabilities. */
export function categoricalCounts(uniform: () => number, probs: readonly number[], n: number): number[] {
  const counts = new Array<number>(probs.length).fill(0);
  for (let i = 0; i < n; i++) {
    let u = uniform();
    let k = 0;
    while (k < probs.length - 1 && u >= probs[k]) u -= probs[k++];
    counts[k]++;
  }
  return counts;
}
