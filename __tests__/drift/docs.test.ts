/**
 * The drift methods' documentation lists what the registry holds: docs/drift-methods.md (kinds,
 * value, default threshold, in order), the `drift-method` input of action.yml, and the method
 * table of the drift stage's page (docs/drift.md). Adding a method without documenting it fails here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KIND_WORDS } from '../../src/drift/method.js';
import { METHOD_NAMES, METHODS } from '../../src/drift/registry.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/** The rows of the first markdown table whose header starts with `header`, as cells. */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  if (start < 0) throw new Error(`no table starting with '${header}'`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('drift method documentation', () => {
  test('docs/drift-methods.md: every method, in order, with its kinds, value and default threshold', () => {
    const rows = tableRows(read('docs/drift-methods.md'), '| method | column kinds | value | default threshold |');
    expect(rows.map(([name, kinds, value, threshold]) => ({ name, kinds, value, threshold }))).toEqual(
      METHODS.map((m) => ({
        name: `\`${m.name}\``,
        kinds: m.columnKinds.map((k) => KIND_WORDS[k]).join(', '),
        value: m.yieldsPValue ? 'p-value' : 'distance',
        threshold: String(m.defaultThreshold),
      })),
    );
  });

  test("action.yml's drift-method names every method and no other", () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, { description: string }> };
    const named = [...action.inputs['drift-method'].description.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(named.filter((n) => !['auto', 'drift'].includes(n))).toEqual(METHOD_NAMES);
  });

  test("docs/drift.md's method table lists every method, and it and the README link to docs/drift-methods.md", () => {
    const page = read('docs/drift.md');
    const rows = tableRows(page, '| method | column kinds |');
    expect(rows.map(([name]) => name.replace(/`/g, '')).sort()).toEqual([...METHOD_NAMES].sort());
    expect(page).toContain('(drift-methods.md)');
    expect(read('README.md')).toContain('(docs/drift-methods.md)');
  });
});
