/**
 * Loads an expectations file: YAML with a `table` block and a `columns` block, one rule per key,
 * each remembering its line so that failures are annotated where the user edits them.
 *
 *   table:
 *     row-count: { min: 1000, max: 2000000 }     # min defaults to 1: an empty dataset never passes
 *     columns: { at-least: [age, country] }      # or { exactly: [...] }
 *     no-duplicate-rows: true                    # or { mostly: 0.999 }
 *   columns:
 *     age:
 *       type: integer                            # or { is: integer, mostly: 0.99 }
 *       not-null: true                           # or { mostly: 0.95 }
 *       between: { min: 0, max: 120, mostly: 0.99 }  # strict: true, or strict-min / strict-max, excludes bounds
 *     country:
 *       in-set: [FR, DE, US]                     # or { values: [...], mostly: 0.9 }
 *       regex: "^[A-Z]{2}$"                      # or { pattern: "...", mostly: 0.9 }
 *       unique: true                             # or { mostly: 0.99 }
 *       max-missing-share: 0.05
 *       distinct-count-between: { min: 2, max: 300 }
 *     income:
 *       mean-between: { min: 20000, max: 80000 }
 *     ssn:
 *       exists: false                            # the column must be absent
 *
 * Unknown rules, unknown argument keys and bad values are UserErrors at the rule's line, and so are
 * rules that cannot hold (max below min, an empty strict range) or cannot fail (`mostly: 0`,
 * `max-missing-share: 1`, `row-count: { min: 0 }`, a pattern that matches every value): a
 * quality gate must never pass because of how a rule was written.
 */
import { readTextFile } from '../files/read-text.js';
import { UserError } from '../errors.js';
import { parseConfig } from '../tree/config.js';
import { toPlain } from '../tree/tree.js';
import { bounds, describe, describeRange } from './describe.js';
import { matchesEverything, patternProblem } from './pattern.js';
import {
  VALUE_TYPES,
  type ColumnRule,
  type Range,
  type Expectation,
  type Expectations,
  type TableRule,
  type ValueType,
} from './types.js';

const TABLE_RULES = ['row-count', 'columns', 'no-duplicate-rows'] as const;
const COLUMN_RULES = [
  'exists',
  'type',
  'not-null',
  'between',
  'in-set',
  'regex',
  'unique',
  'max-missing-share',
  'mean-between',
  'distinct-count-between',
] as const;

type Fail = (message: string) => never;

export async function loadExpectations(file: string): Promise<Expectations> {
  return parseExpectations(await readTextFile(file, { what: 'expectations file' }), file);
}

export async function parseExpectations(text: string, file: string): Promise<Expectations> {
  const root = await parseConfig(text, {
    file,
    label: file,
    expected: 'a mapping with `table:` and/or `columns:` blocks of rules',
  });
  const error = (line: number, message: string) => new UserError(`${message}`, file, line);
  const failAt =
    (line: number): Fail =>
    (message) => {
      throw error(line, message);
    };
  const rules: Expectation[] = [];
  for (const { key, line: keyLine, value } of root.entries) {
    if (key === 'table') {
      if (value.kind !== 'object')
        throw error(keyLine, '`table` must be a mapping of table rules (row-count, columns, no-duplicate-rows)');
      for (const { key: name, line, value: arg } of value.entries) {
        const rule = parseTableRule(name, toPlain(arg), failAt(line));
        rules.push({ ...rule, column: null, line, text: describe(rule) });
      }
    } else if (key === 'columns') {
      if (value.kind !== 'object') throw error(keyLine, '`columns` must map column names to their rules');
      for (const { key: column, line: colLine, value: colRules } of value.entries) {
        if (colRules.kind !== 'object' || colRules.entries.length === 0) {
          throw error(colLine, `column '${column}': expected a mapping of rules, e.g. not-null: true`);
        }
        for (const { key: name, line, value: arg } of colRules.entries) {
          const fail = failAt(line);
          const rule = parseColumnRule(name, toPlain(arg), (m) => fail(`column '${column}': ${m}`));
          rules.push({ ...rule, column, line, text: describe(rule) });
        }
      }
    } else {
      failAt(keyLine)(`unknown block '${key}'; expected 'table' or 'columns'`);
    }
  }
  if (rules.length === 0) failAt(root.line)('no rule given');
  return { file, rules };
}

