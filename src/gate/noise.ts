/**
 * The gate's noise-aware rows (issue 14, items 2–4): for each checked metric, the comparison from
 * the first source it has — paired predictions, then the metrics file's stderr or sample size (or
 * the rule's n), else none — and the numbers the summary and the report show.
 */
import { UserError, type Location } from '../errors.js';
import { lookupMetric, sameValue } from '../metrics/lookup.js';
import { formatNumber } from '../report/format.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import { reportedComparison, reportedDifference, reportedEstimate } from '../noise/reported.js';
import { isProportion, reportedFromFile } from '../noise/sources.js';
import type { Estimate, MetricComparison, NoiseMethod } from '../noise/types.js';
import { differenceVerdict, thresholdVerdict, type Verdict } from '../noise/verdict.js';
import type { Check, Direction, MetricRule } from '../rules/types.js';

/** Format name of the metrics the gate computes from a `predictions` file. */
export const PREDICTIONS_FORMAT = 'predictions';

/**
 * The metrics computed from a predictions file, as a metrics file (log loss is the one lower-is-better).
 *
 * @example
 * predictionsMetricFile('eval/predictions.csv', [['accuracy', 0.9]]).metrics[0].value // 0.9
 */
export function predictionsMetricFile(file: string, values: [string, number][]): MetricFile {
  return {
    file,
    format: PREDICTIONS_FORMAT,
    metrics: values.map(([name, value]): Metric => ({ name, value, file, higherIsBetter: name !== 'log_loss' })),
    aliases: {},
  };
}

/** What the gate knows beyond the metrics files, in a noise-aware run. */
export interface NoiseContext {
  /** Comparisons computed from the candidate's predictions (paired when the baseline's are given). */
  predictions?: Map<string, MetricComparison>;
}

/** The noise columns of one checked metric, in the report (`noise`) and the summary. */
export interface NoiseEntry {
  /** Where the uncertainty came from: `predictions` (paired or not), `metrics file`, or `none`. */
  source: 'paired predictions' | 'predictions' | 'metrics file' | 'none';
  /** Coverage of the intervals below (the rule's confidence, else 0.95). */
  confidence: number;
  method: NoiseMethod | null;
  /** The method in words, or why there is no estimate. */
  description: string;
  interval: [number, number] | null;
  baseline_interval: [number, number] | null;
  /** candidate − baseline, when there is a baseline. */
  difference: number | null;
  difference_interval: [number, number] | null;
  difference_method: NoiseMethod | null;
  /** How the difference was tested, or why it was not. */
  difference_description: string | null;
  /** The one-sided p-value the verdict quotes. */
  p_value: number | null;
  /** `worse (p = 0.003)`, `within noise (p = 0.41)`, `better (p < 0.001)`, `no estimate: …`. */
  verdict: string;
  verdict_kind: Verdict['kind'];
}

/**
 * A metric computed from predictions and also read from a metrics file must be the same number
 * (or a rounded copy of it, as the gate's rule for one metric in two files: `sameValue`):
 * otherwise which one the rule means is unknowable.
 */
export function assertAgree(computed: MetricFile, files: MetricFile[]): void {
  const problems: (Location & { message: string })[] = [];
  for (const m of computed.metrics) {
    const other = lookupMetric(files, m.name);
    if (!other) continue;
    const v = m.value as number;
    if (sameValue(v, other.value)) continue;
    problems.push({
      message:
        `'${m.name}' is ${formatNumber(v)} from the predictions in ${computed.file} but ` +
        `${typeof other.value === 'number' ? formatNumber(other.value) : String(other.value)} here: ` +
        'the gate cannot tell which one the rule means; give the metric in one place only',
      file: other.file,
      line: other.line,
    });
  }
  if (problems.length > 0) throw UserError.combine(problems);
}

/**
 * The summary's "Evidence" cell: where the uncertainty came from and how the difference was tested.
 *
 * @example
 * noiseEvidence({ ...entry, source: 'none' }) // 'none'
 */
export function noiseEvidence(n: NoiseEntry): string {
  return n.source === 'none' ? 'none' : `${n.source}: ${n.difference_description ?? n.description}`;
}

/**
 * The comparison of one metric from its first source. Predictions give every estimate they can;
 * a baseline from a metrics file (no `baseline-predictions`) gives an unpaired difference when
 * both sides have a proportion's n or a stderr.
 */
