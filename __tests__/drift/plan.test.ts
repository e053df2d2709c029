import type { Column, Table } from '../../src/data/types.js';
import { inferKind, planColumns as planSides, tableSide, type ColumnChoice } from '../../src/drift/plan.js';
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
const planColumns = (ref: Table, cur: Table, choice: ColumnChoice) => planSides(tableSide(ref), tableSide(cur), choice);
const kindOf = (column: Column) => inferKind(tableSide(table('t.csv', [column])).traits(column));

describe('inferKind', () => {
  test('integers with at most 5 distinct values are categories; more, or fractions, are numeric', () => {
    expect(kindOf(numeric('r', [1, 2], 5, true))).toBe('categorical');
    expect(kindOf(numeric('r', [1, 2], 6, true))).toBe('numeric');
    expect(kindOf(numeric('r', [1.5, 2], 2, false))).toBe('numeric');
    expect(kindOf(categorical('s'))).toBe('categorical');
    expect(kindOf(categorical('b', true))).toBe('categorical');
  });
});

describe('planColumns', () => {
  const ref = table('ref.csv', [numeric('x', [1.5, 2.5], 2, false), categorical('c'), numeric('id', [1, 2], 2, true)]);
  const cur = table('cur.csv', [categorical('c'), numeric('x', [1.5, 3.5], 2, false), categorical('new')]);

  test('shared columns in reference order; one-sided ones are skipped and listed', () => {
    const plan = planColumns(ref, cur, none);
    expect(plan.columns.map((c) => [c.name, c.kind, c.kindFrom])).toEqual([
      ['x', 'numeric', 'inferred'],
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
