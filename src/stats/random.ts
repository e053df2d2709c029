/**
 * mulberry32 (Tommy Ettinger, 2017): a small, fast 32-bit PRNG, uniform on the 2^32 multiples of
 * 2^-32 in [0, 1) (so `u * 2 ** 32` is the raw 32-bit integer, exactly). Used for the profile
 * sketches' coins and the seeded bootstrap; not for anything secret.
 *
 * @example
 * const u = mulberry32(42);
 * u(); // 0.6011037519201636, and the same first value for every run seeded with 42
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
