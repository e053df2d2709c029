/**
 * The one column planner, for tables and for profiles alike: which columns are compared, and as
 * which kind. Each side is read through a PlanSide (tableSide, profileSide).
 */
import type { Column, Table } from '../data/types.js';
import { UserError } from '../errors.js';
import type { ColumnSummary, Profile } from '../profile/profile.js';
import type { ColumnKind } from './method.js';

/** The inputs that choose the columns and their kinds (names as the inputs: `numerical-columns`). */
export interface ColumnChoice {
  columns: string[];
  excludeColumns: string[];
  categoricalColumns: string[];
  numericalColumns: string[];
}

/** A column both sides hold, with the kind it is compared as. */
export interface PlannedColumn<C> {
  name: string;
  kind: ColumnKind;
  /** How the kind was decided. */
  kindFrom: 'input' | 'inferred';
  ref: C;
  cur: C;
}

export interface ColumnPlan<C> {
  columns: PlannedColumn<C>[];
  /** Columns on one side only, skipped because `columns` did not name them. */
  skipped: { name: string; onlyIn: string }[];
}

/** One side as the planner reads it. */
export interface PlanSide<C> {
  /** The file (or profiles) named in messages. */
  label: string;
  /** Column names in file order. */
  names: readonly string[];
  get(name: string): C | undefined;
  /** Non-missing values of a column. */
  present(column: C): number;
  /** What kind inference reads of a column. */
  traits(column: C): KindTraits;
}

/** What kind inference reads of a reference column. */
export interface KindTraits {
  text: boolean;
  integerLike: boolean;
  /** Distinct values, exact up to 20 (more: any larger number). */
  distinct: number;
}

/** Integers with at most this many distinct values in the reference are categories (codes, ratings). */
export const MAX_CODE_VALUES = 5;

/** A table read whole. */
export function tableSide(table: Table): PlanSide<Column> {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  return {
    label: table.file,
    names: table.columns.map((c) => c.name),
    get: (name) => byName.get(name),
    present: (c) => table.rowCount - c.missing,
    traits: (c) => ({
      text: c.kind === 'categorical',
      integerLike: c.kind === 'numeric' && c.integerLike,
      distinct: c.distinct,
    }),
  };
}

/** A profile (read, built from data, or merged from shards), named `label` in messages. */
export function profileSide(profile: Profile, label: string): PlanSide<ColumnSummary> {
  return {
    label,
    names: [...profile.columns.keys()],
    get: (name) => profile.columns.get(name),
    present: (s) => s.count,
    traits: (s) => ({
      text: s.kind === 'categorical',
      integerLike: s.kind === 'numeric' && s.integerLike,
      distinct: s.kind === 'numeric' && s.values !== null ? s.values.size : Infinity,
    }),
  };
}

/**
 * Inference, from the reference: text is categorical; numbers are numeric, except integers with
 * at most 5 distinct values (codes, ratings), which are categorical.
 */
export function inferKind(t: KindTraits): ColumnKind {
  if (t.text) return 'categorical';
  return t.integerLike && t.distinct <= MAX_CODE_VALUES ? 'categorical' : 'numeric';
}

/**
 * Chooses the columns to compare and their kinds. By default every column both sides hold, minus
 * `exclude-columns`; a column named in `columns` (or in a kind list) that a side lacks is an
 * error, and so is a compared column with no value on a side. Kinds: `categorical-columns`,
 * `numerical-columns`, else inferred from the reference (inferKind).
 */
export function planColumns<C>(ref: PlanSide<C>, cur: PlanSide<C>, choice: ColumnChoice): ColumnPlan<C> {
  const requireBoth = (name: string, why: string) => {
    const missing = [ref.get(name) ? undefined : ref.label, cur.get(name) ? undefined : cur.label].filter(Boolean);
    if (missing.length > 0)
      throw new UserError(`column '${name}' (${why}) is not in ${missing.join(' nor ')}`, missing[0]);
  };
  for (const name of choice.columns) requireBoth(name, "named in 'columns'");
  for (const name of choice.categoricalColumns) requireBoth(name, "named in 'categorical-columns'");
  for (const name of choice.numericalColumns) requireBoth(name, "named in 'numerical-columns'");

  const skipped: ColumnPlan<C>['skipped'] = [];
  let names: readonly string[];
  if (choice.columns.length > 0) {
    names = choice.columns;
  } else {
    names = ref.names.filter((n) => cur.get(n));
    for (const n of ref.names) if (!cur.get(n)) skipped.push({ name: n, onlyIn: ref.label });
    for (const n of cur.names) if (!ref.get(n)) skipped.push({ name: n, onlyIn: cur.label });
  }
  const excluded = new Set(choice.excludeColumns);
  names = names.filter((n) => !excluded.has(n));
  if (names.length === 0) {
    throw new UserError(
      choice.columns.length > 0 || excluded.size > 0
        ? 'no column left to compare after columns/exclude-columns'
        : `${ref.label} and ${cur.label} share no column`,
      ref.label,
    );
  }

  const columns = names.map((name): PlannedColumn<C> => {
    const r = ref.get(name) as C;
    const c = cur.get(name) as C;
    for (const [col, side] of [
      [r, ref],
      [c, cur],
    ] as const) {
      if (side.present(col) === 0) throw new UserError(`column '${name}' is entirely missing`, side.label);
    }
    if (choice.categoricalColumns.includes(name))
      return { name, kind: 'categorical', kindFrom: 'input', ref: r, cur: c };
    if (choice.numericalColumns.includes(name)) return { name, kind: 'numeric', kindFrom: 'input', ref: r, cur: c };
    return { name, kind: inferKind(ref.traits(r)), kindFrom: 'inferred', ref: r, cur: c };
  });
  return { columns, skipped: skipped.filter((s) => !excluded.has(s.name)) };
}
