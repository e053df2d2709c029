/**
 * A True/False column as pandas reads it: `pandas.read_csv` makes a column of `True`/`False`
 * (any of true/True/TRUE, false/False/FALSE) with missing cells a boolean column, and numbers
 * see True as 1 and False as 0 (`mean`, comparisons, `unique`). The data readers keep such a
 * column as text (`CategoricalColumn.boolean`); the numerical rules read it through this view.
 */
import type { CategoricalColumn, NumericColumn } from '../../data/types.js';
import type { Outcome } from '../types.js';

/** The 1/0 view of a boolean column (NaN where missing). */
export function booleanAsNumbers(c: CategoricalColumn): NumericColumn {
  const byCode = c.dictionary.map((t) => (t.toLowerCase() === 'true' ? 1 : 0));
  const values = new Float64Array(c.codes.length);
  for (let i = 0; i < values.length; i++) values[i] = c.codes[i] < 0 ? NaN : byCode[c.codes[i]];
  return {
    kind: 'numeric',
    name: c.name,
    values,
    missing: c.missing,
    integerLike: true,
    distinct: new Set(byCode).size,
  };
}

/** Samples of an outcome computed on the view, shown with the cells' own text (`True`, not `1`). */
export function withCellText(o: Outcome, c: CategoricalColumn): Outcome {
  // A sample's row is the 1-based data row: index row - 1.
  return { ...o, samples: o.samples.map((s) => ({ ...s, value: c.dictionary[c.codes[s.row - 1]] ?? s.value })) };
}
