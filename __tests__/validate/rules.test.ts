/**
 * Every rule, passing and failing, with `mostly`, on __tests__/fixtures/validate/people.csv (see
 * the README there for what each row holds). Expected counts and rows are read off the fixture.
 */
import { col, one } from './helpers.js';

describe('table rules', () => {
  test('row-count passes within bounds and fails outside', async () => {
    expect((await one('table:\n  row-count: { min: 1, max: 8 }\n')).passed).toBe(true);
    const r = await one('table:\n  row-count: { min: 10 }\n');
    expect(r).toMatchObject({ passed: false, message: '8 rows, expected ≥ 10', line: 2 });
    expect((await one('table:\n  row-count: { max: 7 }\n')).passed).toBe(false);
  });

  test('columns exactly / at-least', async () => {
    const all = '[id, age, country, email, signup, active, score]';
    expect((await one(`table:\n  columns: { exactly: ${all} }\n`)).passed).toBe(true);
    expect((await one('table:\n  columns: { at-least: [age, id] }\n')).passed).toBe(true);
    const exact = await one('table:\n  columns: { exactly: [id, age, country, email, signup, active, extra] }\n');
    expect(exact).toMatchObject({ passed: false, message: 'missing: extra; unexpected: score' });
    expect((await one('table:\n  columns: { at-least: [id, ssn] }\n')).message).toBe('missing: ssn');
  });

  test('no-duplicate-rows: row 6 repeats row 5', async () => {
    const r = await one('table:\n  no-duplicate-rows: true\n');
    expect(r).toMatchObject({ passed: false, failing: 1, checked: 8, samples: [{ row: 6, value: 'same as row 5' }] });
    expect(r.failing_pct).toBeCloseTo(12.5, 10);
    expect((await one('table:\n  no-duplicate-rows: { mostly: 0.875 }\n')).passed).toBe(true); // 7 of 8 pass
    expect((await one('table:\n  no-duplicate-rows: { mostly: 0.9 }\n')).passed).toBe(false);
  });
});

