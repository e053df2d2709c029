/**
 * `not-null`: every row is checked (the one rule whose `mostly` counts all rows, as in Great
 * Expectations' expect_column_values_to_not_be_null); a missing cell is one of the readers'
 * MISSING_TOKENS (empty, NA, NaN, nan, null, None), a JSON null or absent key, or a Parquet null.
 */
import type { Column } from '../../data/types.js';
import { MAX_SAMPLES, type Outcome, type Sample } from '../types.js';
import { rowOutcome, sample } from './outcome.js';

export function checkNotNull(c: Column, mostly: number): Outcome {
  const samples: Sample[] = [];
  const n = c.kind === 'numeric' ? c.values.length : c.codes.length;
  for (let i = 0; i < n && samples.length < Math.min(c.missing, MAX_SAMPLES); i++) {
    const missing = c.kind === 'numeric' ? c.values[i] !== c.values[i] : c.codes[i] < 0;
    if (missing) samples.push(sample(i, '(missing)'));
  }
  return rowOutcome(c.missing, n, mostly, samples, 'rows');
}
