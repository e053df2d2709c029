import { METRICS_FORMATS, type MetricsFormat } from '../metrics/formats.js';
import { readChoice, required, type InputReader } from './inputs.js';
import type { CommonSettings } from './common.js';

export interface GateSettings extends CommonSettings {
  stage: 'gate';
  /** One path, several paths one per line, or globs. */
  metrics: string;
  metricsFormat: MetricsFormat;
  /** Inline YAML/JSON or the path of a rules file. */
  thresholds: string;
  /** Baseline metrics file, or `registry:<model>@<stage>`; '' when none. */
  baseline: string;
}

export function readGateSettings(input: InputReader, common: CommonSettings): GateSettings {
  return {
    ...common,
    stage: 'gate',
    metrics: required(input, 'metrics', 'gate'),
    metricsFormat: readChoice(input, 'metrics-format', METRICS_FORMATS, 'auto'),
    thresholds: required(input, 'thresholds', 'gate'),
    baseline: input('baseline'),
  };
}
