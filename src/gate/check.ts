import { UserError, formatLocation, type Location } from '../errors.js';
import { lookupMetric, metricCandidates, conflictingMetrics } from '../metrics/lookup.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import { directionFromName } from '../rules/direction.js';
import { evaluateRule } from '../rules/evaluate.js';
import { evaluateNoiseRule } from '../noise/evaluate-rule.js';
import { needsBaseline, ruleLocation, type Check, type Direction, type MetricRule } from '../rules/types.js';
import { comparisonFor, noiseEntry, type NoiseContext, type NoiseEntry } from './noise.js';

/**
 * Where a metric's direction came from: the rule's `direction:`, the file (lm-eval's
 * `higher_is_better`, a model card's metric type), the metric's name, the rule's own checks
 * (`max-drop` alone limits a fall: higher is better), or nothing (`assumed`: higher is better).
 */
export type DirectionSource = 'rule' | 'file' | 'name' | 'checks' | 'assumed';

/** One checked metric in the JSON report. */
export interface GateEntry {
  name: string;
  value: number;
  /** The rule as written, plus a note when the verdict rests on an assumed direction. */
  rule: string;
  direction: Direction;
  direction_from: DirectionSource;
  /** True when the direction was assumed and the verdict depends on it: the summary says so. */
  direction_assumed: boolean;
  baseline: number | null;
  delta: number | null;
  delta_pct: number | null;
  passed: boolean;
  message: string;
  file: string;
  line: number | null;
  /** Name of the metric the rule matched (the rule may name its path or an alias). */
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
  return resolveRules(rules, files, baseline).map(({ rule, metric, base, direction, from }) => {
    const value = metric.value as number;
    const found = context && comparisonFor(rule, metric, files, baseline, context);
    const ev = found
      ? evaluateNoiseRule(rule, value, base, direction, found.comparison)
      : evaluateRule(rule, value, base, direction);
    // Nothing in the file or the name told the direction, and the verdict depends on it.
    const assumed = (from === 'assumed' && usesDirection(rule.checks)) || from === 'checks';
    return {
      name: rule.metric,
      value,
      // The summary shows this text: a verdict that rests on an assumed direction says so.
      rule: assumed
        ? `${rule.text} (${directionNote({ direction_assumed: true, direction, direction_from: from })})`
        : rule.text,
      direction,
      direction_from: from,
      direction_assumed: assumed,
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

/**
 * The summary's note for an entry whose verdict rests on an assumed direction, '' otherwise.
 *
 * @example
 * directionNote({ direction_assumed: true, direction: 'higher', direction_from: 'assumed' })
 * // 'direction assumed: higher is better; set direction: to be sure'
 */
export function directionNote(e: Pick<GateEntry, 'direction_assumed' | 'direction' | 'direction_from'>): string {
  if (!e.direction_assumed) return '';
  const from = e.direction_from === 'checks' ? ` from ${e.direction === 'higher' ? 'max-drop' : 'max-increase'}` : '';
  return `direction assumed${from}: ${e.direction} is better; set direction: to be sure`;
}

/** A bare number (`target`) needs the direction; so does the champion's "no worse" (no checks). */
function usesDirection(checks: Check[]): boolean {
  return checks.length === 0 || checks.some((c) => c.kind === 'target');
}

interface Resolved {
  rule: MetricRule;
  metric: Metric;
  base: number | undefined;
  direction: Direction;
  from: DirectionSource;
}

type Problem = Location & { message: string };

/**
 * Matches each rule with its metric and baseline value. Every problem that makes a rule impossible
 * to check (metric absent or ambiguous, value not a finite number, baseline needed but not given,
 * checks that contradict the direction) is collected and raised as one error: a gate that cannot
 * read its inputs never passes.
 */
function resolveRules(rules: MetricRule[], files: MetricFile[], baseline: MetricFile[] | undefined): Resolved[] {
  const problems: Problem[] = [];
  const resolved: Resolved[] = [];
  for (const rule of rules) {
    const metric = lookupMetric(files, rule.metric);
    if (!metric) {
      problems.push({ message: absentMessage(rule, files), ...ruleLocation(rule) });
      continue;
    }
    const conflict = conflictMessage(files, metric, 'metrics');
    if (conflict) {
      problems.push({ message: conflict, file: metric.file, line: metric.line });
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
    const { direction, from } = directionOf(rule, metric);
    const contradiction = contradicts(rule, metric, direction, from);
    if (contradiction) {
      problems.push({ message: contradiction, ...ruleLocation(rule) });
      continue;
    }
    const baseMetric = baseline && (lookupMetric(baseline, metric.name) ?? lookupMetric(baseline, rule.metric));
    const baseConflict = baseline && baseMetric && conflictMessage(baseline, baseMetric, 'baseline');
    if (baseConflict) {
      problems.push({ message: baseConflict, file: baseMetric.file, line: baseMetric.line });
      continue;
    }
    const base =
      typeof baseMetric?.value === 'number' && Number.isFinite(baseMetric.value) ? baseMetric.value : undefined;
    resolved.push({ rule, metric, base, direction, from });
  }
  if (problems.length > 0) throw UserError.combine(problems);
  return resolved;
}

/** Two files of one input give the metric different values: which one is meant is unclear. */
function conflictMessage(files: MetricFile[], metric: Metric, input: 'metrics' | 'baseline'): string {
  const others = conflictingMetrics(files, metric);
  if (others.length === 0) return '';
  const shown = [metric, ...others]
    .slice(0, 6)
    .map((m) => `${formatLocation({ file: m.file, line: m.line })} (${describeValue(m.value)})`)
    .join(', ');
  return (
    `metric '${metric.name}' has different values in the '${input}' files: ${shown}; ` +
    `list only the file that should be gated`
  );
}

/** Not found: the candidates the name may have meant, with file:line, or the files read. */
function absentMessage(rule: MetricRule, files: MetricFile[]): string {
  const candidates = metricCandidates(files, rule.metric);
  if (candidates.length === 0) {
    return `metric '${rule.metric}' named in thresholds is not in any metrics file (read: ${files.map((f) => f.file).join(', ')})`;
  }
  const shown = candidates
    .slice(0, 8)
    .map((m) => `'${m.name}' (${formatLocation({ file: m.file, line: m.line })})`)
    .join(', ');
  const more = candidates.length > 8 ? `, … ${candidates.length - 8} more` : '';
  return candidates.length === 1
    ? `metric '${rule.metric}' named in thresholds is not a metric name; did you mean ${shown}? Name it exactly`
    : `metric '${rule.metric}' named in thresholds fits ${candidates.length} metrics: ${shown}${more}; name one exactly`;
}

/** The rule's direction, else the file's, else the name's, else what the checks imply, else higher (assumed). */
function directionOf(rule: MetricRule, metric: Metric): { direction: Direction; from: DirectionSource } {
  if (rule.direction) return { direction: rule.direction, from: 'rule' };
  if (metric.higherIsBetter !== undefined)
    return { direction: metric.higherIsBetter ? 'higher' : 'lower', from: 'file' };
  const named = directionFromName(metric.name) ?? directionFromName(rule.metric);
  if (named) return { direction: named, from: 'name' };
  const implied = impliedDirection(rule.checks);
  if (implied) return { direction: implied, from: 'checks' };
  return { direction: 'higher', from: 'assumed' };
}

/** `max-drop` alone limits a fall (higher is better); `max-increase` alone a rise (lower is better). */
function impliedDirection(checks: Check[]): Direction | undefined {
  const drop = checks.some((c) => c.kind === 'max-drop' || c.kind === 'max-drop-pct');
  const rise = checks.some((c) => c.kind === 'max-increase' || c.kind === 'max-increase-pct');
  return drop === rise ? undefined : drop ? 'higher' : 'lower';
}

/**
 * A rule whose only baseline checks limit the better way while the direction is known to be the
 * other: `eval_loss: { max-drop: 0.01 }` lets any rise of the loss pass. Refused with the fix.
 */
function contradicts(rule: MetricRule, metric: Metric, direction: Direction, from: DirectionSource): string {
  const implied = impliedDirection(rule.checks);
  if (!implied || implied === direction || from === 'assumed' || from === 'checks') return '';
  const [limits, worse, instead] =
    direction === 'lower' ? ['a fall', 'rise', 'max-increase'] : ['a rise', 'fall', 'max-drop'];
  const why = from === 'rule' ? 'its rule says' : from === 'file' ? 'its file says' : 'its name says';
  return (
    `rule for '${rule.metric}' limits only ${limits}, but ${direction} is better for '${metric.name}' (${why}): ` +
    `a worse value (a ${worse}) would pass. Use ${instead}${from === 'name' ? ', or set direction: if the name misleads' : ''}`
  );
}

function describeValue(value: Metric['value']): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  return String(value);
}
