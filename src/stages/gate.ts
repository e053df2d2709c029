import * as path from 'node:path';
import { UserError } from '../errors.js';
import { flatMetrics, lookupMetric } from '../metrics/lookup.js';
import { readMetrics } from '../metrics/read.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import { directionFromName } from '../rules/direction.js';
import { evaluateRule } from '../rules/evaluate.js';
import { loadRules } from '../rules/parse.js';
import { needsBaseline, type Direction, type MetricRule } from '../rules/types.js';
import { formatNumber, formatSigned } from '../report/format.js';
import type { Annotation, StageResult, SummaryBlock } from '../report/result.js';
import type { GateSettings } from '../settings.js';

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
}

/** Unchecked metrics beyond this many are counted, not listed, in the summary. */
const MAX_OTHER_ROWS = 200;

/** Reads metrics, rules and baseline; checks every rule; returns the verdict. Prints nothing. */
export async function runGate(s: GateSettings): Promise<StageResult> {
  const files = await readMetrics(await resolveMetricPaths(s.metrics), s.metricsFormat);
  const rules = await loadRules(s.thresholds);
  const baseline = await loadBaseline(s.baseline, s.metricsFormat, files);
  const resolved = resolveRules(rules, files, baseline);

  const entries: GateEntry[] = resolved.map(({ rule, metric, base, direction }) => {
    const value = metric.value as number;
    const ev = evaluateRule(rule, value, base, direction);
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
    };
  });
  const failed = entries.filter((e) => !e.passed);
  const ok = failed.length === 0;
  const headline = ok
    ? `Quality gate passed: ${entries.length} of ${entries.length} checked metrics meet their rules`
    : `Quality gate failed: ${failed.length} of ${entries.length} checked metrics broke their rules (${failed.map((e) => e.name).join(', ')})`;

  const annotations: Annotation[] = failed.map((e) => ({
    level: 'error',
    title: `Quality gate: ${e.name}`,
    message: `${e.name} = ${formatNumber(e.value)}: ${e.message} (rule ${e.rule})`,
    file: relativeTo(s.workspace, e.file),
    line: e.line ?? undefined,
  }));

  return {
    stage: 'gate',
    ok,
    headline,
    outputs: {
      passed: String(ok),
      failed: JSON.stringify(failed.map((e) => e.name)),
      metrics: JSON.stringify(flatMetrics(files)),
    },
    summary: summarize(ok, headline, entries, files, baseline, resolved),
    annotations,
    report: {
      stage: 'gate',
      passed: ok,
      failed: failed.map((e) => e.name),
      checked: entries,
      files: files.map((f) => ({ file: f.file, format: f.format })),
      baseline: baseline?.map((f) => ({ file: f.file, format: f.format })) ?? null,
    },
  };
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
  const problems: { message: string; file?: string; line?: number }[] = [];
  const resolved: Resolved[] = [];
  for (const rule of rules) {
    const metric = lookupMetric(files, rule.metric);
    if (!metric) {
      problems.push({
        message: `metric '${rule.metric}' named in thresholds is not in any metrics file (read: ${files.map((f) => f.file).join(', ')})`,
        file: rule.file,
        line: rule.line,
      });
      continue;
    }
    if (typeof metric.value !== 'number' || !Number.isFinite(metric.value)) {
      problems.push({
        message: `${metric.file}${metric.line ? `:${metric.line}` : ''}: metric '${metric.name}' is not a finite number: ${describeValue(metric.value)}`,
        file: metric.file,
        line: metric.line,
      });
      continue;
    }
    if (rule.checks.some(needsBaseline) && !baseline) {
      problems.push({
        message: `rule for '${rule.metric}' uses ${rule.checks.filter(needsBaseline).map((c) => c.kind).join(', ')}, which needs a baseline: set the 'baseline' input`,
        file: rule.file,
        line: rule.line,
      });
      continue;
    }
    const baseMetric = baseline && (lookupMetric(baseline, metric.name) ?? lookupMetric(baseline, rule.metric));
    const base = typeof baseMetric?.value === 'number' && Number.isFinite(baseMetric.value) ? baseMetric.value : undefined;
    const direction =
      rule.direction ??
      (metric.higherIsBetter === undefined ? directionFromName(metric.name) : metric.higherIsBetter ? 'higher' : 'lower');
    resolved.push({ rule, metric, base, direction });
  }
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? `\n${problems.slice(1).map((p) => p.message).join('\n')}` : '';
    throw new UserError(`${first.message}${more}`, first.file, first.line);
  }
  return resolved;
}

