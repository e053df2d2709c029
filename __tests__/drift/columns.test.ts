import type { Column, Table } from '../../src/data/types.js';
import { inferKind, planColumns } from '../../src/drift/columns.js';
import { loadDriftConfig } from '../../src/drift/config.js';
import { sparklines } from '../../src/drift/sparkline.js';
import { locatedMessage, UserError } from '../../src/errors.js';

const numeric = (name: string, values: number[], distinct: number, integerLike: boolean): Column => ({
  kind: 'numeric',
  name,
  values: Float64Array.from(values),
  missing: values.filter(Number.isNaN).length,
  integerLike,
  distinct,
});
const categorical = (name: string, boolean = false): Column => ({
  kind: 'categorical',
  name,
  codes: Int32Array.from([0, 1]),
  dictionary: ['a', 'b'],
  counts: Int32Array.from([1, 1]),
  missing: 0,
  distinct: 2,
  boolean,
});
const table = (file: string, columns: Column[]): Table => ({
  file,
  format: 'csv',
  rowCount: 2,
  columns,
  lineAnchors: new Int32Array(),
});
const none = { columns: [], excludeColumns: [], categoricalColumns: [], numericalColumns: [] };

describe('inferKind', () => {
  test('integers with at most 5 distinct values are categories; more, or fractions, are numerical', () => {
    expect(inferKind(numeric('r', [1, 2], 5, true))).toBe('categorical');
    expect(inferKind(numeric('r', [1, 2], 6, true))).toBe('numerical');
    expect(inferKind(numeric('r', [1.5, 2], 2, false))).toBe('numerical');
    expect(inferKind(categorical('s'))).toBe('categorical');
    expect(inferKind(categorical('b', true))).toBe('categorical');
  });
});

describe('planColumns', () => {
  const ref = table('ref.csv', [numeric('x', [1.5, 2.5], 2, false), categorical('c'), numeric('id', [1, 2], 2, true)]);
  const cur = table('cur.csv', [categorical('c'), numeric('x', [1.5, 3.5], 2, false), categorical('new')]);

  test('shared columns in reference order; one-sided ones are skipped and listed', () => {
    const plan = planColumns(ref, cur, none);
    expect(plan.columns.map((c) => [c.name, c.kind, c.kindFrom])).toEqual([
      ['x', 'numerical', 'inferred'],
      ['c', 'categorical', 'inferred'],
    ]);
    expect(plan.skipped).toEqual([
      { name: 'id', onlyIn: 'ref.csv' },
      { name: 'new', onlyIn: 'cur.csv' },
    ]);
  });

  test('exclude-columns and kinds given by input', () => {
    const plan = planColumns(ref, cur, { ...none, excludeColumns: ['c', 'id', 'new'], categoricalColumns: ['x'] });
    expect(plan.columns.map((c) => [c.name, c.kind, c.kindFrom])).toEqual([['x', 'categorical', 'input']]);
    expect(plan.skipped).toEqual([]);
  });

  test.each([
    [{ ...none, columns: ['id'] }, "column 'id' (named in 'columns') is not in cur.csv"],
    [
      { ...none, numericalColumns: ['nope'] },
      "column 'nope' (named in 'numerical-columns') is not in ref.csv nor cur.csv",
    ],
    [{ ...none, excludeColumns: ['x', 'c'] }, 'no column left to compare after columns/exclude-columns'],
  ])('%j is refused', (choice, message) => {
    expect(() => planColumns(ref, cur, choice)).toThrow(new UserError(message));
  });

  test('a column entirely missing on one side is refused', () => {
    const empty = table('cur.csv', [numeric('x', [NaN, NaN], 0, false)]);
    const err = (() => {
      try {
        planColumns(table('ref.csv', [numeric('x', [1, 2], 2, false)]), empty, none);
      } catch (e) {
        return e as UserError;
      }
    })();
    expect(err && locatedMessage(err)).toBe("cur.csv: column 'x' is entirely missing");
  });
});

describe('loadDriftConfig', () => {
  test('method names and mappings, with their lines', async () => {
    const cfg = await loadDriftConfig('age: ks\nplan:\n  method: chi2\n  threshold: 0.01\nincome: { threshold: 0.2 }');
    expect(Object.fromEntries(cfg)).toEqual({
      age: { method: 'ks', file: undefined, line: 1 },
      plan: { method: 'chi2', threshold: 0.01, file: undefined, line: 2 },
      income: { threshold: 0.2, file: undefined, line: 5 },
    });
  });
  test.each([
    ['a: anova', "unknown method 'anova'"],
    ['a: { threshold: -1 }', 'threshold must be a non-negative number'],
    ['a: { method: ks, alpha: 1 }', "unknown key 'alpha'"],
    ['a: [ks]', 'expected a method name'],
  ])('%j is refused', async (text, message) => {
    await expect(loadDriftConfig(text)).rejects.toThrow(message);
  });
});

describe('sparklines', () => {
  test('numerical: shares of each side on one scale, 10 bins', () => {
    const [a, b] = sparklines(
      { kind: 'numerical', sorted: Float64Array.from([0, 0, 0, 0, 10]), rows: 5, missing: 0 },
      { kind: 'numerical', sorted: Float64Array.from([10, 10, 10, 10, 0]), rows: 5, missing: 0 },
    );
    expect(a).toBe('█▁▁▁▁▁▁▁▁▃'); // shares .8 and .2: round(.2 / .8 × 7) = 2
    expect(b).toBe('▃▁▁▁▁▁▁▁▁█');
  });
  test('categorical: categories in name order', () => {
    const [a, b] = sparklines(
      {
        kind: 'categorical',
        counts: new Map([
          ['b', 1],
          ['a', 3],
        ]),
        rows: 4,
        missing: 0,
      },
      {
        kind: 'categorical',
        counts: new Map([
          ['a', 1],
          ['b', 1],
        ]),
        rows: 2,
        missing: 0,
      },
    );
    expect([a, b]).toEqual(['█▃', '▆▆']); // shares .75 .25 | .5 .5, scaled by the top share .75 to 8 levels
  });
});
