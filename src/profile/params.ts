import { CATEGORY_CAP } from './heavy-hitters.js';
import { HLL_DEFAULT_P } from './hll.js';
import { KLL_DEFAULT_K } from './kll.js';
import { NUMERIC_DISTINCT_CAP } from '../data/types.js';

/** Sketch sizes of a profile. Profiles merge and compare only with equal parameters. */
export interface ProfileParams {
  kllK: number;
  hllP: number;
  categoryCap: number;
  /** Numeric columns keep exact value counts up to this many distinct values. */
  numericDistinctCap: number;
}

export const DEFAULT_PARAMS: Readonly<ProfileParams> = {
  kllK: KLL_DEFAULT_K,
  hllP: HLL_DEFAULT_P,
  categoryCap: CATEGORY_CAP,
  numericDistinctCap: NUMERIC_DISTINCT_CAP,
};

export function sameParams(a: ProfileParams, b: ProfileParams): boolean {
  return (
    a.kllK === b.kllK &&
    a.hllP === b.hllP &&
    a.categoryCap === b.categoryCap &&
    a.numericDistinctCap === b.numericDistinctCap
  );
}
