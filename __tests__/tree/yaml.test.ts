import { readFileSync } from 'node:fs';
import { UserError, locatedMessage } from '../../src/errors.js';
import { flattenTree } from '../../src/metrics/flatten.js';
import { MAX_ALIAS_NODES, MAX_KEY_LENGTH, MAX_STRING_LENGTH, MAX_TREE_DEPTH } from '../../src/tree/limits.js';
import { toPlain } from '../../src/tree/tree.js';
import { parseYamlWithPositions } from '../../src/tree/yaml.js';

const flat = async (text: string, offset = 0) =>
  Object.fromEntries(
    flattenTree(await parseYamlWithPositions(text, 'm.yaml', offset), 'm.yaml').map((m) => [m.name, [m.value, m.line]]),
  );

async function errorOf(text: string): Promise<UserError> {
  try {
    await parseYamlWithPositions(text, 'm.yaml');
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseYamlWithPositions', () => {
  test('values, nulls, .nan/.inf and lines', async () => {
    expect(await flat('a: 1\nb:\n  c: null\n  d:\n  e: [0.5, .nan]\nf: -.inf\ng: text\n')).toEqual({
      a: [1, 1],
      'b.c': [null, 3],
      'b.d': [null, 4],
      'b.e.0': [0.5, 5],
      'b.e.1': [NaN, 5],
      f: [-Infinity, 6],
      g: ['text', 7],
    });
  });

  test('block sequences, anchors and a line offset', async () => {
    expect(await flat('base: &b 2\nlist:\n- x: *b\n- 3\n', 10)).toEqual({
      base: [2, 11],
      'list.0.x': [2, 13],
      'list.1': [3, 14],
    });
  });

  test('syntax error with line and column', async () => {
    const e = await errorOf('a: 1\nb: [1, 2\nc: 3\n');
    expect(locatedMessage(e)).toMatch(/^m\.yaml:\d+:\d+: malformed YAML: /);
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.column).toBeGreaterThanOrEqual(1);
  });

  test('duplicate keys are an error', async () => {
    const e = await errorOf('a: 1\na: 2\n');
    expect([e.line, e.column]).toEqual([2, 1]);
    expect(locatedMessage(e)).toContain('m.yaml:2:1: malformed YAML: Map keys must be unique');
  });

  test('comments only is empty', async () => {
    expect(locatedMessage(await errorOf('# nothing\n'))).toBe('m.yaml: empty file');
  });
});

describe('hostile YAML is bounded', () => {
  const laughs = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    'accuracy: 0.9',
  ].join('\n');

  test('billion laughs: refused where the expansion passes the limit, without expanding it', async () => {
    const e = await errorOf(laughs);
    expect(e.message).toBe(`aliases expand to more than ${MAX_ALIAS_NODES} values (the limit); write the values out`);
    // a: 10 nodes, b: 9 × 10 more, c: 9 × 91 more, d: 9 × 820 more (8289 in all); e passes 10 000.
    expect(e.line).toBe(5);
  });

  test.each([
    ['accuracy: &x [*x]', 1, 15, 'alias *x is inside the collection &x it names (a cycle)'],
    ['a: &x {b: [1, {c: *x}]}', 1, 19, 'alias *x is inside the collection &x it names (a cycle)'],
    ['a: *x\nb: &x 1', 1, 4, 'alias *x has no anchor &x before it'],
  ])('%j is refused at line %i column %i', async (text, line, column, message) => {
    const e = await errorOf(text);
    expect([e.line, e.column, e.message]).toEqual([line, column, message]);
  });

  test('aliases within the limit expand as every reader expands them, lines at the alias', async () => {
    expect(await flat('rule: &r {min: 0.8, max: 1}\nf1: *r\nacc: &v 0.5\nauc: *v\n')).toEqual({
      'rule.min': [0.8, 1],
      'rule.max': [1, 1],
      'f1.min': [0.8, 1],
      'f1.max': [1, 1],
      acc: [0.5, 3],
      auc: [0.5, 4],
    });
    // A redefined anchor: each alias takes the last one before it.
    expect(await flat('a: &x 1\nb: *x\nc: &x 2\nd: *x\n')).toMatchObject({ b: [1, 2], d: [2, 4] });
  });

  test(`nesting: ${MAX_TREE_DEPTH} levels are read, deeper is refused before the yaml package composes it`, async () => {
    const ok = 'a: ' + '['.repeat(MAX_TREE_DEPTH - 1) + ']'.repeat(MAX_TREE_DEPTH - 1);
    expect((await parseYamlWithPositions(ok, 'm.yaml')).kind).toBe('object');
    for (const deep of [
      'a: ' + '['.repeat(100000) + ']'.repeat(100000),
      'a: ' + '{a: '.repeat(100000) + '1' + '}'.repeat(100000),
      '- '.repeat(100000) + 'x',
      Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1',
      'a: ' + '['.repeat(MAX_TREE_DEPTH) + ']'.repeat(MAX_TREE_DEPTH),
    ]) {
      const e = await errorOf(deep);
      expect(e.message).toBe(`nested deeper than ${MAX_TREE_DEPTH} levels (the limit)`);
      expect(e.line).toBeGreaterThanOrEqual(1);
    }
  });

  test('an alias cannot nest a tree deeper than the limit', async () => {
    const half = MAX_TREE_DEPTH / 2 + 1;
    const e = await errorOf(
      `a: &a ${'['.repeat(half)}${']'.repeat(half)}\nb: ${'['.repeat(half)}*a${']'.repeat(half)}\n`,
    );
    expect([e.line, e.message]).toEqual([2, `nested deeper than ${MAX_TREE_DEPTH} levels (the limit)`]);
  });

  test('keys and strings over the limits', async () => {
    // An implicit key over 1024 characters is a YAML syntax error; an explicit one (`? key`) is not.
    const key = await errorOf(`a: [1]\n? ${'k'.repeat(MAX_KEY_LENGTH + 1)}\n: 1\n`);
    expect([key.line, key.column]).toEqual([2, 3]);
    expect(key.message).toMatch(/^a key is 1025 characters long/);
    const value = await errorOf(`a: [1]\nb: "${'v'.repeat(MAX_STRING_LENGTH + 1)}"\n`);
    expect([value.line, value.column]).toEqual([2, 4]);
    expect(value.message).toMatch(/^a string value is 1048577 characters long/);
  });
});

