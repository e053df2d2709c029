import { Outputs } from '../constants.js';
import { checkRules, type GateEntry } from '../gate/check.js';
import { assertAgree, noiseEvidence, predictionsMetricFile } from '../gate/noise.js';
import { flatMetrics, lookupMetric } from '../metrics/lookup.js';
import { readMetrics } from '../metrics/read.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricComparison } from '../noise/types.js';
import { joinPrometheus, prometheusSummary, queryLocation, readPrometheusMetrics } from '../prometheus/source.js';
import { loadRules } from '../rules/parse.js';
import { formatNumber, formatSigned } from '../report/format.js';
import type { Annotation, StageResult, SummaryBlock } from '../report/result.js';
import { annotationLocation } from '../report/workspace-path.js';
import type { GateSettings } from '../settings/gate.js';

export type { GateEntry } from '../gate/check.js';

/** Unchecked metrics beyond this many are counted, not listed, in the summary. */
const MAX_OTHER_ROWS = 200;

/** Reads metrics, rules and baseline; checks every rule; returns the verdict. Prints nothing. */
export async function runGate(s: GateSettings): Promise<StageResult> {
  const fromFiles = s.metrics ? await readMetrics(await resolveMetricPaths(s.metrics), s.metricsFormat) : [];
  const queried = s.prometheus && (await readPrometheusMetrics(s.prometheus));
  const read = joinPrometheus(fromFiles, queried);
  const rules = await loadRules(s.thresholds);
  const loadedBaseline = await loadBaseline(s.baseline, s.metricsFormat, read);
  // Per-example predictions: their metrics come first, and the comparisons carry the evidence.
  const predicted = s.predictions ? await loadPredictions(s) : undefined;
  if (predicted) {
    assertAgree(predicted.candidate, read);
    if (predicted.baseline && loadedBaseline) assertAgree(predicted.baseline, loadedBaseline);
  }
  const files = predicted ? [predicted.candidate, ...read] : read;
  const baseline = predicted?.baseline ? [predicted.baseline, ...(loadedBaseline ?? [])] : loadedBaseline;
  const entries = checkRules(rules, files, baseline, predicted && { predictions: predicted.comparisons });
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
      [Outputs.Passed]: String(ok),
      [Outputs.Failed]: JSON.stringify(failed.map((e) => e.name)),
      [Outputs.Metrics]: JSON.stringify(flatMetrics(files)),
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

/** Metrics computed from the `predictions` (and `baseline-predictions`) files, as metrics files, with their comparisons. */
async function loadPredictions(
  s: GateSettings,
): Promise<{ candidate: MetricFile; baseline?: MetricFile; comparisons: Map<string, MetricComparison> }> {
  const { comparePredictions, readPredictionPair, readPredictions } = await import('../noise/index.js');
  const pair = s.baselinePredictions
    ? await readPredictionPair(s.predictions, s.baselinePredictions)
    : { candidate: await readPredictions(s.predictions), baseline: undefined };
  const { comparisons } = comparePredictions(pair.candidate, pair.baseline);
  return {
    candidate: predictionsMetricFile(
      s.predictions,
      comparisons.map((c) => [c.metric, c.candidate.value]),
    ),
    baseline: pair.baseline
      ? predictionsMetricFile(
          s.baselinePredictions,
          comparisons
            .filter((c) => c.baseline && Number.isFinite(c.baseline.value))
            .map((c) => [c.metric, c.baseline!.value]),
        )
      : undefined,
    comparisons: new Map(comparisons.map((c) => [c.metric, c])),
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

/** A summary row of a noise-aware run: value and change with their intervals, verdict, evidence. */
function noiseRow(e: GateEntry): string[] {
  const n = e.noise!;
  const withInterval = (x: string, i: [number, number] | null, f: (x: number) => string = formatNumber) =>
    i ? `${x} [${f(i[0])}, ${f(i[1])}]` : x;
  const level = n.confidence === 0.95 ? '' : ` (${formatNumber(n.confidence * 100)} %)`;
  return [
    e.passed ? '✅ pass' : '❌ fail',
    e.name,
    withInterval(formatNumber(e.value), n.interval) + (n.interval ? level : ''),
    e.rule,
    e.baseline === null ? '—' : withInterval(formatNumber(e.baseline), n.baseline_interval),
    n.difference === null ? '—' : withInterval(formatSigned(n.difference), n.difference_interval, formatSigned),
    n.verdict,
    noiseEvidence(n),
    e.passed ? '' : e.message,
  ];
}

function summarize(
  ok: boolean,
  headline: string,
  entries: GateEntry[],
  files: MetricFile[],
  baseline: MetricFile[] | undefined,
): SummaryBlock[] {
  const sorted = [...entries].sort((a, b) => Number(a.passed) - Number(b.passed));
  const noisy = entries.some((e) => e.noise);
  const rows = sorted.map((e) =>
    noisy
      ? noiseRow(e)
      : [
          e.passed ? '✅ pass' : '❌ fail',
          e.name,
          formatNumber(e.value),
          e.rule,
          e.baseline === null ? '—' : formatNumber(e.baseline),
          e.delta === null ? '—' : formatSigned(e.delta),
          e.delta_pct === null ? '—' : formatSigned(e.delta_pct, ' %'),
          e.passed ? '' : e.message,
        ],
  );
  const header = noisy
    ? ['Status', 'Metric', 'Value [interval]', 'Rule', 'Baseline', 'Δ [interval]', 'Verdict', 'Evidence', 'Why']
    : ['Status', 'Metric', 'Value', 'Rule', 'Baseline', 'Δ', 'Δ %', 'Why'];
  const blocks: SummaryBlock[] = [
    { kind: 'heading', text: `${ok ? '✅' : '❌'} ${headline}` },
    { kind: 'table', header, rows },
  ];
  if (noisy) {
    blocks.push({
      kind: 'text',
      text:
        'Intervals are two-sided, 95 % unless the rule sets confidence; the verdict is the one-sided test ' +
        'against the baseline (beyond the rule’s max-drop / max-increase), or against the rule’s bound, at ' +
        'the rule’s significance (0.05 unless set).',
    });
  }

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
