/**
 * Noise-aware verdicts (issue 14): the interface the gate wiring calls.
 *
 * - Predictions files: readPredictionPair / readPredictions (src/predictions), then
 *   comparePredictions → a MetricComparison per metric.
 * - Metrics files: reportedComparison with the numbers found there (value, stderr, n).
 * - Rules: differenceVerdict / thresholdVerdict (`significance:`), clearsWithConfidence
 *   (`confidence:`); formatP for the words.
 */
export type { Estimate, Evidence, MetricComparison, NoiseMethod } from './types.js';
export {
  comparePredictions,
  DEFAULT_MAX_BOOTSTRAP_WORK,
  type CompareOptions,
  type PredictionComparison,
} from './predictions.js';
export {
  reportedComparison,
  reportedDifference,
  reportedEstimate,
  type ReportedMetric,
  type ReportedOptions,
} from './reported.js';
export {
  clearsWithConfidence,
  differenceVerdict,
  formatP,
  thresholdVerdict,
  type Verdict,
  type VerdictKind,
  type VerdictOptions,
} from './verdict.js';
export { readPredictionPair, pairPredictions, type PredictionPair } from '../predictions/pair.js';
export { readPredictions, type ReadPredictionsOptions } from '../predictions/read.js';
export { PREDICTION_METRICS, type PredictionMetric } from '../predictions/metrics.js';
export type { Predictions } from '../predictions/types.js';
export { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../stats/bootstrap.js';
