import type { Direction } from './types.js';

/**
 * Name tokens of metrics where lower is better: errors, losses, distances, costs, and units of
 * time and size (`inference_ms`, `speed(ms)`, `Validation Time (s)`, `p95_seconds`, `model_mb`).
 */
const LOWER_IS_BETTER = new Set([
  // errors and losses
  'loss',
  'losses',
  'error',
  'err',
  'errors',
  'wer',
  'cer',
  'ter',
  'mer',
  'wil',
  'mae',
  'mse',
  'rmse',
  'msle',
  'rmsle',
  'mape',
  'smape',
  'mad',
  'perplexity',
  'ppl',
  'fpr',
  'fnr',
  'far',
  'frr',
  'eer',
  'bpb',
  'bpc',
  'bpd',
  'brier',
  'logloss',
  'nll',
  'hamming',
  'stderr',
  'std',
  'fid',
  'kid',
  'lpips',
  'distance',
  'divergence',
  'kl',
  'regret',
  'miss',
  'misses',
  'false',
  'drift',
  // time, cost and size
  'latency',
  'runtime',
  'duration',
  'elapsed',
  'time',
  'seconds',
  'second',
  'secs',
  'sec',
  's',
  'ms',
  'us',
  'ns',
  'minutes',
  'mins',
  'hours',
  'memory',
  'mem',
  'bytes',
  'kb',
  'mb',
  'gb',
  'cost',
  'energy',
  'emissions',
  'co2',
]);

/** Tokens of metrics where higher is better. */
const HIGHER_IS_BETTER = new Set([
  'accuracy',
  'acc',
  'precision',
  'recall',
  'f1',
  'f2',
  'fbeta',
  'auc',
  'roc',
  'auroc',
  'auprc',
  'ap',
  'map',
  'map50',
  'ndcg',
  'mrr',
  'hit',
  'hits',
  'top1',
  'top5',
  'r2',
  'bleu',
  'sacrebleu',
  'chrf',
  'rouge',
  'rouge1',
  'rouge2',
  'rougel',
  'rougelsum',
  'meteor',
  'bertscore',
  'exact',
  'em',
  'iou',
  'miou',
  'dice',
  'psnr',
  'ssim',
  'mcc',
  'kappa',
  'spearman',
  'pearson',
  'correlation',
  'specificity',
  'sensitivity',
  'tpr',
  'tnr',
  'throughput',
  'qps',
  'fps',
  'score',
  'pass',
  'win',
  'reward',
  'coverage',
  'likelihood',
  'similarity',
  'agreement',
]);

/**
 * Which way is better, from the metric's name: split at every character that is not a letter or
 * digit (`eval_loss`, `speed(ms)`, `Validation Time (s)`, `perplexity,none`, `val/mae`), so `loss`
 * matches `eval_loss` but not `glossary_acc`. A rate per unit of time (`samples_per_second`,
 * `tokens/s`) is higher-is-better; otherwise a lower-is-better token wins (`f1_loss`,
 * `accuracy_time_ms`), then a higher-is-better one. Undefined when no token tells.
 *
 * @example
 * directionFromName('eval_wer') // 'lower'
 * directionFromName('Validation Time (s)') // 'lower'
 * directionFromName('train_samples_per_second') // 'higher'
 * directionFromName('macro avg.f1-score') // 'higher'
 * directionFromName('custom_metric') // undefined
 */
export function directionFromName(name: string): Direction | undefined {
  const tokens = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (isRate(name, tokens)) return 'higher';
  if (tokens.some((t) => LOWER_IS_BETTER.has(t))) return 'lower';
  if (tokens.some((t) => HIGHER_IS_BETTER.has(t) || /^(?:map|ap|top|recall|precision|hit|ndcg|pass)\d+$/.test(t)))
    return 'higher';
  return undefined;
}

/** `samples_per_second`, `tokens/s`, `it/s`, `steps per sec`: a count per unit of time. */
function isRate(name: string, tokens: string[]): boolean {
  const i = tokens.indexOf('per');
  if (i >= 0 && i < tokens.length - 1) return true;
  return /\/\s*(?:s|sec|second|ms)\b/i.test(name);
}
