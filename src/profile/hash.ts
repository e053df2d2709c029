/**
 * 32-bit hashes for the distinct-count sketch: MurmurHash3's finaliser `fmix32` (Appleby, 2011)
 * over FNV-1a (strings, by UTF-16 code unit) or over the two words of a double. A label hashes
 * the same whichever reader produced it, so profiles of shards merge.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Hash of a number's IEEE-754 bits (0 and −0 hash alike). */
export function hashNumber(x: number): number {
  F64[0] = x === 0 ? 0 : x;
  return fmix32(fmix32(U32[0] ^ 0x9e3779b9) ^ U32[1]);
}

export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h ^ s.length);
}