describe('column rules', () => {
  test('exists: true / false', async () => {
    expect((await one(col('age', 'exists: true'))).passed).toBe(true);
    expect((await one(col('ssn', 'exists: true'))).passed).toBe(false);
    expect((await one(col('ssn', 'exists: false'))).passed).toBe(true);
    expect((await one(col('age', 'exists: false'))).passed).toBe(false);
  });

  test('a rule on an absent column fails', async () => {
    expect(await one(col('ssn', 'not-null: true'))).toMatchObject({
      passed: false,
      message: "no column 'ssn' in the data",
    });
  });

  test('not-null counts every row: age is missing on row 3', async () => {
    const r = await one(col('age', 'not-null: true'));
    expect(r).toMatchObject({ passed: false, failing: 1, checked: 8, samples: [{ row: 3, value: '(missing)' }] });
    expect((await one(col('age', 'not-null: { mostly: 0.875 }'))).passed).toBe(true);
    expect((await one(col('age', 'not-null: { mostly: 0.88 }'))).passed).toBe(false);
    expect((await one(col('id', 'not-null: true'))).passed).toBe(true);
  });

  test('between: age 130 on rows 5 and 6, out of 7 non-missing', async () => {
    const r = await one(col('age', 'between: { min: 0, max: 120 }'));
    expect(r).toMatchObject({
      passed: false,
      failing: 2,
      checked: 7,
      samples: [
        { row: 5, value: '130' },
        { row: 6, value: '130' },
      ],
    });
    expect((await one(col('age', 'between: { min: 0, max: 120, mostly: 0.7 }'))).passed).toBe(true); // 5/7 = 0.714
    expect((await one(col('age', 'between: { min: 0, max: 120, mostly: 0.75 }'))).passed).toBe(false);
    expect((await one(col('age', 'between: { min: 22, max: 130 }'))).passed).toBe(true);
  });

  test('between strict excludes the bounds', async () => {
    const r = await one(col('age', 'between: { min: 22, max: 130, strict: true }'));
    expect(r).toMatchObject({ passed: false, failing: 3 }); // 22 (row 8) and 130 (rows 5, 6)
    expect(r.samples.map((s) => s.row)).toEqual([5, 6, 8]);
  });

  test('between on text: values that are not numbers fail', async () => {
    const r = await one(col('country', 'between: { min: 0 }'));
    expect(r).toMatchObject({ passed: false, failing: 8, checked: 8 });
  });

  test('in-set: country XX on rows 5 and 6', async () => {
    const r = await one(col('country', 'in-set: [FR, DE, US]'));
    expect(r).toMatchObject({
      passed: false,
      failing: 2,
      checked: 8,
      samples: [
        { row: 5, value: 'XX' },
        { row: 6, value: 'XX' },
      ],
    });
    expect((await one(col('country', 'in-set: { values: [FR, DE, US], mostly: 0.75 }'))).passed).toBe(true);
    expect((await one(col('country', 'in-set: [FR, DE, US, XX]'))).passed).toBe(true);
  });

  test('in-set on a numerical column compares numbers', async () => {
    const r = await one(col('id', 'in-set: [1, 2, 3, 4, "5.0", 7]'));
    expect(r).toMatchObject({ passed: false, failing: 1, samples: [{ row: 8, value: '8' }] });
  });

  test('regex: row 3 has no @', async () => {
    const r = await one(col('email', 'regex: "^[^@]+@[^@]+$"'));
    expect(r).toMatchObject({ passed: false, failing: 1, checked: 8, samples: [{ row: 3, value: 'not-an-email' }] });
    expect((await one(col('email', 'regex: { pattern: "@", mostly: 0.8 }'))).passed).toBe(true);
    // Unanchored: matches anywhere, as re.search.
    expect((await one(col('email', 'regex: "x\\\\.org"'))).failing).toBe(1);
  });

  test('regex on numbers tests their String() text', async () => {
    const r = await one(col('score', 'regex: "^0\\\\.\\\\d$"'));
    expect(r).toMatchObject({ passed: false, failing: 1, checked: 7, samples: [{ row: 3, value: '1.5' }] });
  });

  test('type date: 2023-02-30 (row 2) does not exist; a time part is allowed', async () => {
    const r = await one(col('signup', 'type: date'));
    expect(r).toMatchObject({ passed: false, failing: 1, samples: [{ row: 2, value: '2023-02-30' }] });
    expect((await one(col('signup', 'type: { is: date, mostly: 0.8 }'))).passed).toBe(true);
  });

  test('type boolean, integer, number, string', async () => {
    expect((await one(col('active', 'type: boolean'))).passed).toBe(true);
    expect((await one(col('country', 'type: boolean'))).failing).toBe(8);
    expect((await one(col('id', 'type: integer'))).passed).toBe(true);
    expect(await one(col('score', 'type: integer'))).toMatchObject({ passed: false, failing: 7, checked: 7 });
    expect((await one(col('score', 'type: number'))).passed).toBe(true);
    expect((await one(col('email', 'type: number'))).failing).toBe(8);
    expect((await one(col('country', 'type: string'))).passed).toBe(true);
    expect((await one(col('id', 'type: string'))).failing).toBe(8);
  });

  test('unique: id 5 occurs on rows 5 and 6; both fail', async () => {
    const r = await one(col('id', 'unique: true'));
    expect(r).toMatchObject({
      passed: false,
      failing: 2,
      checked: 8,
      samples: [
        { row: 5, value: '5' },
        { row: 6, value: '5' },
      ],
    });
    expect((await one(col('id', 'unique: { mostly: 0.75 }'))).passed).toBe(true);
    expect((await one(col('email', 'unique: true'))).failing).toBe(2); // d@x.org twice
    expect((await one(col('signup', 'unique: true'))).failing).toBe(2);
    expect((await one(col('score', 'unique: true'))).failing).toBe(2); // 0.9 twice; NA not checked
  });

  test('max-missing-share: age misses 1 of 8', async () => {
    expect((await one(col('age', 'max-missing-share: 0.125'))).passed).toBe(true);
    expect(await one(col('age', 'max-missing-share: 0.1'))).toMatchObject({ passed: false, failing: 1, checked: 8 });
  });

  test('mean-between: score mean is 5.1 / 7', async () => {
    const r = await one(col('score', 'mean-between: { min: 0.7, max: 0.75 }'));
    expect(r.passed).toBe(true);
    expect(r.message).toBe(`mean ${Number((5.1 / 7).toPrecision(6))}`);
    expect((await one(col('score', 'mean-between: { max: 0.7 }'))).passed).toBe(false);
    expect((await one(col('country', 'mean-between: { min: 0 }'))).passed).toBe(false);
  });

  test('distinct-count-between: 4 countries; 6 ages', async () => {
    expect((await one(col('country', 'distinct-count-between: { min: 3, max: 4 }'))).passed).toBe(true);
    expect(await one(col('country', 'distinct-count-between: { max: 3 }'))).toMatchObject({
      passed: false,
      message: '4 distinct values, expected ≤ 3',
    });
    expect((await one(col('age', 'distinct-count-between: { min: 6, max: 6 }'))).message).toBe('6 distinct values');
  });
});

describe('an empty dataset never passes vacuously', () => {
  test('row-count fails, row rules fail, and an implicit row-count is added', async () => {
    const { check } = await import('./helpers.js');
    const results = await check(
      'table:\n  row-count: { max: 10 }\ncolumns:\n  age:\n    between: { min: 0 }\n    exists: true\n',
      'header-only.csv',
    );
    expect(results.map((r) => [r.rule, r.passed])).toEqual([
      ['row-count', false],
      ['between', false],
      ['exists', true],
    ]);
    expect(results[0].message).toBe('the dataset is empty (no data rows)');
    const implicit = await check(col('age', 'not-null: true'), 'header-only.csv');
    expect(implicit.map((r) => [r.rule, r.passed, r.line])).toEqual([
      ['row-count', false, null],
      ['not-null', false, 3],
    ]);
  });
});
