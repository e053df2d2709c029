/**
 * Ascending sort of a NaN-free Float64Array, returned as a new array (the input is not modified).
 *
 * LSD radix sort on the high 32 bits of the IEEE-754 bit pattern (sign, exponent and the top 20
 * mantissa bits), three passes of 11/11/10-bit digits: flipping the sign bit of non-negative
 * numbers and all bits of negative ones turns the float order into unsigned-integer order (Herf,
 * "Radix Tricks", 2001). Values whose high words are equal then sit side by side; each such run
 * that is not yet in order is sorted by its low word (insertion sort when short, radix when long).
 * Data parsed from decimal text mostly differs in the high word, so the runs are short and three
 * passes over the whole array do what six did; where it does not (values in a narrow range, large
 * integers such as timestamps), the runs' radix passes make up the other three. -0 sorts before +0
 * and ±Infinity at the ends, exactly like `Float64Array.prototype.sort`. 11-bit digits keep the
 * 2048-entry offset table in L1 cache. A pass is skipped when every key has the same digit
 * (typical for the top exponent bits of real data). Below a few thousand values the native sort is
 * as fast, so it is used there.
 *
 * @example
 * sortFloat64(Float64Array.of(3, -1, 0, -0, 2)) // Float64Array [-1, -0, 0, 2, 3]
 */
export function sortFloat64(x: Float64Array): Float64Array {
  return sortFloat64InPlace(Float64Array.from(x));
}

/**
 * The same sort in place: `x` is sorted and returned. `scratch` (at least x.length long) may be
 * passed to reuse one buffer across many sorts; the radix passes ping-pong between the two.
 */
export function sortFloat64InPlace(x: Float64Array, scratch?: Float64Array): Float64Array {
  if (x.length < RADIX_MIN_N || !LITTLE_ENDIAN) return x.sort();
  const sorted = sortFloat64Using(x, scratch && scratch.length >= x.length ? scratch : new Float64Array(x.length));
  if (sorted !== x) x.set(sorted);
  return x;
}

/**
 * The same sort, leaving the result in whichever buffer the last radix pass wrote: returns `x`
 * or `scratch.subarray(0, x.length)` (scratch at least x.length long), the other then holds
 * garbage. Saves sortFloat64InPlace's copy back (a read and a write of the whole array) where the
 * caller can take the scratch buffer as its result and `x`'s buffer as the next scratch.
 *
 * @example
 * const x = Float64Array.of(3, 1, 2), s = new Float64Array(3);
 * sortFloat64Using(x, s) // Float64Array [1, 2, 3] (here x itself: too short for radix passes)
 */
export function sortFloat64Using(x: Float64Array, scratch: Float64Array): Float64Array {
  const n = x.length;
  if (n < RADIX_MIN_N || !LITTLE_ENDIAN) return x.sort();
  let src = x;
  let dst = scratch.subarray(0, n);
  let srcWords = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
  let dstWords = new Uint32Array(dst.buffer, dst.byteOffset, 2 * n);

  // 1. One read pass builds the histograms of the three digits of the high word's key.
  const counts = highWordHistograms(srcWords, n, COUNTS.fill(0));

  // 2. A stable scatter per digit, least significant first.
  for (let pass = 0; pass < 3; pass++) {
    // A digit shared by every key would copy the array unchanged.
    if (!bucketStarts(counts, pass * RADIX, RADIX, n, 0, OFFSETS)) continue;
    scatterByHighWord(src, srcWords, dst, n, 11 * pass, OFFSETS);
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  // 3. Runs of equal high words, ordered by the low word (its key: the run shares one sign); after
  // an odd number of passes the values sit in the scratch buffer.
  sortRuns({ x: src, words: srcWords, tmp: dst, tmpWords: dstWords, counts: RUN_COUNTS, offsets: RUN_OFFSETS });
  return src;
}

/*
 * Each loop over the whole array is a function of its own: V8 compiles a loop of a function's first
 * call while it runs (on-stack replacement), and code after it, not yet run, then lacks type
 * feedback and deoptimizes when reached. One function with every loop took 130–160 ms for its
 * first million values (7 compilations, 5 deoptimizations), 20 ms once warm.
 */

/** Counts the three 11-bit digits of each value's high-word key into `counts` (3 × RADIX). */
function highWordHistograms(words: Uint32Array, n: number, counts: Uint32Array): Uint32Array {
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    const h = (hi ^ ((hi >> 31) | SIGN)) >>> 0;
    counts[h & MASK]++;
    counts[RADIX + ((h >>> 11) & MASK)]++;
    counts[2 * RADIX + (h >>> 22)]++;
  }
  return counts;
}

