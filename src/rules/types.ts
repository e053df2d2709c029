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
  /**
   * Noise-aware form (issue 14), from the rule's keys or the `defaults:` block: `significance` (fail
   * only on evidence) or `confidence` (pass only on evidence), never both; `n` the number of
   * examples behind a proportion. Absent: the rule behaves exactly as a plain rule.
   */
  noise?: NoiseSettings;
}

export interface NoiseSettings {
  /** Level α in (0, 0.5] of the one-sided tests: a check fails only when the test rejects at α. */
  significance?: number;
  /** Coverage in [0.5, 1) of the two-sided interval that must clear the bound for the check to pass. */
  confidence?: number;
  /** Examples the metric was measured on (for a proportion without other source). */
  n?: number;
}

export const BASELINE_CHECKS = ['max-drop', 'max-drop-pct', 'max-increase', 'max-increase-pct'] as const;

export function needsBaseline(check: Check): boolean {
  return (BASELINE_CHECKS as readonly string[]).includes(check.kind);
}

/** Where a rule was written: its file, or the `thresholds` input's inline text. */
export function ruleLocation(rule: MetricRule): Location {
  return rule.file ? { file: rule.file, line: rule.line } : { input: 'thresholds', line: rule.line };
}
