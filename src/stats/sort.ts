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

  // One read pass builds the histograms of all six digits of the order-preserving key.
  const counts = new Uint32Array(DIGITS.length * RADIX);
  for (let i = 0; i < n; i++) {
    const hi = srcWords[2 * i + 1];
    const lo = (srcWords[2 * i] ^ (hi >> 31)) >>> 0;
    const h = (hi ^ ((hi >> 31) | SIGN)) >>> 0;
    counts[lo & MASK]++;
    counts[RADIX + ((lo >>> 11) & MASK)]++;
    counts[2 * RADIX + (lo >>> 22)]++;
    counts[3 * RADIX + (h & MASK)]++;
    counts[4 * RADIX + ((h >>> 11) & MASK)]++;
    counts[5 * RADIX + (h >>> 22)]++;
  }

  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < DIGITS.length; pass++) {
    const [word, shift] = DIGITS[pass];
    const base = pass * RADIX;
    // A digit shared by every key would copy the array unchanged.
    let trivial = false;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      if (c === n) {
        trivial = true;
        break;
      }
      offsets[d] = sum;
      sum += c;
    }
    if (trivial) continue;
    for (let i = 0; i < n; i++) {
      const hi = srcWords[2 * i + 1];
      const flip = word === 1 ? (hi >> 31) | SIGN : hi >> 31;
      const d = ((srcWords[2 * i + word] ^ flip) >>> shift) & MASK;
      dst[offsets[d]++] = src[i];
    }
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  // After an odd number of passes the result sits in the scratch buffer.
  if (src !== x) x.set(src);
  return x;
}

const RADIX = 1 << 11;
const MASK = RADIX - 1;
const SIGN = 0x80000000 | 0;
/** [word (0 = low 32 bits), shift] of each digit, least significant first. */
const DIGITS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, 11],
  [0, 22],
  [1, 0],
  [1, 11],
  [1, 22],
];
/** Below this size the native comparison sort is as fast and allocates less. */
const RADIX_MIN_N = 4096;
/** The digit extraction reads the low/high words of each double through a Uint32Array view. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
