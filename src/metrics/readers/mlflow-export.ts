/**
 * `run.json` written by mlflow-export-import (https://github.com/mlflow/mlflow-export-import):
 * `mlflow.metrics.<name>` is a list of `{value, timestamp, step}`. Each metric keeps its latest entry
 * (highest step, then latest timestamp, as MLflow picks it; two different values there are refused),
 * named `<name>` with the path `mlflow.metrics.<name>.<i>.value`. A run with
 * `mlflow.info.lifecycle_stage: deleted` is refused, like a deleted run folder.
 */
import { UserError } from '../../errors.js';
import { flattenTree } from '../flatten.js';
import { child, entry, isObject, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';
import { latestIndex } from './mlflow.js';

export function isMlflowExport(tree: TreeNode): boolean {
  return isObject(child(child(tree, 'mlflow'), 'metrics'));
}

const numberAt = (node: TreeNode, key: string): number => {
  const v = child(node, key);
  return v?.kind === 'scalar' && typeof v.value === 'number' ? v.value : 0;
};

export function readMlflowExport(tree: TreeNode, file: string): MetricFile {
  const run = child(tree, 'mlflow');
  const list = child(run, 'metrics');
  if (!isObject(list)) throw new UserError(`not an MLflow run.json: no "mlflow.metrics" object`, file, tree.line);
  const stage = entry(child(run, 'info'), 'lifecycle_stage');
  if (stage?.value.kind === 'scalar' && stage.value.value === 'deleted') {
    throw new UserError(`MLflow run is deleted (lifecycle_stage: deleted)`, file, stage.line);
  }
  const metrics: Metric[] = [];
  for (const e of list.entries) {
    const prefix = `mlflow.metrics.${e.key}`;
    if (e.value.kind !== 'array') {
      // Not the list export-import writes: read as a plain tree under its path.
      metrics.push(...flattenTree(e.value, file, { prefix }));
      continue;
    }
    const items = e.value.items;
    const rows = items.map((item) => ({
      step: numberAt(item, 'step'),
      time: numberAt(item, 'timestamp'),
      value: valueAt(item),
    }));
    const latest = latestIndex(rows);
    if (latest < 0) continue;
    const value = entry(items[latest], 'value')!;
    const best = rows[latest];
    const rival = rows.findIndex(
      (r) => r.value !== undefined && r.step === best.step && r.time === best.time && !Object.is(r.value, best.value),
    );
    if (rival >= 0) {
      throw new UserError(
        `two different values of ${e.key} at step ${best.step} and timestamp ${best.time} ` +
          `(lines ${entry(items[rival], 'value')!.line} and ${value.line}): which one is the latest is ambiguous`,
        file,
        value.line,
      );
    }
    metrics.push({
      name: e.key,
      path: `${prefix}.${latest}.value`,
      value: value.value.kind === 'scalar' ? value.value.value : null,
      file,
      line: value.line,
    });
  }
  return { file, format: 'mlflow', metrics, aliases: {} };
}

const valueAt = (item: TreeNode): number | undefined => {
  const v = child(item, 'value');
  if (v?.kind !== 'scalar') return undefined;
  // Anything but a number (null, text) stays in the race as NaN: if it is the latest, it fails.
  return typeof v.value === 'number' ? v.value : NaN;
};