/** The baseline input, or the `old` values a `dvc metrics diff --json` file carries. */
async function loadBaseline(spec: string, format: GateSettings['metricsFormat'], files: MetricFile[]): Promise<MetricFile[] | undefined> {
  if (spec.startsWith('registry:')) {
    throw new UserError(`baseline '${spec}' reads the model registry, which comes with the promote stage: not yet available`);
  }
  if (spec) return readMetrics(await resolveMetricPaths(spec), format);
  const carried = files.filter((f) => f.baseline && f.baseline.length > 0);
  if (carried.length === 0) return undefined;
  return carried.map((f) => ({ file: f.file, format: f.format, metrics: f.baseline ?? [], aliases: f.aliases }));
}

function summarize(
  ok: boolean,
  headline: string,
  entries: GateEntry[],
  files: MetricFile[],
  baseline: MetricFile[] | undefined,
  resolved: Resolved[],
): SummaryBlock[] {
  const rows = [...entries]
    .sort((a, b) => Number(a.passed) - Number(b.passed))
    .map((e) => [
      e.passed ? '✅ pass' : '❌ fail',
      e.name,
      formatNumber(e.value),
      e.rule,
      e.baseline === null ? '—' : formatNumber(e.baseline),
      e.delta === null ? '—' : formatSigned(e.delta),
      e.delta_pct === null ? '—' : formatSigned(e.delta_pct, ' %'),
      e.passed ? '' : e.message,
    ]);
  const blocks: SummaryBlock[] = [
    { kind: 'heading', text: `${ok ? '✅' : '❌'} ${headline}` },
    { kind: 'table', header: ['Status', 'Metric', 'Value', 'Rule', 'Baseline', 'Δ', 'Δ %', 'Why'], rows },
  ];

  const checked = new Set(resolved.map((r) => r.metric.name));
  const others = files.flatMap((f) => f.metrics).filter((m) => !checked.has(m.name) && typeof m.value === 'number');
  if (others.length > 0) {
    const otherRows = others.slice(0, MAX_OTHER_ROWS).map((m) => {
      const value = m.value as number;
      const b = baseline && lookupMetric(baseline, m.name)?.value;
      const base = typeof b === 'number' && Number.isFinite(b) ? b : undefined;
      return [
        m.name,
        formatNumber(value),
        base === undefined ? '—' : formatNumber(base),
        base === undefined ? '—' : formatSigned(value - base),
      ];
    });
    const more = others.length > MAX_OTHER_ROWS ? [{ kind: 'text' as const, text: `… and ${others.length - MAX_OTHER_ROWS} more (all are in the report and the metrics output).` }] : [];
    blocks.push({
      kind: 'details',
      summary: `${others.length} other metric${others.length === 1 ? '' : 's'} read, without a rule`,
      blocks: [{ kind: 'table', header: ['Metric', 'Value', 'Baseline', 'Δ'], rows: otherRows }, ...more],
    });
  }
  const sources = files.map((f) => `${f.file} (${f.format})`).join(', ');
  const baseSources = baseline ? `; baseline: ${baseline.map((f) => `${f.file} (${f.format})`).join(', ')}` : '';
  blocks.push({ kind: 'text', text: `Metrics read from ${sources}${baseSources}.` });
  return blocks;
}

function describeValue(value: Metric['value']): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value}"`;
  return String(value);
}

/** Annotation paths are relative to the workspace, with forward slashes, as the runner expects. */
function relativeTo(workspace: string, file: string): string {
  return path.relative(workspace, path.resolve(file)).split(path.sep).join('/');
}
