/** One-line text of a rule for the summary and annotations, e.g. `between 0 and 120 (mostly 0.99)`. */
import type { ColumnRule, Range, TableRule } from './types.js';

const MAX_LISTED = 8;

export function describe(r: TableRule | ColumnRule): string {
  const mostly = 'mostly' in r && r.mostly < 1 ? ` (mostly ${r.mostly})` : '';
  switch (r.rule) {
    case 'row-count':
      return `row-count ${bounds(r.min, r.max)}`;
    case 'columns':
      return `columns ${r.mode} ${list(r.names)}`;
    case 'no-duplicate-rows':
    case 'not-null':
    case 'unique':
      return `${r.rule}${mostly}`;
    case 'exists':
      return r.present ? 'exists' : 'absent';
    case 'type':
      return `type ${r.type}${mostly}`;
    case 'between':
      return `between ${describeRange(r)}${mostly}`;
    case 'in-set':
      return `in-set ${list(r.values.map(String))}${mostly}`;
    case 'regex':
      return `regex /${r.pattern}/${mostly}`;
    case 'max-missing-share':
      return `max-missing-share ${r.share}`;
    case 'mean-between':
    case 'distinct-count-between':
      return `${r.rule} ${describeRange(r)}`;
  }
}

export function describeRange(r: Range): string {
  return bounds(r.min, r.max, r.strictMin, r.strictMax);
}

/**
 * `0 to 120`, `≥ 0`, `≤ 120`; a strict bound as `> 0` / `< 120`, e.g. `> 0 and ≤ 120`.
 *
 * @example
 * bounds(0, 120) // '0 to 120'
 * bounds(0, 120, true, false) // '> 0 and ≤ 120'
 */
export function bounds(min: number | undefined, max: number | undefined, strictMin = false, strictMax = false): string {
  const lo = `${strictMin ? '>' : '≥'} ${min}`;
  const hi = `${strictMax ? '<' : '≤'} ${max}`;
  if (min !== undefined && max !== undefined) return strictMin || strictMax ? `${lo} and ${hi}` : `${min} to ${max}`;
  return min !== undefined ? lo : hi;
}

function list(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return `[${shown}${items.length > MAX_LISTED ? `, … ${items.length - MAX_LISTED} more` : ''}]`;
}
