/**
 * The comparison layer's data (issue 14): for each metric, its value with the evidence about how
 * much of it is noise, and the same for the difference from a baseline. Pure data plus the
 * closures that answer "is the true value below t?" for any t the rule asks about.
 */

/** How the uncertainty of a value or difference was obtained. */
export type NoiseMethod =
  /** Exact McNemar test on the discordant examples (paired accuracy difference). */
  | 'mcnemar-exact'
  /** Paired bootstrap: both models' outputs on the same resampled examples. */
  | 'paired-bootstrap'
  /** Bootstrap of one model's metric over its examples. */
  | 'bootstrap'
  /** Normal approximation with the jackknife standard error (too many examples to bootstrap). */
  | 'jackknife-normal'
  /** Wilson score interval and score test (a proportion with a known sample size). */
  | 'wilson'
  /** Pooled two-proportion z-test with Newcombe's interval (unpaired, so conservative for paired data). */
  | 'two-proportion-z'
  /** Normal approximation from reported standard errors (lm-evaluation-harness `<metric>_stderr`). */
  | 'stderr-normal';

/** What the data say about one quantity (a metric, or the difference of two). */
export interface Evidence {
  method: NoiseMethod;
  /** The method in plain words for the summary, e.g. `Wilson score interval, n = 2000`. */
  description: string;
  /** Two-sided interval with coverage `confidence` (e.g. 0.95). */
  interval(confidence: number): [number, number];
  /** One-sided p-value of H1 "the true value is below t" (small: evidence that it is below). */
  pBelow(t: number): number;
  /** One-sided p-value of H1 "the true value is above t". */
  pAbove(t: number): number;
}

/** A value with its evidence, or the reason there is none (the summary says so for that row). */
export interface Estimate {
  value: number;
  /** Number of examples behind the value, when known. */
  n?: number;
  evidence: Evidence | null;
  /** Why `evidence` is null, in plain words. */
  noEvidence?: string;
}

/** One metric of a candidate, optionally against a baseline. */
export interface MetricComparison {
  metric: string;
  candidate: Estimate;
  baseline?: Estimate;
  /** candidate − baseline, with its own evidence (paired when the predictions are). */
  difference?: Estimate;
}
