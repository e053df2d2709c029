/**
 * Entry point of the metrics readers: one file (or MLflow run directory) → one MetricFile, in the
 * format given or detected (detect.ts has the table). Every failure is a UserError naming the file.
 * Whatever the format, a file is refused when a key repeats in one object or a metric name occurs
 * twice (unique.ts), and when it holds no numeric metric at all: it cannot pass any gate honestly.
 */
import { stat } from 'node:fs/promises';
import { fileError, readTextFile } from '../files/read-text.js';
import { realPathInWorkspace } from '../files/workspace.js';
import { extname, resolve } from 'node:path';
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
import { isMetricValue } from './number-text.js';
import { assertUniqueKeys, assertUniqueNames } from './unique.js';
import { readLmEval } from './readers/lm-eval.js';
import { readMlflowMetricFile, readMlflowRunDir } from './readers/mlflow.js';
import { readMlflowExport } from './readers/mlflow-export.js';
import { readWandbSummary } from './readers/wandb.js';
import { readExposition } from './readers/prometheus.js';
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
  // A run directory is read as a folder: it may not lead out of the workspace either.
  const real = await realPathInWorkspace(path, { what: 'metrics file', cwd });
  const info = await stat(real).catch((e: NodeJS.ErrnoException) => {
    throw fileError(e, path, 'metrics file');
  });
  if (info.isDirectory()) {
    if (format !== 'auto' && format !== 'mlflow') {
      throw new UserError(`is a directory; only an MLflow run directory (format mlflow) can be read as a folder`, path);
    }
    return checked(await readMlflowRunDir(path, abs));
  }
  const text = await readTextFile(path, { what: 'metrics file', cwd, maxBytes: MAX_METRICS_BYTES });
  if (text.trim() === '') throw new UserError(`empty file`, path);
  const textFormat = format === 'auto' ? detectTextFormat(path, text) : format;
  const csvReport = textFormat === 'sklearn-report' && extname(path).toLowerCase() === '.csv';
  if (textFormat === 'csv' || textFormat === 'lightning-csv' || csvReport) {
    const rows = parseCsvRows(text, path);
    const csvFormat = format === 'auto' ? detectCsvFormat(rows) : textFormat;
    return checked(csvFormat === 'lightning-csv' ? readWideCsv(rows, path, 'lightning-csv') : readCsv(rows, path));
  }
  if (textFormat === 'mlflow' && !looksLikeJson(text)) return checked(readMlflowMetricFile(text, path));
  if (textFormat === 'prometheus') return checked(readExposition(text, path));
  const syntax = format === 'json' ? 'json' : format === 'yaml' ? 'yaml' : syntaxOf(path, text);
  const tree = await parseTree(text, path, syntax);
  assertUniqueKeys(tree, path);
  const generic = syntax === 'json' ? 'json' : 'yaml';
  const treeFormat = format !== 'auto' ? format : (textFormat ?? detectTreeFormat(tree, path, generic));
  return checked(readTree(tree, path, treeFormat));
}

/**
 * What every reader's result must satisfy: one metric per name, and at least one metric value
 * (a number, null, or a number written as text, each refused later with its own message when a
 * rule or a check meets it). A file with none (`{}`, only names and dates) cannot pass any gate.
 */
function checked(read: MetricFile): MetricFile {
  assertUniqueNames(read);
  if (read.metrics.some((m) => isMetricValue(m.value))) return read;
  const shown = read.metrics.slice(0, 3).map((m) => `${m.name} = ${JSON.stringify(m.value).slice(0, 40)}`);
  const more = read.metrics.length > 3 ? `, … ${read.metrics.length - 3} more` : '';
  const why =
    read.metrics.length > 0
      ? `its ${read.metrics.length} value${read.metrics.length === 1 ? ' is' : 's are'} text or true/false (${shown.join(', ')}${more})`
      : read.format === 'dvc-diff'
        ? 'the diff is empty: nothing changed between the revisions. Gate on the metrics file or `dvc metrics show --json`'
        : 'it holds no values';
  throw new UserError(`no metric in this file: ${why}`, read.file);
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
