/**
 * Class-count metrics (accuracy, precision / recall / F1 in every average): one bootstrap over the
 * distinct (y_true, candidate's prediction, baseline's prediction) outcomes, so 10^6 examples cost
 * what 100 do.
 */
import { sampleBinomial } from '../../stats/binomial-sample.js';
import { accuracy } from '../../predictions/accuracy.js';
import { clearClassCounts, emptyClassCounts, type ClassCounts } from '../../predictions/class-counts.js';
import { binaryPositive, CONFUSION_METRICS } from '../../predictions/metrics.js';
import { precisionRecallF1 } from '../../predictions/precision-recall-f1.js';
import type { Predictions } from '../../predictions/types.js';
import { outputNames, writeOutputs, type CompareOptions, type Group } from './group.js';

/** The group of class-count metrics; paired when a baseline is given. */
export function confusionGroup(
  candidate: Predictions,
  baseline: Predictions | undefined,
  options: CompareOptions,
): Group {
  const k = candidate.classes.length;
  const positive = binaryPositive(candidate, options.positiveLabel);
  const { metrics, vector } = countMetrics(positive, options.zeroDivision ?? 0);
  const { t, pc, pb, weights } = outcomeAtoms(candidate, baseline);
  const m = weights.length;
  const cc = emptyClassCounts(k);
  const cb = emptyClassCounts(k);
  const vc = new Float64Array(metrics.length);
  const vb = new Float64Array(metrics.length);
  const fill = (w: ArrayLike<number>) => {
    clearClassCounts(cc);
    clearClassCounts(cb);
    for (let a = 0; a < m; a++) {
      const c = w[a];
      if (c === 0) continue;
      add(cc, t[a], pc[a], c);
      if (baseline) add(cb, t[a], pb[a], c);
    }
  };
  const statistic = (w: ArrayLike<number>, out: Float64Array) => {
    fill(w);
    vector(cc, vc);
    if (baseline) vector(cb, vb);
    writeOutputs(vc, baseline && vb, out);
  };
  const names = outputNames(metrics, !!baseline);
  const estimates = new Float64Array(names.length);
  statistic(weights, estimates);
  return {
    weights,
    names,
    estimates,
    statistic,
    paired: !!baseline,
    cost: m * 2,
    permute:
      baseline &&
      ((uniform, out) => {
        // k of the m examples of atom (t, c, b) swap: they count as (t, b) for the candidate, (t, c) for the baseline
        clearClassCounts(cc);
        clearClassCounts(cb);
        for (let a = 0; a < m; a++) {
          const w = weights[a];
          const k = pc[a] === pb[a] ? 0 : sampleBinomial(w, 0.5, uniform);
          add(cc, t[a], pc[a], w - k);
          add(cb, t[a], pb[a], w - k);
          if (k > 0) {
            add(cc, t[a], pb[a], k);
            add(cb, t[a], pc[a], k);
          }
        }
        vector(cc, vc);
        vector(cb, vb);
        for (let i = 0; i < metrics.length; i++) out[i] = vc[i] - vb[i];
      }),
    jackknife: () => {
      fill(weights);
      const out = names.map(() => new Float64Array(m));
      const row = new Float64Array(names.length);
      for (let a = 0; a < m; a++) {
        add(cc, t[a], pc[a], -1);
        if (baseline) add(cb, t[a], pb[a], -1);
        vector(cc, vc);
        if (baseline) vector(cb, vb);
        writeOutputs(vc, baseline && vb, row);
        for (let o = 0; o < names.length; o++) out[o][a] = row[o];
        add(cc, t[a], pc[a], 1);
        if (baseline) add(cb, t[a], pb[a], 1);
      }
      return out;
    },
  };
}

function add(c: ClassCounts, t: number, p: number, w: number): void {
  c.actual[t] += w;
  c.predicted[p] += w;
  if (t === p) c.tp[t] += w;
  c.n += w;
}

/**
 * The class-count metrics these predictions give, in output order, and how to compute them into
 * a reused array: the allocation-free form of predictions/metrics.ts `confusionMetrics`, run once
 * per resample (10 000 times); both are checked against scikit-learn (__tests__/noise, predictions).
 */
function countMetrics(positive: number | string, zeroDivision: 0 | 1) {
  const binary = typeof positive === 'number';
  // the binary-only forms (precision, recall, f1) have no suffix
  const metrics = CONFUSION_METRICS.filter((m) => binary || m.includes('_') || m === 'accuracy');
  const averages = binary ? (['binary', 'macro', 'weighted'] as const) : (['macro', 'weighted'] as const);
  const vector = (c: ClassCounts, out: Float64Array) => {
    let j = 0;
    out[j++] = accuracy(c);
    for (const average of averages) {
      const r = precisionRecallF1(c, average, { positive: positive as number, zeroDivision });
      out[j++] = r.precision;
      out[j++] = r.recall;
      out[j++] = r.f1;
    }
  };
  return { metrics, vector };
}

/**
 * The distinct (y_true, candidate, baseline) outcomes — the bootstrap's atoms — with their
 * multiplicities (baseline 0 when there is none).
 *
 * @example
 * outcomeAtoms({ n: 3, yTrue: [0, 1, 1], yPred: [0, 1, 1], classes: ['a', 'b'] }) // weights [1, 2]
 */
function outcomeAtoms(candidate: Predictions, baseline: Predictions | undefined) {
  const k = candidate.classes.length;
  const index = new Map<number, number>();
  const t: number[] = [];
  const pc: number[] = [];
  const pb: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < candidate.n; i++) {
    const y = candidate.yTrue[i];
    const c = candidate.yPred[i];
    const b = baseline ? baseline.yPred[i] : 0;
    const key = (y * k + c) * k + b;
    const a = index.get(key);
    if (a !== undefined) weights[a]++;
    else {
      index.set(key, weights.length);
      t.push(y);
      pc.push(c);
      pb.push(b);
      weights.push(1);
    }
  }
  return { t, pc, pb, weights };
}
