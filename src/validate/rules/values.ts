/**
 * Value rules checked row by row on the typed columns, never on row objects: `between`, `in-set`,
 * `regex` and `type` (type.ts supplies its predicates). On a numerical column the predicate runs
 * over the Float64Array; on a categorical column it runs once per dictionary entry, and the
 * failing rows are counted from the entries' row counts, so a million rows cost a few dozen
 * predicate calls. Missing cells are not checked (Great Expectations' `mostly` denominator).
 */
import { parseCellNumber } from '../../data/number.js';
import type { CategoricalColumn, Column, NumericColumn } from '../../data/types.js';
import { compilePattern } from '../pattern.js';
import { MAX_SAMPLES, type Outcome, type Range, type Sample } from '../types.js';
import { booleanOfText } from '../../data/boolean.js';
import { rowOutcome, sample } from './outcome.js';

/** A rule's test of one value, as a number (numerical columns) and as text (categorical ones). */
export interface ValueTest {
  number(v: number): boolean;
  text(t: string): boolean;
  /** Set by `between`: lets a numerical column be checked in a loop with no call per value. */
  range?: Range;
}

export function checkValues(c: Column, test: ValueTest, mostly: number): Outcome {
  return c.kind === 'numeric' ? checkNumeric(c, test, mostly) : checkCategorical(c, test, mostly);
}

function checkNumeric(c: NumericColumn, test: ValueTest, mostly: number): Outcome {
  if (test.range) return checkRange(c, test.range, mostly);
  const values = c.values;
  const n = values.length;
  let failing = 0;
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v || test.number(v)) continue;
    if (failing++ < MAX_SAMPLES) samples.push(sample(i, String(v)));
  }
  return rowOutcome(failing, n - c.missing, mostly, samples);
}

/**
 * checkNumeric's loop with the range test written inline: a range is the common case on columns of
 * millions of rows, and a call per value (test.number) costs several times the comparison.
 */
function checkRange(c: NumericColumn, r: Range, mostly: number): Outcome {
  const lo = r.min ?? -Infinity,
    hi = r.max ?? Infinity;
  const { strictMin, strictMax } = r;
  const values = c.values;
  const n = values.length;
  let failing = 0;
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // NaN (missing) compares false both ways: it is skipped.
    if (!(strictMin ? v <= lo : v < lo) && !(strictMax ? v >= hi : v > hi)) continue;
    if (v !== v) continue;
    if (failing++ < MAX_SAMPLES) samples.push(sample(i, String(v)));
  }
  return rowOutcome(failing, n - c.missing, mostly, samples);
}

function checkCategorical(c: CategoricalColumn, test: ValueTest, mostly: number): Outcome {
  const bad = new Uint8Array(c.dictionary.length);
  let failing = 0;
  c.dictionary.forEach((t, k) => {
    if (!test.text(t)) {
      bad[k] = 1;
      failing += c.counts[k];
    }
  });
  const samples: Sample[] = [];
  const codes = c.codes;
  for (let i = 0; i < codes.length && samples.length < Math.min(failing, MAX_SAMPLES); i++) {
    const k = codes[i];
    if (k >= 0 && bad[k]) samples.push(sample(i, c.dictionary[k]));
  }
  return rowOutcome(failing, codes.length - c.missing, mostly, samples);
}

/** Is `v` within the range (each bound inclusive unless strict)? False for NaN. */
export function inRange(v: number, r: Range): boolean {
  return (
    (r.min === undefined || (r.strictMin ? v > r.min : v >= r.min)) &&
    (r.max === undefined || (r.strictMax ? v < r.max : v <= r.max)) &&
    v === v
  );
}

/** `between`: inclusive bounds, or exclusive ones where strict; text that is not a number fails. */
export function betweenTest(r: Range): ValueTest {
  return {
    number: (v) => inRange(v, r),
    text: (t) => inRange(parseCellNumber(t), r),
    range: r,
  };
}

/**
 * `in-set`: text values match an entry's text exactly (YAML numbers as String() prints them);
 * numerical values match an entry of equal numeric value (`1` matches `1.0`). A YAML boolean
 * matches a cell that reads as that boolean (`true`, `True`, `TRUE`), as pandas reads them.
 */
export function inSetTest(entries: (string | number | boolean)[]): ValueTest {
  const texts = new Set(entries.filter((e) => typeof e !== 'boolean').map(String));
  const booleans = new Set(entries.filter((e) => typeof e === 'boolean'));
  const numbers = new Set(
    entries
      .map((e) => (typeof e === 'number' ? e : typeof e === 'string' ? parseCellNumber(e) : NaN))
      .filter((v) => v === v),
  );
  return {
    number: (v) => numbers.has(v),
    text: (t) => {
      const b = booleanOfText(t);
      return texts.has(t) || (b !== undefined && booleans.has(b));
    },
  };
}

/**
 * `regex`: an RE2 pattern (pattern.ts) that must match somewhere in the value, as Python's
 * `re.search`; anchor it (`^…$`) for a whole-value match. The validate stage hands it columns of
 * cell texts as written in the file (`1.0` stays `1.0`; see read-data.ts); a numerical column's
 * values are tested on the text String() prints.
 */
export function regexTest(pattern: string): ValueTest {
  const re = compilePattern(pattern);
  return { number: (v) => re.test(String(v)), text: (t) => re.test(t) };
}
