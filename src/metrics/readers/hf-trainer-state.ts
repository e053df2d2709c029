/**
 * Hugging Face transformers `trainer_state.json` (TrainerState.save_to_json,
 * https://huggingface.co/docs/transformers/main_classes/callback#transformers.TrainerState).
 *
 * Kept: the top-level numbers (`epoch`, `global_step`, `best_metric` when set, `total_flos`, ...) and,
 * for every key logged in `log_history`, its value in the last entry that has it — so `eval_*` come
 * from the last evaluation, `loss` from the last training log, `train_loss` from the final summary.
 * They are named by the plain key (`eval_loss`), with the path `log_history.<i>.<key>`; a key that is
 * also a top-level number (`total_flos`, in the final summary entry) keeps the top-level one under
 * its name, the logged one under its path only. `epoch` and `step` inside entries are left out:
 * every entry has them.
 */
import { UserError } from '../../errors.js';
import { child, isArray, type TreeNode } from '../../tree/tree.js';
import type { Metric, MetricFile } from '../types.js';

export function isTrainerState(tree: TreeNode): boolean {
  return isArray(child(tree, 'log_history')) && child(tree, 'global_step') !== undefined;
}

export function readTrainerState(tree: TreeNode, file: string): MetricFile {
  const history = child(tree, 'log_history');
  if (tree.kind !== 'object' || !isArray(history)) {
    throw new UserError(`not a trainer_state.json: no "log_history" list`, file, tree.line);
  }
  const metrics: Metric[] = [];
  for (const e of tree.entries) {
    if (e.value.kind === 'scalar' && typeof e.value.value === 'number') {
      metrics.push({ name: e.key, value: e.value.value, file, line: e.line });
    }
  }
  const topLevel = new Set(metrics.map((m) => m.name));
  const last = new Map<string, Metric>();
  history.items.forEach((item, i) => {
    if (item.kind !== 'object') return;
    for (const e of item.entries) {
      if (e.value.kind !== 'scalar' || e.key === 'epoch' || e.key === 'step') continue;
      const path = `log_history.${i}.${e.key}`;
      last.delete(e.key); // re-insert so the order is that of the last occurrences
      last.set(e.key, {
        name: topLevel.has(e.key) ? path : e.key,
        ...(topLevel.has(e.key) ? {} : { path }),
        value: e.value.value,
        file,
        line: e.line,
      });
    }
  });
  metrics.push(...last.values());
  return { file, format: 'hf-trainer-state', metrics, aliases: {} };
}
