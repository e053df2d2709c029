/**
 * `run.json` written by mlflow-export-import (https://github.com/mlflow/mlflow-export-import):
 * `mlflow.metrics.<name>` is a list of `{value, timestamp, step}`. Each metric keeps its latest entry
 * (highest step, then latest timestamp, then last), named `mlflow.metrics.<name>.<i>.value` with the
 * alias `<name>`. A run with `mlflow.info.lifecycle_stage: deleted` is refused, like a deleted run folder.
 */
import { UserError } from '../../errors.js';
import { flattenTree, uniqueAliases } from '../flatten.js';
import { child, entry, isObject, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';

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
  const candidates: [string, string][] = [];
  for (const e of list.entries) {
    const prefix = `mlflow.metrics.${e.key}`;
    if (e.value.kind !== 'array') {
      for (const m of flattenTree(e.value, file, { prefix })) metrics.push(m);
      candidates.push([e.key, prefix]);
      continue;
    }
    // Latest = highest step, then latest timestamp, then last in the list.
    const rank = (item: TreeNode): [number, number] => [numberAt(item, 'step'), numberAt(item, 'timestamp')];
    const items = e.value.items;
    let latest = -1;
    items.forEach((item, i) => {
      if (!entry(item, 'value')) return;
      const [step, time] = rank(item);
      const [bestStep, bestTime] = latest < 0 ? [-Infinity, -Infinity] : rank(items[latest]);
      if (step > bestStep || (step === bestStep && time >= bestTime)) latest = i;
    });
    if (latest < 0) continue;
    const value = entry(items[latest], 'value')!;
    const name = `${prefix}.${latest}.value`;
    metrics.push({ name, value: value.value.kind === 'scalar' ? value.value.value : null, file, line: value.line });
    candidates.push([e.key, name]);
  }
  return { file, format: 'mlflow', metrics, aliases: uniqueAliases(candidates, metrics) };
}
