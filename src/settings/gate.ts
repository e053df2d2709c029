import { METRICS_FORMATS, type MetricsFormat } from '../metrics/formats.js';
import { UserError } from '../errors.js';
import { readChoice, required, type InputReader } from './inputs.js';
import type { CommonSettings } from './common.js';

export interface GateSettings extends CommonSettings {
  stage: 'gate';
  /** One path, several paths one per line, or globs; '' when `predictions` stands for them. */
  metrics: string;
  metricsFormat: MetricsFormat;
  /** Inline YAML/JSON or the path of a rules file. */
  thresholds: string;
  /** Baseline metrics file, or `registry:<model>@<stage>`; '' when none. */
  baseline: string;
  /** The candidate's per-example predictions file; '' when none. */
  predictions: string;
  /** The baseline's predictions on the same examples; '' when none (needs `predictions`). */
  baselinePredictions: string;
}

/** `metrics` or `predictions` (or both) give the values; `baseline-predictions` pairs with `predictions`. */
export function readGateSettings(input: InputReader, common: CommonSettings): GateSettings {
  const predictions = input('predictions');
  const baselinePredictions = input('baseline-predictions');
  if (baselinePredictions && !predictions) {
    throw new UserError(
      "input 'baseline-predictions' needs 'predictions': the candidate's predictions on the same examples",
    );
  }
  return {
    ...common,
    stage: 'gate',
    metrics: predictions ? input('metrics') : required(input, 'metrics', 'gate'),
    metricsFormat: readChoice(input, 'metrics-format', METRICS_FORMATS, 'auto'),
    thresholds: required(input, 'thresholds', 'gate'),
    baseline: input('baseline'),
    predictions,
    baselinePredictions,
  };
}
