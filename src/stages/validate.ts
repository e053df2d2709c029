/**
 * The validate stage: metrics files (present, finite, bounded, optional JSON Schema) and data
 * files (expectations with Great Expectations' `mostly`), and the writing of inferred
 * expectations. Returns one result; prints nothing. Heavy modules (data readers, Ajv) are loaded
 * here only, and this module itself only when the stage is chosen.
 */
import { Outputs } from '../constants.js';
import type { Table } from '../data/types.js';
import { readMetrics } from '../metrics/read.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import type { MetricFile } from '../metrics/types.js';
import { joinPrometheus, prometheusSummary, queryLocation, readPrometheusMetrics } from '../prometheus/source.js';
import { formatNumber } from '../report/format.js';
import type { Annotation, StageResult, SummaryBlock } from '../report/result.js';
import { annotationLocation } from '../report/workspace-path.js';
import type { ValidateSettings } from '../settings/validate.js';
import { cellTextsFor } from '../validate/cell-text.js';
import { checkTable, type RuleResult } from '../validate/check.js';
import { checkMetrics, type MetricCheck } from '../validate/metrics.js';
import { loadExpectations } from '../validate/parse.js';
import { readDataFiles } from '../validate/read-data.js';
import type { Expectations, Sample } from '../validate/types.js';

/** Passing metrics checks beyond this many are counted, not listed, in the summary. */
const MAX_PASSING_ROWS = 50;

interface DataReport {
  file: string;
  format: string;
  rows: number;
  columns: number;
  rules: RuleResult[];
}

export async function runValidate(s: ValidateSettings): Promise<StageResult> {
  // 1. Rules first: a typo in the expectations is reported before a large file is read.
  const expectations = s.expectations ? await loadExpectations(s.expectations) : undefined;

  // 2. Metrics: files and Prometheus, checked for presence, finiteness and the schema.
  const metrics = await validateMetrics(s);

  // 3. Data: expectations checked per file; inferred expectations written when asked.
  const { data, notices } = await validateData(s, expectations);

  // 4. The verdict, its annotations and the summary.
  const failedMetrics = metrics.checks.filter((c) => !c.passed);
  const failedRules = data.flatMap((d) => d.rules.filter((r) => !r.passed).map((r) => ({ d, r })));
  const total = metrics.checks.length + data.reduce((n, d) => n + d.rules.length, 0);
  const errors = failedMetrics.length + failedRules.length;
  const ok = errors === 0;
  const names = [
    ...failedMetrics.map((c) => `${c.check} ${c.metric ?? ''}`.trim()),
    ...failedRules.map(({ r }) => `${r.rule}${r.column === null ? '' : ` ${r.column}`}`),
  ];
  const headline = ok
    ? total === 0
      ? 'Validation passed: no rule to check'
      : `Validation passed: ${total} of ${total} rules hold`
    : `Validation failed: ${errors} of ${total} rules broke (${listed(names)})`;

  return {
    stage: 'validate',
    ok,
    headline,
    outputs: { [Outputs.Valid]: String(ok), [Outputs.Errors]: String(errors) },
    summary: [
      ...summarize(ok, headline, metrics.files, metrics.checks, data, s),
      ...(metrics.queried ? prometheusSummary(metrics.queried) : []),
    ],
    annotations: [
      ...failedMetrics.map((c) => metricAnnotation(c, s.workspace)),
      ...failedRules.map(({ d, r }) => ruleAnnotation(d, r, s)),
    ],
    notices,
    report: {
      stage: 'validate',
      valid: ok,
      errors,
      rules: total,
      metrics:
        metrics.files.length > 0
          ? {
              files: metrics.files.map((f) => ({ file: f.file, format: f.format })),
              schema: s.metricsSchema || null,
              checks: metrics.checks,
              ...(metrics.queried ? { prometheus: metrics.queried.values } : {}),
            }
          : null,
      expectations: s.expectations || null,
      data,
      inferred: s.inferExpectations || null,
    },
  };
}

/** The metrics files and Prometheus' values, with their checks (none when neither is given). */
async function validateMetrics(s: ValidateSettings) {
  const queried = s.prometheus && (await readPrometheusMetrics(s.prometheus));
  if (!s.metrics && !queried) return { files: [] as MetricFile[], checks: [] as MetricCheck[], queried };
  const fromFiles = s.metrics ? await readMetrics(await resolveMetricPaths(s.metrics), s.metricsFormat) : [];
  const files = joinPrometheus(fromFiles, queried);
  const checks = checkMetrics(files, s.requiredMetrics);
  // The schema is about the files' documents; Prometheus' values have none.
  if (s.metricsSchema) {
    checks.push(...(await (await import('../validate/schema.js')).checkSchema(s.metricsSchema, fromFiles)));
  }
  return { files, checks, queried };
}

