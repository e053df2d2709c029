// ROC AUC: binary from the score of the probability class; one-vs-rest macro over the classes.
import { indicator, probabilityClass, type PredictionMetric } from '../../predictions/metrics.js';
import { rocAuc, rocAucLeaveOneOut, rocAucWeighted, scoreOrder } from '../../predictions/roc-auc.js';
import type { Predictions } from '../../predictions/types.js';
import { outputNames, writeOutputs, type CompareOptions, type Group } from './group.js';

export function aucGroup(
  candidate: Predictions,
  baseline: Predictions | undefined,
  metric: PredictionMetric,
  options: CompareOptions,
): Group {
  const binary = metric === 'roc_auc';
  const paired = !!baseline;
  const n = candidate.n;
  // One "column" per class (OvR) or the single binary one: positives, scores, and (sorted only
  // when the bootstrap runs) the examples by score.
  type Column = { positive: Uint8Array; score: ArrayLike<number>; order?: Int32Array };
  const columns = (p: Predictions): Column[] => {
    if (binary) {
      const k = probabilityClass(p, options.positiveLabel)!;
      return [{ positive: indicator(p.yTrue, k), score: p.score ?? p.proba!.get(k)! }];
    }
    return p.classes.map((_, k) => ({ positive: indicator(p.yTrue, k), score: p.proba!.get(k)! }));
  };
  const cols = columns(candidate);
  const colsB = paired ? columns(baseline!) : undefined;
  const macro = (cs: Column[], w: ArrayLike<number>) => {
    let s = 0;
    for (const c of cs) s += rocAucWeighted(c.positive, c.score, (c.order ??= scoreOrder(c.score)), w);
    return s / cs.length; // NaN when a class has no positive or no negative in the resample
  };
  const vc = new Float64Array(1);
  const vb = new Float64Array(1);
  const statistic = (w: ArrayLike<number>, out: Float64Array) => {
    vc[0] = macro(cols, w);
    if (colsB) vb[0] = macro(colsB, w);
    writeOutputs(vc, colsB && vb, out);
  };
  const names = outputNames([metric], paired);
  const estimates = new Float64Array(names.length);
  const full = (cs: Column[]) => cs.reduce((s, c) => s + rocAuc(c.positive, c.score), 0) / cs.length;
  writeOutputs(Float64Array.of(full(cols)), colsB && Float64Array.of(full(colsB)), estimates);
  const leaveOneOut = (cs: Column[]) => {
    const out = new Float64Array(n);
    for (const c of cs) {
      const l = rocAucLeaveOneOut(c.positive, c.score);
      for (let i = 0; i < n; i++) out[i] += l[i] / cs.length;
    }
    return out;
  };
  // Permutation: example i's scores swapped between the models with probability ½, both AUCs recomputed.
  const swapped = (mine: Column[], theirs: Column[], swap: Uint8Array): number => {
    let sum = 0;
    for (let k = 0; k < mine.length; k++) {
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) score[i] = swap[i] ? theirs[k].score[i] : mine[k].score[i];
      sum += rocAuc(mine[k].positive, score);
    }
    return sum / mine.length;
  };
  return {
    weights: new Int32Array(n).fill(1),
    names,
    estimates,
    statistic,
    paired,
    cost: n * (1 + cols.length * (paired ? 2 : 1)),
    permute:
      colsB &&
      ((uniform, out) => {
        const swap = new Uint8Array(n);
        for (let i = 0; i < n; i++) swap[i] = uniform() < 0.5 ? 1 : 0;
        out[0] = swapped(cols, colsB, swap) - swapped(colsB, cols, swap);
      }),
    permuteCost: 2 * cols.length * n * Math.max(1, Math.log2(n)),
    jackknife: () => {
      const c = leaveOneOut(cols);
      if (!colsB) return [c];
      const b = leaveOneOut(colsB);
      return [c, b, c.map((x, i) => x - b[i])];
    },
  };
}
