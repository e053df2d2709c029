import type { Column } from '../data/types.js';
import { UserError } from '../errors.js';
import { sortFloat64 } from '../stats/sort.js';

export type ColumnKind = 'numerical' | 'categorical';

/** One side of a numerical comparison: missing values dropped, sorted once. */
export interface NumericSample {
  kind: 'numerical';
  sorted: Float64Array;
  /** Rows in the file, missing included. */
  rows: number;
  missing: number;
}

/** One side of a categorical comparison: counts per category label. */
export interface CategoricalSample {
  kind: 'categorical';
  counts: Map<string, number>;
  rows: number;
  missing: number;
}

export type Sample = NumericSample | CategoricalSample;

/**
 * A column as the tests need it. A categorical column asked to be numerical must hold numbers
 * only (else a UserError naming the column and a bad value); a numerical column asked to be
 * categorical uses each value's decimal text as its label.
 */
export function toSample(column: Column, kind: ColumnKind, rows: number, file: string): Sample {
  if (kind === 'numerical') {
    if (column.kind === 'numeric') {
      const sorted = column.sorted ? column.values : sortFloat64(withoutNaN(column.values, rows));
      return { kind, sorted, rows, missing: column.missing };
    }
    const numbers = column.dictionary.map(Number);
    const bad = column.dictionary.findIndex((t, k) => !Number.isFinite(numbers[k]) || t.trim() === '');
    if (bad >= 0) {
      throw new UserError(`column '${column.name}' is listed as numerical but holds '${column.dictionary[bad]}'`, file);
    }
    const values = new Float64Array(rows - column.missing);
    for (let i = 0, j = 0; i < rows; i++) if (column.codes[i] >= 0) values[j++] = numbers[column.codes[i]];
    return { kind, sorted: sortFloat64(values), rows, missing: column.missing };
  }
  const counts = new Map<string, number>();
  if (column.kind === 'categorical') {
    column.dictionary.forEach((label, k) => {
      if (column.counts[k] > 0) counts.set(label, (counts.get(label) ?? 0) + column.counts[k]);
    });
  } else {
    for (const v of column.values) if (!Number.isNaN(v)) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  return { kind, counts, rows, missing: column.missing };
}

function withoutNaN(values: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  let j = 0;
  for (let i = 0; i < rows; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out.subarray(0, j);
}

/** Number of non-missing values. */
export function present(s: Sample): number {
  return s.rows - s.missing;
}
