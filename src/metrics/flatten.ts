/**
 * The flattening rule, quoted by docs/gate.md:
 *
 * A metrics file is a tree; every leaf value becomes one metric named by the keys on its path joined
 * with `.` (`accuracy`, `macro avg.f1-score`, `results.arc_easy.acc,none`, `report.macro avg.f1-score`).
 * Keys are kept verbatim: spaces, commas, slashes and dots inside a key are not escaped, so a key
 * `a.b` and a nested `a: {b}` give the same name: such a file is refused (unique.ts), as is a key
 * repeated in one object.
 * Array elements are path segments by index from 0 (`loss.0`, `loss.1`, ...). Empty objects and
 * arrays give nothing. Leaves keep their value even when it is not a finite number (null, strings,
 * NaN, Infinity): the gate rejects those only when a rule names them. Format readers that know which
 * element matters (Keras history, trainer_state, MLflow: the last one) keep only that element, named
 * by the logged name (`val_loss`), with the flattened path (`val_loss.2`) as its Metric.path.
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

/** A reader's extra names: those that fit one metric, and those that fit several. */
export interface AliasTable {
  aliases: Record<string, string>;
  ambiguous: Record<string, string[]>;
}

/**
 * Sorts candidate aliases (alias → metric name) into those that name exactly one metric and those
 * claimed for several (ambiguous: a rule naming one is refused with the candidates). An alias equal
 * to a metric's name or path is dropped: that metric is found by it anyway.
 *
 * @example
 * aliasTable([['wer', 'a.value'], ['wer', 'b.value'], ['cv.wer', 'a.value']], metrics)
 * // { aliases: { 'cv.wer': 'a.value' }, ambiguous: { wer: ['a.value', 'b.value'] } }
 */
export function aliasTable(candidates: Iterable<[alias: string, target: string]>, metrics: Metric[]): AliasTable {
  const taken = new Set(metrics.flatMap((m) => (m.path === undefined ? [m.name] : [m.name, m.path])));
  const seen = new Map<string, string[]>();
  for (const [alias, target] of candidates) {
    if (alias === target || taken.has(alias)) continue;
    const targets = seen.get(alias) ?? [];
    if (!targets.includes(target)) targets.push(target);
    seen.set(alias, targets);
  }
  // fromEntries defines own properties, so even a key named `__proto__` stays data.
  const entries = [...seen];
  return {
    aliases: Object.fromEntries(entries.filter(([, t]) => t.length === 1).map(([a, t]) => [a, t[0]])),
    ambiguous: Object.fromEntries(entries.filter(([, t]) => t.length > 1)),
  };
}
