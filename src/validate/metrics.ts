/**
 * Checks on metrics files: `required-metrics` are present with a finite number; every number is
 * finite; well-known bounded metrics lie in [0, 1]. Which values count as metric values: numbers
 * (NaN and ±Infinity fail), null (fails: a metric written without a value), and text that reads
 * as a number, NaN or infinity (fails: a number written as a string). Other text and booleans
 * (names, paths, dates, flags that real files carry next to their metrics) are not metrics and
 * are left alone.
 */
import { lookupMetric } from '../metrics/lookup.js';
import { isMetricValue } from '../metrics/number-text.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import { formatNumber } from '../report/format.js';

export interface MetricCheck {
  check: 'required' | 'finite' | 'bounded' | 'schema';
  /** Metric name (or JSON path, for schema checks); null for a check over every value. */
  metric: string | null;
  value: number | string | boolean | null;
  passed: boolean;
  message: string;
  file: string | null;
  line: number | null;
}

/**
 * Bounded metrics, by name: the last part of the flattened name (after the last `.`) split into
 * tokens at every non-alphanumeric character; one of these tokens marks a share in [0, 1]
 * (`eval_accuracy`, `macro avg.f1-score`, `results.arc_easy.acc,none`, `roc_auc`).
 */
const BOUNDED_TOKENS = new Set(['accuracy', 'acc', 'precision', 'recall', 'f1', 'auc']);
/** Tokens that make a name a change, a count or a time rather than the share itself. */
const UNBOUNDED_TOKENS = new Set([
  'delta',
  'diff',
  'change',
  'gain',
  'drop',
  'improvement',
  'count',
  'support',
  'num',
  'total',
  'samples',
  'steps',
  'runtime',
  'second',
  'seconds',
  'time',
  'pct',
  'percent',
]);

/**
 * True for a metric whose value is a share in [0, 1] by its name; in a scikit-learn
 * classification report every `*-score` / `*_score` too.
 */
export function isBoundedMetric(name: string, format: string): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const tokens = last.split(/[^a-z0-9]+/).filter(Boolean);
  if (tokens.some((t) => UNBOUNDED_TOKENS.has(t))) return false;
  if (tokens.some((t) => BOUNDED_TOKENS.has(t))) return true;
  return format === 'sklearn-report' && tokens.at(-1) === 'score';
}

export function checkMetrics(files: MetricFile[], required: string[]): MetricCheck[] {
  const checks: MetricCheck[] = [];
  for (const name of required) {
    const m = lookupMetric(files, name);
    const ok = !!m && isFiniteNumber(m.value);
    checks.push({
      check: 'required',
      metric: name,
      value: m?.value ?? null,
      passed: ok,
      message: !m
        ? `'${name}' is in none of the metrics files`
        : ok
          ? `present: ${formatNumber(m.value as number)}`
          : `present but ${describeBad(m.value)}`,
      file: m?.file ?? null,
      line: m?.line ?? null,
    });
  }
  let values = 0;
  const bad: MetricCheck[] = [];
  for (const f of files) {
    for (const m of f.metrics) {
      if (!isMetricValue(m.value)) continue;
      values++;
      if (!isFiniteNumber(m.value)) bad.push(at(m, 'finite', false, `${m.name} is ${describeBad(m.value)}`));
    }
  }
  checks.push(...bad);
  if (bad.length === 0) {
    // The readers refuse a file without a number; this guards any other way to get here.
    checks.push({
      check: 'finite',
      metric: null,
      value: null,
      passed: values > 0,
      message: values > 0 ? `all ${values} metric values are finite numbers` : 'no metric value in any metrics file',
      file: null,
      line: null,
    });
  }
  for (const f of files) {
    for (const m of f.metrics) {
      if (!isFiniteNumber(m.value) || !isBoundedMetric(m.name, f.format)) continue;
      const v = m.value;
      const ok = v >= 0 && v <= 1;
      const hint = v > 1 && v <= 100 ? ' (a percentage? write it as a share in [0, 1])' : '';
      checks.push(
        at(m, 'bounded', ok, ok ? `${formatNumber(v)} in [0, 1]` : `${formatNumber(v)} is outside [0, 1]${hint}`),
      );
    }
  }
  return checks;
}

function at(m: Metric, check: MetricCheck['check'], passed: boolean, message: string): MetricCheck {
  return { check, metric: m.name, value: m.value, passed, message, file: m.file, line: m.line ?? null };
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function describeBad(v: Metric['value']): string {
  if (v === null) return 'null, not a number';
  if (typeof v === 'number') return `${formatNumber(v)}, not a finite number`;
  if (typeof v === 'string') return `the string "${v.length > 40 ? `${v.slice(0, 39)}…` : v}", not a number`;
  return `${String(v)}, not a number`;
}
