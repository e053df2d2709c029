import { UserError, locatedMessage } from '../../src/errors.js';
import { flattenTree } from '../../src/metrics/flatten.js';
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
