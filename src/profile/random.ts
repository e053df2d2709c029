import { randomBytes } from 'node:crypto';

/**
 * Each sketch is seeded from the system's random source (`randomSeed`): the error bound of a merged
 * sketch needs the coins of its parts to be independent — shards profiled with one fixed seed would
 * draw the same coins, and their errors could add up instead of averaging out. The generator itself
 * (mulberry32) lives in src/stats/random.ts, shared with the seeded bootstrap.
 */
export { mulberry32 } from '../stats/random.js';

export function randomSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}
