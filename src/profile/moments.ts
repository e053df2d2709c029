/**
 * Count, mean, sum of squared deviations (M2), min and max of a stream, mergeable: Welford's
 * update per value (Welford 1962) and the pairwise combination of Chan, Golub and LeVeque
 * ("Updating formulae and a pairwise algorithm for computing sample variances", 1979):
 *   n = a.n + b.n,  δ = b.mean − a.mean,  mean = a.mean + δ·b.n/n,
 *   M2 = a.M2 + b.M2 + δ²·a.n·b.n/n.
 * Both are numerically stable; merged results equal a single pass up to rounding (≈ 1e-15
 * relative for the mean, far below 1e-9 for the variance on data without catastrophic spread).
 */
export class Moments {
  n = 0;
  mean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;

  add(x: number): void {
    const n = ++this.n;
    const d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /**
   * Adds `xs[start..end)`: the block's own moments by two passes (mean, then Σ(x − mean)² with the
   * corrected two-pass term of Chan, Golub and LeVeque 1983), merged in by the pairwise formula. No
   * division per value; as accurate as `add` (the same up to rounding, ≈ 1e-15 relative).
   *
   * @example
   * moments.addMany(column, 0, column.length)
   */
  addMany(xs: Float64Array, start: number, end: number): void {
    const m = end - start;
    if (m <= 0) return;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      const x = xs[i];
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    // Values near ±1.8e308 can overflow the sum (not Welford's update): then value by value.
    if (!Number.isFinite(sum)) {
      for (let i = start; i < end; i++) this.add(xs[i]);
      return;
    }
    const mean = sum / m;
    let ss = 0;
    let dev = 0;
    for (let i = start; i < end; i++) {
      const d = xs[i] - mean;
      ss += d * d;
      dev += d;
    }
    this.merge(Moments.from({ count: m, mean: mean + dev / m, m2: Math.max(ss - (dev * dev) / m, 0), min, max }));
  }

  merge(o: Moments): void {
    if (o.n === 0) return;
    if (this.n === 0) {
      Object.assign(this, { n: o.n, mean: o.mean, m2: o.m2, min: o.min, max: o.max });
      return;
    }
    const n = this.n + o.n;
    const d = o.mean - this.mean;
    this.mean += (d * o.n) / n;
    this.m2 += o.m2 + (d * d * this.n * o.n) / n;
    this.n = n;
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
  }

  /** Variance with `ddof` delta degrees of freedom (0: population); NaN when n ≤ ddof. */
  variance(ddof = 0): number {
    return this.n > ddof ? Math.max(this.m2, 0) / (this.n - ddof) : NaN;
  }

  static from(j: { count: number; mean: number; m2: number; min: number; max: number }): Moments {
    const m = new Moments();
    if (j.count > 0) Object.assign(m, { n: j.count, mean: j.mean, m2: j.m2, min: j.min, max: j.max });
    return m;
  }
}
