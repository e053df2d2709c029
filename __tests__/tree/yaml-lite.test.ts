/**
 * The fast path must mean exactly what the full YAML parser means, or step aside: every YAML file
 * of the repository and a list of edge cases go through both.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_STRING_LENGTH, MAX_TREE_DEPTH } from '../../src/tree/limits.js';
import { parseSimpleYaml } from '../../src/tree/yaml-lite.js';
import type { TreeNode } from '../../src/tree/tree.js';

const ROOT = path.resolve(import.meta.dirname ?? '.', '../..');

/** The full parser's reading, as the same tree (the conversion in yaml.ts, minus the fast path). */
function full(text: string): TreeNode | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0 || doc.contents === null) return undefined;
  const lineOf = (node: { range?: [number, number, number] } | null | undefined, fallback: number) =>
    node?.range ? counter.linePos(node.range[0]).line : fallback;
  const convert = (node: unknown, line: number): TreeNode => {
    const n = node as { items?: unknown[]; value?: unknown; range?: [number, number, number] } | null;
    if (
      n &&
      Array.isArray(n.items) &&
      n.items.length >= 0 &&
      (n.items[0] as { key?: unknown } | undefined)?.key !== undefined
    ) {
      return {
        kind: 'object',
        line,
        entries: (n.items as { key: { value: unknown; range?: [number, number, number] }; value: unknown }[]).map(
          (p) => {
            const keyLine = lineOf(p.key, line);
            return {
              key: String(p.key.value),
              line: keyLine,
              value: convert(p.value, lineOf(p.value as never, keyLine)),
            };
          },
        ),
      };
    }
    if (n && Array.isArray(n.items)) {
      const isMap = (n as { constructor: { name: string } }).constructor.name === 'YAMLMap';
      if (isMap) return { kind: 'object', line, entries: [] };
      return { kind: 'array', line, items: n.items.map((i) => convert(i, lineOf(i as never, line))) };
    }
    return { kind: 'scalar', value: (n?.value ?? null) as TreeNode extends { value: infer V } ? V : never, line };
  };
  return convert(doc.contents, lineOf(doc.contents as never, 1));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (['node_modules', 'dist', '.git', 'bench-data'].includes(name)) return [];
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

describe('parseSimpleYaml agrees with the full parser', () => {
  const files = yamlFiles(ROOT);

  test.each(files.map((f) => [path.relative(ROOT, f)]))('%s', (rel) => {
    const text = readFileSync(path.join(ROOT, rel), 'utf8');
    const simple = parseSimpleYaml(text);
    if (simple) expect(simple).toEqual(full(text));
  });

  test('the repository configuration files take the fast path', () => {
    for (const rel of [
      'examples/gate.yml',
      'examples/project/gate.yml',
      'examples/project/gate-vs-prod.yml',
      'scripts/bench/drift-ks-chi2.yml',
    ]) {
      expect([rel, parseSimpleYaml(readFileSync(path.join(ROOT, rel), 'utf8')) !== undefined]).toEqual([rel, true]);
    }
  });

  const cases: string[] = [
    'accuracy: ">= 0.90"\neval_loss: "<= 0.40"\n"macro avg.f1-score": { min: 0.85, max-drop: 0.02 }\nlatency_p95_ms: { max: 120, max-increase-pct: 10 }\n',
    'a: 1\nb: -2.5e3\nc: +7\nd: 7.0\ne: 1.\nf: .5\ng: true\nh: False\ni: null\nj: ~\nk:\nl: yes\nm: v1.2\n',
    "a: 'it''s'\nb: \"q\"\n'c d': x y z  # comment\ne: a#b\n# only a comment\n\nf: [free, 'pro plan', 3, null]\ng: {}\nh: []\n",
    'table:\n  row-count: { min: 1 }\n  columns:\n    exactly: [a, b]\ncolumns:\n  age:\n    between: { min: 0, max: 120, strict: false }\n    not-null: true\n',
    'a: # nothing here\nb: 2\n',
    'a : 1\n',
    'a: 0x1F\n',
    'a: .inf\nb: .nan\n',
    'a: 1_000\n',
    'a: b: c\n',
    'a:\n- 1\n- 2\n',
    'a: |\n  text\n',
    'a: >-\n  text\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    '---\na: 1\n',
    'a: "esc\\n"\n',
    'a: long\n  continued\n',
    'a: 1\na: 2\n',
    '{a: 1}\n',
    'a: {b: [1, 2]}\n',
    'a: [1, [2]]\n',
    'a: {b:1}\n',
    'a:\tb\n',
    'a: 1\r\nb: 2\r\n',
    '"a":1\n',
    'a: x, y\n',
    '  a: 1\n',
    'a:\n  b: 1\n c: 2\n',
    '? a\n: 1\n',
    'a: - b\n',
    'a: -\n',
    'a: -b\n',
    'a: :b\n',
    '-a: 1\n',
    'a: 007\n',
    '<<: {a: 1}\nb: 2\n',
    'a: {<<: 1}\n',
    // found by the fuzz suite: keys the core schema reads as numbers, long implicit keys, and
    // whitespace JavaScript trims but YAML does not
    '010: {}\n',
    '1.0: x\n',
    `'${"''".repeat(600)}': 1\n`,
    '\ufeffmacro avg:\n\ufeffmacro avg:\n',
    'a: 1\n\u00a0b: 2\n',
  ];
  test.each(cases)('%j', (text) => {
    const simple = parseSimpleYaml(text);
    if (simple) expect(simple).toEqual(full(text));
  });

  test('the common shapes are not left to the full parser', () => {
    for (const text of cases.slice(0, 5)) expect(parseSimpleYaml(text)).toBeDefined();
  });

  test('what the full parser refuses (leading zeros, merge keys, limits) is left to it', () => {
    for (const text of [
      'a: 007\n',
      '<<: {a: 1}\nb: 2\n',
      'a: {<<: 1}\n',
      `a: '${'v'.repeat(MAX_STRING_LENGTH + 1)}'\n`,
    ])
      expect(parseSimpleYaml(text)).toBeUndefined();
    const nested = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect(parseSimpleYaml(nested(MAX_TREE_DEPTH))).toBeDefined();
    expect(parseSimpleYaml(nested(MAX_TREE_DEPTH + 1))).toBeUndefined();
  });
});
