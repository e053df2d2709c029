/** One-line text of a rule for the summary and annotations, e.g. `between 0 and 120 (mostly 0.99)`. */
import type { ColumnRule, TableRule } from './types.js';

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
      return `between ${bounds(r.min, r.max, r.strict)}${mostly}`;
    case 'in-set':
      return `in-set ${list(r.values.map(String))}${mostly}`;
    case 'regex':
      return `regex /${r.pattern}/${mostly}`;
    case 'max-missing-share':
      return `max-missing-share ${r.share}`;
    case 'mean-between':
    case 'distinct-count-between':
      return `${r.rule} ${bounds(r.min, r.max)}`;
  }
}

/** `0 to 120`, `≥ 0`, `≤ 120`; strict bounds as `> 0`/`< 120`. */
export function bounds(min: number | undefined, max: number | undefined, strict = false): string {
  const lo = strict ? '>' : '≥';
  const hi = strict ? '<' : '≤';
  if (min !== undefined && max !== undefined) return strict ? `${lo} ${min} and ${hi} ${max}` : `${min} to ${max}`;
  return min !== undefined ? `${lo} ${min}` : `${hi} ${max}`;
}

function list(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return `[${shown}${items.length > MAX_LISTED ? `, … ${items.length - MAX_LISTED} more` : ''}]`;
}
