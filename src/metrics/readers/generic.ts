/**
 * Any JSON or YAML tree (DVC metrics files, sklearn classification_report, HF `*_results.json`):
 * the flattening rule of flatten.ts as is.
 */
import { basename, extname } from 'node:path';
import { flattenTree } from '../flatten.js';
import type { TreeNode } from '../../tree/tree.js';
import type { MetricFile } from '../types.js';

export function readGenericTree(tree: TreeNode, file: string, format: string): MetricFile {
  // A file holding one bare number (DVC allows it) is named after the file: `auc.metric` → `auc`.
  const metrics =
    tree.kind === 'scalar'
      ? [{ name: basename(file, extname(file)), value: tree.value, file, line: tree.line }]
      : flattenTree(tree, file);
  return { file, format, metrics, aliases: {} };
}
