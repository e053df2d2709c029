/**
 * Per-example predictions of one model on one labelled test set, as read from a `predictions`
 * file (read.ts): the true and predicted class of each example, and optionally the model's
 * probabilities. Column-oriented, typed arrays, so 10^6 examples take a few tens of MB.
 */
export interface Predictions {
  /** The file as the user named it (for messages). */
  file: string;
  /** Number of examples. */
  n: number;
  /**
   * The classes, as label texts (numbers in their shortest form, `1`, `0.5`; booleans `True` /
   * `False`, as pandas prints them), sorted as scikit-learn sorts labels: numerically when every
   * label is a number, otherwise by code point.
   */
  classes: string[];
  /** True when every class is a number (and so sorted numerically). */
  numericLabels: boolean;
  /** Index into `classes` of each example's true label. */
  yTrue: Int32Array;
  /** Index into `classes` of each example's predicted label. */
  yPred: Int32Array;
  /**
   * Binary problems with a `score` column: the probability, per example, of the positive class if
   * one is named, else of the greater label — scikit-learn's one-column `y_score` / `y_pred` for
   * roc_auc_score and log_loss (see probabilityClass in metrics.ts).
   */
  score?: Float64Array;
  /** `proba_<class>` columns, keyed by class index; each row sums to 1 within PROBA_SUM_TOLERANCE. */
  proba?: Map<number, Float64Array>;
  /** Example ids (`id` column) in row order, as text; absent when the file has no `id` column. */
  ids?: string[];
  /** 1-based file line of row i (undefined for Parquet). */
  line(i: number): number | undefined;
}

/** |Σ probabilities − 1| allowed per row: 4-decimal rounding of up to 20 classes stays inside it. */
export const PROBA_SUM_TOLERANCE = 1e-3;
