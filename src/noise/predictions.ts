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
import { bcaParameters, type BcaParameters } from '../stats/bca-parameters.js';
import { sampleBinomial } from '../stats/binomial-sample.js';
import { bootstrapReplicates, DEFAULT_RESAMPLES, DEFAULT_SEED } from '../stats/bootstrap.js';
import { mulberry32 } from '../stats/random.js';
import { mean } from '../stats/describe.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import { accuracy } from '../predictions/accuracy.js';
import { clearClassCounts, emptyClassCounts, type ClassCounts } from '../predictions/class-counts.js';
import {
  binaryPositive,
  computeMetrics,
  indicator,
  logLossTerms,
  probabilityClass,
  type MetricOptions,
  type PredictionMetric,
} from '../predictions/metrics.js';
import { precisionRecallF1 } from '../predictions/precision-recall-f1.js';
import { rocAuc, rocAucLeaveOneOut, rocAucWeighted, scoreOrder } from '../predictions/roc-auc.js';
import type { Predictions } from '../predictions/types.js';
import { bootstrapEvidence, mcnemarEvidence, normalEvidence, permutationEvidence, wilsonEvidence } from './evidence.js';
import type { Estimate, Evidence, MetricComparison } from './types.js';

export interface CompareOptions extends MetricOptions {
  /** Bootstrap resamples (default 10 000). */
  resamples?: number;
  /** Seed of the resampling (default DEFAULT_SEED). */
  seed?: number;
  /** Bootstrap interval (and matching p-values): 'bca' (default) or 'percentile'. */
  interval?: 'bca' | 'percentile';
  /**
   * Most resampling work per metric group, in example visits (resamples × examples × the
   * statistic's passes), before the jackknife normal approximation replaces the bootstrap of
   * log loss and ROC AUC. Default 2·10^8 (~1–2 s on one core; n ≈ 6 000 binary, fewer classes
   * of OvR AUC).
   */
  maxBootstrapWork?: number;
}

export const DEFAULT_MAX_BOOTSTRAP_WORK = 2e8;

export interface PredictionComparison {
  /** One entry per metric the candidate's predictions give a value for, in PREDICTION_METRICS order. */
  comparisons: MetricComparison[];
  /** Metrics these predictions cannot give, with the reason. */
  unavailable: { metric: PredictionMetric; reason: string }[];
}

