/**
 * Keras `History.history` dumped as JSON (https://keras.io/api/models/model_training_apis/#fit-method):
 * `{"<metric>": [one value per epoch]}`. Each metric keeps its last epoch, named `<metric>`
 * (`val_loss`), with the path `<metric>.<last index>` (`val_loss.2`), on the line of that last value.
 */
import { UserError } from '../../errors.js';
import { isObject, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';

const isEpochList = (node: TreeNode): boolean =>
  node.kind === 'array' &&
  node.items.every((v) => v.kind === 'scalar' && (typeof v.value === 'number' || v.value === null));

export function isKerasHistory(tree: TreeNode): boolean {
  return (
    isObject(tree) &&
    tree.entries.some((e) => e.value.kind === 'array' && e.value.items.length > 0) &&
    tree.entries.every((e) => isEpochList(e.value))
  );
}

export function readKerasHistory(tree: TreeNode, file: string): MetricFile {
  const wrong = tree.kind === 'object' ? tree.entries.find((e) => !isEpochList(e.value)) : undefined;
  if (tree.kind !== 'object' || wrong) {
    const line = wrong?.line ?? tree.line;
    throw new UserError(`not a Keras history: expected {"<metric>": [<number per epoch>, ...]}`, file, line);
  }
  const metrics: Metric[] = [];
  for (const e of tree.entries) {
    if (e.value.kind !== 'array' || e.value.items.length === 0) continue;
    const last = e.value.items.length - 1;
    const item = e.value.items[last];
    metrics.push({
      name: e.key,
      path: `${e.key}.${last}`,
      value: item.kind === 'scalar' ? item.value : null,
      file,
      line: item.line,
    });
  }
  return { file, format: 'keras-history', metrics, aliases: {} };
}
