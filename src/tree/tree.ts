/**
 * A parsed JSON or YAML document that remembers the 1-based line of every key and value, so each
 * metric, rule or setting can point at its line. json.ts and yaml.ts produce it.
 */
export type Scalar = number | string | boolean | null;

export type TreeNode =
  | { kind: 'scalar'; value: Scalar; line: number }
  | { kind: 'array'; items: TreeNode[]; line: number }
  | { kind: 'object'; entries: TreeEntry[]; line: number };

export interface TreeEntry {
  key: string;
  /** Line of the key itself. */
  line: number;
  value: TreeNode;
}

export type ObjectNode = Extract<TreeNode, { kind: 'object' }>;
export type ArrayNode = Extract<TreeNode, { kind: 'array' }>;

/** The entry for `key` (the last one when a key is repeated, as JSON.parse does). */
export function entry(node: TreeNode | undefined, key: string): TreeEntry | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entry(node, key)?.value;
}

export function isObject(node: TreeNode | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

export function isArray(node: TreeNode | undefined): node is ArrayNode {
  return node?.kind === 'array';
}

/**
 * The plain JavaScript value of a node, lines dropped; of repeated keys the last wins, as JSON.parse.
 * Iterative, so no depth of tree can overflow the call stack.
 *
 * @example
 * toPlain(parseJsonWithPositions('{"a": [1, {"b": null}]}', 'x.json')) // { a: [1, { b: null }] }
 */
export function toPlain(node: TreeNode): unknown {
  if (node.kind === 'scalar') return node.value;
  interface Frame {
    node: ArrayNode | ObjectNode;
    children: TreeNode[];
    values: unknown[];
  }
  const frame = (n: ArrayNode | ObjectNode): Frame => ({
    node: n,
    children: n.kind === 'array' ? n.items : n.entries.map((e) => e.value),
    values: [],
  });
  const stack: Frame[] = [frame(node)];
  for (;;) {
    const top = stack[stack.length - 1];
    let child: TreeNode | undefined;
    while ((child = top.children[top.values.length])?.kind === 'scalar') top.values.push(child.value);
    if (child) {
      stack.push(frame(child as ArrayNode | ObjectNode));
      continue;
    }
    stack.pop();
    const { node: done, values } = top;
    // fromEntries defines own properties, so even a key named `__proto__` stays data.
    const value = done.kind === 'array' ? values : Object.fromEntries(done.entries.map((e, i) => [e.key, values[i]]));
    const parent = stack[stack.length - 1];
    if (!parent) return value;
    parent.values.push(value);
  }
}
