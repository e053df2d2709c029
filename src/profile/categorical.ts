import { hashString } from './hash.js';
import { HeavyHitters } from './heavy-hitters.js';
import { HyperLogLog } from './hll.js';
import type { ProfileParams } from './params.js';
import { isBooleanText } from '../data/boolean.js';

/**
 * Summary of a categorical column, mergeable: missing count, category counts (exact up to
 * `categoryCap` labels, then Misra–Gries heavy hitters with a stated error, heavy-hitters.ts) and
 * a HyperLogLog distinct count.
 */
export class CategoricalSummary {
  readonly kind = 'categorical';
  missing = 0;
  readonly counts: HeavyHitters;
  readonly hll: HyperLogLog;

  constructor(
    readonly params: ProfileParams,
    counts?: HeavyHitters,
    hll?: HyperLogLog,
  ) {
    this.counts = counts ?? new HeavyHitters(params.categoryCap);
    this.hll = hll ?? new HyperLogLog(params.hllP);
  }

  /** Non-missing values (exact). */
  get count(): number {
    return this.counts.n;
  }

  add(label: string, count = 1): void {
    this.counts.add(label, count);
    this.hll.add(hashString(label));
  }

  merge(o: CategoricalSummary): void {
    this.missing += o.missing;
    this.counts.merge(o.counts);
    this.hll.merge(o.hll);
  }

  /** True when every label is a boolean text (only known when the counts are exact). */
  get boolean(): boolean {
    return (
      this.counts.exact && this.counts.counts.size > 0 && [...this.counts.counts.keys()].every((t) => isBooleanText(t))
    );
  }

  toJSON(name: string): CategoricalJson {
    return {
      name,
      kind: 'categorical',
      count: this.count,
      missing: this.missing,
      categories: this.counts.entries(),
      count_error: this.counts.error,
      distinct_estimate: Math.round(this.hll.estimate()),
      hll: this.hll.toJSON(),
    };
  }

  static fromJSON(j: CategoricalJson, params: ProfileParams): CategoricalSummary {
    const hh = new HeavyHitters(params.categoryCap);
    if (!Array.isArray(j.categories)) throw new RangeError("'categories' must be a list of [label, count] pairs");
    let sum = 0;
    for (const pair of j.categories) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !(Number.isInteger(pair[1]) && pair[1] > 0))
        throw new RangeError("'categories' must be a list of [label, count] pairs");
      hh.counts.set(pair[0], pair[1]);
      sum += pair[1];
    }
    if (hh.counts.size > params.categoryCap) throw new RangeError(`more than ${params.categoryCap} categories`);
    if (!(Number.isInteger(j.count_error) && j.count_error >= 0))
      throw new RangeError("'count_error' must be a non-negative integer");
    hh.error = j.count_error;
    hh.n = j.count;
    if (hh.error === 0 ? sum !== j.count : sum > j.count)
      throw new RangeError(`category counts sum to ${sum}, the count is ${j.count}`);
    const s = new CategoricalSummary(params, hh, HyperLogLog.fromJSON(params.hllP, j.hll));
    s.missing = j.missing;
    return s;
  }
}

export interface CategoricalJson {
  name: string;
  kind: 'categorical';
  count: number;
  missing: number;
  /** [label, count] by count descending; estimates (each at most `count_error` low) when count_error > 0. */
  categories: [string, number][];
  count_error: number;
  distinct_estimate: number;
  hll: string;
}
