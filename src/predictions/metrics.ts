/**
 * The metrics the gate computes from per-example predictions, under scikit-learn's names
 * (scorer names: `f1_macro`, `roc_auc_ovr`, …), each matching scikit-learn 1.2 exactly.
 */
import { accuracy } from './accuracy.js';
import { classCounts, type ClassCounts } from './class-counts.js';
import { positiveLabel } from './labels.js';
import { logLossTermsProba, logLossTermsScore } from './log-loss.js';
import { precisionRecallF1, type Average } from './precision-recall-f1.js';
import { rocAuc } from './roc-auc.js';
import { quote } from './read.js';
import type { Predictions } from './types.js';
import { mean } from '../stats/describe.js';

export const PREDICTION_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted',
  'roc_auc',
  'roc_auc_ovr',
  'log_loss',
] as const;

export type PredictionMetric = (typeof PREDICTION_METRICS)[number];

/** The metrics computed from class counts alone (one bootstrap serves them all). */
export const CONFUSION_METRICS: readonly PredictionMetric[] = PREDICTION_METRICS.slice(0, 10);

export interface MetricOptions {
  /** The positive class of the binary precision/recall/F1 (scikit-learn `pos_label`; default 1 / True). */
  positiveLabel?: string;
  /** scikit-learn `zero_division` (0, the default, is what 'warn' gives). */
  zeroDivision?: 0 | 1;
}

/** A metric's value, or why it cannot be computed from these predictions. */
export type MetricValue = { value: number } | { unavailable: string };

/**
 * Every metric of PREDICTION_METRICS for one model's predictions: a value, or the reason it has
 * none (binary metrics of a multiclass problem, no probabilities, a class absent from y_true…).
 *
 * @example
 * computeMetrics(predictions).get('f1_macro') // { value: 0.8123… }
 * computeMetrics(predictions).get('roc_auc') // { unavailable: 'no score or proba_<class> columns' }
 */
export function computeMetrics(p: Predictions, options: MetricOptions = {}): Map<PredictionMetric, MetricValue> {
  const out = new Map<PredictionMetric, MetricValue>();
  const counts = classCounts(p.yTrue, p.yPred, p.classes.length);
  const positive = binaryPositive(p, options.positiveLabel);
  for (const [name, value] of confusionMetrics(counts, positive, options.zeroDivision)) out.set(name, value);
  for (const [name, value] of probabilityMetrics(p, options.positiveLabel)) out.set(name, value);
  return out;
}

/**
 * The class index of the positive class for the binary averages, or the reason there is none.
 * A binary problem has at most two classes; the positive class is the one named, else `1` /
 * `True` (scikit-learn's `pos_label=1`).
 */
export function binaryPositive(p: Pick<Predictions, 'classes' | 'numericLabels'>, named?: string): number | string {
  if (p.classes.length > 2)
    return `a multiclass problem (${p.classes.length} classes): use the _macro or _weighted form`;
  const label = positiveLabel(p.classes, p.numericLabels, named);
  if (label === undefined) {
    return `no positive class: the labels are not 0/1 or booleans; name the positive class`;
  }
  const k = p.classes.indexOf(label);
  return k >= 0 ? k : `the positive class ${quote(label)} is not one of the labels`;
}

/** The ten class-count metrics from one set of class counts (a resample's, in the bootstrap). */
export function confusionMetrics(
  counts: ClassCounts,
  positive: number | string,
  zeroDivision: 0 | 1 = 0,
): [PredictionMetric, MetricValue][] {
  const out: [PredictionMetric, MetricValue][] = [['accuracy', { value: accuracy(counts) }]];
  const add = (suffix: string, average: Average, pos?: number) => {
    const r = precisionRecallF1(counts, average, { positive: pos, zeroDivision });
    out.push(
      [`precision${suffix}` as PredictionMetric, { value: r.precision }],
      [`recall${suffix}` as PredictionMetric, { value: r.recall }],
      [`f1${suffix}` as PredictionMetric, { value: r.f1 }],
    );
  };
  if (typeof positive === 'number') add('', 'binary', positive);
  else for (const m of ['precision', 'recall', 'f1'] as const) out.push([m, { unavailable: positive }]);
  add('_macro', 'macro');
  add('_weighted', 'weighted');
  return out;
}

/**
 * The class whose probability a binary ROC AUC and log loss use: the one named, else the greater
 * label (scikit-learn's convention for a one-column `y_score`). Undefined for multiclass.
 */
export function probabilityClass(p: Pick<Predictions, 'classes'>, named?: string): number | undefined {
  if (p.classes.length !== 2) return undefined;
  if (named !== undefined && p.classes.includes(named)) return p.classes.indexOf(named);
  return 1;
}

function probabilityMetrics(p: Predictions, named?: string): [PredictionMetric, MetricValue][] {
  const binary = p.classes.length <= 2;
  const auc: PredictionMetric = binary ? 'roc_auc' : 'roc_auc_ovr';
  const wrongKind = binary ? 'a binary problem: see roc_auc' : 'a multiclass problem: see roc_auc_ovr';
  const out: [PredictionMetric, MetricValue][] = [[binary ? 'roc_auc_ovr' : 'roc_auc', { unavailable: wrongKind }]];
  const without = (why: string): [PredictionMetric, MetricValue][] => [
    ...out,
    [auc, { unavailable: why }],
    ['log_loss', { unavailable: why }],
  ];
  if (!p.score && !p.proba) return without('no score or proba_<class> columns');
  if (p.classes.length < 2) return without(`y_true and the model know one class only (${quote(p.classes[0])})`);
  const lacking = p.proba ? p.classes.filter((_, k) => !p.proba!.has(k)) : [];
  if (lacking.length > 0) return without(`no proba_ column for class ${quote(lacking[0])}`);
  if (binary) {
    const k = probabilityClass(p, named)!;
    const isPositive = indicator(p.yTrue, k);
    const score = p.score ?? p.proba!.get(k)!;
    const auc = rocAuc(isPositive, score);
    out.push(['roc_auc', Number.isNaN(auc) ? { unavailable: 'y_true holds one class only' } : { value: auc }]);
  } else {
    out.push(['roc_auc_ovr', rocAucOvr(p)]);
  }
  out.push(['log_loss', { value: mean(logLossTerms(p, named)) }]);
  return out;
}

/** Per-example log loss terms of a model with probabilities (see log-loss.ts). */
export function logLossTerms(p: Predictions, named?: string): Float64Array {
  if (p.score) return logLossTermsScore(indicator(p.yTrue, probabilityClass(p, named)!), p.score);
  const columns = p.classes.map((_, k) => p.proba!.get(k)!);
  return logLossTermsProba(p.yTrue, columns);
}

/**
 * One-vs-rest ROC AUC averaged over the classes (`roc_auc_score(y, proba, multi_class='ovr',
 * average='macro')`); undefined, as in scikit-learn, when a class has no example in y_true.
 */
function rocAucOvr(p: Predictions): MetricValue {
  let sum = 0;
  for (let k = 0; k < p.classes.length; k++) {
    const score = p.proba!.get(k)!;
    const auc = rocAuc(indicator(p.yTrue, k), score);
    if (Number.isNaN(auc)) return { unavailable: `class ${quote(p.classes[k])} has no example in y_true` };
    sum += auc;
  }
  return { value: sum / p.classes.length };
}

/** 1 where yTrue is class k. */
export function indicator(yTrue: Int32Array, k: number): Uint8Array {
  const out = new Uint8Array(yTrue.length);
  for (let i = 0; i < out.length; i++) out[i] = yTrue[i] === k ? 1 : 0;
  return out;
}
