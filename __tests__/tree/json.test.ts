import { UserError, locatedMessage } from '../../src/errors.js';
import { flattenTree } from '../../src/metrics/flatten.js';
import { parseJsonWithPositions } from '../../src/tree/json.js';
import { MAX_KEY_LENGTH, MAX_STRING_LENGTH, MAX_TREE_DEPTH } from '../../src/tree/limits.js';

const parse = (text: string) => parseJsonWithPositions(text, 'x.json');
const flat = (text: string) =>
  Object.fromEntries(flattenTree(parse(text), 'x.json').map((m) => [m.name, [m.value, m.line]]));

function errorOf(text: string): UserError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseJsonWithPositions', () => {
  test('values and the line of each key', () => {
    expect(flat('{\n  "a": 1,\n  "b": {\n    "c": [true, null, "s"]\n  }\n}')).toEqual({
      a: [1, 2],
      'b.c.0': [true, 4],
      'b.c.1': [null, 4],
      'b.c.2': ['s', 4],
    });
  });

  test('Python NaN, Infinity, -Infinity are read as values', () => {
    expect(flat('{"n": NaN, "p": Infinity, "m": -Infinity}')).toEqual({
      n: [NaN, 1],
      p: [Infinity, 1],
      m: [-Infinity, 1],
    });
  });

  test('numbers: exponents, negatives, zero, huge', () => {
    expect(flat('[3.5467769063407616e+16, -205389824, 0, -0.5E-3, 1e400]')).toEqual({
      '0': [35467769063407616, 1],
      '1': [-205389824, 1],
      '2': [0, 1],
      '3': [-0.0005, 1],
      '4': [Infinity, 1],
    });
  });

  test('string escapes and unicode, BOM, CRLF, no final newline', () => {
    expect(flat('\uFEFF{"caf\\u00e9":\r\n "\\ud83d\\ude00 \\"q\\" \\\\ \\/ \\n\\t"}')).toEqual({
      café: ['😀 "q" \\ / \n\t', 1],
    });
  });

  test('empty containers give no metric', () => {
    expect(flat('{"a": {}, "b": [], "c": 2}')).toEqual({ c: [2, 1] });
  });

  test('a repeated key: the entry lookup takes the last, like JSON.parse', () => {
    const tree = parse('{"a": 1,\n"a": 2}');
    expect(tree.kind === 'object' && tree.entries.map((e) => [e.key, e.line])).toEqual([
      ['a', 1],
      ['a', 2],
    ]);
  });

  test(`nesting up to ${MAX_TREE_DEPTH} levels is read; deeper is refused where it crosses the limit`, () => {
    const depth = MAX_TREE_DEPTH;
    const text = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const metrics = flattenTree(parse(text), 'x.json');
    expect(metrics).toEqual([{ name: Array(depth).fill('a').join('.'), value: 1, file: 'x.json', line: 1 }]);
    expect(parse('['.repeat(depth) + ']'.repeat(depth)).kind).toBe('array');
    for (const deep of [
      '['.repeat(100000) + ']'.repeat(100000),
      '{"a":'.repeat(depth + 1) + '1' + '}'.repeat(depth + 1),
    ]) {
      const e = errorOf(deep);
      expect([e.line, e.column]).toEqual([1, deep.startsWith('[') ? depth + 1 : 5 * depth + 1]);
      expect(e.message).toBe(`nested deeper than ${MAX_TREE_DEPTH} levels (the limit)`);
    }
  });

  test('keys and strings over the limits are refused at their position', () => {
    const e = errorOf(`{\n "a": 1,\n "${'k'.repeat(MAX_KEY_LENGTH + 1)}": 2}`);
    expect([e.line, e.column, e.message]).toEqual([
      3,
      2,
      `a key is ${MAX_KEY_LENGTH + 1} characters long ("${'k'.repeat(40)}"…); the limit is ${MAX_KEY_LENGTH}`,
    ]);
    expect(parse(`{"${'k'.repeat(MAX_KEY_LENGTH)}": "${'v'.repeat(MAX_STRING_LENGTH)}"}`).kind).toBe('object');
    const s = errorOf(`{"a": ["${'v'.repeat(MAX_STRING_LENGTH + 1)}"]}`);
    expect([s.line, s.column]).toEqual([1, 8]);
    expect(s.message).toMatch(/^a string value is 1048577 characters long; the limit is 1048576/);
  });

  test('a 100k-key document keeps every value and line', () => {
    const text = '{' + Array.from({ length: 100000 }, (_, i) => `"k${i}": ${i / 7}`).join(',\n') + '}';
    const metrics = flattenTree(parse(text), 'x.json');
    expect(metrics[99999]).toEqual({ name: 'k99999', value: 99999 / 7, file: 'x.json', line: 100000 });
  });

  test.each([
    ['{"a": 1,}', 1, 9, 'expected a "quoted" key, found "}"'],
    ['{"a": 1\n "b": 2}', 2, 2, "expected ',' or '}', found \"\\\"\""],
    ['[1, 2', 1, 6, "expected ',' or ']', found the end of the file"],
    ['{"a" 1}', 1, 6, 'expected \':\' after the key "a"'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 1} x', 1, 10, 'expected the end of the file after the JSON value'],
    ['{"a": "x\\q"}', 1, 9, 'expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found "\\\\q"'],
    ['{"a": "\\u12G4"}', 1, 8, 'expected 4 hex digits after \\u, found "\\\\u12G4"'],
    ['{\n  "a": "oops\n}', 2, 13, "expected a closing '\"' before the end of the line"],
    ['{"a": "', 1, 7, 'string never closed'],
    ["{'a': 1}", 1, 2, 'expected a "quoted" key'],
  ])('malformed %j → line %i column %i', (text, line, column, message) => {
    const e = errorOf(text);
    expect([e.file, e.line, e.column]).toEqual(['x.json', line, column]);
    expect(locatedMessage(e)).toContain(`x.json:${line}:${column}: malformed JSON: `);
    expect(e.message).toContain(message);
  });

  test('empty or whitespace-only text', () => {
    expect(locatedMessage(errorOf(''))).toBe('x.json: empty file');
    expect(locatedMessage(errorOf(' \n\t\r\n'))).toBe('x.json: empty file');
  });
});
