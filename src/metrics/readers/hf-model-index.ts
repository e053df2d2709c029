/**
 * Hugging Face model card metadata `model-index` (https://huggingface.co/docs/hub/model-cards#evaluation-results),
 * read from README.md front matter or a YAML/JSON file holding it:
 * `model-index: [{name, results: [{task, dataset: {name, type}, metrics: [{type, value, name}]}]}]`.
 *
 * Only metric values are kept. Each metric's candidate names are `<type>`, `<dataset name>.<type>`,
 * `<dataset type>.<type>` and its display `name`; it is named by the first that fits it alone in the
 * card (`wer` on a card with one result, `LibriSpeech (clean).wer` on one with several), else by its
 * path `model-index.<i>.results.<j>.metrics.<k>.value`, which always answers too. The other candidates
 * that fit it alone are aliases; one that fits several metrics (`rouge-1` for validation and test) is
 * ambiguous: a rule naming it is refused with the candidates. The metric `type` (or else its display
 * `name`) gives the direction when it tells one: `wer`, `cer`, `perplexity`, … are lower-is-better.
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
  const found: { metric: Metric; names: string[] }[] = [];
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
        const type = text(child(m, 'type'));
        const label = text(child(m, 'name'));
        const direction =
          (type ? directionFromName(type) : undefined) ?? (label ? directionFromName(label) : undefined);
        const path = `model-index.${i}.results.${j}.metrics.${k}.value`;
        const prefixes = [text(child(dataset, 'name')), text(child(dataset, 'type'))].filter((p) => p !== undefined);
        const names = type ? [type, ...prefixes.map((p) => `${p}.${type}`)] : [];
        if (label) names.push(label);
        found.push({
          metric: {
            name: path,
            path,
            value: value.value.kind === 'scalar' ? value.value.value : null,
            file,
            line: value.line,
            ...(direction ? { higherIsBetter: direction === 'higher' } : {}),
          },
          names,
        });
      });
    });
  });
  // Each metric takes the first candidate name no other metric of the card has.
  const count = new Map<string, number>();
  for (const f of found) for (const n of new Set(f.names)) count.set(n, (count.get(n) ?? 0) + 1);
  for (const f of found) {
    const unique = f.names.find((n) => count.get(n) === 1);
    if (unique) f.metric.name = unique;
    else delete f.metric.path;
  }
  const metrics = found.map((f) => f.metric);
  const candidates = found.flatMap((f) => f.names.map((n) => [n, f.metric.name] as [string, string]));
  return { file, format: 'hf-model-index', metrics, ...aliasTable(candidates, metrics) };
}