/** Each data file checked against the expectations; inferred expectations written when asked. */
async function validateData(s: ValidateSettings, expectations: Expectations | undefined) {
  const data: DataReport[] = [];
  const notices: string[] = [];
  if (s.data.length === 0) return { data, notices };
  const tables = await readDataFiles(s.data, s.dataFormat);
  if (s.inferExpectations) {
    await (await import('../validate/infer.js')).inferExpectations(tables, s.inferExpectations);
    notices.push(
      `Expectations inferred from ${s.data.join(', ')} written to ${s.inferExpectations}: ` +
        "review, edit and commit them, then pass the file as 'expectations'.",
    );
  }
  if (expectations) {
    for (const t of tables) data.push(dataReport(t, checkTable(t, expectations, await cellTextsFor(t, expectations))));
  }
  return { data, notices };
}

function metricAnnotation(c: MetricCheck, workspace: string): Annotation {
  return {
    level: 'error',
    title: `Validation: ${c.check}${c.metric ? ` ${c.metric}` : ''}`,
    message: c.message,
    ...annotationLocation(workspace, queryLocation({ file: c.file ?? undefined, line: c.line ?? undefined })),
  };
}

function ruleAnnotation(d: DataReport, r: RuleResult, s: ValidateSettings): Annotation {
  return {
    level: 'error',
    title: `Validation: ${r.rule}${r.column === null ? '' : ` ${r.column}`}`,
    message:
      `${r.text}${r.column === null ? '' : ` on column ${r.column}`} in ${d.file}: ${r.message}` +
      (r.samples.length > 0 ? `; samples: ${sampleText(r.samples)}` : ''),
    // The rule's line in the expectations file: the file the user edits.
    ...annotationLocation(s.workspace, { file: r.line === null ? d.file : s.expectations, line: r.line ?? undefined }),
  };
}

function dataReport(t: Table, rules: RuleResult[]): DataReport {
  return { file: t.file, format: t.format, rows: t.rowCount, columns: t.columns.length, rules };
}

function listed(names: string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')}, … ${names.length - 5} more`;
}

/** A sample shown as it is: a plain token, a duplicate-row note or the missing marker. */
function plain(value: string): boolean {
  return /^[\w.+-]+$/.test(value) || value.startsWith('same as row') || value === '(missing)';
}

/** `row 3: 250.1 · row 9: "a b"`: plain tokens as they are, other text JSON-quoted (spaces visible). */
function sampleText(samples: Sample[]): string {
  return samples.map((x) => `row ${x.row}: ${plain(x.value) ? x.value : JSON.stringify(x.value)}`).join(' · ');
}

function summarize(
  ok: boolean,
  headline: string,
  files: MetricFile[],
  checks: MetricCheck[],
  data: DataReport[],
  s: ValidateSettings,
): SummaryBlock[] {
  const blocks: SummaryBlock[] = [{ kind: 'heading', text: `${ok ? '✅' : '❌'} ${headline}` }];
  if (files.length > 0) {
    const sorted = [...checks].sort((a, b) => Number(a.passed) - Number(b.passed));
    const failing = sorted.filter((c) => !c.passed);
    const passing = sorted.filter((c) => c.passed);
    const rows = [...failing, ...passing.slice(0, MAX_PASSING_ROWS)].map((c) => [
      c.passed ? '✅ pass' : '❌ fail',
      c.check,
      c.metric ?? '(all)',
      typeof c.value === 'number' ? formatNumber(c.value) : c.value === null ? '—' : String(c.value),
      c.message,
    ]);
    blocks.push(
      { kind: 'heading', level: 3, text: `Metrics: ${files.map((f) => `${f.file} (${f.format})`).join(', ')}` },
      { kind: 'table', header: ['Status', 'Check', 'Metric', 'Value', 'Why'], rows },
    );
    if (passing.length > MAX_PASSING_ROWS)
      blocks.push({
        kind: 'text',
        text: `… and ${passing.length - MAX_PASSING_ROWS} more passing checks (all are in the report).`,
      });
  }
  for (const d of data) {
    const rows = [...d.rules]
      .sort((a, b) => Number(a.passed) - Number(b.passed))
      .map((r) => [
        r.passed ? '✅ pass' : '❌ fail',
        r.text,
        r.column ?? '(table)',
        r.failing === null ? '—' : `${r.failing} of ${r.checked}`,
        r.failing_pct === null ? '—' : `${formatNumber(r.failing_pct)} %`,
        r.samples.length > 0 ? sampleText(r.samples) : r.failing === null || !r.passed ? r.message : '',
      ]);
    blocks.push(
      {
        kind: 'heading',
        level: 3,
        text: `Data: ${d.file} (${d.rows} rows × ${d.columns} columns) against ${s.expectations}`,
      },
      { kind: 'table', header: ['Status', 'Rule', 'Column', 'Failing rows', '%', 'Samples'], rows },
    );
  }
  if (s.inferExpectations) {
    blocks.push({
      kind: 'text',
      text:
        `Expectations inferred from ${s.data.join(', ')} were written to ${s.inferExpectations}: ` +
        'a starting point to review, edit and commit.',
    });
  }
  return blocks;
}
