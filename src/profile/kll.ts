import { insertionSort, sortFloat64InPlace } from '../stats/sort.js';
import { mulberry32, randomSeed } from './random.js';

/**
 * KLL quantile sketch (Karnin, Lang, Liberty, "Optimal Quantile Approximation in Streams",
 * FOCS 2016), in the lazy form of Liberty's reference implementation
 * (github.com/edoliberty/streaming-quantiles, kll.py): a stack of compactors, level h holding
 * items of weight 2^h with capacity ⌈k·c^(H−h−1)⌉ + 1 (c = 2/3, H levels). When the sketch is
 * full, the lowest level over capacity is sorted and compacted: of each adjacent pair one item,
 * chosen by a fair coin (the same choice for the whole level), moves up with twice the weight; an
 * odd item out stays. Total weight stays exactly n. Two sketches merge by concatenating levels
 * and compacting again, so the sketch of shards equals in law the sketch of the whole.
 *
 * Error bound, computed per sketch rather than quoted: a compaction at level h changes the rank of
 * any point x by 0 or ±2^h (±: the pair straddling x, if any), with a fair coin, and the schedule
 * of compactions depends on sizes only, never on the coins. The rank error at x is therefore a
 * martingale with differences bounded by 2^h, and Azuma–Hoeffding gives
 * P(|err(x)| ≥ t) ≤ 2·exp(−t² / (2·S)), S = Σ over all compactions (merges included) of 4^h.
 * err(·) is a step function with at most n + 1 distinct values (it changes only at data values),
 * so by a union bound the normalised rank error is at most
 *     ε = √(2·S·ln(2(n+1)/δ)) / n   uniformly in x, with probability ≥ 1 − δ.
 * `rankErrorBound(δ)` returns it (0 when nothing was ever compacted: the sketch is the sample).
 *
 * Batch updates (`updateMany`) use a larger level 0 for speed: each run of `KLL_BATCH` values is
 * appended to level 0 whole, sorted at once by radix sort, and compacted as one level-0 compaction
 * (then the levels above compact by the rule above until the sketch fits again). That is a KLL
 * sketch with another schedule — still fixed by sizes, never by the coins — so the bound above holds
 * as stated, with S summed over the compactions that really happened: one level-0 compaction per
 * batch instead of dozens, so S and the error come out no larger (measured: docs/performance.md).
 */
export class KllSketch {
  /** Items in the sketch, after merges. */
  n = 0;
  /** S above: Σ (2^h)² over the compactions that made this sketch. */
  sumSqWeights = 0;
  private levels: Float64Array[] = [new Float64Array(16)];
  private lens: number[] = [0];
  /**
   * Whether each level above 0 is in ascending order: a compaction's output is an ascending run,
   * merged into the level above in linear time, so that most compactions need no sort (level 0,
   * and a level after a merge of sketches, are sorted when compacted).
   */
  private sorted: boolean[] = [true];
  private size = 0;
  private maxSize = 0;
  private readonly rand: () => number;

  constructor(
    readonly k = KLL_DEFAULT_K,
    seed = randomSeed(),
  ) {
    if (!Number.isInteger(k) || k < 8) throw new RangeError('KLL: k must be an integer ≥ 8');
    this.rand = mulberry32(seed);
    this.maxSize = this.totalCapacity();
  }

  /** Number of compactors (levels). */
  get height(): number {
    return this.levels.length;
  }

  /** Items retained (what the profile stores). */
  get retained(): number {
    return this.size;
  }

  update(x: number): void {
    let buf = this.levels[0];
    const len = this.lens[0];
    if (len === buf.length) buf = this.levels[0] = growTo(buf, len * 2);
    buf[len] = x;
    this.lens[0] = len + 1;
    this.n++;
    if (++this.size >= this.maxSize) this.compress();
  }

