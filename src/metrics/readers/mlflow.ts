/**
 * MLflow FileStore (https://mlflow.org/docs/latest/tracking/backends/#file-store, `mlruns/`), as
 * `mlflow/store/tracking/file_store.py` writes it:
 *
 * | file                                               | one line per logged value                       |
 * |----------------------------------------------------|-------------------------------------------------|
 * | `mlruns/<exp>/<run>/metrics/<name>` (MLflow 1–2)   | `<timestamp ms> <value> <step>` (oldest: no step) |
 * | same, MLflow 3, metric logged with a dataset       | `<timestamp ms> <value> <step> <dataset name> <dataset digest>` |
 * | `mlruns/<exp>/models/<model id>/metrics/<name>` (MLflow 3 logged model) | `<timestamp ms> <value> <step> <run id>` |
 * | same, with a dataset                               | `<timestamp ms> <value> <step> <run id> <dataset name> <dataset digest>` |
 *
 * A metric keeps the latest value as MLflow picks it: highest step, then latest timestamp. Two
 * different values at that same step and timestamp are refused (MLflow would show the larger one: a
 * guess); the same line written twice (MLflow 3 does) is one value. Values logged for different datasets are
 * different metrics, as MLflow keeps them for logged models: one dataset → `<name>`; several →
 * `<name>@<dataset name>` each (`<name>@(none)` for the values logged without a dataset), and a rule
 * naming plain `<name>` is refused with the candidates. Its line is that of the chosen row.
 *
 * A directory (a run, or a logged model) reads every file under `metrics/` (nested names like
 * `train/loss` included) and is refused when its `meta.yaml` says `lifecycle_stage: deleted` (still
 * on disk until gc), or, for a run, `status` FAILED or KILLED. A lone file is named by its file
 * name, or by what follows the last `metrics-` in it (copies such as `mlruns-1-ed05f9cd-metrics-loss`).
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../errors.js';
import { readTextFile } from '../../files/read-text.js';
import { child } from '../../tree/tree.js';
import { parseYamlWithPositions } from '../../tree/yaml.js';
import { aliasTable } from '../flatten.js';
import { parseNumberText } from '../../data/number.js';
import type { Metric, MetricFile } from '../types.js';

const TIMESTAMP = /^\d+$/;
const STEP = /^-?\d+$/;
/** MLflow's RunStatus: 4 FAILED, 5 KILLED (meta.yaml stores the number). */
const UNFINISHED: Record<string, string> = { '4': 'FAILED', '5': 'KILLED', FAILED: 'FAILED', KILLED: 'KILLED' };

interface Row {
  step: number;
  time: number;
  value: number;
  /** `<dataset name> <dataset digest>`, or '' when logged without a dataset. */
  dataset: string;
  datasetName: string;
  line: number;
}

/** One metric line's fields, or undefined when it is not one. */
function parseRow(text: string, line: number): Row | undefined {
  const f = text.trim().split(/\s+/);
  if (f.length < 2 || f.length > 6 || !TIMESTAMP.test(f[0])) return undefined;
  const value = parseNumberText(f[1]);
  if (value === undefined || (f.length > 2 && !STEP.test(f[2]))) return undefined;
  // 5 fields: run metric with a dataset; 4 and 6: logged-model metric, the run id 4th.
  const dataset = f.length === 5 ? f.slice(3) : f.length === 6 ? f.slice(4) : [];
  return {
    step: f.length > 2 ? Number(f[2]) : 0,
    time: Number(f[0]),
    value,
    dataset: dataset.join(' '),
    datasetName: dataset[0] ?? '',
    line,
  };
}

/** True when the first non-blank line is an MLflow metric line (the reader checks the rest). */
export function looksLikeMlflowMetric(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '');
  return first !== undefined && parseRow(first, 1) !== undefined;
}

/**
 * Index of the latest entry as MLflow picks it: highest step, then latest timestamp, then larger
 * value, a NaN winning among equals; entries without a value (undefined) are skipped. -1 if none.
 *
 * @example
 * latestIndex([{ step: 2, time: 5, value: 0.1 }, { step: 2, time: 5, value: 0.3 }, { step: 1, time: 9, value: 1 }]) // 1
 */
export function latestIndex(rows: { step: number; time: number; value: number | undefined }[]): number {
  let best = -1;
  rows.forEach((r, i) => {
    if (r.value === undefined) return;
    if (best < 0) {
      best = i;
      return;
    }
    const b = rows[best];
    const later =
      r.step !== b.step
        ? r.step > b.step
        : r.time !== b.time
          ? r.time > b.time
          : Number.isNaN(r.value) || (!Number.isNaN(b.value!) && r.value > b.value!);
    if (later) best = i;
  });
  return best;
}

function mlflowMetricName(path: string): string {
  const name = basename(path);
  if (basename(dirname(path)) === 'metrics') return name;
  const at = name.lastIndexOf('metrics-');
  return at >= 0 && at + 8 < name.length ? name.slice(at + 8) : name;
}

