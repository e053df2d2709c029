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
 *       between: { min: 0, max: 120, strict: false, mostly: 0.99 }
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
 * Unknown rules, unknown argument keys and bad values are UserErrors at the rule's line.
 */
import { readTextFile } from '../files/read-text.js';
import { UserError } from '../errors.js';
import { parseConfig } from '../tree/config.js';
import { toPlain } from '../tree/tree.js';
import { describe } from './describe.js';
import {
  VALUE_TYPES,
  type ColumnRule,
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
      const o = mapping(arg, name, ['min', 'max', 'strict', 'mostly'], fail);
      const min = optionalNumber(o, 'min', name, fail);
      const max = optionalNumber(o, 'max', name, fail);
      if (min === undefined && max === undefined) fail('between: give min, max or both');
      if (min !== undefined && max !== undefined && max < min) fail(`between: max (${max}) is below min (${min})`);
      if ('strict' in o && typeof o.strict !== 'boolean') fail('between: strict must be true or false');
      return { rule: name, min, max, strict: o.strict === true, mostly: mostlyOf(o, name, fail) };
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
      try {
        new RegExp(o.pattern as string, 'u');
      } catch (e) {
        fail(`regex: invalid pattern (${(e as Error).message})`);
      }
      return { rule: name, pattern: o.pattern as string, mostly: mostlyOf(o, name, fail) };
    }
    case 'max-missing-share': {
      if (typeof arg !== 'number' || !(arg >= 0 && arg <= 1))
        fail(`max-missing-share: expected a share between 0 and 1, got '${String(arg)}'`);
      return { rule: name, share: arg as number };
    }
    case 'mean-between':
    case 'distinct-count-between': {
      const o = mapping(arg, name, ['min', 'max'], fail);
      const min = optionalNumber(o, 'min', name, fail, name === 'distinct-count-between');
      const max = optionalNumber(o, 'max', name, fail, name === 'distinct-count-between');
      if (min === undefined && max === undefined) fail(`${name}: give min, max or both`);
      if (min !== undefined && max !== undefined && max < min) fail(`${name}: max (${max}) is below min (${min})`);
      return { rule: name, min, max };
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

function mostlyOf(o: Record<string, unknown>, rule: string, fail: Fail): number {
  if (!('mostly' in o)) return 1;
  const m = o.mostly;
  if (typeof m !== 'number' || !(m >= 0 && m <= 1))
    fail(`${rule}: mostly must be a share between 0 and 1, got '${String(m)}'`);
  return m as number;
}

/** `true`, or `{ mostly: x }`; `false` is refused (remove the rule instead). */
function flagOrMostly(arg: unknown, rule: string, fail: Fail): number {
  if (arg === true) return 1;
  if (isMapping(arg)) return mostlyOf(mapping(arg, rule, ['mostly'], fail), rule, fail);
  return fail(`${rule}: expected true or { mostly: <share> }, got '${JSON.stringify(arg)}'`);
}
