import type { ColumnChoice } from '../drift/columns.js';
import { MAX_CODE_VALUES } from '../drift/columns.js';
import type { ColumnKind } from '../drift/samples.js';
import { UserError } from '../errors.js';
import type { ColumnSummary, Profile } from './profile.js';

/** A column both profiles hold, with the kind it is compared as. */
export interface PlannedProfileColumn {
  name: string;
  kind: ColumnKind;
  kindFrom: 'input' | 'inferred';
  ref: ColumnSummary;
  cur: ColumnSummary;
}

export interface ProfilePlan {
  columns: PlannedProfileColumn[];
  skipped: { name: string; onlyIn: string }[];
}

/**
 * planColumns (src/drift/columns.ts) for profiles: the same choice of columns, errors and kind
 * inference (numbers are numerical, except integers with at most 5 distinct values; text is
 * categorical), read from the summaries.
 */
export function planProfileColumns(
  ref: Profile,
  refLabel: string,
  cur: Profile,
  curLabel: string,
  choice: ColumnChoice,
): ProfilePlan {
  const requireBoth = (name: string, why: string) => {
    const missing = [ref.columns.has(name) ? undefined : refLabel, cur.columns.has(name) ? undefined : curLabel].filter(
      Boolean,
    );
    if (missing.length > 0)
      throw new UserError(`column '${name}' (${why}) is not in ${missing.join(' nor ')}`, missing[0]);
  };
  for (const name of choice.columns) requireBoth(name, "named in 'columns'");
  for (const name of choice.categoricalColumns) requireBoth(name, "named in 'categorical-columns'");
  for (const name of choice.numericalColumns) requireBoth(name, "named in 'numerical-columns'");

  const skipped: ProfilePlan['skipped'] = [];
  let names: string[];
  if (choice.columns.length > 0) names = choice.columns;
  else {
    names = [...ref.columns.keys()].filter((n) => cur.columns.has(n));
    for (const n of ref.columns.keys()) if (!cur.columns.has(n)) skipped.push({ name: n, onlyIn: refLabel });
    for (const n of cur.columns.keys()) if (!ref.columns.has(n)) skipped.push({ name: n, onlyIn: curLabel });
  }
  const excluded = new Set(choice.excludeColumns);
  names = names.filter((n) => !excluded.has(n));
  if (names.length === 0) {
    throw new UserError(
      choice.columns.length > 0 || excluded.size > 0
        ? 'no column left to compare after columns/exclude-columns'
        : `${refLabel} and ${curLabel} share no column`,
      refLabel,
    );
  }
  const columns = names.map((name): PlannedProfileColumn => {
    const r = ref.columns.get(name) as ColumnSummary;
    const c = cur.columns.get(name) as ColumnSummary;
    for (const [col, label] of [
      [r, refLabel],
      [c, curLabel],
    ] as const) {
      if (col.count === 0) throw new UserError(`column '${name}' is entirely missing`, label);
    }
    if (choice.categoricalColumns.includes(name))
      return { name, kind: 'categorical', kindFrom: 'input', ref: r, cur: c };
    if (choice.numericalColumns.includes(name)) return { name, kind: 'numerical', kindFrom: 'input', ref: r, cur: c };
    return { name, kind: inferProfileKind(r), kindFrom: 'inferred', ref: r, cur: c };
  });
  return { columns, skipped: skipped.filter((s) => !excluded.has(s.name)) };
}

export function inferProfileKind(s: ColumnSummary): ColumnKind {
  if (s.kind === 'categorical') return 'categorical';
  return s.integerLike && s.values !== null && s.values.size <= MAX_CODE_VALUES ? 'categorical' : 'numerical';
}
