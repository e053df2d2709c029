/** One metric as read from a file, with where it stands for annotations. */
export interface Metric {
  /**
   * The metric's name: the name rules use, the key of the `metrics` output, of tag messages and of
   * registry baselines. For a plain tree it is the flattened path (`macro avg.f1-score`); for a
   * history it is the logged name (`val_accuracy`, `eval_wer`), whatever epoch it came from.
   */
  name: string;
  /**
   * Where the value is inside the file, as a flattened path, when that differs from `name`
   * (`val_accuracy.79`, `log_history.204.eval_wer`). A rule may name it too.
   */
  path?: string;
  /**
   * Value as found. Readers keep non-numbers (null, strings, NaN, ±Infinity) so the gate can reject
   * them with the file and line when a rule names them; only finite numbers are usable.
   */
  value: number | string | boolean | null;
  /** Path of the file as given by the user (relative to the working directory when it was). */
  file: string;
  /** 1-based line of the key (or value) in `file`; undefined when the format has no lines. */
  line?: number;
  /**
   * Direction declared by the file itself: lm-eval's `higher_is_better`, a model card's metric
   * `type` (`wer`, `cer`: lower is better).
   */
  higherIsBetter?: boolean;
}

/** What one reader returns for one file. */
export interface MetricFile {
  file: string;
  /** Detected or forced format name, e.g. `json`, `hf-trainer-state`, `lightning-csv`. */
  format: string;
  metrics: Metric[];
  /**
   * Further names a format reader adds, each naming exactly one metric (`arc_easy.acc` for
   * lm-eval's `results.arc_easy.acc,none`, `wer` for a model card's only WER): alias → metric name.
   */
  aliases: Record<string, string>;
  /**
   * Names a reader would have added but that fit several metrics (a model card listing `wer` for
   * two datasets): name → the metric names it fits. A rule naming one is refused with the list.
   */
  ambiguous?: Record<string, string[]>;
  /** Baseline values carried by the file itself (`dvc metrics diff --json` has `old`). */
  baseline?: Metric[];
}
