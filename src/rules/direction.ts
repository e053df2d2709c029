import type { Direction } from './types.js';

/**
 * Name tokens of metrics where lower is better. A name is split on anything that is not a letter or
 * digit (`eval_loss`, `latency_p95_ms`, `perplexity,none`, `val/mae`), so `loss` matches `eval_loss`
 * but not `glossary_acc`.
 */
const LOWER_IS_BETTER = new Set([
  'loss',
  'error',
  'err',
  'errors',
  'wer',
  'cer',
  'ter',
  'mae',
  'mse',
  'rmse',
  'msle',
  'rmsle',
  'mape',
  'smape',
  'latency',
  'perplexity',
  'ppl',
  'fpr',
  'fnr',
  'far',
  'frr',
  'eer',
  'bpb',
  'bpc',
  'brier',
  'logloss',
  'nll',
  'runtime',
  'duration',
  'seconds',
  'memory',
  'mem',
]);

/** Higher is better unless the name says otherwise (`loss`, `wer`, `latency`, …). */
export function directionFromName(name: string): Direction {
  const tokens = name.toLowerCase().split(/[^a-z0-9]+/);
  return tokens.some((t) => LOWER_IS_BETTER.has(t)) ? 'lower' : 'higher';
}
