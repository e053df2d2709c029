import { checkRules, type GateEntry } from '../gate/check.js';
import { flatMetrics, lookupMetric } from '../metrics/lookup.js';
import { readMetrics } from '../metrics/read.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import type { MetricFile } from '../metrics/types.js';
import { joinPrometheus, prometheusSummary, queryLocation, readPrometheusMetrics } from '../prometheus/source.js';
import { loadRules } from '../rules/parse.js';
import { formatNumber, formatSigned } from '../report/format.js';
import type { Annotation, StageResult, SummaryBlock } from '../report/result.js';
import { annotationLocation } from '../report/workspace-path.js';
import type { GateSettings } from '../settings.js';

export type { GateEntry } from '../gate/check.js';

/** Unchecked metrics beyond this many are counted, not listed, in the summary. */
const MAX_OTHER_ROWS = 200;

/** Reads metrics, rules and baseline; checks every rule; returns the verdict. Prints nothing. */
export async function runGate(s: GateSettings): Promise<StageResult> {
  const fromFiles = s.metrics ? await readMetrics(await resolveMetricPaths(s.metrics), s.metricsFormat) : [];
  const queried = s.prometheus && (await readPrometheusMetrics(s.prometheus));
  const files = joinPrometheus(fromFiles, queried);
  const rules = await loadRules(s.thresholds);
  const baseline = await loadBaseline(s.baseline, s.metricsFormat, files);
  const entries = checkRules(rules, files, baseline);
  const failed = entries.filter((e) => !e.passed);
  const ok = failed.length === 0;
  const headline = ok
    ? `Quality gate passed: ${entries.length} of ${entries.length} checked metrics meet their rules`
    : `Quality gate failed: ${failed.length} of ${entries.length} checked metrics broke their rules (${failed.map((e) => e.name).join(', ')})`;

  const annotations: Annotation[] = failed.map((e) => ({
    level: 'error',
    title: `Quality gate: ${e.name}`,
    message: `${e.name} = ${formatNumber(e.value)}: ${e.message} (rule ${e.rule})`,
    ...annotationLocation(s.workspace, queryLocation({ file: e.file, line: e.line ?? undefined })),
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
    summary: [...summarize(ok, headline, entries, files, baseline), ...(queried ? prometheusSummary(queried) : [])],
    annotations,
    report: {
      stage: 'gate',
      passed: ok,
      failed: failed.map((e) => e.name),
      checked: entries,
      files: files.map((f) => ({ file: f.file, format: f.format })),
      baseline: baseline?.map((f) => ({ file: f.file, format: f.format })) ?? null,
      ...(queried ? { prometheus: queried.values } : {}),
    },
  };
}

/** The baseline input, or the `old` values a `dvc metrics diff --json` file carries. */
async function loadBaseline(
  spec: string,
  format: GateSettings['metricsFormat'],
  files: MetricFile[],
): Promise<MetricFile[] | undefined> {
  // The stage holder's metrics, from the registry's tags (loaded only on this path).
  if (spec.startsWith('registry:'))
    return (await import('../registry/baseline.js')).loadRegistryBaseline(spec, process.cwd());
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

  const checked = new Set(entries.map((e) => e.metric));
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
    const more =
      others.length > MAX_OTHER_ROWS
        ? [
            {
              kind: 'text' as const,
              text: `… and ${others.length - MAX_OTHER_ROWS} more (all are in the report and the metrics output).`,
            },
          ]
        : [];
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
