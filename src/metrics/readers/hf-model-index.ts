/**
 * Hugging Face model card metadata `model-index` (https://huggingface.co/docs/hub/model-cards#evaluation-results),
 * read from README.md front matter or a YAML/JSON file holding it:
 * `model-index: [{name, results: [{task, dataset: {name, type}, metrics: [{type, value, name}]}]}]`.
 *
 * Only metric values are kept, named `model-index.<i>.results.<j>.metrics.<k>.value`, with aliases
 * `<type>`, `<dataset name>.<type>`, `<dataset type>.<type>` and the metric `name`, each only when it
 * names a single metric (a card listing `rouge-1` for validation and test gets no `rouge-1` alias: a
 * rule naming it is refused with both candidates). The metric `type` (or else its `name`) gives the
 * direction when it tells one: `wer`, `cer`, `perplexity`, `loss`, … are lower-is-better.
 */
import { UserError } from '../../errors.js';
import { aliasTable } from '../flatten.js';
import { child, entry, isArray, type TreeNode } from '../../tree/tree.js';
import { directionFromName } from '../../rules/direction.js';
import type { Metric, MetricFile } from '../types.js';

const text = (node: TreeNode | undefined): string | undefined =>
  node?.kind === 'scalar' && node.value !== null && node.value !== '' ? String(node.value) : undefined;

export function isModelIndex(tree: TreeNode): boolean {
  return isArray(child(tree, 'model-index'));
}

export function readModelIndex(tree: TreeNode, file: string): MetricFile {
  const models = child(tree, 'model-index');
  if (!isArray(models)) {
    throw new UserError(`no "model-index" list in the model card metadata`, file, tree.line);
  }
  const metrics: Metric[] = [];
  const candidates: [string, string][] = [];
  models.items.forEach((model, i) => {
    const results = child(model, 'results');
    if (!isArray(results)) return;
    results.items.forEach((result, j) => {
      const dataset = child(result, 'dataset');
      const list = child(result, 'metrics');
      if (!isArray(list)) return;
      list.items.forEach((m, k) => {
        const value = entry(m, 'value');
        if (!value) return;
        const name = `model-index.${i}.results.${j}.metrics.${k}.value`;
        const type = text(child(m, 'type'));
        const label = text(child(m, 'name'));
        const direction = (type && directionFromName(type)) ?? (label && directionFromName(label));
        metrics.push({
          name,
          value: value.value.kind === 'scalar' ? value.value.value : null,
          file,
          line: value.line,
          ...(direction ? { higherIsBetter: direction === 'higher' } : {}),
        });
        if (label) candidates.push([label, name]);
        if (!type) return;
        candidates.push([type, name]);
        for (const prefix of [text(child(dataset, 'name')), text(child(dataset, 'type'))]) {
          if (prefix) candidates.push([`${prefix}.${type}`, name]);
        }
      });
    });
  });
  return { file, format: 'hf-model-index', metrics, ...aliasTable(candidates, metrics) };
}
