/**
 * `infer-expectations`: writes an expectations file from the data, as a starting point the user
 * reviews, edits and commits — as TensorFlow Data Validation's `infer_schema` does (types, value
 * domains, presence). What is inferred, per column:
 * - `type`: `integer`/`number` for numerical columns; for text columns `boolean` or `date` when
 *   every value is one (rules/type.ts), `string` when no value reads as a number;
 * - `not-null: true` when no cell is missing, else `max-missing-share`: twice the largest observed
 *   share, at least 0.01 (so a little more missing data next time does not fail at once), and no
 *   presence rule when that reaches 1 (a rule allowing every cell to be missing cannot fail);
 * - `between` for numerical columns: the observed range widened by RANGE_MARGIN (10 %) of its
 *   width on each side (10 % of |value|, or 1, for a constant column), rounded outward to the
 *   power of ten below that margin; integer columns get integer bounds, and a lower bound stays
 *   ≥ 0 when no negative value was seen (counts, prices);
 * - `in-set` for text columns with at most MAX_SET_SIZE distinct values (not booleans);
 * - `unique: true` for integer and text columns whose values are all distinct (ids), read from
 *   one file with at least MIN_UNIQUE_ROWS values (a handful of distinct values says little);
 * and for the table `row-count: { min: 1 }` and `columns: { exactly: [...] }` (`at-least` with
 * the columns common to all files when several files disagree). With several data files, ranges,
 * value sets and missing shares cover all of them, so the inferred file validates every one.
 */
import { writeTextFile } from '../files/write-text.js';
import { parseCellNumber } from '../data/number.js';
import type { Column, Table } from '../data/types.js';
import { isBooleanText } from '../data/boolean.js';
import { isIsoDate } from './rules/type.js';
import type { ValueType } from './types.js';

export const RANGE_MARGIN = 0.1;
export const MAX_SET_SIZE = 20;
const MIN_MISSING_SHARE = 0.01;
export const MIN_UNIQUE_ROWS = 20;

interface Profile {
  name: string;
  type: ValueType | undefined;
  min: number;
  max: number;
  numeric: boolean;
  /** Largest share of missing cells in one file. */
  missingShare: number;
  /** Distinct texts of a low-cardinality text column; null when more, or not text. */
  values: Set<string> | null;
  unique: boolean;
}

/** Infers the expectations of `tables` and writes them to `out`; returns the YAML text. */
export async function inferExpectations(tables: Table[], out: string): Promise<string> {
  const text = renderExpectations(tables);
  await writeTextFile(out, text, { what: 'infer-expectations', cwd: process.cwd() });
  return text;
}

export function renderExpectations(tables: Table[]): string {
  const perFile = tables.map((t) => new Map(t.columns.map((c) => [c.name, profile(c, t.rowCount)])));
  const names = tables[0].columns.map((c) => c.name).filter((n) => perFile.every((m) => m.has(n)));
  const same = tables.every((t) => t.columns.length === names.length);
  const lines = [
    `# Data expectations inferred by ml-quality-gate from ${tables.map((t) => t.file).join(', ')}`,
    `# (${tables.map((t) => t.rowCount).join(' + ')} rows). A starting point: review, edit and commit it.`,
    `# Ranges are the observed ones widened by ${RANGE_MARGIN * 100} % of their width on each side; missing shares`,
    `# are twice the observed share (at least ${MIN_MISSING_SHARE}); value sets list every value seen.`,
    'table:',
    '  row-count: { min: 1 }',
    `  columns: { ${same ? 'exactly' : 'at-least'}: ${flowList(names)} }`,
    'columns:',
  ];
  for (const name of names) {
    const p = perFile.map((m) => m.get(name)!).reduce(merge);
    lines.push(`  ${quote(name)}:`);
    if (p.type) lines.push(`    type: ${p.type}`);
    const share = Math.max(MIN_MISSING_SHARE, ceilTo(2 * p.missingShare, 3));
    if (p.missingShare === 0) lines.push('    not-null: true');
    else if (share < 1) lines.push(`    max-missing-share: ${share}`);
    if (p.numeric && p.min <= p.max) {
      const [lo, hi] = widen(p.min, p.max, p.type === 'integer');
      lines.push(`    between: { min: ${lo}, max: ${hi} }`);
    }
    if (p.values && p.type !== 'boolean' && p.values.size > 0)
      lines.push(`    in-set: ${flowList([...p.values].sort())}`);
    if (p.unique && tables.length === 1) lines.push('    unique: true');
    if (lines.at(-1) === `  ${quote(name)}:`) lines.push('    exists: true');
  }
  return lines.join('\n') + '\n';
}