export function comparisonFor(
  rule: MetricRule,
  metric: Metric,
  files: MetricFile[],
  baseline: MetricFile[] | undefined,
  context: NoiseContext,
): { comparison: MetricComparison; source: NoiseEntry['source'] } {
  const fromPredictions = context.predictions?.get(metric.name);
  const fileOf = (fs: MetricFile[] | undefined, m: Metric) =>
    fs?.find((f) => f.file === m.file && f.metrics.includes(m));
  const baseMetric = baseline && (lookupMetric(baseline, metric.name) ?? lookupMetric(baseline, rule.metric));
  const usable = (m: Metric | undefined) => typeof m?.value === 'number' && Number.isFinite(m.value);
  const options = { proportion: isProportion(metric.name) };
  const baseReported =
    baseMetric && usable(baseMetric) && fileOf(baseline, baseMetric)?.format !== PREDICTIONS_FORMAT
      ? reportedFromFile(fileOf(baseline, baseMetric), baseMetric, undefined)
      : undefined;
  if (fromPredictions) {
    if (fromPredictions.difference) return { comparison: fromPredictions, source: 'paired predictions' };
    if (!baseReported) return { comparison: fromPredictions, source: 'predictions' };
    // candidate from predictions, baseline from a metrics file: unpaired
    const candidate = { value: fromPredictions.candidate.value, n: fromPredictions.candidate.n };
    return {
      comparison: {
        ...fromPredictions,
        baseline: reportedEstimate(baseReported, options),
        difference: reportedDifference(candidate, baseReported, options),
      },
      source: 'predictions',
    };
  }
  const candidate = reportedFromFile(fileOf(files, metric), metric, rule.noise?.n);
  return {
    comparison: reportedComparison(metric.name, candidate, baseReported, options),
    source: 'metrics file',
  };
}

/** The report's and summary's noise columns for one checked metric. */
export function noiseEntry(
  rule: MetricRule,
  comparison: MetricComparison,
  source: NoiseEntry['source'],
  direction: Direction,
): NoiseEntry {
  const confidence = rule.noise?.confidence ?? 0.95;
  const significance = rule.noise?.significance ?? 0.05;
  const interval = (e: Estimate | undefined) => e?.evidence?.interval(confidence) ?? null;
  const c = comparison.candidate;
  const d = comparison.difference;
  return {
    source: c.evidence || d?.evidence ? source : 'none',
    confidence,
    method: c.evidence?.method ?? null,
    description: c.evidence?.description ?? `no estimate: ${c.noEvidence ?? 'no source of uncertainty'}`,
    interval: interval(c),
    baseline_interval: interval(comparison.baseline),
    difference: d ? d.value : null,
    difference_interval: interval(d),
    difference_method: d?.evidence?.method ?? null,
    difference_description: !d ? null : (d.evidence?.description ?? `no estimate: ${d.noEvidence ?? 'no source'}`),
    ...verdictOf(rule, comparison, direction, significance),
  };
}

/**
 * The row's verdict: against the baseline when there is one (margin: the rule's max-drop or
 * max-increase in the metric's worse direction), else against the rule's first bound.
 */
function verdictOf(
  rule: MetricRule,
  comparison: MetricComparison,
  direction: Direction,
  significance: number,
): Pick<NoiseEntry, 'p_value' | 'verdict' | 'verdict_kind'> {
  const words = (v: Verdict) => ({ p_value: v.pValue ?? null, verdict: v.text, verdict_kind: v.kind });
  if (comparison.difference) {
    const worse = direction === 'higher' ? 'max-drop' : 'max-increase';
    const check = rule.checks.find(
      (k): k is Extract<Check, { value: number }> => k.kind === worse || k.kind === `${worse}-pct`,
    );
    const base = comparison.baseline?.value ?? NaN;
    const margin = !check ? 0 : check.kind.endsWith('-pct') ? (check.value / 100) * Math.abs(base) : check.value;
    return words(
      differenceVerdict(comparison.difference, {
        direction,
        significance,
        margin: Number.isFinite(margin) ? margin : 0,
      }),
    );
  }
  for (const check of rule.checks) {
    if (check.kind === 'target')
      return words(thresholdVerdict(comparison.candidate, check.value, { direction, significance }));
    if (check.kind === 'compare' && check.op !== '==') {
      const side = check.op.startsWith('>') ? 'higher' : 'lower';
      return words(thresholdVerdict(comparison.candidate, check.value, { direction: side, significance }));
    }
    if (check.kind === 'between') {
      const low = thresholdVerdict(comparison.candidate, check.min, { direction: 'higher', significance });
      return words(
        low.kind === 'worse'
          ? low
          : thresholdVerdict(comparison.candidate, check.max, { direction: 'lower', significance }),
      );
    }
  }
  const e = comparison.candidate;
  return {
    p_value: null,
    verdict: e.evidence ? 'no bound to test' : `no estimate: ${e.noEvidence ?? 'no source of uncertainty'}`,
    verdict_kind: 'no estimate',
  };
}
