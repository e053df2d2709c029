/**
 * Ascending sort of a NaN-free Float64Array, returned as a new array (the input is not modified).
 *
 * LSD radix sort on the IEEE-754 bit pattern, six passes of 11/11/10-bit digits per 32-bit
 * word: flipping the sign bit of non-negative numbers and all bits of negative ones turns the
 * float order into unsigned-integer order (Herf, "Radix Tricks", 2001). -0 sorts before +0 and
 * ±Infinity at the ends, exactly like `Float64Array.prototype.sort`. 11-bit digits keep the
 * 2048-entry offset table in L1 cache (measured faster than 16-bit digits up to ~2e6 values).
 * A pass is skipped when every key has the same digit (typical for the exponent bits of real
 * data). Below a few thousand values the native sort is as fast, so it is used there.
 *
 * The three passes of the high word go first: they order the values by sign, exponent and the top
 * 20 bits of the mantissa, and values differing there are then in place. Only runs of values that
 * share their high word still need ordering by the low word; real data has few, short ones (a CSV
 * column with a few decimals: runs of 1–3), which a comparison sort finishes in about one pass.
 * When they cover more than an eighth of the array (timestamps within minutes of each other, say),
 * the full six passes sort it instead (histograms do not depend on the order they are built in).
 */
export function sortFloat64(x: Float64Array): Float64Array {
  return sortFloat64InPlace(Float64Array.from(x));
}

/**
 * The same sort in place: `x` is sorted and returned. `scratch` (at least x.length long) may be
 * passed to reuse one buffer across many sorts; the radix passes ping-pong between the two.
 */
export function sortFloat64InPlace(x: Float64Array, scratch?: Float64Array): Float64Array {
  const n = x.length;
  if (n < RADIX_MIN_N || !LITTLE_ENDIAN) return x.sort();
  let src = x;
  let dst = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  let srcWords = new Uint32Array(src.buffer);
  let dstWords = new Uint32Array(dst.buffer);

  // One read pass builds the histograms of the high word's three digits and sees whether every
  // value has the same low word (the low word's histograms are built only if they are needed).
  const counts = COUNTS.fill(0);
  const lo0 = srcWords[0];
  let lowSame = true;
  for (let i = 0; i < n; i++) {
    const hi = srcWords[2 * i + 1];
    const h = (hi ^ ((hi >> 31) | SIGN)) >>> 0;
    if (srcWords[2 * i] !== lo0) lowSame = false;
    counts[3 * RADIX + (h & MASK)]++;
    counts[4 * RADIX + ((h >>> 11) & MASK)]++;
    counts[5 * RADIX + (h >>> 22)]++;
  }

  const offsets = OFFSETS;
  // Step 1: order by the high word (LSD over its three digits). Step 2: when every value shares its
  // low word (integers, say), done; else finish the runs of equal high words by comparison while
  // they are few, or fall back to the six passes.
  let passes = HIGH_PASSES;
  for (let p = 0; p < passes.length; p++) {
    if (radixPass(src, dst, srcWords, passes[p], counts, offsets, n)) {
      [src, dst] = [dst, src];
      [srcWords, dstWords] = [dstWords, srcWords];
    }
    if (p === passes.length - 1 && passes === HIGH_PASSES && !lowSame && !sortRuns(src, srcWords, n, n >>> 3)) {
      for (let i = 0; i < n; i++) {
        const lo = (srcWords[2 * i] ^ (srcWords[2 * i + 1] >> 31)) >>> 0;
        counts[lo & MASK]++;
        counts[RADIX + ((lo >>> 11) & MASK)]++;
        counts[2 * RADIX + (lo >>> 22)]++;
      }
      passes = ALL_PASSES;
      p = -1;
    }
  }
  // After an odd number of passes the result sits in the scratch buffer.
  if (src !== x) x.set(src);
  return x;
}

/** One LSD pass from `src` into `dst` on digit `pass`; false (nothing moved) when every key shares that digit. */
function radixPass(
  src: Float64Array,
  dst: Float64Array,
  srcWords: Uint32Array,
  pass: number,
  counts: Uint32Array,
  offsets: Uint32Array,
  n: number,
): boolean {
  const [word, shift] = DIGITS[pass];
  const base = pass * RADIX;
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = counts[base + d];
    if (c === n) return false;
    offsets[d] = sum;
    sum += c;
  }
  if (word === 1) {
    for (let i = 0; i < n; i++) {
      const hi = srcWords[2 * i + 1];
      dst[offsets[((hi ^ ((hi >> 31) | SIGN)) >>> shift) & MASK]++] = src[i];
    }
  } else {
    for (let i = 0; i < n; i++)
      dst[offsets[((srcWords[2 * i] ^ (srcWords[2 * i + 1] >> 31)) >>> shift) & MASK]++] = src[i];
  }
  return true;
}

/**
 * Sorts, by comparison, each run of `a` whose values share their high word but not all their low
 * word (`words`: a's 32-bit view), the array being ordered by high word. False, leaving `a` a
 * permutation of itself, when those runs hold more than `budget` values in all.
 */
function sortRuns(a: Float64Array, words: Uint32Array, n: number, budget: number): boolean {
  let inRuns = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    const hi = words[2 * i + 1];
    while (j < n && words[2 * j + 1] === hi) j++;
    // A run of one value (ties are common: a column's values repeat) is in order already.
    let k = i + 1;
    while (k < j && words[2 * k] === words[2 * i]) k++;
    if (k < j) {
      inRuns += j - i;
      if (inRuns > budget) return false;
      if (j - i <= 16) insertionSort(a, i, j);
      else a.subarray(i, j).sort();
    }
    i = j;
  }
  return true;
}

/**
 * Sorts a[from..to) ascending in place by insertion: for a few items (up to ~64, measured faster
 * than the native sort there).
 *
 * @example
 * insertionSort(buf, 0, 8)
 */
export function insertionSort(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= from && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

const RADIX = 1 << 11;
const MASK = RADIX - 1;
const SIGN = 0x80000000 | 0;
const HIGH_PASSES = [3, 4, 5];
const ALL_PASSES = [0, 1, 2, 3, 4, 5];
/** [word (0 = low 32 bits), shift] of each digit, least significant first. */
const DIGITS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, 11],
  [0, 22],
  [1, 0],
  [1, 11],
  [1, 22],
];
/**
 * The histograms and bucket offsets, shared by every sort of this thread (a sort never calls
 * another): a KLL sketch sorts a batch every 8192 values, and fresh tables each time were 56 kB of
 * garbage a batch.
 */
const COUNTS = new Uint32Array(DIGITS.length * RADIX);
const OFFSETS = new Uint32Array(RADIX);
/** Below this size the native comparison sort is as fast and allocates less. */
const RADIX_MIN_N = 4096;
/** The digit extraction reads the low/high words of each double through a Uint32Array view. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
