import type { Location } from '../errors.js';

export type Direction = 'higher' | 'lower';

/** One comparison a metric must satisfy. Baseline checks compare with the baseline's value. */
export type Check =
  | { kind: 'compare'; op: '>=' | '<=' | '>' | '<' | '=='; value: number }
  | { kind: 'between'; min: number; max: number }
  /** A bare number: at least as good as `value`, `>=` or `<=` by the metric's direction. */
  | { kind: 'target'; value: number }
  | { kind: 'max-drop' | 'max-drop-pct' | 'max-increase' | 'max-increase-pct'; value: number };

/** The rule of one metric, as the user wrote it, with where it was written. */
export interface MetricRule {
  metric: string;
  checks: Check[];
  /** Set by `direction:`; otherwise inferred from the file or the name. */
  direction?: Direction;
  /** Human-readable form of the rule, e.g. `>= 0.9, max-drop 0.02`. */
  text: string;
  /** Rules file and line, when the rules came from a file. */
  file?: string;
  line?: number;
}

export const BASELINE_CHECKS = ['max-drop', 'max-drop-pct', 'max-increase', 'max-increase-pct'] as const;

export function needsBaseline(check: Check): boolean {
  return (BASELINE_CHECKS as readonly string[]).includes(check.kind);
}

/** Where a rule was written: its file, or the `thresholds` input's inline text. */
export function ruleLocation(rule: MetricRule): Location {
  return rule.file ? { file: rule.file, line: rule.line } : { input: 'thresholds', line: rule.line };
}
