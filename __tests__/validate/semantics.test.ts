/**
 * Semantics brought in line with Great Expectations and pandas (issue 10, items 9 and 10):
 * strict-min / strict-max, True/False columns read as 1/0, `regex` on the cells as written, RE2
 * patterns, and rules that cannot hold or cannot fail refused at their line. Expected values are
 * read off the fixtures (people.csv, as-written.csv/.jsonl; see the README there).
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/errors.js';
import { valueTokens } from '../../src/validate/cell-text.js';
import { parseExpectations } from '../../src/validate/parse.js';
import { compilePattern, matchesEverything, patternProblem } from '../../src/validate/pattern.js';
import { check, col, one } from './helpers.js';

describe('strict-min and strict-max, each on its own (GX strict_min / strict_max)', () => {
  // people.csv ages: 34, 51, (missing), 29, 130, 130, 40, 22.
  test('between excludes only the strict side', async () => {
    const lo = await one(col('age', 'between: { min: 22, max: 130, strict-min: true }'));
    expect(lo).toMatchObject({ passed: false, failing: 1, samples: [{ row: 8, value: '22' }] });
    expect(lo.text).toBe('between > 22 and ≤ 130');
    const hi = await one(col('age', 'between: { min: 22, max: 130, strict-max: true }'));
    expect(hi).toMatchObject({ passed: false, failing: 2, samples: [{ row: 5 }, { row: 6 }] });
    expect(hi.text).toBe('between ≥ 22 and < 130');
    expect((await one(col('age', 'between: { min: 22, max: 130, strict-min: false }'))).passed).toBe(true);
    expect((await one(col('age', 'between: { min: 22, max: 130, strict: true }'))).failing).toBe(3);
  });

  test('mean-between and distinct-count-between take them too', async () => {
    // 6 distinct ages; mean of age 436 / 7.
    expect((await one(col('age', 'distinct-count-between: { min: 6, max: 6 }'))).passed).toBe(true);
    expect((await one(col('age', 'distinct-count-between: { min: 5, max: 6, strict-max: true }'))).passed).toBe(false);
    expect((await one(col('age', 'distinct-count-between: { min: 5, max: 7, strict: true }'))).passed).toBe(true);
    expect((await one(col('age', 'mean-between: { min: 62, max: 63, strict-min: true }'))).passed).toBe(true);
    const r = await one(col('age', 'mean-between: { min: 62.5, strict-min: true }'));
    expect(r).toMatchObject({ passed: false, text: 'mean-between > 62.5' });
    expect(r.message).toMatch(/^mean 62\.28\d*, expected > 62\.5$/);
  });
});

describe('a True/False column reads as 1/0, as pandas reads it', () => {
  // people.csv `active`: true, false, true, TRUE, false, false, true, false — 4 of 8 true.
  test('mean-between sees the share of true', async () => {
    expect(await one(col('active', 'mean-between: { min: 0.5, max: 0.5 }'))).toMatchObject({
      passed: true,
      message: 'mean 0.5',
    });
    expect((await one(col('active', 'mean-between: { max: 0.5, strict-max: true }'))).passed).toBe(false);
  });

  test('between, unique and distinct-count-between compare the values, samples keep the text', async () => {
    expect((await one(col('active', 'between: { min: 0, max: 1 }'))).passed).toBe(true);
    expect(await one(col('active', 'between: { min: 1 }'))).toMatchObject({
      passed: false,
      failing: 4,
      samples: [{ row: 2, value: 'false' }, { row: 5, value: 'false' }, { row: 6, value: 'false' }, { row: 8 }],
    });
    // true and TRUE are one value: 2 distinct, every row a duplicate.
    expect((await one(col('active', 'distinct-count-between: { max: 2 }'))).message).toBe('2 distinct values');
    expect(await one(col('active', 'unique: true'))).toMatchObject({ passed: false, failing: 8 });
  });

  test('in-set booleans match every spelling pandas reads as that boolean', async () => {
    expect((await one(col('active', 'in-set: [true, false]'))).passed).toBe(true);
    expect(await one(col('active', 'in-set: [true]'))).toMatchObject({ passed: false, failing: 4 });
  });
});

describe('regex tests the cell as written in the file', () => {
  const csv = (rule: string) => one(rule, 'as-written.csv');
  const jsonl = (rule: string) => one(rule, 'as-written.jsonl');

  test('CSV: 1.50 keeps its zero, 007 its leading zeros, 1e3 its exponent', async () => {
    expect((await csv(col('price', 'regex: "^\\\\d+\\\\.\\\\d{2}$"'))).samples).toEqual([{ row: 3, value: '3' }]);
    expect(await csv(col('code', 'regex: "^0"'))).toMatchObject({ failing: 1, samples: [{ row: 3, value: '7' }] });
    expect(await csv(col('ratio', 'regex: "^\\\\d+$"'))).toMatchObject({ failing: 3, checked: 3 });
    expect(await csv(col('ratio', 'regex: "e"'))).toMatchObject({
      failing: 2,
      samples: [{ value: '1.0' }, { value: '2.5' }],
    });
  });

  test('CSV: the other rules still read the column as numbers', async () => {
    const [regex, between, mean] = await check(
      'columns:\n  price:\n    regex: "^\\\\d"\n    between: { min: 1.5, max: 3 }\n    mean-between: { min: 2.1, max: 2.2 }\n',
      'as-written.csv',
    );
    expect([regex.passed, between.passed, mean.message]).toEqual([true, true, 'mean 2.16667']);
  });

  test('JSON Lines: a number keeps its token; strings, repeated keys and absent keys as the reader reads them', async () => {
    // prices 1.50, 2.00, 3 (the last of 3.0 and 3), absent.
    expect((await jsonl(col('price', 'regex: "^\\\\d+\\\\.\\\\d{2}$"'))).samples).toEqual([{ row: 3, value: '3' }]);
    expect(await jsonl(col('price', 'regex: "^\\\\d+\\\\.\\\\d{2}$"'))).toMatchObject({ failing: 1, checked: 3 });
    // codes "007", "042", 7, "0070"
    expect(await jsonl(col('code', 'regex: "^0"'))).toMatchObject({ failing: 1, samples: [{ row: 3, value: '7' }] });
    expect(await jsonl(col('ratio', 'regex: "^\\\\d+\\\\.\\\\d$"'))).toMatchObject({ failing: 1, checked: 3 });
    expect(await jsonl(col('flag', 'regex: "^(true|false)$"'))).toMatchObject({ passed: true, checked: 2 });
  });
});

describe('regex on Parquet numbers: the text pandas gives them', () => {
  // __tests__/fixtures/data/small.parquet: score DOUBLE [0.5, null, 2.25, -1, 3], count INT32 [1..5].
  const parquet = (rule: string) => one(rule, '../data/small.parquet');

  test('a DOUBLE column reads 3 as 3.0, as pandas (and GX) do; an INT32 column as digits', async () => {
    expect(await parquet(col('score', 'regex: "^-?\\\\d+$"'))).toMatchObject({ failing: 4, checked: 4 });
    expect((await parquet(col('score', 'regex: "\\\\.0$"'))).samples).toEqual([
      { row: 1, value: '0.5' },
      { row: 3, value: '2.25' },
    ]);
    expect(await parquet(col('count', 'regex: "^\\\\d$"'))).toMatchObject({ passed: true, checked: 5 });
  });
});

describe('valueTokens: the raw text of top-level JSON values', () => {
  test('numbers as written, nested values skipped whole, the last of a repeated key', () => {
    const text = '{"a": 1.50, "b": {"a": 2, "s": "}\\"{"}, "c": [1, [2]], "a": 1e3 , "d":"x"}';
    expect(valueTokens(text, new Set(['a', 'b', 'c', 'd']), 'f', 1)).toEqual(
      new Map([
        ['a', '1e3'],
        ['b', '{"a": 2, "s": "}\\"{"}'],
        ['c', '[1, [2]]'],
        ['d', '"x"'],
      ]),
    );
  });

  test('property: each token parses back to the value JSON.parse reads, for any object JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (obj, spaced) => {
        const text = JSON.stringify(obj, null, spaced ? 1 : undefined).replace(/\n/g, ' ');
        const tokens = valueTokens(text, new Set(Object.keys(obj)), 'f', 1);
        const parsed = JSON.parse(text) as Record<string, unknown>;
        expect(new Set(tokens.keys())).toEqual(new Set(Object.keys(parsed)));
        for (const [k, raw] of tokens) expect(JSON.parse(raw)).toEqual(parsed[k]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('patterns run on RE2', () => {
  test('a backtracking bomb on hostile cells finishes, and matches as a backtracking engine would', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mqg-redos-'));
    const cells = ['a'.repeat(5000) + 'b', 'a'.repeat(30) + '!', 'aaaa'];
    writeFileSync(path.join(dir, 'redos.csv'), `s\n${cells.join('\n')}\n`);
    const r = await one(
      col('s', 'regex: "^(a+)+$"'),
      path.join(path.relative('__tests__/fixtures/validate', dir), 'redos.csv'),
    );
    expect(r).toMatchObject({ passed: false, failing: 2, checked: 3 });
    expect(r.samples.map((s) => s.row)).toEqual([1, 2]);
  });

  test.each([
    ['(?=a)b', 'lookahead and lookbehind are not supported'],
    ['(?<!a)b', 'lookahead and lookbehind are not supported'],
    ['(a)\\1', 'backreferences are not supported'],
    ['a{2,1}', 'invalid repeat count'],
  ])('/%s/ is refused with the reason', (pattern, reason) => {
    expect(patternProblem(pattern)).toContain(reason);
    expect(patternProblem(pattern)).toContain('not valid RE2 syntax');
  });

  test('JavaScript \\u escapes are read as RE2 \\x{…}; an escaped backslash is left alone', () => {
    expect(compilePattern('^\\u00e9\\u{1F600}$').test('é😀')).toBe(true);
    expect(compilePattern('^\\\\u0041$').test('\\u0041')).toBe(true);
    expect(compilePattern('(?i)^abc$').test('ABC')).toBe(true);
  });

  test('a pattern that matches every value is recognised; anchored ones are not judged', () => {
    for (const p of ['a*', '.*', 'x|', '(?:)']) expect([p, matchesEverything(p)]).toEqual([p, true]);
    for (const p of ['a', '^$', '^a*$', '\\bx?', 'a+']) expect([p, matchesEverything(p)]).toEqual([p, false]);
  });
});

describe('rules that cannot hold or cannot fail are refused at their line', () => {
  test.each([
    ['between: { min: 5, max: 1 }', 'max (1) is below min (5)'],
    ['between: { min: 5, max: 5, strict-max: true }', 'the rule cannot hold'],
    ['between: { min: -.inf }', 'min must be a finite number'],
    ['between: { max: 1e999 }', 'max must be a finite number'],
    ['between: { min: .nan }', 'min must be a finite number'],
    ['between: { strict-min: true, max: 3 }', 'strict-min needs min'],
    ['between: { min: 1, strict: true, strict-max: false }', 'not both'],
    ['between: { min: 1, strict-min: "yes" }', 'strict-min must be true or false'],
    ['between: { min: 1, mostly: 0 }', 'mostly 0 lets every row fail'],
    ['not-null: { mostly: -0.1 }', 'mostly must be a share above 0'],
    ['unique: { mostly: 1.01 }', 'mostly must be a share above 0'],
    ['max-missing-share: 1', 'cannot fail'],
    ['mean-between: { min: 3, max: 2 }', 'max (2) is below min (3)'],
    ['mean-between: {}', 'give min, max or both'],
    ['distinct-count-between: { min: 0 }', 'the rule cannot fail'],
    ['distinct-count-between: { min: -3 }', 'the rule cannot fail'],
    ['distinct-count-between: { min: 2, max: 3, strict: true }', 'no count is > 2 and < 3'],
    ['distinct-count-between: { max: 0, strict-max: true }', 'no count is < 0'],
    ['regex: ".*"', 'matches every value and cannot fail'],
    ['regex: "(?=x)"', 'lookahead and lookbehind are not supported'],
  ])('%s', async (rule, fragment) => {
    const err = await parseExpectations(`# rules\ncolumns:\n  c:\n    exists: true\n    ${rule}\n`, 'e.yml').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect([(err as UserError).line, (err as UserError).message]).toEqual([5, expect.stringContaining(fragment)]);
  });

  test('row-count: min 0 with no max cannot fail; with a max it can', async () => {
    await expect(parseExpectations('table:\n  row-count: { min: 0 }\n', 'e.yml')).rejects.toThrow('cannot fail');
    await expect(parseExpectations('table:\n  row-count: { min: 0, max: 10 }\n', 'e.yml')).resolves.toBeDefined();
  });
});