describe('YAML that readers disagree on is refused (PyYAML readings in fixtures/yaml/pyyaml.json)', () => {
  const golden = JSON.parse(readFileSync(new URL('../fixtures/yaml/pyyaml.json', import.meta.url), 'utf8')) as {
    cases: Record<string, { text: string; value?: unknown; error?: string }>;
  };
  const text = (name: string) => golden.cases[name].text;

  test('yaml.dump of numpy values: PyYAML safe_load refuses it, and so do we, saying how to write floats', async () => {
    expect(golden.cases['numpy-dump'].error).toBe('ConstructorError');
    const e = await errorOf(text('numpy-dump'));
    expect([e.line, e.column]).toEqual([1, 11]);
    expect(e.message).toBe(
      'the YAML tag !!python/object/apply:numpy.core.multiarray.scalar holds a Python object (yaml.dump of a numpy ' +
        'value?) that only Python can load; write plain numbers: float(x) before yaml.dump, or yaml.safe_dump',
    );
  });

  test('the fix the message suggests (float() and yaml.safe_dump) reads as PyYAML reads it', async () => {
    const tree = await parseYamlWithPositions(text('safe-dump'), 'm.yaml');
    expect(toPlain(tree)).toEqual(golden.cases['safe-dump'].value);
  });

  test.each([
    ['merge-key', 3, /^merge keys \('<<'\) are not supported: YAML 1\.1 readers \(PyYAML\) merge the mapping/],
    ['leading-zero', 1, /^'010' has a leading zero: YAML 1\.1 readers \(PyYAML\) read it as an octal number/],
    ['leading-zero-8', 1, /^'08' has a leading zero/],
    ['two-documents', 2, /^the file holds several YAML documents/],
    ['binary', 1, /^the YAML tag !!binary is not supported; values must be plain/],
    ['set', 1, /^the YAML tag !!set is not supported/],
    ['local-tag', 1, /^the YAML tag !Ref is not supported/],
    ['float-tag-on-int', 1, /^the value "1" is not a valid !!float/],
  ])('%s (PyYAML: %#) is refused at its line', async (name, line, message) => {
    // Each case is one where PyYAML's reading differs from YAML 1.2's, or where PyYAML fails.
    const py = golden.cases[name];
    const yaml12 = await import('yaml');
    let ours: unknown;
    try {
      ours = yaml12.parse(py.text);
    } catch {
      ours = 'error';
    }
    expect(py.error !== undefined || JSON.stringify(ours) !== JSON.stringify(py.value)).toBe(true);
    const e = await errorOf(py.text);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  test('quoted look-alikes and core tags are fine', async () => {
    expect(await flat('"<<": 1\nb: "010"\nc: 0\nd: 0.5\ne: !!float 2.5\nf: !!str 010\ng: !!int 3\n')).toEqual({
      '<<': [1, 1],
      b: ['010', 2],
      c: [0, 3],
      d: [0.5, 4],
      e: [2.5, 5],
      f: ['010', 6],
      g: [3, 7],
    });
  });

  test('a list as a key is refused', async () => {
    expect((await errorOf('? [a, b]\n: 1\n')).message).toBe(
      'a mapping key is a list or mapping; keys must be plain text',
    );
  });
});
