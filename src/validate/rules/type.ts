/**
 * `type:` — what each non-missing value must read as:
 * - `number`: a decimal number (the data readers' syntax: `-1.5`, `2e3`; not `Infinity` or `0x1f`);
 * - `integer`: a number with no fractional part (`3`, `3.0`);
 * - `boolean`: `true`/`false`, `True`/`False` or `TRUE`/`FALSE` (what pandas reads as bool);
 * - `date`: an ISO-8601 calendar date `YYYY-MM-DD`, optionally followed by `T` or a space and a
 *   time `HH:MM[:SS[.fff]]` with an optional `Z` or `±HH[:]MM` offset; the date must exist
 *   (no 2023-02-30). Parquet DATE/TIMESTAMP values are read as ISO text, so they pass;
 * - `string`: text that does not read as a number, as pandas would type the column (a numerical
 *   column fails `type: string` on every value; zip codes `01234` read as numbers).
 */
import { parseCellNumber } from '../../data/number.js';
import type { ValueType } from '../types.js';
import type { ValueTest } from './values.js';
import { isBooleanText } from '../../data/boolean.js';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

export function isIsoDate(t: string): boolean {
  const m = ISO_DATE.exec(t);
  if (!m) return false;
  const year = Number(m[1]),
    month = Number(m[2]),
    day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const never = () => false;
const always = () => true;

export function typeTest(type: ValueType): ValueTest {
  switch (type) {
    case 'number':
      return { number: always, text: (t) => !Number.isNaN(parseCellNumber(t)) };
    case 'integer':
      return { number: Number.isInteger, text: (t) => Number.isInteger(parseCellNumber(t)) };
    case 'boolean':
      return { number: never, text: isBooleanText };
    case 'date':
      return { number: never, text: isIsoDate };
    case 'string':
      return { number: never, text: (t) => Number.isNaN(parseCellNumber(t)) };
  }
}
