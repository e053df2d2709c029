import { UserError, type Location } from '../errors.js';
import { lookupMetric } from '../metrics/lookup.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import { directionFromName } from '../rules/direction.js';
import { evaluateRule } from '../rules/evaluate.js';
import { evaluateNoiseRule } from '../rules/evaluate-noise.js';
import { comparisonFor, noiseEntry, type NoiseContext, type NoiseEntry } from './noise.js';
import { needsBaseline, ruleLocation, type Direction, type MetricRule } from '../rules/types.js';

/** One checked metric in the JSON report. */
export interface GateEntry {
  name: string;
  value: number;
  rule: string;
  direction: Direction;
  baseline: number | null;
  delta: number | null;
  delta_pct: number | null;
  passed: boolean;
  message: string;
  file: string;
  line: number | null;
  /** Generic name of the metric the rule matched (the rule may name an alias). */
  metric: string;
  /** Noise-aware runs only (predictions given, or a rule with significance/confidence/n). */
  noise?: NoiseEntry;
}

/**
 * Checks every rule against the metrics and, where given, the baseline (the gate stage, and the
 * promote stage's champion-vs-challenger comparison). Throws one UserError listing every rule that
 * cannot be checked. With a `noise` context (a noise-aware run), every entry carries its noise
 * columns, and rules with significance/confidence are decided on the evidence.
 */
export function checkRules(
  rules: MetricRule[],
  files: MetricFile[],
  baseline: MetricFile[] | undefined,
  noise?: NoiseContext,
): GateEntry[] {
  // a rule with significance/confidence/n makes the run noise-aware even without predictions
  const context = noise ?? (rules.some((r) => r.noise) ? {} : undefined);
  return resolveRules(rules, files, baseline).map(({ rule, metric, base, direction }) => {
    const value = metric.value as number;
    const found = context && comparisonFor(rule, metric, files, baseline, context);
    const ev = found
      ? evaluateNoiseRule(rule, value, base, direction, found.comparison)
      : evaluateRule(rule, value, base, direction);
    return {
      name: rule.metric,
      value,
      rule: rule.text,
      direction,
      baseline: base ?? null,
      delta: ev.delta ?? null,
      delta_pct: ev.deltaPct ?? null,
      passed: ev.passed,
      message: ev.passed ? 'ok' : ev.failures.join('; '),
      file: metric.file,
      line: metric.line ?? null,
      metric: metric.name,
      ...(found ? { noise: noiseEntry(rule, found.comparison, found.source, direction) } : {}),
    };
  });
}

interface Resolved {
  rule: MetricRule;
  metric: Metric;
  base: number | undefined;
  direction: Direction;
}

/**
 * Matches each rule with its metric and baseline value. Every problem that makes a rule impossible
 * to check (metric absent, value not a finite number, baseline needed but not given) is collected
 * and raised as one error: a gate that cannot read its inputs never passes.
 */
function resolveRules(rules: MetricRule[], files: MetricFile[], baseline: MetricFile[] | undefined): Resolved[] {
  const problems: (Location & { message: string })[] = [];
  const resolved: Resolved[] = [];
  for (const rule of rules) {
    const metric = lookupMetric(files, rule.metric);
    if (!metric) {
      problems.push({
        message: `metric '${rule.metric}' named in thresholds is not in any metrics file (read: ${files.map((f) => f.file).join(', ')})`,
        ...ruleLocation(rule),
      });
      continue;
    }
    if (typeof metric.value !== 'number' || !Number.isFinite(metric.value)) {
      problems.push({
        message: `metric '${metric.name}' is not a finite number: ${describeValue(metric.value)}`,
        file: metric.file,
        line: metric.line,
      });
      continue;
    }
    if (rule.checks.some(needsBaseline) && !baseline) {
      problems.push({
        message: `rule for '${rule.metric}' uses ${rule.checks
          .filter(needsBaseline)
          .map((c) => c.kind)
          .join(', ')}, which needs a baseline: set the 'baseline' input`,
        ...ruleLocation(rule),
      });
      continue;
    }
    const baseMetric = baseline && (lookupMetric(baseline, metric.name) ?? lookupMetric(baseline, rule.metric));
    const base =
      typeof baseMetric?.value === 'number' && Number.isFinite(baseMetric.value) ? baseMetric.value : undefined;
    const direction =
      rule.direction ??
      (metric.higherIsBetter === undefined
        ? directionFromName(metric.name)
        : metric.higherIsBetter
          ? 'higher'
          : 'lower');
    resolved.push({ rule, metric, base, direction });
  }
  if (problems.length > 0) throw UserError.combine(problems);
  return resolved;
}

function describeValue(value: Metric['value']): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value}"`;
  return String(value);
}
