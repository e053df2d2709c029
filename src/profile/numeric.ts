import { hashNumber } from './hash.js';
import { HyperLogLog } from './hll.js';
import { KllSketch, type KllJson } from './kll.js';
import { Moments } from './moments.js';
import type { ProfileParams } from './params.js';

/**
 * Summary of a numeric column, every part mergeable: missing count, moments (Chan et al.
 * 1979), min/max, whether every value is an integer, the exact counts of its values while it has
 * at most `numericDistinctCap` (20) distinct ones (kind inference and Evidently's per-value bins
 * need them), a KLL quantile sketch and a HyperLogLog distinct count.
 */
export class NumericSummary {
  readonly kind = 'numeric';
  missing = 0;
  readonly moments = new Moments();
  integerLike = true;
  /** Exact value counts; null once more than `numericDistinctCap` distinct values were seen. */
  values: Map<number, number> | null = new Map();
  readonly kll: KllSketch;
  readonly hll: HyperLogLog;

  /** Fresh sketches, or those read from a profile file (as CategoricalSummary, same shape on purpose). */
  constructor(
    readonly params: ProfileParams,
    kll?: KllSketch,
    hll?: HyperLogLog,
  ) {
    this.kll = kll ?? new KllSketch(params.kllK);
    this.hll = hll ?? new HyperLogLog(params.hllP);
  }

  get count(): number {
    return this.moments.n;
  }

  add(x: number): void {
    this.moments.add(x);
    if (this.integerLike && !Number.isInteger(x)) this.integerLike = false;
    const values = this.values;
    if (values !== null) {
      const c = values.get(x);
      if (c !== undefined) values.set(x, c + 1);
      else if (values.size < this.params.numericDistinctCap) values.set(x, 1);
      else this.values = null;
    }
    this.kll.update(x);
    this.hll.add(hashNumber(x));
  }

  /** `add` of each of `xs[start..end)` in order, one typed loop per part (the KLL sketch in batches). */
  addMany(xs: Float64Array, start: number, end: number): void {
    this.moments.addMany(xs, start, end);
    if (this.integerLike)
      for (let i = start; i < end; i++)
        if (!Number.isInteger(xs[i])) {
          this.integerLike = false;
          break;
        }
    const values = this.values;
    if (values !== null) {
      const cap = this.params.numericDistinctCap;
      for (let i = start; i < end; i++) {
        const x = xs[i];
        const c = values.get(x);
        if (c !== undefined) values.set(x, c + 1);
        else if (values.size < cap) values.set(x, 1);
        else {
          this.values = null;
          break;
        }
      }
    }
    this.kll.updateMany(xs, start, end);
    const hll = this.hll;
    for (let i = start; i < end; i++) hll.add(hashNumber(xs[i]));
  }

  merge(o: NumericSummary): void {
    this.missing += o.missing;
    this.moments.merge(o.moments);
    this.integerLike &&= o.integerLike;
    if (this.values !== null && o.values !== null) {
      for (const [v, c] of o.values) this.values.set(v, (this.values.get(v) ?? 0) + c);
      if (this.values.size > this.params.numericDistinctCap) this.values = null;
    } else this.values = null;
    this.kll.merge(o.kll);
    this.hll.merge(o.hll);
  }

  toJSON(name: string): NumericJson {
    const m = this.moments;
    return {
      name,
      kind: 'numeric',
      count: m.n,
      missing: this.missing,
      mean: m.n > 0 ? m.mean : null,
      m2: m.n > 0 ? m.m2 : null,
      min: m.n > 0 ? m.min : null,
      max: m.n > 0 ? m.max : null,
      integer_like: this.integerLike,
      values: this.values === null ? null : [...this.values.entries()].sort((a, b) => a[0] - b[0]),
      distinct_estimate: Math.round(this.hll.estimate()),
      kll: this.kll.toJSON(),
      hll: this.hll.toJSON(),
    };
  }

  static fromJSON(j: NumericJson, params: ProfileParams): NumericSummary {
    const s = new NumericSummary(params, KllSketch.fromJSON(j.kll), HyperLogLog.fromJSON(params.hllP, j.hll));
    if (s.kll.k !== params.kllK) throw new RangeError(`KLL k ${s.kll.k} differs from the profile's ${params.kllK}`);
    if (s.kll.n !== j.count) throw new RangeError(`the sketch holds ${s.kll.n} values, the count is ${j.count}`);
    s.missing = j.missing;
    if (j.count > 0) {
      for (const k of ['mean', 'm2', 'min', 'max'] as const)
        if (typeof j[k] !== 'number' || !Number.isFinite(j[k])) throw new RangeError(`'${k}' must be a finite number`);
      Object.assign(s.moments, { n: j.count, mean: j.mean, m2: j.m2, min: j.min, max: j.max });
    }
    s.integerLike = j.integer_like !== false;
    if (j.values === null) s.values = null;
    else {
      if (!Array.isArray(j.values)) throw new RangeError("'values' must be a list of [value, count] pairs or null");
      s.values = new Map();
      for (const pair of j.values) {
        if (!Array.isArray(pair) || !Number.isFinite(pair[0]) || !(Number.isInteger(pair[1]) && pair[1] > 0))
          throw new RangeError("'values' must be a list of [value, count] pairs");
        s.values.set(pair[0], pair[1]);
      }
    }
    return s;
  }
}

export interface NumericJson {
  name: string;
  kind: 'numeric';
  /** Non-missing values. */
  count: number;
  missing: number;
  mean: number | null;
  /** Σ (x − mean)². */
  m2: number | null;
  min: number | null;
  max: number | null;
  integer_like: boolean;
  values: [number, number][] | null;
  /** HyperLogLog estimate, for reading (the registers are in `hll`). */
  distinct_estimate: number;
  kll: KllJson;
  hll: string;
}
