import { Inputs } from '../constants.js';
import { UserError } from '../errors.js';
import { METRICS_FORMATS, type MetricsFormat } from '../metrics/formats.js';
import type { DataFormat } from '../data/types.js';
import { readChoice, readList, type InputReader } from './inputs.js';
import type { CommonSettings } from './common.js';
import { readPrometheusSettings, type PrometheusSettings } from './prometheus.js';

export const DATA_FORMATS = ['auto', 'csv', 'tsv', 'jsonl', 'parquet'] as const;

export interface ValidateSettings extends CommonSettings {
  stage: 'validate';
  /** Metrics file(s): paths one per line, or globs; '' when none. */
  metrics: string;
  metricsFormat: MetricsFormat;
  /** Metric names that must be present (generic names or aliases). */
  requiredMetrics: string[];
  /** JSON Schema (draft 2020-12) file every metrics document must satisfy; '' when none. */
  metricsSchema: string;
  /** Data files, one per line. */
  data: string[];
  /** undefined: from each file's extension. */
  dataFormat: DataFormat | undefined;
  /** Expectations YAML file; '' when none. */
  expectations: string;
  /** Where to write inferred expectations; '' when not asked. */
  inferExpectations: string;
  /** Production metrics queried from Prometheus, checked like metrics files; undefined when none. */
  prometheus?: PrometheusSettings;
}

/**
 * A validate run needs something to check: `metrics` and/or `data`. Data needs `expectations`
 * to be checked against, or `infer-expectations` to write a first version of them.
 */
export function readValidateSettings(input: InputReader, common: CommonSettings): ValidateSettings {
  const data = input(Inputs.Data)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const s: ValidateSettings = {
    ...common,
    stage: 'validate',
    metrics: input(Inputs.Metrics),
    metricsFormat: readChoice(input, Inputs.MetricsFormat, METRICS_FORMATS, 'auto'),
    requiredMetrics: readList(input, Inputs.RequiredMetrics),
    metricsSchema: input(Inputs.MetricsSchema),
    data,
    dataFormat: dataFormat(readChoice(input, Inputs.DataFormat, DATA_FORMATS, 'auto')),
    expectations: input(Inputs.Expectations),
    inferExpectations: input(Inputs.InferExpectations),
    prometheus: readPrometheusSettings(input),
  };
  if (!s.metrics && !s.prometheus && data.length === 0) {
    throw new UserError(
      "stage 'validate' needs something to check: give 'metrics' (metrics files, with optional 'required-metrics' " +
        "and 'metrics-schema'), 'prometheus-queries' and/or 'data' (data files, with 'expectations' or " +
        "'infer-expectations')",
    );
  }
  if (!s.metrics && !s.prometheus && s.requiredMetrics.length > 0) {
    throw new UserError("input 'required-metrics' needs 'metrics' or 'prometheus-queries': the metrics to check");
  }
  if (!s.metrics && s.metricsSchema) {
    throw new UserError("input 'metrics-schema' needs 'metrics': the metrics files to check");
  }
  if (data.length > 0 && !s.expectations && !s.inferExpectations) {
    throw new UserError(
      "input 'data' needs 'expectations' (a YAML file of data rules) or 'infer-expectations' (a path to write inferred rules to)",
    );
  }
  if (data.length === 0 && (s.expectations || s.inferExpectations)) {
    throw new UserError(
      `input '${s.expectations ? 'expectations' : 'infer-expectations'}' needs 'data': the data files to check`,
    );
  }
  return s;
}

function dataFormat(v: (typeof DATA_FORMATS)[number]): DataFormat | undefined {
  return v === 'auto' ? undefined : v;
}
