/**
 * MLflow FileStore runs (https://mlflow.org/docs/latest/tracking/backends/#file-store, `mlruns/`):
 * a metric file `mlruns/<experiment>/<run>/metrics/<name>` holds one line per logged value,
 * `<timestamp ms> <value> <step>` (very old MLflow: no step). The metric keeps the latest value as
 * MLflow shows it: highest step, then latest timestamp, then last line; its line is that row's.
 *
 * A run directory reads every file under `metrics/` (nested names like `train/loss` included) and
 * refuses a run whose `meta.yaml` says `lifecycle_stage: deleted` (it is still on disk until gc).
 * A lone file is named by its file name, or by what follows the last `metrics-` in it (copies such
 * as `mlruns-1-ed05f9cd-metrics-loss`).
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { readTextFile } from '../../files/read-text.js';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../errors.js';
import { parseNumberText } from '../number-text.js';
import { child } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';
import { parseYamlWithPositions } from '../../tree/yaml.js';

const ROW = /^(\d+)\s+(\S+)(?:\s+(-?\d+))?$/;

/** True when the first non-blank line is `<timestamp> <value> [<step>]` (the reader checks the rest). */
export function looksLikeMlflowMetric(text: string): boolean {
  const first = text
    .split(/\r?\n/)
    .find((l) => l.trim() !== '')
    ?.trim();
  const m = first === undefined ? null : ROW.exec(first);
  return m !== null && parseNumberText(m[2]) !== undefined;
}

function mlflowMetricName(path: string): string {
  const name = basename(path);
  if (basename(dirname(path)) === 'metrics') return name;
  const at = name.lastIndexOf('metrics-');
  return at >= 0 && at + 8 < name.length ? name.slice(at + 8) : name;
}

/** The latest value of one metric file. */
function readMlflowMetricText(text: string, file: string, name: string): Metric {
  let best: { step: number; time: number; value: number; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const row = raw.trim();
    if (row === '') return;
    const m = ROW.exec(row);
    const value = m ? parseNumberText(m[2]) : undefined;
    if (!m || value === undefined) {
      throw new UserError(
        `malformed MLflow metric line "${row}": expected "<timestamp ms> <value> <step>"`,
        file,
        i + 1,
      );
    }
    const step = Number(m[3] ?? 0);
    const time = Number(m[1]);
    if (!best || step > best.step || (step === best.step && time >= best.time))
      best = { step, time, value, line: i + 1 };
  });
  if (!best) throw new UserError(`empty file`, file);
  return { name, value: best.value, file, line: best.line };
}

export function readMlflowMetricFile(text: string, file: string): MetricFile {
  const metric = readMlflowMetricText(text, file, mlflowMetricName(file));
  return { file, format: 'mlflow', metrics: [metric], aliases: {} };
}

/** `dir` is the run directory as given by the user; `absDir` where it is. */
export async function readMlflowRunDir(dir: string, absDir: string): Promise<MetricFile> {
  const shown = dir.replace(/[\\/]+$/, '');
  // Optional; when there, read with every check a text file gets (a FIFO would block a plain read).
  const metaPath = join(absDir, 'meta.yaml');
  const metaText = (await lstat(metaPath).catch(() => undefined))
    ? await readTextFile(metaPath, { what: 'MLflow meta.yaml' })
    : undefined;
  if (metaText !== undefined) {
    const metaFile = `${shown}/meta.yaml`;
    const stage = child(await parseYamlWithPositions(metaText, metaFile), 'lifecycle_stage');
    if (stage?.kind === 'scalar' && stage.value === 'deleted') {
      throw new UserError(
        `MLflow run ${shown} is deleted (lifecycle_stage: deleted); restore it or point at another run`,
        metaFile,
        stage.line,
      );
    }
  }
  const metricsDir = join(absDir, 'metrics');
  if (!(await stat(metricsDir).catch(() => undefined))?.isDirectory()) {
    throw new UserError(
      `not an MLflow run directory: no metrics/ folder (only a run directory can be read as a folder)`,
      shown,
    );
  }
  const names = (await listFiles(metricsDir, '')).sort();
  const metrics: Metric[] = [];
  for (const name of names) {
    const text = await readTextFile(join(metricsDir, name), { what: 'MLflow metric file' });
    metrics.push(readMlflowMetricText(text, `${shown}/metrics/${name}`, name));
  }
  return { file: dir, format: 'mlflow', metrics, aliases: {} };
}

/** Relative paths (with `/`) of the files under `dir`; metric names with `/` are nested folders. */
async function listFiles(dir: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const d of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) found.push(...(await listFiles(dir, rel)));
    else if (d.isFile()) found.push(rel);
  }
  return found;
}