function parseTableRule(name: string, arg: unknown, fail: Fail): TableRule {
  switch (name) {
    case 'row-count': {
      const o = mapping(arg, name, ['min', 'max'], fail);
      const min = optionalNumber(o, 'min', name, fail, true) ?? 1;
      const max = optionalNumber(o, 'max', name, fail, true);
      if (min < 0) fail(`row-count: min must not be negative, got ${min}`);
      if (max !== undefined && max < min) fail(`row-count: max (${max}) is below min (${min})`);
      if (min === 0 && max === undefined)
        fail('row-count: min 0 with no max cannot fail (every table has at least 0 rows); set max, or min ≥ 1');
      return { rule: name, min, max };
    }
    case 'columns': {
      const o = mapping(arg, name, ['exactly', 'at-least'], fail);
      const modes = (['exactly', 'at-least'] as const).filter((m) => m in o);
      if (modes.length !== 1) fail('columns: give exactly one of `exactly: [...]` or `at-least: [...]`');
      const names = o[modes[0]];
      if (!Array.isArray(names) || names.length === 0 || !names.every(isScalarValue))
        fail(`columns: ${modes[0]} must be a non-empty list of column names`);
      return { rule: name, mode: modes[0], names: (names as unknown[]).map(String) };
    }
    case 'no-duplicate-rows':
      return { rule: name, mostly: flagOrMostly(arg, name, fail) };
    default:
      return fail(`unknown table rule '${name}'; expected one of ${TABLE_RULES.join(', ')}`);
  }
}

