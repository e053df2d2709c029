/**
 * DVC metrics (https://dvc.org/doc/command-reference/metrics): any JSON/YAML tree, addressed by
 * dotted paths as DVC does (`avg_prec.test`), and the output of `dvc metrics show --json`
 * (DVC 2/3: `{"<rev>": {"data": {"<file>": {"data": {...}}}}}`), which is unwrapped: the metrics of
 * the workspace revision (or of the only revision) are named `<file>.<path>`, with the alias `<path>`
 * when no other file has it. A file DVC could not read (`"error"` instead of `"data"`) is a UserError.
 */
import { UserError } from '../../errors.js';
import { flattenTree, aliasTable } from '../flatten.js';
import { child, entry, isObject, type ObjectNode, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';
import { readGenericTree } from './generic.js';

const hasOnly = (node: ObjectNode, keys: string[]): boolean => node.entries.every((e) => keys.includes(e.key));

/** `{"<rev>": {"data": {"<file>": {"data"|"error": ...}}}}` and nothing else. */
export function isDvcShow(tree: TreeNode): boolean {
  if (!isObject(tree) || tree.entries.length === 0) return false;
  return tree.entries.every((rev) => {
    const data = child(rev.value, 'data');
    return (
      isObject(rev.value) &&
      hasOnly(rev.value, ['data', 'error']) &&
      isObject(data) &&
      data.entries.every((f) => isObject(f.value) && hasOnly(f.value, ['data', 'error']) && f.value.entries.length > 0)
    );
  });
}

export function readDvc(tree: TreeNode, file: string): MetricFile {
  if (!isDvcShow(tree)) return readGenericTree(tree, file, 'dvc');
  const revisions = (tree as ObjectNode).entries;
  const rev = entry(tree, 'workspace') ?? entry(tree, '') ?? (revisions.length === 1 ? revisions[0] : undefined);
  if (!rev) {
    const names = revisions.map((r) => r.key).join(', ');
    throw new UserError(
      `dvc metrics show output has several revisions (${names}) and no workspace; pass one revision`,
      file,
      tree.line,
    );
  }
  const metrics: Metric[] = [];
  const candidates: [string, string][] = [];
  for (const f of (child(rev.value, 'data') as ObjectNode).entries) {
    const error = entry(f.value, 'error');
    if (error) {
      const message = child(error.value, 'msg');
      const detail = message?.kind === 'scalar' ? `: ${message.value}` : '';
      throw new UserError(`dvc could not read metrics file "${f.key}"${detail}`, file, error.line);
    }
    const data = child(f.value, 'data')!;
    const found =
      data.kind === 'scalar'
        ? [{ name: f.key, value: data.value, file, line: f.line }]
        : flattenTree(data, file, { prefix: f.key });
    for (const m of found) if (m.name !== f.key) candidates.push([m.name.slice(f.key.length + 1), m.name]);
    metrics.push(...found);
  }
  return { file, format: 'dvc', metrics, ...aliasTable(candidates, metrics) };
}