  /**
   * Adds `values[start..end)` in order: each whole run of KLL_BATCH values as one level-0 batch (see
   * the class comment), the rest one by one as `update` does. Afterwards the sketch holds no more
   * items than after per-value updates (`retained` is below the same capacity).
   *
   * @example
   * sketch.updateMany(column, 0, column.length)
   */
  updateMany(values: Float64Array, start: number, end: number): void {
    let i = start;
    for (; end - i >= KLL_BATCH; i += KLL_BATCH) {
      this.append(0, values, i, i + KLL_BATCH);
      this.n += KLL_BATCH;
      this.size += KLL_BATCH;
      if (this.height === 1) this.grow();
      this.compact(0);
      while (this.size >= this.maxSize) this.compress();
    }
    for (; i < end; i++) this.update(values[i]);
  }

  /** Adds `other` into this sketch (same k); `other` is left unchanged. */
  merge(other: KllSketch): void {
    if (other.k !== this.k) throw new RangeError(`KLL: cannot merge sketches with k ${this.k} and ${other.k}`);
    while (this.height < other.height) this.grow();
    for (let h = 0; h < other.height; h++) this.append(h, other.levels[h], 0, other.lens[h]);
    this.n += other.n;
    this.sumSqWeights += other.sumSqWeights;
    this.size += other.size;
    while (this.size >= this.maxSize) this.compress();
  }

  /** ε such that |F̂(x) − F(x)| ≤ ε for every x with probability ≥ 1 − δ (see the class comment). */
  rankErrorBound(delta = KLL_DELTA): number {
    if (this.sumSqWeights === 0 || this.n === 0) return 0;
    return Math.sqrt(2 * this.sumSqWeights * Math.log((2 * (this.n + 1)) / delta)) / this.n;
  }

