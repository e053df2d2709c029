/** One flattened metric as read from a file, with where it stands for annotations. */
export interface Metric {
  /** Flattened name: nested keys joined with `.` (the generic path, always available). */
  name: string;
  /**
   * Value as found. Readers keep non-numbers (null, strings, NaN, ±Infinity) so the gate can reject
   * them with the file and line when a rule names them; only finite numbers are usable.
   */
  value: number | string | boolean | null;
  /** Path of the file as given by the user (relative to the working directory when it was). */
  file: string;
  /** 1-based line of the key (or value) in `file`; undefined when the format has no lines. */
  line?: number;
  /** Direction declared by the file itself (lm-eval's `higher_is_better`). */
  higherIsBetter?: boolean;
}

/** What one reader returns for one file. */
export interface MetricFile {
  file: string;
  /** Detected or forced format name, e.g. `json`, `hf-trainer-state`, `lightning-csv`. */
  format: string;
  metrics: Metric[];
  /**
   * Friendlier names a format reader adds (`eval_loss` for the last eval entry of a trainer state,
   * `arc_easy.acc` for lm-eval's `results.arc_easy.acc,none`): alias → generic name.
   */
  aliases: Record<string, string>;
  /** Baseline values carried by the file itself (`dvc metrics diff --json` has `old`). */
  baseline?: Metric[];
}
