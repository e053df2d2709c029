/**
 * Weights & Biases run summary `wandb-summary.json` (https://docs.wandb.ai/guides/track/log/log-summary/):
 * a flat object of last-logged values (`train/loss`, `_step`, `_runtime`, `_wandb.runtime`), read
 * with the flattening rule. Media objects (any object with a `_type`, e.g. `images/separated`) are
 * left out: they describe files, not scores.
 */
import { flattenTree } from '../flatten.js';
import { entry, isObject, type TreeNode } from '../../tree/tree.js';
import type { MetricFile } from '../types.js';
import { readGenericTree } from './generic.js';

export function isWandbSummary(tree: TreeNode, path: string): boolean {
  if (!isObject(tree)) return false;
  if (/wandb-summary\.json$/i.test(path) || entry(tree, '_wandb') !== undefined) return true;
  return ['_step', '_runtime', '_timestamp'].every((k) => entry(tree, k) !== undefined);
}

export function readWandbSummary(tree: TreeNode, file: string): MetricFile {
  if (tree.kind === 'scalar') return readGenericTree(tree, file, 'wandb');
  const metrics = flattenTree(tree, file, { skip: (node) => isObject(node) && entry(node, '_type') !== undefined });
  return { file, format: 'wandb', metrics, aliases: {} };
}