/** The latest value of one metric file, per dataset; candidate aliases for several datasets. */
function readMlflowMetricText(text: string, file: string, name: string): Metric[] {
  const groups = new Map<string, Row[]>();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const row = parseRow(raw, i + 1);
    if (!row) {
      throw new UserError(
        `malformed MLflow metric line "${raw.trim().slice(0, 80)}": expected "<timestamp ms> <value> <step>" ` +
          `(MLflow 3 adds a run id and/or a dataset name and digest)`,
        file,
        i + 1,
      );
    }
    groups.set(row.dataset, [...(groups.get(row.dataset) ?? []), row]);
  });
  if (groups.size === 0) throw new UserError(`empty file`, file);
  const names = [...groups.values()].map((rows) => rows[0].datasetName);
  return [...groups.values()].map((rows) => {
    const best = rows[latestIndex(rows)];
    const rival = rows.find((r) => r.step === best.step && r.time === best.time && !Object.is(r.value, best.value));
    if (rival) {
      const [a, b] = rival.line < best.line ? [rival, best] : [best, rival];
      throw new UserError(
        `two different values of ${name} at step ${best.step} and timestamp ${best.time} (lines ${a.line} and ${b.line}): ` +
          `which one is the latest is ambiguous`,
        file,
        b.line,
      );
    }
    const qualifier =
      best.dataset === ''
        ? '(none)'
        : names.filter((n) => n === best.datasetName).length > 1
          ? best.dataset.replace(' ', '#')
          : best.datasetName;
    return { name: groups.size === 1 ? name : `${name}@${qualifier}`, value: best.value, file, line: best.line };
  });
}

function metricFile(file: string, metrics: Metric[], bases: string[]): MetricFile {
  const candidates = metrics.flatMap((m, i) => (m.name === bases[i] ? [] : [[bases[i], m.name] as [string, string]]));
  const { aliases, ambiguous } = aliasTable(candidates, metrics);
  return { file, format: 'mlflow', metrics, aliases, ambiguous };
}

export function readMlflowMetricFile(text: string, file: string): MetricFile {
  const name = mlflowMetricName(file);
  const metrics = readMlflowMetricText(text, file, name);
  return metricFile(
    file,
    metrics,
    metrics.map(() => name),
  );
}

/** `dir` is the run (or logged model) directory as given by the user; `absDir` where it is. */
export async function readMlflowRunDir(dir: string, absDir: string): Promise<MetricFile> {
  const shown = dir.replace(/[\\/]+$/, '');
  await assertUsable(shown, absDir);
  const metricsDir = join(absDir, 'metrics');
  // A test of existence: no metrics/ folder is refused just below.
  if (!(await stat(metricsDir).catch(() => undefined))?.isDirectory()) {
    throw new UserError(
      `not an MLflow run or logged-model directory: no metrics/ folder (only those can be read as a folder)`,
      shown,
    );
  }
  const names = (await listFiles(metricsDir, '')).sort();
  const metrics: Metric[] = [];
  const bases: string[] = [];
  for (const name of names) {
    const text = await readTextFile(join(metricsDir, name), { what: 'MLflow metric file' });
    for (const m of readMlflowMetricText(text, `${shown}/metrics/${name}`, name)) {
      metrics.push(m);
      bases.push(name);
    }
  }
  return { ...metricFile(dir, metrics, bases), file: dir };
}

/** Refuses a deleted run or model, and a failed or killed run, from its meta.yaml when there is one. */
async function assertUsable(shown: string, absDir: string): Promise<void> {
  const metaFile = `${shown}/meta.yaml`;
  // Optional; when there (even as a broken link), read with every check a text file gets: a FIFO
  // would block a plain read, a link loop must not pass for "no meta.yaml".
  if (!(await lstat(join(absDir, 'meta.yaml')).catch(() => undefined))) return;
  const metaText = await readTextFile(join(absDir, 'meta.yaml'), { what: 'MLflow meta.yaml' });
  if (metaText.trim() === '') return;
  const meta = await parseYamlWithPositions(metaText, metaFile);
  const stage = child(meta, 'lifecycle_stage');
  if (stage?.kind === 'scalar' && stage.value === 'deleted') {
    throw new UserError(
      `MLflow run ${shown} is deleted (lifecycle_stage: deleted); restore it or point at another run`,
      metaFile,
      stage.line,
    );
  }
  const status = child(meta, 'status');
  const isRun = child(meta, 'run_id') !== undefined || child(meta, 'run_uuid') !== undefined;
  const value = status?.kind === 'scalar' ? String(status.value) : '';
  if (isRun && status && Object.hasOwn(UNFINISHED, value)) {
    throw new UserError(
      `MLflow run ${shown} ended ${UNFINISHED[value]} (status: ${value}): its last metrics are not those of a finished run`,
      metaFile,
      status.line,
    );
  }
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