/** What one bootstrap run computes: several outputs from the same resamples. */
interface Group {
  /** Multiplicities of the atoms (distinct per-example outcomes, or single examples). */
  weights: ArrayLike<number>;
  /** Output names: `<metric>` for the candidate, `<metric>@baseline`, `<metric>@difference`. */
  names: string[];
  /** The outputs on the full data (the values reported). */
  estimates: Float64Array;
  statistic(counts: Int32Array, out: Float64Array): void;
  /** Leave-one-out values per atom and output (jackknife). */
  jackknife(): Float64Array[];
  /** Example visits per resample (sampler and statistic), for the work budget. */
  cost: number;
  /** How the group resamples, for descriptions: 'paired' or one model. */
  paired: boolean;
  /**
   * Paired groups: one replicate of the paired permutation test —
   * each example's two predictions swapped with probability ½ — writing the differences (one per
   * metric, in `names` order) into `out`.
   */
  permute?(uniform: () => number, out: Float64Array): void;
  /** Example visits per permutation replicate, when it differs from `cost`. */
  permuteCost?: number;
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

/** Output names for a metric: the candidate's, and with a baseline the baseline's and the difference. */
function outputNames(metrics: string[], paired: boolean): string[] {
  return paired
    ? [...metrics, ...metrics.map((m) => `${m}@baseline`), ...metrics.map((m) => `${m}@difference`)]
    : metrics;
}

/** Candidate outputs c[0..m), baseline b[0..m) → out = c, b, c − b (or c alone). */
function writeOutputs(c: Float64Array, b: Float64Array | undefined, out: Float64Array, offset = 0): void {
  const m = c.length;
  for (let i = 0; i < m; i++) out[offset + i] = c[i];
  if (!b) return;
  for (let i = 0; i < m; i++) {
    out[offset + m + i] = b[i];
    out[offset + 2 * m + i] = c[i] - b[i];
  }
}

// ---------------------------------------------------------------------------------------------
// Class-count metrics: one bootstrap over distinct (y_true, candidate, baseline) outcomes.

function confusionGroup(candidate: Predictions, baseline: Predictions | undefined, options: CompareOptions): Group {
  const k = candidate.classes.length;
  const zd = options.zeroDivision ?? 0;
  const positive = binaryPositive(candidate, options.positiveLabel);
  const metrics = [
    'accuracy',
    ...(typeof positive === 'number' ? ['precision', 'recall', 'f1'] : []),
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
  ];
  const vector = (c: ClassCounts, out: Float64Array) => {
    let j = 0;
    out[j++] = accuracy(c);
    const averages =
      typeof positive === 'number' ? (['binary', 'macro', 'weighted'] as const) : (['macro', 'weighted'] as const);
    for (const average of averages) {
      const r = precisionRecallF1(c, average, { positive: positive as number, zeroDivision: zd });
      out[j++] = r.precision;
      out[j++] = r.recall;
      out[j++] = r.f1;
    }
  };
  // Atoms: distinct (t, c, b) outcomes.
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

// ---------------------------------------------------------------------------------------------
// Log loss: the mean of per-example terms.

function logLossGroup(candidate: Predictions, baseline: Predictions | undefined, options: CompareOptions): Group {
  const paired = !!baseline;
  const lc = logLossTerms(candidate, options.positiveLabel);
  const lb = baseline && logLossTerms(baseline, options.positiveLabel);
  const n = candidate.n;
  const vc = new Float64Array(1);
  const vb = new Float64Array(1);
  const statistic = (w: ArrayLike<number>, out: Float64Array) => {
    let sc = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const c = w[i];
      if (c === 0) continue;
      sc += c * lc[i];
      if (lb) sb += c * lb[i];
    }
    vc[0] = sc / n;
    vb[0] = sb / n;
    writeOutputs(vc, lb && vb, out);
  };
  const names = outputNames(['log_loss'], paired);
  const estimates = new Float64Array(names.length);
  estimates[0] = mean(lc);
  if (lb) {
    estimates[1] = mean(lb);
    estimates[2] = estimates[0] - estimates[1];
  }
  return {
    weights: new Int32Array(n).fill(1),
    names,
    estimates,
    statistic,
    paired,
    cost: 2 * n,
    permute:
      lb &&
      ((uniform, out) => {
        // each example's two terms swapped with probability ½: the difference changes sign
        let s = 0;
        let bits = 0;
        for (let i = 0; i < n; i++) {
          if ((i & 31) === 0) bits = uniform() * 4294967296;
          const d = lc[i] - lb[i];
          s += (bits & 1) === 1 ? -d : d;
          bits = Math.floor(bits / 2);
        }
        out[0] = s / n;
      }),
    jackknife: () => {
      const sc = sumOf(lc);
      const sb = lb ? sumOf(lb) : 0;
      const out = names.map(() => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        out[0][i] = (sc - lc[i]) / (n - 1);
        if (lb) {
          out[1][i] = (sb - lb[i]) / (n - 1);
          out[2][i] = out[0][i] - out[1][i];
        }
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// ROC AUC: binary from the score of the probability class; one-vs-rest macro over the classes.

function aucGroup(
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
  estimates[0] = full(cols);
  if (colsB) {
    estimates[1] = full(colsB);
    estimates[2] = estimates[0] - estimates[1];
  }
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

// ---------------------------------------------------------------------------------------------
// Running a group: bootstrap within the work budget, else the jackknife normal approximation.

function runGroup(
  group: Group,
  options: CompareOptions,
): Map<string, { evidence: Evidence | null; noEvidence?: string }> {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const maxWork = options.maxBootstrapWork ?? DEFAULT_MAX_BOOTSTRAP_WORK;
  const out = new Map<string, { evidence: Evidence | null; noEvidence?: string }>();
  const jackknife = group.jackknife();
  const weights = group.weights;
  const n = sumOf(weights);
  if (resamples * group.cost > maxWork) {
    group.names.forEach((name, o) => {
      const se = jackknifeStandardError(jackknife[o], weights, n);
      if (!(se > 0)) {
        out.set(name, { evidence: null, noEvidence: 'every leave-one-out value is the same: no measurable noise' });
        return;
      }
      const description =
        `normal approximation with the jackknife standard error ${se.toPrecision(3)} ` +
        `(${n} examples: too many for ${resamples} bootstrap resamples of this metric)`;
      out.set(name, { evidence: normalEvidence(group.estimates[o], se, 'jackknife-normal', description) });
    });
    return out;
  }
  const replicates = bootstrapReplicates(weights, group.names.length, group.statistic, {
    resamples,
    seed: options.seed ?? DEFAULT_SEED,
  });
  const permuted =
    group.permute && resamples * (group.permuteCost ?? group.cost) <= maxWork
      ? permutationReplicates(group, resamples, (options.seed ?? DEFAULT_SEED) + 1)
      : undefined;
  group.names.forEach((name, o) => {
    const sorted = finiteSorted(replicates[o]);
    const dropped = resamples - sorted.length;
    const method = group.paired ? 'paired-bootstrap' : 'bootstrap';
    if (sorted.length < resamples / 2) {
      out.set(name, { evidence: null, noEvidence: `the metric is undefined in ${dropped} of ${resamples} resamples` });
      return;
    }
    if (sorted[0] === sorted[sorted.length - 1]) {
      out.set(name, {
        evidence: null,
        noEvidence:
          `every one of the ${resamples} resamples gives ${sorted[0]}: ` +
          'the bootstrap cannot measure the noise of this metric here (identical or perfect predictions)',
      });
      return;
    }
    let bca: BcaParameters | undefined;
    if ((options.interval ?? 'bca') === 'bca' && jackknife[o].every((x) => Number.isFinite(x))) {
      bca = bcaParameters(sorted, group.estimates[o], jackknife[o], weights);
    }
    const kind = bca ? 'BCa' : 'percentile';
    const description =
      `${group.paired ? 'paired bootstrap' : 'bootstrap'}, ${resamples} resamples (${kind}, seed ${options.seed ?? DEFAULT_SEED})` +
      (dropped > 0 ? `; ${dropped} resamples where the metric is undefined left out` : '');
    const evidence = bootstrapEvidence(sorted, bca, method, description);
    // (accuracy's difference gets the exact McNemar test instead, in comparePredictions)
    const d = name.endsWith('@difference') && name !== 'accuracy@difference' ? o - (group.names.length / 3) * 2 : -1;
    out.set(name, {
      evidence: permuted && d >= 0 ? permutationEvidence(evidence, permuted[d], group.estimates[o]) : evidence,
    });
  });
  return out;
}

/** Sorted permutation-test replicates of each difference output of a paired class-count group. */
function permutationReplicates(group: Group, resamples: number, seed: number): Float64Array[] {
  const m = group.names.length / 3;
  const uniform = mulberry32(seed);
  const out = Array.from({ length: m }, () => new Float64Array(resamples));
  const row = new Float64Array(m);
  for (let r = 0; r < resamples; r++) {
    group.permute!(uniform, row);
    for (let i = 0; i < m; i++) out[i][r] = row[i];
  }
  return out.map((x) => x.sort());
}

/** √((n−1)/n · Σ w_j (θ_j − θ̄)²) over atoms of multiplicity w_j. */
function jackknifeStandardError(values: Float64Array, weights: ArrayLike<number>, n: number): number {
  let mean = 0;
  for (let j = 0; j < values.length; j++) mean += weights[j] * values[j];
  mean /= n;
  let ss = 0;
  for (let j = 0; j < values.length; j++) ss += weights[j] * (values[j] - mean) ** 2;
  return Math.sqrt(((n - 1) / n) * ss);
}

function finiteSorted(a: Float64Array): Float64Array {
  let j = 0;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) out[j++] = a[i];
  return out.subarray(0, j).sort();
}

function sumOf(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
