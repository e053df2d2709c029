/**
 * Noise-aware comparison of per-example predictions (issue 14, item 2, first source): every metric
 * of src/predictions with its interval, and — against a baseline's predictions on the same
 * examples — the difference with its interval and one-sided p-values:
 *
 * - accuracy: Wilson interval per model; the difference by the exact McNemar test (interval and
 *   non-zero margins from the paired bootstrap);
 * - precision / recall / F1 (all averages): one paired bootstrap over the distinct
 *   (y_true, candidate's prediction, baseline's prediction) outcomes — a multinomial draw per
 *   resample, so 10^6 examples cost what 100 do;
 * - log loss and ROC AUC: paired bootstrap over the examples, when resamples × examples stay
 *   within `maxBootstrapWork`; above it the normal approximation with the jackknife standard
 *   error (the bootstrap's own large-sample limit: the jackknife variance of the AUC is DeLong's).
 *
 * Bootstrap intervals are BCa (default) or percentile; the p-values invert the same intervals. For
 * "any difference at all" (margin 0) a paired difference also has to pass the paired permutation
 * test (permutationEvidence), which keeps the false-failure rate at its level on small test sets.
 * Everything is seeded: the same predictions give the same numbers on every run.
 */
import { mcnemarExact } from '../stats/mcnemar.js';
import { computeMetrics, type PredictionMetric } from '../predictions/metrics.js';
import type { Predictions } from '../predictions/types.js';
import { mcnemarEvidence, wilsonEvidence } from './evidence.js';
import { aucGroup } from './groups/auc.js';
import { confusionGroup } from './groups/confusion.js';
import type { CompareOptions, Group } from './groups/group.js';
import { logLossGroup } from './groups/log-loss.js';
import { runGroup } from './run-group.js';
import type { Estimate, Evidence, MetricComparison } from './types.js';

export { DEFAULT_MAX_BOOTSTRAP_WORK, type CompareOptions } from './groups/group.js';

export interface PredictionComparison {
  /** One entry per metric the candidate's predictions give a value for, in PREDICTION_METRICS order. */
  comparisons: MetricComparison[];
  /** Metrics these predictions cannot give, with the reason. */
  unavailable: { metric: PredictionMetric; reason: string }[];
}

/**
 * @example
 * const { candidate, baseline } = await readPredictionPair('pr.csv', 'main.csv');
 * const { comparisons } = comparePredictions(candidate, baseline);
 * comparisons.find((c) => c.metric === 'accuracy')!.difference!.evidence!.pBelow(0) // McNemar's one-sided p
 */
export function comparePredictions(
  candidate: Predictions,
  baseline?: Predictions,
  options: CompareOptions = {},
): PredictionComparison {
  if (baseline && (baseline.n !== candidate.n || baseline.classes !== candidate.classes)) {
    // pairPredictions gives both the same class list object and the same examples
    throw new Error('comparePredictions: pair the predictions first (pairPredictions)');
  }
  const values = computeMetrics(candidate, options);
  const baseValues = baseline && computeMetrics(baseline, options);
  const evidence = new Map<string, { evidence: Evidence | null; noEvidence?: string }>();
  for (const group of groups(candidate, baseline, values, baseValues, options)) {
    for (const [name, e] of runGroup(group, options)) evidence.set(name, e);
  }
  // Accuracy: Wilson per model, McNemar for the difference.
  const right = (p: Predictions) => p.yTrue.reduce((s, t, i) => s + (t === p.yPred[i] ? 1 : 0), 0);
  evidence.set('accuracy', { evidence: wilsonEvidence(right(candidate), candidate.n) });
  if (baseline) {
    evidence.set('accuracy@baseline', { evidence: wilsonEvidence(right(baseline), baseline.n) });
    let worse = 0;
    let better = 0;
    for (let i = 0; i < candidate.n; i++) {
      const c = candidate.yPred[i] === candidate.yTrue[i];
      const b = baseline.yPred[i] === baseline.yTrue[i];
      if (b && !c) worse++;
      else if (c && !b) better++;
    }
    const boot = evidence.get('accuracy@difference')?.evidence;
    const accuracyOf = (m: typeof values) => (m.get('accuracy') as { value: number }).value;
    const fallback = boot ?? pointEvidence(accuracyOf(values) - accuracyOf(baseValues!));
    evidence.set('accuracy@difference', {
      evidence: mcnemarEvidence(mcnemarExact(worse, better), worse, better, fallback),
    });
  }

  const comparisons: MetricComparison[] = [];
  const unavailable: PredictionComparison['unavailable'] = [];
  for (const [metric, v] of values) {
    if (!('value' in v)) {
      unavailable.push({ metric, reason: v.unavailable });
      continue;
    }
    const estimate = (name: string, value: number): Estimate => ({
      value,
      n: candidate.n,
      evidence: evidence.get(name)?.evidence ?? null,
      ...(evidence.get(name)?.noEvidence ? { noEvidence: evidence.get(name)!.noEvidence } : {}),
    });
    const c: MetricComparison = { metric, candidate: estimate(metric, v.value) };
    const b = baseValues?.get(metric);
    if (b && 'value' in b) {
      c.baseline = estimate(`${metric}@baseline`, b.value);
      c.difference = estimate(`${metric}@difference`, v.value - b.value);
    } else if (b) {
      c.baseline = { value: NaN, evidence: null, noEvidence: `the baseline has no ${metric}: ${b.unavailable}` };
    }
    comparisons.push(c);
  }
  return { comparisons, unavailable };
}

/** A difference known exactly (identical predictions): interval [d, d], p-values of a point mass. */
function pointEvidence(d: number): Evidence {
  return {
    method: 'paired-bootstrap',
    description: 'the two models predict the same on every example',
    interval: () => [d, d],
    pBelow: (t) => (d < t ? 0 : 1),
    pAbove: (t) => (d > t ? 0 : 1),
  };
}

type Values = ReturnType<typeof computeMetrics>;

function* groups(
  candidate: Predictions,
  baseline: Predictions | undefined,
  values: Values,
  baseValues: Values | undefined,
  options: CompareOptions,
): Generator<Group> {
  yield confusionGroup(candidate, baseline, options);
  // Which models have the metric (a baseline without probabilities gets no difference).
  const has = (metric: PredictionMetric) => {
    const c = values.get(metric);
    const b = baseValues?.get(metric);
    return { candidate: !!c && 'value' in c, baseline: !!b && 'value' in b };
  };
  const logLoss = has('log_loss');
  if (logLoss.candidate) yield logLossGroup(candidate, logLoss.baseline ? baseline : undefined, options);
  const metric = candidate.classes.length <= 2 ? 'roc_auc' : 'roc_auc_ovr';
  const auc = has(metric);
  if (auc.candidate) yield aucGroup(candidate, auc.baseline ? baseline : undefined, metric, options);
}
