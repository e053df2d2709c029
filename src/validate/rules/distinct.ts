/**
 * `unique` and `distinct-count-between`. As in Great Expectations' expect_column_values_to_be_unique,
 * every row whose value occurs more than once fails (not only the repeats); missing cells are not
 * checked. A categorical column answers from its dictionary counts; a numerical column from the
 * readers' exact count when it has few values, else from a hash table of its values
 * (number-counts.ts: about 12 to 24 bytes per row, freed after the rule).
 */
import { NUMERIC_DISTINCT_CAP, type CategoricalColumn, type Column, type NumericColumn } from '../../data/types.js';
import { MAX_SAMPLES, type Outcome, type Range, type Sample } from '../types.js';
import { formatNumber } from '../../report/format.js';
import { describeRange } from '../describe.js';
import { NumberCounts } from './number-counts.js';
import { plainOutcome, rowOutcome, sample } from './outcome.js';
import { inRange } from './values.js';

export function checkUnique(c: Column, mostly: number): Outcome {
  return c.kind === 'numeric' ? uniqueNumeric(c, mostly) : uniqueCategorical(c, mostly);
}

export function checkDistinctCount(c: Column, r: Range): Outcome {
  const n = c.kind === 'numeric' ? numericDistinct(c) : c.distinct;
  const ok = inRange(n, r);
  return plainOutcome(ok, `${formatNumber(n)} distinct values${ok ? '' : `, expected ${describeRange(r)}`}`);
}

function uniqueCategorical(c: CategoricalColumn, mostly: number): Outcome {
  let failing = 0;
  for (let k = 0; k < c.counts.length; k++) if (c.counts[k] > 1) failing += c.counts[k];
  const samples: Sample[] = [];
  for (let i = 0; i < c.codes.length && samples.length < Math.min(failing, MAX_SAMPLES); i++) {
    const k = c.codes[i];
    if (k >= 0 && c.counts[k] > 1) samples.push(sample(i, c.dictionary[k]));
  }
  return rowOutcome(failing, c.codes.length - c.missing, mostly, samples);
}

function uniqueNumeric(c: NumericColumn, mostly: number): Outcome {
  const counts = new NumberCounts(c.values);
  let failing = 0;
  const samples: Sample[] = [];
  const values = c.values;
  if (counts.distinct < values.length - c.missing) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v && counts.count(v) > 1 && failing++ < MAX_SAMPLES) samples.push(sample(i, String(v)));
    }
  }
  return rowOutcome(failing, values.length - c.missing, mostly, samples);
}

/** Exact distinct count: the reader's when within its cap, else counted. */
function numericDistinct(c: NumericColumn): number {
  return c.distinct <= NUMERIC_DISTINCT_CAP ? c.distinct : new NumberCounts(c.values).distinct;
}