/** Moves src[0..n) to dst by the high-word key's digit at `shift`, stably, from `offsets`. */
function scatterByHighWord(
  src: Float64Array,
  srcWords: Uint32Array,
  dst: Float64Array,
  n: number,
  shift: number,
  offsets: Uint32Array,
): void {
  for (let i = 0; i < n; i++) {
    const hi = srcWords[2 * i + 1];
    const d = (((hi ^ ((hi >> 31) | SIGN)) >>> shift) & MASK) >>> 0;
    dst[offsets[d]++] = src[i];
  }
}

/** Orders each run of equal high words in `r.x` (sorted by high word) by its low word. */
function sortRuns(r: RunSorter): void {
  const { x, words } = r;
  const n = x.length;
  for (let i = 0; i < n;) {
    const hi = words[2 * i + 1];
    let j = i + 1;
    let ordered = true;
    for (; j < n && words[2 * j + 1] === hi; j++) if (x[j] < x[j - 1]) ordered = false;
    if (!ordered) {
      if (j - i <= INSERTION_MAX) insertionSort(x, i, j);
      else sortByLowWord(r, i, j, hi >> 31);
    }
    i = j;
  }
}

/**
 * Sorts x[from..to) ascending in place by insertion: for a few values (runs here, a KLL sketch's
 * short buffers), where it beats the native sort.
 *
 * @example
 * const x = Float64Array.of(5, 3, 1, 2); insertionSort(x, 1, 4) // x = [5, 1, 2, 3]
 */
export function insertionSort(x: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = x[i];
    let k = i - 1;
    while (k >= from && x[k] > v) {
      x[k + 1] = x[k];
      k--;
    }
    x[k + 1] = v;
  }
}

/**
 * Sorts x[from..to), whose values share their high word, by LSD radix on the low word's key
 * (`flip` = −1 for negative numbers, whose order is the bits' reverse; else 0): four passes of
 * 8-bit digits, so that short runs pay little for their tables, through `r.tmp[from..to)`.
 */
function sortByLowWord(r: RunSorter, from: number, to: number, flip: number): void {
  const { counts, offsets } = r;
  let src = r.x;
  let dst = r.tmp;
  let srcWords = r.words;
  let dstWords = r.tmpWords;
  const len = to - from;
  for (let i = from; i < to; i++) {
    const lo = srcWords[2 * i] ^ flip;
    counts[lo & 0xff]++;
    counts[256 + ((lo >>> 8) & 0xff)]++;
    counts[512 + ((lo >>> 16) & 0xff)]++;
    counts[768 + (lo >>> 24)]++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const shift = 8 * pass;
    if (!bucketStarts(counts, pass * 256, 256, len, from, offsets)) continue;
    for (let i = from; i < to; i++) dst[offsets[((srcWords[2 * i] ^ flip) >>> shift) & 0xff]++] = src[i];
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  if (src !== r.x) r.x.set(src.subarray(from, to), from);
  counts.fill(0);
}

/**
 * Writes into `offsets` where each of the `radix` buckets of one digit starts (`counts[base..]`:
 * the digit's histogram over `n` keys; the first bucket starts at `start`). False, offsets
 * unfinished, when one bucket holds every key (the pass would move nothing).
 */
function bucketStarts(
  counts: Uint32Array,
  base: number,
  radix: number,
  n: number,
  start: number,
  offsets: Uint32Array,
): boolean {
  let sum = start;
  for (let d = 0; d < radix; d++) {
    const c = counts[base + d];
    if (c === n) return false;
    offsets[d] = sum;
    sum += c;
  }
  return true;
}

/** What sortByLowWord works with, made once per sort. */
interface RunSorter {
  x: Float64Array;
  /** x's buffer as 32-bit words. */
  words: Uint32Array;
  /** A buffer as long as x, and its words. */
  tmp: Float64Array;
  tmpWords: Uint32Array;
  /** 4 × 256 digit counts, zero between runs (RUN_COUNTS). */
  counts: Uint32Array;
  offsets: Uint32Array;
}

const RADIX = 1 << 11;
const MASK = RADIX - 1;
const SIGN = 0x80000000 | 0;
/** Runs up to this length are sorted by insertion, longer ones by radix on the low word. */
const INSERTION_MAX = 32;
/**
 * The digit tables, shared by every sort of this thread (a sort never calls another): a KLL sketch
 * sorts a batch every 8192 values, and fresh tables each time were garbage. RUN_COUNTS is all zero
 * between runs.
 */
const COUNTS = new Uint32Array(3 * RADIX);
const OFFSETS = new Uint32Array(RADIX);
const RUN_COUNTS = new Uint32Array(4 * 256);
const RUN_OFFSETS = new Uint32Array(256);
/** Below this size the native comparison sort is as fast and allocates less. */
const RADIX_MIN_N = 4096;
/** The digit extraction reads the low/high words of each double through a Uint32Array view. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
