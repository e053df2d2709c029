/**
 * EleutherAI lm-evaluation-harness results JSON (https://github.com/EleutherAI/lm-evaluation-harness,
 * `--output_path`): v0.4 `results.<task>."<metric>,<filter>"` (plus `groups.<group>...`) and legacy
 * v0.3 `results.<task>.<metric>`.
 *
 * Only the `results` and `groups` subtrees are read (configs, versions, n-shot, config, ... are run
 * settings, not scores); the `alias` display labels are skipped. Stderr `"N/A"` stays a string.
 * `higher_is_better.<task>.<metric>` (else the task config's `metric_list`) sets Metric.higherIsBetter. Aliases: `<task>.<metric>,<filter>`
 * and `<task>.<metric>` (`arc_easy.acc`, `gsm8k.exact_match`), the latter when the metric has exactly
 * one filter (with `strict-match` and `flexible-extract` both present, a rule naming
 * `gsm8k.exact_match` is refused with the two candidates); a task present in both `results` and
 * `groups` takes its aliases from `results`.
 */
import { UserError } from '../../errors.js';
import { aliasTable, flattenTree } from '../flatten.js';
import { child, entry, isArray, isObject, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';

const RUN_KEYS = ['versions', 'configs', 'n-shot', 'higher_is_better', 'group_subtasks', 'config'];

export function isLmEval(tree: TreeNode): boolean {
  return isObject(child(tree, 'results')) && RUN_KEYS.some((k) => entry(tree, k) !== undefined);
}

export function readLmEval(tree: TreeNode, file: string): MetricFile {
  const results = child(tree, 'results');
  if (!isObject(results)) {
    throw new UserError(`not an lm-evaluation-harness result: no "results" object`, file, tree.line);
  }
  const directions = child(tree, 'higher_is_better');
  const metrics: Metric[] = [];
  const candidates: [string, string][] = [];
  const inResults = new Set(results.entries.map((e) => e.key));
  for (const section of ['results', 'groups']) {
    const node = child(tree, section);
    if (!isObject(node)) continue;
    for (const task of node.entries) {
      const fromResults = section === 'results' || !inResults.has(task.key);
      for (const m of flattenTree(task.value, file, { prefix: `${section}.${task.key}` })) {
        const key = m.name.slice(section.length + task.key.length + 2);
        if (key === 'alias') continue;
        const comma = key.indexOf(',');
        const metric = comma < 0 ? key : key.slice(0, comma);
        const direction = declaredDirection(tree, directions, task.key, metric);
        if (direction !== undefined) m.higherIsBetter = direction;
        metrics.push(m);
        if (!fromResults) continue;
        candidates.push([`${task.key}.${key}`, m.name]);
        if (comma >= 0) candidates.push([`${task.key}.${metric}`, m.name]);
      }
    }
  }
  return { file, format: 'lm-eval', metrics, ...aliasTable(candidates, metrics) };
}

/**
 * `higher_is_better.<task>.<metric>`, else (0.4 releases before that block) the task config's
 * `metric_list` entry for the metric; undefined when neither says.
 */
function declaredDirection(
  tree: TreeNode,
  block: TreeNode | undefined,
  task: string,
  metric: string,
): boolean | undefined {
  const flag = (node: TreeNode | undefined) =>
    node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;
  const declared = flag(child(child(block, task), metric));
  if (declared !== undefined) return declared;
  const list = child(child(child(tree, 'configs'), task), 'metric_list');
  const named = (node: TreeNode) => {
    const m = child(node, 'metric');
    return m?.kind === 'scalar' && m.value === metric;
  };
  const item = isArray(list) ? list.items.find(named) : undefined;
  return flag(child(item, 'higher_is_better'));
}
