/** What every stage reads and sets: the run's own inputs, notification, the pull-request comment, the report. */
import { Inputs, Outputs } from '../constants.js';
import { DEFAULT_MAX_AGE } from '../settings/prometheus.js';
import type { SharedDescriptor } from './types.js';

export const common: SharedDescriptor = {
  inputs: {
    [Inputs.Stage]: '',
    [Inputs.FailOnViolation]: 'true',
    [Inputs.ReportPath]: '',
    [Inputs.Summary]: 'true',
    [Inputs.NotifyWebhook]: '',
    [Inputs.NotifyOn]: 'failure',
    [Inputs.NotifyEmailTo]: '',
    [Inputs.NotifyEmailFrom]: '',
    [Inputs.SmtpUrl]: '',
    [Inputs.Comment]: 'off',
    [Inputs.CommentKey]: '',
    [Inputs.GithubToken]: '${{ github.token }}',
  },
  outputs: [Outputs.Report],
};

/** Production metrics from Prometheus: read by `gate` and `validate`. */
export const prometheusInputs = {
  [Inputs.PrometheusUrl]: '',
  [Inputs.PrometheusQueries]: '',
  [Inputs.PrometheusToken]: '',
  [Inputs.PrometheusMaxAge]: DEFAULT_MAX_AGE,
} as const;

/** Metrics files: read by `gate`, `validate` and `promote`. */
export const metricsInputs = {
  [Inputs.Metrics]: '',
  [Inputs.MetricsFormat]: 'auto',
} as const;
