import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/errors.js';
import { readMetrics } from '../../src/metrics/read.js';
import { checkSchema, jsonPath } from '../../src/validate/schema.js';
import { fixture } from './helpers.js';

const schema = fixture('metrics.schema.json');

test('a document that satisfies the schema passes', async () => {
  const checks = await checkSchema(schema, await readMetrics([fixture('metrics-good.json')]));
  expect(checks.map((c) => c.passed)).toEqual([true]);
});

test('each violation is reported with its JSON path and line', async () => {
  const checks = await checkSchema(schema, await readMetrics([fixture('metrics-bad.json')]));
  expect(checks.map((c) => [c.passed, c.metric, c.line, c.message])).toEqual([
    [false, '$.accuracy', 2, '$.accuracy: must be <= 1'],
    [false, '$.f1', 3, '$.f1: must be number'],
    [false, '$.eval_loss', 5, '$.eval_loss: must be number'],
    [false, '$.per_class.cat.recall', 7, '$.per_class.cat.recall: must be <= 0.5'],
  ]);
});

test('a missing required property is reported on its parent', async () => {
  const files = await readMetrics(['__tests__/fixtures/gate/null.json']);
  const checks = await checkSchema(schema, files);
  expect(checks.map((c) => c.message)).toEqual(["$: must have required property 'eval_loss'", '$.f1: must be number']);
});

test('a CSV metrics file is checked as the object of its metrics', async () => {
  const files = await readMetrics(['__tests__/fixtures/metrics/keras-lightning/Jordi6__pytorchLit15min__metrics.csv']);
  const checks = await checkSchema(schema, files);
  expect(checks.map((c) => c.message)).toContain("$: must have required property 'accuracy'");
});

test.each([
  ['invalid.schema.json', 'not a valid JSON Schema (draft 2020-12)'],
  ['broken.schema.json', 'the metrics schema is not valid JSON'],
  ['no-such.schema.json', 'metrics-schema file not found'],
])('%s is an error, never a pass', async (file, message) => {
  const files = await readMetrics([fixture('metrics-good.json')]);
  const err = await checkSchema(fixture(file), files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as Error).message).toContain(message);
});

test('jsonPath quotes what is not an identifier', () => {
  expect(jsonPath([])).toBe('$');
  expect(jsonPath(['results', 'arc_easy', 'acc,none'])).toBe('$.results.arc_easy["acc,none"]');
  expect(jsonPath(['log_history', '3', 'macro avg'])).toBe('$.log_history[3]["macro avg"]');
});

describe('schema patterns run on RE2', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mqg-schema-'));
  const write = (name: string, value: unknown) => {
    writeFileSync(path.join(dir, name), JSON.stringify(value));
    return path.join(dir, name);
  };

  test('a backtracking bomb in `pattern` and `patternProperties` finishes on hostile text', async () => {
    const schemaFile = write('bomb.schema.json', {
      type: 'object',
      properties: { run: { type: 'string', pattern: '^(a+)+$' } },
      patternProperties: { '^(x+)+$': { type: 'number' } },
    });
    const files = await readMetrics([
      write('m.json', {
        run: `${'a'.repeat(40)}!`,
        accuracy: 0.9,
        [`${'x'.repeat(40)}`]: 1,
        [`${'x'.repeat(40)}!`]: 2,
      }),
    ]);
    // Reading the run name as a metric needs a number elsewhere: accuracy. The run name fails its pattern.
    const checks = await checkSchema(schemaFile, files);
    expect(checks.map((c) => c.message)).toEqual(['$.run: must match pattern "^(a+)+$"']);
  });

  test.each([
    ['(?=a)', 'lookahead and lookbehind are not supported'],
    ['(a)\\1', 'backreferences are not supported'],
  ])('an unsupported pattern /%s/ is an error naming it, never a pass', async (pattern, reason) => {
    const schemaFile = write('bad.schema.json', { properties: { run: { type: 'string', pattern } } });
    const err = await checkSchema(schemaFile, await readMetrics([fixture('metrics-good.json')])).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(`schema pattern: pattern /${pattern}/ is not valid RE2 syntax`);
    expect((err as UserError).message).toContain(reason);
    expect((err as UserError).file).toBe(schemaFile);
  });

  test('JSON Schema \\u escapes keep working', async () => {
    const schemaFile = write('u.schema.json', { properties: { run: { type: 'string', pattern: '^\\u0061+$' } } });
    const files = await readMetrics([write('u.json', { run: 'aaa', accuracy: 0.5 })]);
    expect((await checkSchema(schemaFile, files)).map((c) => c.passed)).toEqual([true]);
  });
});