function profile(c: Column, rows: number): Profile {
  const base = { name: c.name, missingShare: rows === 0 ? 0 : c.missing / rows };
  if (c.kind === 'numeric') {
    let min = Infinity,
      max = -Infinity;
    const values = c.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    const present = rows - c.missing;
    const unique = c.integerLike && present >= MIN_UNIQUE_ROWS && allDistinct(c.values);
    return {
      ...base,
      type: present === 0 ? undefined : c.integerLike ? 'integer' : 'number',
      min,
      max,
      numeric: present > 0,
      values: null,
      unique,
    };
  }
  const d = c.dictionary;
  const nums = d.map(parseCellNumber);
  let type: ValueType | undefined;
  if (d.length === 0) type = undefined;
  else if (d.every(isBooleanText)) type = 'boolean';
  else if (d.every(isIsoDate)) type = 'date';
  else if (nums.every((v) => v !== v)) type = 'string';
  const unique = c.distinct === rows - c.missing && c.distinct >= MIN_UNIQUE_ROWS;
  return {
    ...base,
    type,
    min: Infinity,
    max: -Infinity,
    numeric: false,
    values: d.length <= MAX_SET_SIZE ? new Set(d) : null,
    unique,
  };
}

function merge(a: Profile, b: Profile): Profile {
  const type =
    a.type === b.type
      ? a.type
      : new Set([a.type, b.type]).size === 2 && [a.type, b.type].every((t) => t === 'integer' || t === 'number')
        ? 'number'
        : undefined;
  const values = a.values && b.values ? new Set([...a.values, ...b.values]) : null;
  return {
    name: a.name,
    type,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    numeric: a.numeric && b.numeric,
    missingShare: Math.max(a.missingShare, b.missingShare),
    values: values && values.size <= MAX_SET_SIZE ? values : null,
    unique: false,
  };
}

/** Stops at the first repeat, so a column that is not unique costs a few rows. */
function allDistinct(values: Float64Array): boolean {
  const seen = new Set<number>();
  for (const v of values) {
    if (v !== v) continue;
    if (seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

export function widen(min: number, max: number, integer: boolean): [number, number] {
  const width = max - min;
  const pad = width > 0 ? width * RANGE_MARGIN : Math.abs(min) > 0 ? Math.abs(min) * RANGE_MARGIN : 1;
  const unit = 10 ** Math.floor(Math.log10(pad));
  let lo = clean(Math.floor((min - pad) / unit) * unit);
  let hi = clean(Math.ceil((max + pad) / unit) * unit);
  if (integer) {
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
  }
  if (min >= 0 && lo < 0) lo = 0;
  return [lo, hi];
}

/** Drops binary noise (0.30000000000000004 → 0.3); far below the margin. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function ceilTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.ceil(x * f - 1e-9) / f;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

/** A YAML scalar for a name or value: plain when unambiguous, else a double-quoted JSON string (valid YAML). */
export function quote(s: string): string {
  return PLAIN.test(s) && !RESERVED.has(s.toLowerCase()) ? s : JSON.stringify(s);
}

function flowList(items: string[]): string {
  return `[${items.map(quote).join(', ')}]`;
}
