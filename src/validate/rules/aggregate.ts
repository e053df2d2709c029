/**
 * Column rules on the whole column rather than row by row (no `mostly`): `mean-between` (mean of
 * the non-missing values, as Great Expectations' expect_column_mean_to_be_between; check.ts hands
 * it a True/False column as 1/0, as pandas reads it) and
 * `max-missing-share` (missing cells / all rows, TFDV's presence `min_fraction` turned around).
 */
import type { Column } from '../../data/types.js';
import { formatNumber } from '../../report/format.js';
import { describeRange } from '../describe.js';
import type { Outcome, Range } from '../types.js';
import { percent, plainOutcome } from './outcome.js';
import { inRange } from './values.js';

export function checkMean(c: Column, r: Range): Outcome {
  if (c.kind !== 'numeric') {
    const text = c.dictionary.find((t) => Number.isNaN(Number(t))) ?? c.dictionary[0];
    return plainOutcome(false, `the column is not numerical (it holds text such as "${text}")`);
  }
  let sum = 0,
    n = 0;
  const values = c.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  if (n === 0) return plainOutcome(false, 'no value to average: every cell is missing');
  const mean = sum / n;
  const ok = inRange(mean, r);
  return plainOutcome(ok, `mean ${formatNumber(mean)}${ok ? '' : `, expected ${describeRange(r)}`}`);
}

export function checkMissingShare(c: Column, rows: number, share: number): Outcome {
  const observed = rows === 0 ? 0 : c.missing / rows;
  const ok = observed <= share;
  return {
    passed: ok,
    failing: c.missing,
    checked: rows,
    message:
      `${c.missing} of ${rows} rows missing (${percent(c.missing, rows)})` +
      (ok ? '' : `, at most ${formatNumber(share * 100)} % allowed`),
    samples: [],
  };
}
