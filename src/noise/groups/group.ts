/**
 * One bootstrap "group": several outputs (a metric for the candidate, the baseline and their
 * difference) computed from the same resamples of the same atoms. Each kind of metric builds its
 * group in its own file (confusion.ts, log-loss.ts, auc.ts); run-group.ts runs any of them.
 */
import type { MetricOptions } from '../../predictions/metrics.js';

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

/** What one bootstrap run computes: several outputs from the same resamples. */
export interface Group {
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

/** Output names for a metric: the candidate's, and with a baseline the baseline's and the difference. */
export function outputNames(metrics: string[], paired: boolean): string[] {
  return paired
    ? [...metrics, ...metrics.map((m) => `${m}@baseline`), ...metrics.map((m) => `${m}@difference`)]
    : metrics;
}

/** Candidate outputs c[0..m), baseline b[0..m) → out = c, b, c − b (or c alone). */
export function writeOutputs(c: Float64Array, b: Float64Array | undefined, out: Float64Array, offset = 0): void {
  const m = c.length;
  for (let i = 0; i < m; i++) out[offset + i] = c[i];
  if (!b) return;
  for (let i = 0; i < m; i++) {
    out[offset + m + i] = b[i];
    out[offset + 2 * m + i] = c[i] - b[i];
  }
}

export function sumOf(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
