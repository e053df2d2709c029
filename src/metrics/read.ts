/**
 * Entry point of the metrics readers: one file (or MLflow run directory) → one MetricFile, in the
 * format given or detected (detect.ts has the table). Every failure is a UserError naming the file.
 */
import { stat } from 'node:fs/promises';
import { fileError, readTextFile } from '../files/read-text.js';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { parseCsvRows } from './csv-rows.js';
import { detectCsvFormat, detectTextFormat, detectTreeFormat } from './detect.js';
import { isMetricsFormat, METRICS_FORMATS, type MetricsFormat } from './formats.js';
import { readCsv } from './readers/csv.js';
import { readDvc } from './readers/dvc.js';
import { readDvcDiff } from './readers/dvc-diff.js';
import { readGenericTree } from './readers/generic.js';
import { readModelIndex } from './readers/hf-model-index.js';
import { isTrainerState, readTrainerState } from './readers/hf-trainer-state.js';
import { readKerasHistory } from './readers/keras-history.js';
import { readWideCsv } from './readers/lightning-csv.js';
import { readLmEval } from './readers/lm-eval.js';
import { readMlflowMetricFile, readMlflowRunDir } from './readers/mlflow.js';
import { readMlflowExport } from './readers/mlflow-export.js';
import { readWandbSummary } from './readers/wandb.js';
import { looksLikeJson, parseTree, syntaxOf } from '../tree/parse.js';
import type { TreeNode } from '../tree/tree.js';
import type { MetricFile } from './types.js';

export { METRICS_FORMATS, type MetricsFormat } from './formats.js';

/**
 * Largest metrics file, in bytes. A parsed tree costs ~30 bytes of memory per byte of JSON: 8 MiB
 * keeps the worst file (500 000 flat metrics) under 250 MB and 4 s; real files are far smaller
 * (a trainer_state.json logged every 10 steps for 100 000 steps is ~1.5 MB). docs/limits.md.
 */
export const MAX_METRICS_BYTES = 8 * 1024 * 1024;

/** `path` as the user gave it (kept in every Metric.file); relative paths resolve against `cwd`. */
export async function readMetricsFile(
  path: string,
  format: MetricsFormat = 'auto',
  cwd = process.cwd(),
): Promise<MetricFile> {
  if (!isMetricsFormat(format)) {
    throw new UserError(`unknown metrics format "${String(format)}"; valid formats: ${METRICS_FORMATS.join(', ')}`);
  }
  const abs = resolve(cwd, path);
  const info = await stat(abs).catch((e: NodeJS.ErrnoException) => {
    throw fileError(e, path, 'metrics file');
  });
  if (info.isDirectory()) {
    if (format !== 'auto' && format !== 'mlflow') {
      throw new UserError(`is a directory; only an MLflow run directory (format mlflow) can be read as a folder`, path);
    }
    return readMlflowRunDir(path, abs);
  }
  const text = await readTextFile(path, { what: 'metrics file', cwd, maxBytes: MAX_METRICS_BYTES });
  if (text.trim() === '') throw new UserError(`empty file`, path);
  const textFormat = format === 'auto' ? detectTextFormat(path, text) : format;
  if (textFormat === 'csv' || textFormat === 'lightning-csv') {
    const rows = parseCsvRows(text, path);
    const csvFormat = format === 'auto' ? detectCsvFormat(rows) : textFormat;
    return csvFormat === 'lightning-csv' ? readWideCsv(rows, path, 'lightning-csv') : readCsv(rows, path);
  }
  if (textFormat === 'mlflow' && !looksLikeJson(text)) return readMlflowMetricFile(text, path);
  const syntax = format === 'json' ? 'json' : format === 'yaml' ? 'yaml' : syntaxOf(path, text);
  const tree = await parseTree(text, path, syntax);
  const generic = syntax === 'json' ? 'json' : 'yaml';
  return readTree(tree, path, format !== 'auto' ? format : (textFormat ?? detectTreeFormat(tree, path, generic)));
}

/** Reads the files in order (the order lookupMetric's precedence follows). */
export async function readMetrics(
  paths: string[],
  format: MetricsFormat = 'auto',
  cwd = process.cwd(),
): Promise<MetricFile[]> {
  return Promise.all(paths.map((p) => readMetricsFile(p, format, cwd)));
}

function readTree(tree: TreeNode, file: string, format: MetricsFormat): MetricFile {
  switch (format) {
    case 'hf-trainer':
      return isTrainerState(tree) ? readTrainerState(tree, file) : readGenericTree(tree, file, 'hf-trainer');
    case 'lm-eval':
      return readLmEval(tree, file);
    case 'dvc':
      return readDvc(tree, file);
    case 'dvc-diff':
      return readDvcDiff(tree, file);
    case 'keras-history':
      return readKerasHistory(tree, file);
    case 'mlflow':
      return readMlflowExport(tree, file);
    case 'wandb':
      return readWandbSummary(tree, file);
    case 'hf-model-index':
      return readModelIndex(tree, file);
    default:
      // json, yaml, sklearn-report and anything read as a plain tree
      return readGenericTree(tree, file, format);
  }
}
