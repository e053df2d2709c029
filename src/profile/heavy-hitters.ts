/**
 * Category counts: exact while there are at most `k` distinct labels, then a Misra–Gries summary
 * with k counters (Misra & Gries, "Finding repeated elements", 1982), in the mergeable form of
 * Agarwal, Cormode, Huang, Phillips, Wei and Yi ("Mergeable summaries", PODS 2012). Whenever more
 * than k labels are held (after adding a new one, or after a merge), the (k+1)-th largest count
 * c is subtracted from every counter and counters at or below 0 are dropped; `error` grows by c.
 *
 * Bound: every label's estimate f̂ (0 when absent) satisfies f − error ≤ f̂ ≤ f, and
 * error ≤ (n − Σf̂)/(k+1), so any label with f > n/(k+1) is kept. With error = 0 the counts are
 * exact (no reduction ever happened).
 */
export class HeavyHitters {
  counts = new Map<string, number>();
  /** Δ: the most any estimate is below its true count. */
  error = 0;
  /** Total weight added (exact, whatever was dropped). */
  n = 0;

  constructor(readonly k = CATEGORY_CAP) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError('HeavyHitters: k must be a positive integer');
  }

  get exact(): boolean {
    return this.error === 0;
  }

  add(label: string, count = 1): void {
    this.n += count;
    const c = this.counts.get(label);
    if (c !== undefined) {
      this.counts.set(label, c + count);
      return;
    }
    this.counts.set(label, count);
    if (this.counts.size > this.k) this.reduce();
  }

  merge(o: HeavyHitters): void {
    if (o.k !== this.k) throw new RangeError(`HeavyHitters: cannot merge k ${this.k} with k ${o.k}`);
    for (const [label, c] of o.counts) this.counts.set(label, (this.counts.get(label) ?? 0) + c);
    this.n += o.n;
    this.error += o.error;
    if (this.counts.size > this.k) this.reduce();
  }

  /** Labels by count (descending), ties by label. */
  entries(): [string, number][] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  private reduce(): void {
    const sorted = [...this.counts.values()].sort((a, b) => b - a);
    const c = sorted[this.k];
    for (const [label, v] of this.counts) {
      if (v <= c) this.counts.delete(label);
      else this.counts.set(label, v - c);
    }
    this.error += c;
  }
}

/** Categories counted exactly per column, before heavy hitters take over. */
export const CATEGORY_CAP = 1000;
