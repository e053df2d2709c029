import type { Check, Direction, MetricRule } from './types.js';
import { formatNumber } from '../report/format.js';

export interface Evaluation {
  passed: boolean;
  /** One sentence per broken check. */
  failures: string[];
  /** value − baseline, when a baseline value exists. */
  delta?: number;
  /** delta as a percentage of |baseline|; undefined when the baseline is 0. */
  deltaPct?: number;
}

/**
 * Float slack for changes from the baseline: 0.93 − 0.91 is 0.020000000000000018 in binary, and a
 * `max-drop: 0.02` must not fail on that. Plain comparisons (`>= 0.9`) are exact.
 */
const SLACK = 1e-9;
const exceeds = (x: number, limit: number) => x > limit + SLACK * Math.max(1, Math.abs(limit));

/** Checks one metric value against its rule and, for max-drop/max-increase rules, its baseline. */
export function evaluateRule(
  rule: MetricRule,
  value: number,
  baseline: number | undefined,
  direction: Direction,
): Evaluation {
  const delta = baseline === undefined ? undefined : value - baseline;
  const deltaPct =
    baseline === undefined || baseline === 0 ? undefined : ((value - baseline) / Math.abs(baseline)) * 100;
  const failures: string[] = [];
  for (const check of rule.checks) {
    const failure = checkOne(check, value, baseline, direction);
    if (failure) failures.push(failure);
  }
  return { passed: failures.length === 0, failures, delta, deltaPct };
}

export function checkOne(
  check: Check,
  value: number,
  baseline: number | undefined,
  direction: Direction,
): string | undefined {
  const v = formatNumber(value);
  switch (check.kind) {
    case 'target': {
      const op = direction === 'higher' ? '>=' : '<=';
      return compare(value, op, check.value)
        ? undefined
        : `${v} is worse than ${formatNumber(check.value)} (${direction} is better)`;
    }
    case 'compare':
      return compare(value, check.op, check.value) ? undefined : `${v} is not ${check.op} ${formatNumber(check.value)}`;
    case 'between':
      return value >= check.min && value <= check.max
        ? undefined
        : `${v} is not between ${formatNumber(check.min)} and ${formatNumber(check.max)}`;
  }
  if (baseline === undefined) return `no baseline value to apply ${check.kind} to`;
  const b = formatNumber(baseline);
  const drop = baseline - value;
  const pct = (x: number) =>
    baseline === 0 ? (x > 0 ? Infinity : x < 0 ? -Infinity : 0) : (x / Math.abs(baseline)) * 100;
  switch (check.kind) {
    case 'max-drop':
      return exceeds(drop, check.value)
        ? `dropped ${formatNumber(drop)} from baseline ${b} (max-drop ${formatNumber(check.value)})`
        : undefined;
    case 'max-increase':
      return exceeds(-drop, check.value)
        ? `rose ${formatNumber(-drop)} from baseline ${b} (max-increase ${formatNumber(check.value)})`
        : undefined;
    case 'max-drop-pct':
      return exceeds(pct(drop), check.value)
        ? `dropped ${formatNumber(pct(drop))} % from baseline ${b} (max-drop-pct ${formatNumber(check.value)})`
        : undefined;
    case 'max-increase-pct':
      return exceeds(pct(-drop), check.value)
        ? `rose ${formatNumber(pct(-drop))} % from baseline ${b} (max-increase-pct ${formatNumber(check.value)})`
        : undefined;
  }
}

function compare(value: number, op: '>=' | '<=' | '>' | '<' | '==', limit: number): boolean {
  switch (op) {
    case '>=':
      return value >= limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '<':
      return value < limit;
    case '==':
      return Math.abs(value - limit) <= SLACK * Math.max(1, Math.abs(limit));
  }
}
