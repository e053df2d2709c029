/**
 * Quantile of a sorted sample by linear interpolation between order statistics, NumPy's default
 * (`np.percentile(x, 100 * p)`, method 'linear', type 7 of Hyndman & Fan): h = (n − 1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). NaN for an empty sample.
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25); // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  return t === 0 || a === b ? a : a + t * (b - a);
}