  /** Retained items ascending with their weights (2^level); weights sum to n. */
  weighted(): { values: Float64Array; weights: Float64Array } {
    const values = new Float64Array(this.size);
    const weights = new Float64Array(this.size);
    let j = 0;
    for (let h = 0; h < this.height; h++) {
      for (let i = 0; i < this.lens[h]; i++) {
        values[j] = this.levels[h][i];
        weights[j++] = 2 ** h;
      }
    }
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => values[a] - values[b]);
    return { values: Float64Array.from(order, (i) => values[i]), weights: Float64Array.from(order, (i) => weights[i]) };
  }

  toJSON(): KllJson {
    return {
      k: this.k,
      n: this.n,
      sum_sq_weights: this.sumSqWeights,
      levels: this.levels.map((l, h) => Array.from(l.subarray(0, this.lens[h]))),
    };
  }

  /** Rebuilds a sketch; throws a RangeError when the data is not a consistent sketch. */
  static fromJSON(j: KllJson): KllSketch {
    const s = new KllSketch(j.k);
    if (!Array.isArray(j.levels) || j.levels.length === 0) throw new RangeError('KLL: no levels');
    if (!(Number.isInteger(j.n) && j.n >= 0) || !(typeof j.sum_sq_weights === 'number' && j.sum_sq_weights >= 0))
      throw new RangeError('KLL: bad n or sum_sq_weights');
    while (s.height < j.levels.length) s.grow();
    let weight = 0;
    j.levels.forEach((l, h) => {
      if (!Array.isArray(l) || !l.every((x) => typeof x === 'number' && Number.isFinite(x)))
        throw new RangeError(`KLL: level ${h} is not a list of numbers`);
      s.append(h, Float64Array.from(l), 0, l.length);
      weight += l.length * 2 ** h;
    });
    if (weight !== j.n) throw new RangeError(`KLL: weights sum to ${weight}, not n = ${j.n}`);
    s.n = j.n;
    s.sumSqWeights = j.sum_sq_weights;
    s.size = j.levels.reduce((a, l) => a + l.length, 0);
    while (s.size >= s.maxSize) s.compress();
    return s;
  }

  private capacity(h: number): number {
    return Math.ceil(C ** (this.height - h - 1) * this.k) + 1;
  }

  private totalCapacity(): number {
    let t = 0;
    for (let h = 0; h < this.height; h++) t += this.capacity(h);
    return t;
  }

  private grow(): void {
    this.levels.push(new Float64Array(16));
    this.lens.push(0);
    this.sorted.push(true);
    this.maxSize = this.totalCapacity();
  }

  private append(h: number, src: Float64Array, from: number, to: number): void {
    const need = this.lens[h] + (to - from);
    if (need > this.levels[h].length)
      this.levels[h] = growTo(this.levels[h], Math.max(need, this.levels[h].length * 2));
    this.levels[h].set(src.subarray(from, to), this.lens[h]);
    this.lens[h] = need;
    this.sorted[h] = false;
  }

  /** Compacts the lowest level at or over its capacity (lazy KLL: one level per call). */
  private compress(): void {
    for (let h = 0; h < this.height; h++) {
      if (this.lens[h] >= this.capacity(h)) {
        if (h + 1 >= this.height) this.grow();
        this.compact(h);
        return;
      }
    }
  }

  private compact(h: number): void {
    const len = this.lens[h];
    const buf = this.levels[h];
    if (h === 0 || !this.sorted[h]) sortPrefix(buf, len);
    // Pairs are taken from the top; with an odd count the smallest item stays at this level.
    const odd = len & 1;
    const keepUpper = this.rand() < 0.5 ? 1 : 0;
    const kept = (len - odd) >> 1;
    const m = this.lens[h + 1];
    const up = m + kept;
    if (up > this.levels[h + 1].length)
      this.levels[h + 1] = growTo(this.levels[h + 1], Math.max(up, this.levels[h + 1].length * 2));
    const dst = this.levels[h + 1];
    const first = odd + keepUpper; // the run: buf[first], buf[first + 2], … ascending
    if (this.sorted[h + 1]) {
      // Merge the run into the ascending level, from the top down.
      let i = m - 1;
      let r = first + 2 * (kept - 1);
      for (let w = up - 1; r >= first; w--) {
        if (i >= 0 && dst[i] > buf[r]) dst[w] = dst[i--];
        else {
          dst[w] = buf[r];
          r -= 2;
        }
      }
    } else {
      let j = m;
      for (let r = first; j < up; r += 2) dst[j++] = buf[r];
    }
    this.lens[h + 1] = up;
    this.lens[h] = odd; // buf[0] is the smallest item when odd
    this.sorted[h] = true;
    this.size -= kept;
    this.sumSqWeights += 4 ** h;
  }
}

export interface KllJson {
  k: number;
  n: number;
  sum_sq_weights: number;
  /** Items per level (level h: weight 2^h), unordered within a level. */
  levels: number[][];
}

/** Default k: the bench's 20-column profile stays well under 1 MB, and ε ≈ 1 % at a million rows. */
export const KLL_DEFAULT_K = 800;
/**
 * Values per level-0 batch of `updateMany`: large enough for the radix sort to beat the comparison
 * sort by ~3× (measured: 25 vs 75 ns per value at 8192 values of the bench data).
 */
export const KLL_BATCH = 8192;
/** Failure probability of the stated bound, per sketch. */
export const KLL_DELTA = 0.01;
const C = 2 / 3;

function growTo(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** The radix sort's second buffer, shared by every sketch of this thread (grown to the largest batch). */
let scratch = new Float64Array(0);

/**
 * Sorts a[0..n) ascending: insertion sort for the small buffers of the low levels (faster than the
 * native sort up to ~100 items, measured), the native sort above, the radix sort for the large
 * batches of `updateMany`.
 */
function sortPrefix(a: Float64Array, n: number): void {
  if (n >= KLL_BATCH) {
    if (scratch.length < n) scratch = new Float64Array(n);
    sortFloat64InPlace(a.subarray(0, n), scratch);
  } else if (n > 64) a.subarray(0, n).sort();
  else insertionSort(a, 0, n);
}
