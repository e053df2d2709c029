/** Arithmetic mean (NaN for an empty sample). Neumaier-compensated sum, so large n stays exact to ~1 ulp. */
export function mean(x: Float64Array): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < x.length; i++) {
    const t = sum + x[i];
    comp += Math.abs(sum) >= Math.abs(x[i]) ? sum - t + x[i] : x[i] - t + sum;
    sum = t;
  }
  return (sum + comp) / x.length;
}

/**
 * Standard deviation with `ddof` delta degrees of freedom (1 = sample std, `np.std(x, ddof=1)`;
 * 0 = population std), two-pass about the mean. NaN when n <= ddof.
 */
export function standardDeviation(x: Float64Array, ddof = 1): number {
  const n = x.length;
  if (n <= ddof) return NaN;
  const mu = mean(x);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mu) ** 2;
  return Math.sqrt(ss / (n - ddof));
}
