/**
 * YAML 1.2 (https://yaml.org/spec/1.2.2/) to a line-aware TreeNode, via the `yaml` package
 * (eemeli/yaml) with a LineCounter. `null`/empty values stay null and `.nan`/`.inf` stay NaN/Infinity,
 * so the gate can reject them with their line. Syntax errors (and duplicate keys) are UserErrors
 * at file:line:column.
 */
import type { Document, Node } from 'yaml';
import { UserError } from '../errors.js';
import type { Scalar, TreeNode } from './tree.js';
import { parseSimpleYaml } from './yaml-lite.js';

type Yaml = typeof import('yaml');

/**
 * `lineOffset` shifts every line, for YAML cut out of a larger file (Markdown front matter). Simple
 * configuration YAML takes the fast path (yaml-lite.ts); the yaml package is loaded only for the
 * rest, on first use, not at start-up.
 */
export async function parseYamlWithPositions(text: string, file: string, lineOffset = 0): Promise<TreeNode> {
  const simple = parseSimpleYaml(text, lineOffset);
  if (simple) return simple;
  const yaml = await import('yaml');
  const { LineCounter, parseDocument } = yaml;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = counter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0];
    throw new UserError(`malformed YAML: ${message}`, file, line + lineOffset, col);
  }
  if (doc.contents === null) throw new UserError(`empty file`, file);
  const lineOf = (node: Node | null | undefined, fallback: number): number =>
    node?.range ? counter.linePos(node.range[0]).line + lineOffset : fallback;
  return convert(yaml, doc, doc.contents, lineOf, lineOf(doc.contents, 1 + lineOffset));
}

type LineOf = (node: Node | null | undefined, fallback: number) => number;

function convert(yaml: Yaml, doc: Document, node: unknown, lineOf: LineOf, line: number): TreeNode {
  const { isAlias, isMap, isScalar, isSeq } = yaml;
  if (isAlias(node)) return convert(yaml, doc, node.resolve(doc), lineOf, line);
  if (isMap(node)) {
    return {
      kind: 'object',
      line,
      entries: node.items.map((pair) => {
        const keyNode = pair.key as Node | null;
        const keyLine = lineOf(keyNode, line);
        const key = isScalar(keyNode) ? String(keyNode.value ?? '') : String(keyNode ?? '');
        return {
          key,
          line: keyLine,
          value: convert(yaml, doc, pair.value, lineOf, lineOf(pair.value as Node | null, keyLine)),
        };
      }),
    };
  }
  if (isSeq(node)) {
    return {
      kind: 'array',
      line,
      items: node.items.map((item) => convert(yaml, doc, item, lineOf, lineOf(item as Node | null, line))),
    };
  }
  const raw = isScalar(node) ? node.value : node;
  const value: Scalar =
    raw === null || raw === undefined || typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string'
      ? (raw ?? null)
      : String(raw);
  return { kind: 'scalar', value, line };
}
