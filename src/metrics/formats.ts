/** Names accepted by the `metrics-format` input; `auto` detects per file (detect.ts). */
export const METRICS_FORMATS = [
  'auto',
  'json',
  'yaml',
  'csv',
  'hf-trainer',
  'sklearn-report',
  'lm-eval',
  'dvc',
  'dvc-diff',
  'keras-history',
  'lightning-csv',
  'mlflow',
  'wandb',
  'hf-model-index',
  'prometheus',
] as const;

export type MetricsFormat = (typeof METRICS_FORMATS)[number];

export function isMetricsFormat(name: string): name is MetricsFormat {
  return (METRICS_FORMATS as readonly string[]).includes(name);
}
