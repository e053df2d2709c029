/**
 * The validate stage in-process (readSettings → runStage, no dist/): its StageResult on valid and
 * broken data, and the UserError of bad input with its location. examples/data/validate-broken.csv
 * differs from validate-train.csv in the rows __tests__/integration/validate.test.ts lists (seven
 * rules break; __tests__/fixtures/validate/README.md).
 */
import { UserError } from '../../src/errors.js';
import { errorOf, runInProcess, summaryText } from '../helpers/in-process.js';

const EXPECTATIONS = 'examples/validate/expectations.yml';
const validate = (inputs: Record<string, string>) => runInProcess({ stage: 'validate', ...inputs });

test('valid metrics and data: valid, no error, a summary that says so', async () => {
  const result = await validate({
    metrics: 'examples/reports/metrics.json',
    'required-metrics': 'accuracy, eval_loss',
    data: 'examples/data/validate-train.csv',
    expectations: EXPECTATIONS,
  });
  expect(result).toMatchObject({ stage: 'validate', ok: true, outputs: { valid: 'true', errors: '0' } });
  expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
  expect(summaryText(result.summary)[0]).toMatch(/^✅ Validation passed/);
});

test('broken data: one error per broken rule, at its line of the expectations file', async () => {
  const result = await validate({ data: 'examples/data/validate-broken.csv', expectations: EXPECTATIONS });
  const broken = [
    'no-duplicate-rows',
    'not-null num_score',
    'between num_uniform',
    'between int_age',
    'in-set cat_region',
    'regex cat_segment',
    'distinct-count-between cat_segment',
  ];
  expect(result.ok).toBe(false);
  expect(result.outputs).toEqual({ valid: 'false', errors: String(broken.length) });
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors.map((a) => a.title).sort()).toEqual(broken.map((b) => `Validation: ${b}`).sort());
  for (const a of errors) expect(a.file).toBe(EXPECTATIONS);
  expect(errors.find((a) => a.title === 'Validation: between int_age')?.message).toContain('row 3: 150');
  expect(summaryText(result.summary)[0]).toMatch(/^❌ Validation failed: 7 of \d+ rules broke/);
});

test('metrics that break a requirement: a missing required metric is an error', async () => {
  const result = await validate({ metrics: 'examples/reports/metrics.json', 'required-metrics': 'roc_auc' });
  expect(result.outputs).toEqual({ valid: 'false', errors: '1' });
  expect(result.annotations.map((a) => a.title)).toContain('Validation: required roc_auc');
});

describe('bad input: a UserError with its location in the fields', () => {
  test('an unknown rule in the expectations file: file and line', async () => {
    const file = '__tests__/fixtures/validate/unknown-rule.yml';
    const e = await errorOf(validate({ data: 'examples/data/validate-train.csv', expectations: file }));
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ file, line: 4 });
    expect(e.message).toContain("unknown rule 'betwen'");
  });

  test.each([
    [{ data: 'examples/data/validate-train.csv' }, "input 'data' needs 'expectations'"],
    [{}, "stage 'validate' needs something to check"],
    [{ metrics: 'm.json', thresholds: 'f1: ">= 0.8"' }, "input 'thresholds' is not used by stage 'validate'"],
  ])('settings %j are refused before the stage runs', async (inputs, message) => {
    const e = await errorOf(validate(inputs));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain(message);
  });
});
