import fc from 'fast-check';
import type { Column, Table } from '../../src/data/types.js';
import {
  inferKind,
  planColumns as planSides,
  profileSide,
  tableSide,
  type ColumnChoice,
} from '../../src/drift/plan.js';
import { locatedMessage, UserError } from '../../src/errors.js';
import { CategoricalSummary } from '../../src/profile/categorical.js';
import { NumericSummary } from '../../src/profile/numeric.js';
import { DEFAULT_PARAMS } from '../../src/profile/params.js';
import { Profile } from '../../src/profile/profile.js';

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

describe('one planner for tables and profiles', () => {
  const POOL = ['a', 'b', 'c', 'd', 'e'];
  type Data = { name: string; cells: (number | string | null)[] };

  /** A table as the readers give it, from cells (null: missing). */
  const toTable = (file: string, rows: number, data: Data[]): Table =>
    ({
      file,
      format: 'csv',
      rowCount: rows,
      lineAnchors: new Int32Array(),
      columns: data.map(({ name, cells }): Column => {
        const present = cells.filter((v) => v !== null);
        const distinct = new Set(present).size;
        if (present.some((v) => typeof v === 'string')) {
          const dictionary = [...new Set(present.map(String))];
          const codes = Int32Array.from(cells, (v) => (v === null ? -1 : dictionary.indexOf(String(v))));
          const counts = Int32Array.from(dictionary, (_, k) => codes.filter((c) => c === k).length);
          return {
            kind: 'categorical',
            name,
            codes,
            dictionary,
            counts,
            missing: rows - present.length,
            distinct,
            boolean: false,
          };
        }
        return {
          kind: 'numeric',
          name,
          values: Float64Array.from(cells, (v) => (v === null ? NaN : (v as number))),
          missing: rows - present.length,
          integerLike: present.every((v) => Number.isInteger(v)),
          distinct: Math.min(distinct, 21),
        };
      }),
    }) as Table;

  /** The profile of the same cells. */
  const toProfile = (rows: number, data: Data[]): Profile => {
    const profile = new Profile(DEFAULT_PARAMS);
    profile.rows = rows;
    for (const { name, cells } of data) {
      const text = cells.some((v) => typeof v === 'string');
      const s = text ? new CategoricalSummary(DEFAULT_PARAMS) : new NumericSummary(DEFAULT_PARAMS);
      for (const v of cells) {
        if (v === null) s.missing++;
        else if (s instanceof CategoricalSummary) s.add(String(v));
        else s.add(v as number);
      }
      profile.columns.set(name, s);
    }
    return profile;
  };

  /** Cells of one column: integers below k (codes when k ≤ 5), or decimals; some missing; maybe as text. */
  const column = (name: string, rows: number): fc.Arbitrary<Data> =>
    fc
      .tuple(
        fc.boolean(),
        fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(0)),
        fc.array(fc.tuple(fc.nat(9), fc.double({ min: -5, max: 5, noNaN: true })), {
          minLength: rows,
          maxLength: rows,
        }),
      )
      .map(([text, k, draws]) => {
        const cells = draws.map(([d, x], i) => (d === 0 ? null : k === 0 ? x : (i * 7 + d) % k));
        return { name, cells: text ? cells.map((v) => (v === null ? null : `t${v}`)) : cells };
      });
  const side = fc
    .integer({ min: 1, max: 15 })
    .chain((rows) =>
      fc
        .uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 })
        .chain((names) => fc.tuple(fc.constant(rows), fc.tuple(...names.map((name) => column(name, rows))))),
    );
  /** Usually no `columns` (every shared column), sometimes a few names. */
  const maybe = (arb: fc.Arbitrary<string[]>) => fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, arb);
  const choice = fc
    .tuple(
      maybe(fc.subarray(POOL, { maxLength: 3 })),
      maybe(fc.subarray(POOL, { maxLength: 1 })),
      maybe(fc.subarray(POOL)),
      maybe(fc.subarray(POOL)),
    )
    .map(([columns, excludeColumns, categoricalColumns, numerical]) => ({
      columns,
      excludeColumns,
      categoricalColumns,
      numericalColumns: numerical.filter((n) => !categoricalColumns.includes(n)),
    }));

  const outcome = (f: () => ReturnType<typeof planSides>) => {
    try {
      const plan = f();
      return { columns: plan.columns.map((c) => [c.name, c.kind, c.kindFrom]), skipped: plan.skipped };
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return { error: locatedMessage(e) };
    }
  };

  test('the same columns, kinds, skipped columns and errors from a table and from its profile', () => {
    let planned = 0;
    fc.assert(
      fc.property(side, side, choice, ([refRows, refData], [curRows, curData], c) => {
        const fromTables = outcome(() =>
          planSides(tableSide(toTable('ref', refRows, refData)), tableSide(toTable('cur', curRows, curData)), c),
        );
        const fromProfiles = outcome(() =>
          planSides(
            profileSide(toProfile(refRows, refData), 'ref'),
            profileSide(toProfile(curRows, curData), 'cur'),
            c,
          ),
        );
        expect(fromProfiles).toEqual(fromTables);
        if ('columns' in fromTables) planned++;
      }),
      { numRuns: 500 },
    );
    // Not only errors: about 40 % of the draws plan columns (at least 20 % whatever the seed).
    expect(planned).toBeGreaterThan(100);
  });
});
