/** Inference (TFDV-style): infer from data → validate the same data → valid; and what is inferred. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataFiles } from '../../src/validate/read-data.js';
import { checkTable } from '../../src/validate/check.js';
import { inferExpectations, renderExpectations, widen } from '../../src/validate/infer.js';
import { parseExpectations } from '../../src/validate/parse.js';
import { fixture } from './helpers.js';

const DATA = '__tests__/fixtures/data';

async function roundTrip(files: string[]) {
  const tables = await readDataFiles(files, undefined);
  const out = join(mkdtempSync(join(tmpdir(), 'mqg-infer-')), 'sub', 'expectations.yml');
  const text = await inferExpectations(tables, out);
  expect(readFileSync(out, 'utf8')).toBe(text);
  const exp = await parseExpectations(text, out);
  return { text, exp, results: tables.flatMap((t) => checkTable(t, exp)) };
}

test.each([
  [[fixture('people.csv')]],
  [[fixture('weird-names.csv')]],
  [[`${DATA}/types.csv`]],
  [[`${DATA}/mixed.csv`]],
  [[`${DATA}/missing.csv`]],
  [[`${DATA}/rows.jsonl`]],
  [[`${DATA}/small.parquet`]],
  [[`${DATA}/small.csv.gz`]],
  [['examples/data/validate-train.csv']],
  [['examples/data/validate-train.csv', 'examples/data/validate-broken.csv']],
])('inferred from %j, the same data is valid', async (files) => {
  const { results } = await roundTrip(files);
  expect(results.length).toBeGreaterThan(3);
  expect(results.filter((r) => !r.passed)).toEqual([]);
});

test('what is inferred from people.csv', async () => {
  const { exp } = await roundTrip([fixture('people.csv')]);
  const rules = (column: string | null) => exp.rules.filter((r) => r.column === column).map((r) => r.text);
  expect(rules(null)).toEqual(['row-count ≥ 1', 'columns exactly [id, age, country, email, signup, active, score]']);
  // id 1..8 (5 twice): integer, range 7 widened by 0.7 → unit 0.1 → [0.3, 8.7] → integers, ≥ 0.
  expect(rules('id')).toEqual(['type integer', 'not-null', 'between 0 to 9']);
  // age 22..130 with 1 of 8 missing: max-missing-share 2 × 0.125; range 108 widened by 10.8,
  // rounded outward to tens: [11.2, 140.8] → [10, 150].
  expect(rules('age')).toEqual(['type integer', 'max-missing-share 0.25', 'between 10 to 150']);
  expect(rules('country')).toEqual(['type string', 'not-null', 'in-set [DE, FR, US, XX]']);
  // 2023-02-30 is not a date, so the column is typed string; 7 distinct values ≤ 20 → a value set.
  expect(rules('signup')).toEqual([
    'type string',
    'not-null',
    'in-set [2023-01-05, 2023-02-30, 2023-03-01, 2023-03-02T10:00:00Z, 2023-04-01, 2023-05-01, 2023-06-01]',
  ]);
  expect(rules('active')).toEqual(['type boolean', 'not-null']);
});

test('unique is inferred for id columns of at least 20 values, not for repeated ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mqg-ids-'));
  const rows = Array.from({ length: 25 }, (_, i) => `${i + 1},k${i},${i % 3},${(i % 10) / 2}`);
  writeFileSync(join(dir, 'ids.csv'), ['id,key,group,half', ...rows].join('\n') + '\n');
  writeFileSync(join(dir, 'few.csv'), 'id\n1\n2\n3\n');
  const { exp, results } = await roundTrip([join(dir, 'ids.csv')]);
  expect(exp.rules.filter((r) => r.rule === 'unique').map((r) => r.column)).toEqual(['id', 'key']);
  expect(results.every((r) => r.passed)).toBe(true);
  expect((await roundTrip([join(dir, 'few.csv')])).exp.rules.some((r) => r.rule === 'unique')).toBe(false);
});

test('names YAML would misread are quoted', async () => {
  const tables = await readDataFiles([fixture('weird-names.csv')], undefined);
  const text = renderExpectations(tables);
  expect(text).toContain('  "true":\n');
  expect(text).toContain('  "x: y":\n');
  expect(text).toContain('  "#c":\n');
  expect(text).toContain('  "::error::pwned":\n');
});

test.each([
  [0, 1, false, [0, 1.1]],
  [-1.2848, 3.2, false, [-1.8, 3.7]],
  [18, 90, true, [10, 98]],
  [5, 5, true, [4, 6]],
  [0, 0, false, [0, 1]],
  [-5, -5, false, [-5.5, -4.5]],
])('widen(%d, %d, integer %j) = %j', (min, max, integer, expected) => {
  expect(widen(min, max, integer)).toEqual(expected);
});
