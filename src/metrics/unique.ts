/**
 * A name that occurs twice in one metrics file is ambiguous: `{"accuracy": 0.99, "accuracy": 0.5}`
 * is 0.5 for Python's json, JSON.parse and jq, but a reader that keeps the first would gate on 0.99;
 * a key `a.b` next to a nested `a: {b}`, or a `name,value` CSV with a repeated row, say two things
 * about one metric. Both checks refuse the file, naming both lines: one on the parsed tree (a key
 * repeated in one object, anywhere, even outside the metrics a reader keeps), one on the metrics a
 * reader produced (every format, after flattening).
 */
import { UserError } from '../errors.js';
import type { TreeNode } from '../tree/tree.js';
import type { Metric, MetricFile } from './types.js';

/**
 * Refuses a key repeated in one object of `tree`. Iterative, so deep trees cannot overflow the stack.
 *
 * @example
 * assertUniqueKeys(parseJsonWithPositions('{"a": 1,\n "a": 2}', 'm.json'), 'm.json')
 * // UserError at m.json:2: key "a" is written twice in one object (lines 1 and 2) ...
 */
export function assertUniqueKeys(tree: TreeNode, file: string): void {
  const stack: TreeNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'array') stack.push(...node.items);
    if (node.kind !== 'object') continue;
    const lines = new Map<string, number>();
    for (const e of node.entries) {
      const first = lines.get(e.key);
      if (first !== undefined) {
        throw new UserError(
          `key ${JSON.stringify(e.key)} is written twice in one object (lines ${first} and ${e.line}); ` +
            `readers disagree on which one counts: keep one`,
          file,
          e.line,
        );
      }
      lines.set(e.key, e.line);
      stack.push(e.value);
    }
  }
}

/**
 * Refuses two metrics answering to one name: the same name twice, or one metric's name equal to
 * another's path (a key `loss.2` next to the last epoch of `loss`).
 */
export function assertUniqueNames(read: MetricFile): void {
  const owner = new Map<string, Metric>();
  const claim = (key: string, m: Metric) => {
    const other = owner.get(key);
    if (other && other !== m) throw duplicate(key, other, m);
    owner.set(key, m);
  };
  for (const m of read.metrics) claim(m.name, m);
  for (const m of read.metrics) if (m.path !== undefined && m.path !== m.name) claim(m.path, m);
}

function duplicate(name: string, a: Metric, b: Metric): UserError {
  const [first, second] = (a.line ?? 0) <= (b.line ?? 0) ? [a, b] : [b, a];
  const where =
    first.file === second.file
      ? `lines ${first.line ?? '?'} and ${second.line ?? '?'}`
      : `${first.file}:${first.line ?? '?'} and ${second.file}:${second.line ?? '?'}`;
  return new UserError(
    `metric ${JSON.stringify(name)} is written twice (${where}); which value counts is ambiguous: keep one`,
    second.file,
    second.line,
  );
}
