/**
 * The import graph of src/ between folders has no cycle, and the layers stay apart: a cycle
 * between folders means neither can be read, tested or changed alone (profile/ and stages/ once
 * imported each other, bridged with callbacks). Every import counts: static, `import type`,
 * re-exports and dynamic `import()`. A file directly in src/ is a node of its own (errors.ts is a
 * leaf, run.ts the top), every folder below src/ one node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Node of a module: its top folder below src/ (`drift/`), or the file itself when directly in src/. */
function nodeOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length === 0 ? first.replace(/\.js$/, '.ts') : `${first}/`;
}

/** Edges between nodes, each with the imports that make it (file → specifier). */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts)$/.test(f))
    .map((f) => path.join(SRC, f));
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue; // packages and node: builtins
      const from = nodeOf(file);
      const to = nodeOf(path.resolve(path.dirname(file), fileName));
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from) as Map<string, string[]>;
      edges.set(to, [...(edges.get(to) ?? []), `${path.relative(SRC, file)} → ${fileName}`]);
    }
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components with more than one node (Tarjan). */
export function cycles(graph: Map<string, Iterable<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('import graph of src/', () => {
  const graph = folderGraph();
  const targets = (from: string) => [...(graph.get(from)?.keys() ?? [])].sort();
  const evidence = (component: string[]) =>
    component.flatMap((a) => component.flatMap((b) => graph.get(a)?.get(b) ?? []));

  test('the cycle finder finds cycles (and only those)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['b']]]))).toEqual([]);
  });

  test('reads the imports it should (static, type-only, dynamic)', () => {
    expect(targets('stages/')).toEqual(expect.arrayContaining(['drift/', 'profile/', 'report/', 'settings/']));
    // dynamic only: a descriptor loads its stage's runner with import() (src/stage-defs/gate.ts)
    expect(graph.get('stage-defs/')?.get('stages/')).toEqual(
      expect.arrayContaining([`stage-defs${path.sep}gate.ts → ../stages/gate.js`]),
    );
    // type-only: src/drift/method.ts imports the profile's ColumnSummary type
    expect(graph.get('drift/')?.get('profile/')).toEqual(
      expect.arrayContaining([`drift${path.sep}method.ts → ../profile/profile.js`]),
    );
  });

  test('no cycle between folders', () => {
    const nodes = new Map([...graph].map(([from, edges]) => [from, [...edges.keys()]]));
    expect(cycles(nodes).map((c) => ({ cycle: c, imports: evidence(c) }))).toEqual([]);
  });

  test('layers: stats/ is pure, profile/ is a library, drift/ does not reach up to stages or settings', () => {
    expect(targets('stats/')).toEqual([]);
    expect(targets('profile/').filter((t) => ['stages/', 'drift/', 'settings/', 'settings.ts'].includes(t))).toEqual(
      [],
    );
    expect(targets('drift/').filter((t) => ['stages/', 'settings/', 'settings.ts'].includes(t))).toEqual([]);
  });
});