function parseColumnRule(name: string, arg: unknown, fail: Fail): ColumnRule {
  switch (name) {
    case 'exists':
      if (typeof arg !== 'boolean') fail('exists: expected true or false');
      return { rule: name, present: arg as boolean };
    case 'type': {
      const o = isMapping(arg) ? mapping(arg, name, ['is', 'mostly'], fail) : { is: arg };
      const type = o.is;
      if (!VALUE_TYPES.includes(type as ValueType))
        fail(`type: expected one of ${VALUE_TYPES.join(', ')}, got '${String(type)}'`);
      return { rule: name, type: type as ValueType, mostly: mostlyOf(o, name, fail) };
    }
    case 'not-null':
    case 'unique':
      return { rule: name, mostly: flagOrMostly(arg, name, fail) };
    case 'between': {
      const o = mapping(arg, name, [...RANGE_KEYS, 'mostly'], fail);
      return { rule: name, ...range(o, name, fail), mostly: mostlyOf(o, name, fail) };
    }
    case 'in-set': {
      const o = isMapping(arg) ? mapping(arg, name, ['values', 'mostly'], fail) : { values: arg };
      const values = o.values;
      if (!Array.isArray(values) || values.length === 0 || !values.every(isScalarValue)) {
        fail('in-set: expected a non-empty list of values, e.g. in-set: [a, b], or { values: [a, b], mostly: 0.95 }');
      }
      return { rule: name, values: values as (string | number | boolean)[], mostly: mostlyOf(o, name, fail) };
    }
    case 'regex': {
      const o = isMapping(arg) ? mapping(arg, name, ['pattern', 'mostly'], fail) : { pattern: arg };
      if (typeof o.pattern !== 'string' || o.pattern === '')
        fail('regex: expected a pattern string, e.g. regex: "^[A-Z]{2}$"');
      const pattern = o.pattern as string;
      const problem = patternProblem(pattern);
      if (problem) fail(`regex: ${problem}`);
      if (matchesEverything(pattern))
        fail(
          `regex: /${pattern}/ matches the empty text, so it matches every value and cannot fail; anchor it, e.g. ^…$`,
        );
      return { rule: name, pattern, mostly: mostlyOf(o, name, fail) };
    }
    case 'max-missing-share': {
      if (typeof arg !== 'number' || !(arg >= 0 && arg < 1))
        fail(
          `max-missing-share: expected a share from 0 up to (not including) 1, got '${String(arg)}'` +
            (arg === 1 ? ' (a share of 1 allows every row to be missing: the rule cannot fail)' : ''),
        );
      return { rule: name, share: arg as number };
    }
    case 'mean-between':
      return { rule: name, ...range(mapping(arg, name, RANGE_KEYS, fail), name, fail) };
    case 'distinct-count-between': {
      const r = range(mapping(arg, name, RANGE_KEYS, fail), name, fail, true);
      // Counts are whole numbers from 0: a range no count can reach, or one every count reaches, is refused.
      const lo = r.min === undefined ? 0 : r.strictMin ? r.min + 1 : r.min;
      const hi = r.max === undefined ? Infinity : r.strictMax ? r.max - 1 : r.max;
      if (hi < Math.max(lo, 0)) fail(`${name}: no count is ${bounds(r.min, r.max, r.strictMin, r.strictMax)}`);
      if (lo <= 0 && hi === Infinity) fail(`${name}: every count is ${describeRange(r)}: the rule cannot fail`);
      return { rule: name, ...r };
    }
    default:
      return fail(`unknown rule '${name}'; expected one of ${COLUMN_RULES.join(', ')}`);
  }
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalarValue(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function mapping(arg: unknown, rule: string, keys: string[], fail: Fail): Record<string, unknown> {
  if (!isMapping(arg)) return fail(`${rule}: expected a mapping with ${keys.join(', ')}`);
  for (const k of Object.keys(arg))
    if (!keys.includes(k)) fail(`${rule}: unknown key '${k}'; expected ${keys.join(', ')}`);
  return arg;
}

function optionalNumber(
  o: Record<string, unknown>,
  key: string,
  rule: string,
  fail: Fail,
  integer = false,
): number | undefined {
  if (!(key in o) || o[key] === null) return undefined;
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
    fail(`${rule}: ${key} must be a finite ${integer ? 'integer' : 'number'}, got '${String(v)}'`);
  }
  return v as number;
}

const RANGE_KEYS = ['min', 'max', 'strict', 'strict-min', 'strict-max'];

/**
 * `min`, `max` (finite; at least one), and strictness: `strict: true` for both sides, or
 * `strict-min` / `strict-max` each (Great Expectations' strict_min / strict_max). Refused: max
 * below min, a strict side without its bound, both spellings at once, and a strict range with
 * min = max (no value is in it).
 */
function range(o: Record<string, unknown>, rule: string, fail: Fail, integer = false): Range {
  const min = optionalNumber(o, 'min', rule, fail, integer);
  const max = optionalNumber(o, 'max', rule, fail, integer);
  if (min === undefined && max === undefined) fail(`${rule}: give min, max or both`);
  if (min !== undefined && max !== undefined && max < min) fail(`${rule}: max (${max}) is below min (${min})`);
  for (const k of ['strict', 'strict-min', 'strict-max'])
    if (k in o && typeof o[k] !== 'boolean') fail(`${rule}: ${k} must be true or false, got '${String(o[k])}'`);
  if ('strict' in o && ('strict-min' in o || 'strict-max' in o))
    fail(`${rule}: give strict (both bounds) or strict-min / strict-max, not both`);
  const strictMin = o.strict === true || o['strict-min'] === true;
  const strictMax = o.strict === true || o['strict-max'] === true;
  if (o['strict-min'] === true && min === undefined) fail(`${rule}: strict-min needs min`);
  if (o['strict-max'] === true && max === undefined) fail(`${rule}: strict-max needs max`);
  if (min !== undefined && min === max && (strictMin || strictMax))
    fail(`${rule}: no value is ${bounds(min, max, strictMin, strictMax)}: the rule cannot hold`);
  return {
    min,
    max,
    strictMin: strictMin && min !== undefined,
    strictMax: strictMax && max !== undefined,
  };
}

/** Great Expectations' `mostly`, a share in (0, 1]: 0 would let every row fail. */
function mostlyOf(o: Record<string, unknown>, rule: string, fail: Fail): number {
  if (!('mostly' in o)) return 1;
  const m = o.mostly;
  if (typeof m !== 'number' || !(m > 0 && m <= 1))
    fail(
      `${rule}: mostly must be a share above 0 and at most 1, got '${String(m)}'` +
        (m === 0 ? ' (mostly 0 lets every row fail: the rule cannot fail)' : ''),
    );
  return m as number;
}

/** `true`, or `{ mostly: x }`; `false` is refused (remove the rule instead). */
function flagOrMostly(arg: unknown, rule: string, fail: Fail): number {
  if (arg === true) return 1;
  if (isMapping(arg)) return mostlyOf(mapping(arg, rule, ['mostly'], fail), rule, fail);
  return fail(`${rule}: expected true or { mostly: <share> }, got '${JSON.stringify(arg)}'`);
}
