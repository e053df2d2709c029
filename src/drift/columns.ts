import type { Column, Table } from '../data/types.js';
import { UserError } from '../errors.js';
import type { ColumnKind } from './samples.js';

/** A column both files hold, with the kind it is compared as. */
export interface PlannedColumn {
  name: string;
  kind: ColumnKind;
  /** How the kind was decided. */
  kindFrom: 'input' | 'inferred';
  ref: Column;
  cur: Column;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Columns on one side only, skipped because `columns` did not name them. */
  skipped: { name: string; onlyIn: string }[];
}

export interface ColumnChoice {
  columns: string[];
  excludeColumns: string[];
  categoricalColumns: string[];
  numericalColumns: string[];
}

/** Integers with at most this many distinct values in the reference are categories (codes, ratings). */
export const MAX_CODE_VALUES = 5;

/**
 * Chooses the columns to compare and their kinds. By default every column both files hold, minus
 * `exclude-columns`; a column named in `columns` (or in a kind list) that a file lacks is an error.
 * Inference, from the reference: numbers are numerical, except integers with at most 5 distinct
 * values; booleans and strings are categorical.
 */
export function planColumns(ref: Table, cur: Table, choice: ColumnChoice): ColumnPlan {
  const refBy = new Map(ref.columns.map((c) => [c.name, c]));
  const curBy = new Map(cur.columns.map((c) => [c.name, c]));
  const requireBoth = (name: string, why: string) => {
    const missing = [refBy.has(name) ? undefined : ref.file, curBy.has(name) ? undefined : cur.file].filter(Boolean);
    if (missing.length > 0)
      throw new UserError(`column '${name}' (${why}) is not in ${missing.join(' nor ')}`, missing[0]);
  };
  for (const name of choice.columns) requireBoth(name, "named in 'columns'");
  for (const name of choice.categoricalColumns) requireBoth(name, "named in 'categorical-columns'");
  for (const name of choice.numericalColumns) requireBoth(name, "named in 'numerical-columns'");

  const skipped: ColumnPlan['skipped'] = [];
  let names: string[];
  if (choice.columns.length > 0) {
    names = choice.columns;
  } else {
    names = ref.columns.map((c) => c.name).filter((n) => curBy.has(n));
    for (const c of ref.columns) if (!curBy.has(c.name)) skipped.push({ name: c.name, onlyIn: ref.file });
    for (const c of cur.columns) if (!refBy.has(c.name)) skipped.push({ name: c.name, onlyIn: cur.file });
  }
  const excluded = new Set(choice.excludeColumns);
  names = names.filter((n) => !excluded.has(n));
  const kept = skipped.filter((s) => !excluded.has(s.name));
  if (names.length === 0) {
    throw new UserError(
      choice.columns.length > 0 || excluded.size > 0
        ? 'no column left to compare after columns/exclude-columns'
        : `${ref.file} and ${cur.file} share no column`,
      ref.file,
    );
  }

  const columns = names.map((name): PlannedColumn => {
    const r = refBy.get(name) as Column;
    const c = curBy.get(name) as Column;
    for (const [col, table] of [
      [r, ref],
      [c, cur],
    ] as const) {
      if (table.rowCount - col.missing === 0) throw new UserError(`column '${name}' is entirely missing`, table.file);
    }
    if (choice.categoricalColumns.includes(name))
      return { name, kind: 'categorical', kindFrom: 'input', ref: r, cur: c };
    if (choice.numericalColumns.includes(name)) return { name, kind: 'numerical', kindFrom: 'input', ref: r, cur: c };
    return { name, kind: inferKind(r), kindFrom: 'inferred', ref: r, cur: c };
  });
  return { columns, skipped: kept };
}

export function inferKind(column: Column): ColumnKind {
  if (column.kind === 'categorical') return 'categorical';
  return column.integerLike && column.distinct <= MAX_CODE_VALUES ? 'categorical' : 'numerical';
}
