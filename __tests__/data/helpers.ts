import { fileURLToPath } from 'node:url';
import type { CategoricalColumn, Column, NumericColumn, Table } from '../../src/data/types.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/data/${name}`, import.meta.url));

export function col(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${t.columns.map((x) => x.name).join(',')}`);
  return c;
}

export function num(t: Table, name: string): NumericColumn {
  const c = col(t, name);
  if (c.kind !== 'numeric') throw new Error(`${name} is ${c.kind}`);
  return c;
}

export function cat(t: Table, name: string): CategoricalColumn {
  const c = col(t, name);
  if (c.kind !== 'categorical') throw new Error(`${name} is ${c.kind}`);
  return c;
}

/** Cell texts of a categorical column, null for missing. */
export const texts = (c: CategoricalColumn): (string | null)[] =>
  Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
