/**
 * The flattening rule, quoted by the README:
 *
 * A metrics file is a tree; every leaf value becomes one metric named by the keys on its path joined
 * with `.` (`accuracy`, `macro avg.f1-score`, `results.arc_easy.acc,none`, `report.macro avg.f1-score`).
 * Keys are kept verbatim: spaces, commas, slashes and dots inside a key are not escaped, so a key
 * `a.b` and a nested `a: {b}` give the same name and the first one in the file wins on lookup.
 * Array elements are path segments by index from 0 (`loss.0`, `loss.1`, ...). Empty objects and
 * arrays give nothing. Leaves keep their value even when it is not a finite number (null, strings,
 * NaN, Infinity): the gate rejects those only when a rule names them. Format readers that know which
 * element matters (Keras history, trainer_state, MLflow: the last one) keep only that element, under
 * its generic path, and add a friendly alias (`val_loss` for `val_loss.2`).
 */
import type { Metric } from './types.js';
import type { TreeNode } from '../tree/tree.js';

export interface FlattenOptions {
  /** Name of `node` itself; children are `<prefix>.<key>`. Default: none (top level). */
  prefix?: string;
  /** Subtrees to leave out (e.g. W&B media objects). */
  skip?: (node: TreeNode) => boolean;
}

function joinPath(prefix: string | undefined, key: string | number): string {
  return prefix === undefined ? String(key) : `${prefix}.${key}`;
}

/** Every leaf under `node`, in file order. Iterative so deep trees cannot overflow the stack. */
export function flattenTree(node: TreeNode, file: string, options: FlattenOptions = {}): Metric[] {
  const metrics: Metric[] = [];
  const stack: [TreeNode, string | undefined, number][] = [[node, options.prefix, node.line]];
  while (stack.length > 0) {
    const [current, name, line] = stack.pop()!;
    if (options.skip?.(current)) continue;
    if (current.kind === 'scalar') {
      metrics.push({ name: name ?? '', value: current.value, file, line });
    } else if (current.kind === 'object') {
      for (let i = current.entries.length - 1; i >= 0; i--) {
        const e = current.entries[i];
        stack.push([e.value, joinPath(name, e.key), e.line]);
      }
    } else {
      for (let i = current.items.length - 1; i >= 0; i--)
        stack.push([current.items[i], joinPath(name, i), current.items[i].line]);
    }
  }
  return metrics;
}

/**
 * Aliases that name exactly one metric: an alias claimed for two different metrics is dropped (it
 * would be ambiguous), and so is one equal to a generic name (the generic name wins anyway).
 */
export function uniqueAliases(
  candidates: Iterable<[alias: string, target: string]>,
  metrics: Metric[],
): Record<string, string> {
  const generic = new Set(metrics.map((m) => m.name));
  const seen = new Map<string, string | null>();
  for (const [alias, target] of candidates) {
    if (alias === target || generic.has(alias)) continue;
    const previous = seen.get(alias);
    seen.set(alias, previous === undefined || previous === target ? target : null);
  }
  // fromEntries defines own properties, so even a key named `__proto__` stays data.
  return Object.fromEntries([...seen].filter((pair): pair is [string, string] => pair[1] !== null));
}
