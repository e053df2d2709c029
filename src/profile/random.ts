import { randomBytes } from 'node:crypto';

/**
 * mulberry32 (Tommy Ettinger, 2017): a small, fast 32-bit PRNG for the sketches' coins. Each
 * sketch is seeded from the system's random source (`randomSeed`): the error bound of a merged
 * sketch needs the coins of its parts to be independent — shards profiled with one fixed seed
 * would draw the same coins, and their errors could add up instead of averaging out.
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

export function randomSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}
