/**
 * Data expectations as parsed from the user's YAML file (parse.ts), and what checking one gives.
 * Rule semantics follow Great Expectations: a row rule passes when the share of checked rows that
 * pass is at least `mostly` (default 1); checked rows are the non-missing ones, except for
 * `not-null`, where every row is checked.
 */

/** Value types of `type:` (see rules/type.ts for what each accepts). */
export const VALUE_TYPES = ['number', 'integer', 'string', 'boolean', 'date'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * A bound pair; at least one is set. A strict bound excludes its value (Great Expectations'
 * `strict_min` / `strict_max`); a strict side always has its bound.
 */
export interface Range {
  min?: number;
  max?: number;
  strictMin: boolean;
  strictMax: boolean;
}

export type TableRule =
  | { rule: 'row-count'; min: number; max?: number }
  | { rule: 'columns'; mode: 'exactly' | 'at-least'; names: string[] }
  | { rule: 'no-duplicate-rows'; mostly: number };

export type ColumnRule =
  | { rule: 'exists'; present: boolean }
  | { rule: 'type'; type: ValueType; mostly: number }
  | { rule: 'not-null'; mostly: number }
  | ({ rule: 'between'; mostly: number } & Range)
  | { rule: 'in-set'; values: (string | number | boolean)[]; mostly: number }
  | { rule: 'regex'; pattern: string; mostly: number }
  | { rule: 'unique'; mostly: number }
  | { rule: 'max-missing-share'; share: number }
  | ({ rule: 'mean-between' } & Range)
  | ({ rule: 'distinct-count-between' } & Range);

export type RuleName = TableRule['rule'] | ColumnRule['rule'];

interface Placed {
  /** 1-based line of the rule's key in the expectations file. */
  line: number;
  /** The rule as shown in the summary, e.g. `between 0 and 120 (mostly 0.99)`. */
  text: string;
}

export type Expectation = (TableRule & { column: null } & Placed) | (ColumnRule & { column: string } & Placed);

export interface Expectations {
  file: string;
  rules: Expectation[];
}

/** A failing row shown in the report: 1-based data row number (header excluded) and its value. */
export interface Sample {
  row: number;
  value: string;
}

/** What checking one rule on one table gives. */
export interface Outcome {
  passed: boolean;
  /** Rows that failed, for row rules; null for table and aggregate rules. */
  failing: number | null;
  /** Rows checked (the denominator of `mostly`); null for table and aggregate rules. */
  checked: number | null;
  /** Why it failed, or what was observed (`mean 53.2`). */
  message: string;
  samples: Sample[];
}

/** At most this many failing values are shown per rule. */
export const MAX_SAMPLES = 5;
