import type { ClassCounts } from './class-counts.js';

export type Average = 'binary' | 'macro' | 'weighted';

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

export interface PrfOptions {
  /** Class index of the positive class; required for 'binary'. */
  positive?: number;
  /** Value of a 0/0 precision or recall (scikit-learn's `zero_division`; its default 'warn' acts as 0). */
  zeroDivision?: 0 | 1;
}

/**
 * Precision, recall and F1 exactly as scikit-learn 1.2's `precision_recall_fscore_support`
 * computes them (`precision_score`, `recall_score`, `f1_score` with `average`):
 *
 * - per class: precision tp/predicted, recall tp/actual, a 0/0 set to `zeroDivision`;
 *   F1 = 2·P·R / (P + R), 0 when P + R = 0;
 * - 'binary': the positive class alone (`pos_label`);
 * - 'macro': unweighted mean over the labels present in y_true or y_pred;
 * - 'weighted': mean weighted by support; with no support at all, P, R and F1 are
 *   `zeroDivision` when nothing was predicted either, else 0, `zeroDivision`, 0 — as scikit-learn.
 *
 * @example
 * const c = classCounts(Int32Array.of(0, 1, 1, 2), Int32Array.of(0, 1, 0, 2), 3);
 * precisionRecallF1(c, 'macro') // { precision: 0.8333…, recall: 0.8333…, f1: 0.7777… }
 */
export function precisionRecallF1(c: ClassCounts, average: Average, options: PrfOptions = {}): PrecisionRecallF1 {
  const zd = options.zeroDivision ?? 0;
  if (average === 'binary') {
    const k = options.positive;
    if (k === undefined) throw new RangeError("precisionRecallF1: 'binary' needs the positive class");
    return classScores(c.tp[k], c.predicted[k], c.actual[k], zd);
  }
  let sumP = 0;
  let sumR = 0;
  let sumF = 0;
  let weight = 0;
  let predictedTotal = 0;
  for (let k = 0; k < c.tp.length; k++) {
    if (c.actual[k] === 0 && c.predicted[k] === 0) continue; // not a present label
    const s = classScores(c.tp[k], c.predicted[k], c.actual[k], zd);
    const w = average === 'weighted' ? c.actual[k] : 1;
    sumP += w * s.precision;
    sumR += w * s.recall;
    sumF += w * s.f1;
    weight += w;
    predictedTotal += c.predicted[k];
  }
  if (weight === 0) {
    // 'weighted' with no support (scikit-learn's special case); 'macro' with no label cannot happen.
    return predictedTotal === 0 ? { precision: zd, recall: zd, f1: zd } : { precision: 0, recall: zd, f1: 0 };
  }
  return { precision: sumP / weight, recall: sumR / weight, f1: sumF / weight };
}

function classScores(tp: number, predicted: number, actual: number, zd: 0 | 1): PrecisionRecallF1 {
  const precision = predicted === 0 ? zd : tp / predicted;
  const recall = actual === 0 ? zd : tp / actual;
  const denom = precision + recall;
  return { precision, recall, f1: denom === 0 ? 0 : (2 * precision * recall) / denom };
}
