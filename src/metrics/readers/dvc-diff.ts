/**
 * Output of `dvc metrics diff --json` (https://dvc.org/doc/command-reference/metrics/diff):
 * `{"<file>": {"<metric path>": {"old": 1, "new": 3, "diff": 2}}}`.
 *
 * Metrics are the `new` values named `<file>.<metric path>` (alias `<metric path>` when no other file
 * has it); MetricFile.baseline holds the `old` values under the same names. A deleted metric
 * (`"new": null`) stays a null metric, so a rule naming it fails; a metric new in this revision
 * (`"old": null`) has no baseline entry. `{}` (nothing changed) gives no metrics.
 */
import { UserError } from '../../errors.js';
import { aliasTable } from '../flatten.js';
import { entry, isObject, type TreeEntry, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';

const DIFF_KEYS = ['old', 'new', 'diff'];

const isChange = (node: TreeNode): boolean =>
  isObject(node) &&
  node.entries.every((e) => DIFF_KEYS.includes(e.key)) &&
  (entry(node, 'old') !== undefined || entry(node, 'new') !== undefined);

export function isDvcDiff(tree: TreeNode): boolean {
  return (
    isObject(tree) &&
    tree.entries.length > 0 &&
    tree.entries.every(
      (f) => isObject(f.value) && f.value.entries.length > 0 && f.value.entries.every((m) => isChange(m.value)),
    )
  );
}

export function readDvcDiff(tree: TreeNode, file: string): MetricFile {
  const bad = (node: TreeNode | TreeEntry): never => {
    throw new UserError(
      `not a "dvc metrics diff --json" output: expected {"<file>": {"<metric>": {"old": .., "new": .., "diff": ..}}}`,
      file,
      node.line,
    );
  };
  if (!isObject(tree)) return bad(tree);
  const metrics: Metric[] = [];
  const baseline: Metric[] = [];
  const candidates: [string, string][] = [];
  for (const f of tree.entries) {
    if (!isObject(f.value)) return bad(f);
    for (const m of f.value.entries) {
      if (!isChange(m.value)) return bad(m);
      const name = `${f.key}.${m.key}`;
      const newer = entry(m.value, 'new');
      const older = entry(m.value, 'old');
      const valueOf = (e: TreeEntry | undefined) => (e?.value.kind === 'scalar' ? e.value.value : null);
      metrics.push({ name, value: valueOf(newer), file, line: newer?.line ?? m.line });
      if (older && valueOf(older) !== null) baseline.push({ name, value: valueOf(older), file, line: older.line });
      candidates.push([m.key, name]);
    }
  }
  return { file, format: 'dvc-diff', metrics, baseline, ...aliasTable(candidates, metrics) };
}
