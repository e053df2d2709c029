import { Inputs } from '../constants.js';
import { METRICS_FORMATS, type MetricsFormat } from '../metrics/formats.js';
import { UserError } from '../errors.js';
import { readChoice, required, type InputReader } from './inputs.js';
import type { CommonSettings } from './common.js';
import { readPrometheusSettings, type PrometheusSettings } from './prometheus.js';

export interface GateSettings extends CommonSettings {
  stage: 'gate';
  /** One path, several paths one per line, or globs; '' when Prometheus or `predictions` give the metrics. */
  metrics: string;
  metricsFormat: MetricsFormat;
  /** Inline YAML/JSON or the path of a rules file. */
  thresholds: string;
  /** Baseline metrics file, or `registry:<model>@<stage>`; '' when none. */
  baseline: string;
  /** Production metrics queried from Prometheus (src/prometheus/); undefined when none. */
  prometheus?: PrometheusSettings;
  /** The candidate's per-example predictions file; '' when none. */
  predictions: string;
  /** The baseline's predictions on the same examples; '' when none (needs `predictions`). */
  baselinePredictions: string;
}

/**
 * Metrics come from files (`metrics`), from Prometheus (`prometheus-queries`), from per-example
 * `predictions`, or several of these; `baseline-predictions` pairs with `predictions`.
 */
export function readGateSettings(input: InputReader, common: CommonSettings): GateSettings {
  const prometheus = readPrometheusSettings(input);
  const predictions = input(Inputs.Predictions);
  const baselinePredictions = input(Inputs.BaselinePredictions);
  if (baselinePredictions && !predictions) {
    throw new UserError(
      "input 'baseline-predictions' needs 'predictions': the candidate's predictions on the same examples",
    );
  }
  if (!input(Inputs.Metrics) && !prometheus && !predictions) {
    throw new UserError(
      "input 'metrics' is required for stage 'gate' (metrics files), unless 'prometheus-queries' or 'predictions' " +
        'gives the metrics',
    );
  }
  return {
    ...common,
    stage: 'gate',
    metrics: input(Inputs.Metrics),
    metricsFormat: readChoice(input, Inputs.MetricsFormat, METRICS_FORMATS, 'auto'),
    thresholds: required(input, Inputs.Thresholds, 'gate'),
    baseline: input(Inputs.Baseline),
    prometheus,
    predictions,
    baselinePredictions,
  };
}
