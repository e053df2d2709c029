/**
 * Auto-detection of a metrics file's format, from its name and then its shape (first match wins):
 *
 * | input                                                          | format                            |
 * |----------------------------------------------------------------|-----------------------------------|
 * | a directory                                                    | mlflow (run directory)            |
 * | `*.csv` with a `step` or `epoch` column (a logger history)     | lightning-csv                     |
 * | other `*.csv` (readers/csv.ts: long, pandas report, one row)   | csv or sklearn-report             |
 * | `*.md`                                                         | hf-model-index (front matter)     |
 * | `*.prom`, or not JSON/YAML by name and starting `# HELP`/`# TYPE` | prometheus (text exposition)   |
 * | no extension, in a `metrics/` folder or lines `<ts> <value> …` | mlflow (FileStore metric file)    |
 * | JSON/YAML (by extension, else JSON if it starts with { or [, else YAML), then by shape:          |
 * | • `model-index` list                                           | hf-model-index                    |
 * | • `log_history` list and `global_step`                         | hf-trainer (trainer_state.json)   |
 * | • `results` object and `versions`/`configs`/`n-shot`/...       | lm-eval                           |
 * | • `mlflow.metrics` object                                      | mlflow (export-import run.json)   |
 * | • named `*wandb-summary.json`, a `_wandb` key, or `_step` +    | wandb                             |
 * |   `_runtime` + `_timestamp` keys                               |                                   |
 * | • `{rev: {data: {file: {data: ...}}}}`                         | dvc (`dvc metrics show --json`)   |
 * | • `{file: {metric: {old, new, diff}}}`                         | dvc-diff                          |
 * | • every value a list of numbers                                | keras-history                     |
 * | • `accuracy`, `macro avg` and `weighted avg` keys              | sklearn-report                    |
 * | • named `*{all,eval,train,test,predict}_results.json`          | hf-trainer                        |
 * | • anything else                                                | json or yaml (generic tree)       |
 */
import { basename, dirname, extname } from 'node:path';
import { isDvcDiff } from './readers/dvc-diff.js';
import { isDvcShow } from './readers/dvc.js';
import { isTrainerState } from './readers/hf-trainer-state.js';
import { isModelIndex } from './readers/hf-model-index.js';
import { isKerasHistory } from './readers/keras-history.js';
import { isLmEval } from './readers/lm-eval.js';
import { looksLikeMlflowMetric } from './readers/mlflow.js';
import { isMlflowExport } from './readers/mlflow-export.js';
import { isWandbSummary } from './readers/wandb.js';
import { looksLikeExposition } from './readers/prometheus.js';
import type { CsvRow } from './csv-rows.js';
import { entry, type TreeNode } from '../tree/tree.js';
import type { MetricsFormat } from './formats.js';

/** Formats known from the name and text alone; undefined means: parse as a tree, then detectTreeFormat. */
export function detectTextFormat(path: string, text: string): MetricsFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv'; // refined by detectCsvFormat once split into rows
  if (ext === '.md') return 'hf-model-index';
  if (ext === '.prom' || (!/^\.(json|ya?ml)$/.test(ext) && looksLikeExposition(text))) return 'prometheus';
  if (ext === '' && (looksLikeMlflowMetric(text) || basename(dirname(path)) === 'metrics')) return 'mlflow';
  return undefined;
}

export function detectCsvFormat(rows: CsvRow[]): MetricsFormat {
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  return header.includes('step') || header.includes('epoch') ? 'lightning-csv' : 'csv';
}

export function detectTreeFormat(tree: TreeNode, path: string, generic: 'json' | 'yaml'): MetricsFormat {
  if (isModelIndex(tree)) return 'hf-model-index';
  if (isTrainerState(tree)) return 'hf-trainer';
  if (isLmEval(tree)) return 'lm-eval';
  if (isMlflowExport(tree)) return 'mlflow';
  if (isWandbSummary(tree, path)) return 'wandb';
  if (isDvcShow(tree)) return 'dvc';
  if (isDvcDiff(tree)) return 'dvc-diff';
  if (isKerasHistory(tree)) return 'keras-history';
  if (['accuracy', 'macro avg', 'weighted avg'].every((k) => entry(tree, k) !== undefined)) return 'sklearn-report';
  if (/(all|eval|train|test|predict)_results\.json$/i.test(basename(path))) return 'hf-trainer';
  return generic;
}
