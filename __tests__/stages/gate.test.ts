/**
 * The gate stage in-process (readSettings → runStage, no dist/): its StageResult on a pass, on a
 * violation, and the UserError of bad input with its location. Expected values are read off the
 * fixtures: examples/reports/metrics.json has accuracy 0.9135 (line 2) and macro avg f1 0.9017;
 * regressed-metrics.json has accuracy 0.8862 (line 2) and macro avg f1 0.8687 (line 7).
 */
import { UserError } from '../../src/errors.js';
import { errorOf, runInProcess, summaryText } from '../helpers/in-process.js';

const GOOD = 'examples/reports/metrics.json';
const REGRESSED = 'examples/reports/regressed-metrics.json';
const gate = (inputs: Record<string, string>) => runInProcess({ stage: 'gate', ...inputs });

test('a pass: the verdict, the outputs and a summary without failures', async () => {
  const result = await gate({ metrics: GOOD, thresholds: 'accuracy: ">= 0.9"' });
  expect(result).toMatchObject({ stage: 'gate', ok: true });
  expect(result.outputs).toMatchObject({ passed: 'true', failed: '[]' });
  expect(JSON.parse(result.outputs.metrics as string)).toMatchObject({
    accuracy: 0.9135,
    'macro avg.f1-score': 0.9017,
  });
  expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
  expect(summaryText(result.summary)[0]).toMatch(/^✅/);
});

test('a violation: every broken rule in `failed`, annotated at its line of the metrics file', async () => {
  const result = await gate({
    metrics: REGRESSED,
    baseline: GOOD,
    thresholds: 'accuracy: ">= 0.9"\n"macro avg.f1-score": { max-drop: 0.01 }\neval_loss: "<= 0.4"',
  });
  expect(result.ok).toBe(false);
  expect(result.outputs.passed).toBe('false');
  expect(JSON.parse(result.outputs.failed as string)).toEqual(['accuracy', 'macro avg.f1-score']);
  expect(result.annotations.map((a) => [a.level, a.file, a.line])).toEqual([
    ['error', REGRESSED, 2],
    ['error', REGRESSED, 7],
  ]);
  const text = summaryText(result.summary);
  expect(text[0]).toMatch(/^❌/);
  // The row of each broken rule: value, rule, baseline and the drop (0.8687 − 0.9017 = −0.033).
  expect(text.find((l) => l.includes('| accuracy |'))).toContain('0.8862 | >= 0.9 | 0.9135');
  expect(text.find((l) => l.includes('| macro avg.f1-score |'))).toContain('−0.033');
});

test('fail-on-violation false does not change the verdict: the reporter decides what it means', async () => {
  const result = await gate({ metrics: REGRESSED, thresholds: 'accuracy: ">= 0.9"', 'fail-on-violation': 'false' });
  expect(result.ok).toBe(false);
  expect(result.outputs.passed).toBe('false');
});

describe('bad input: a UserError with its location in the fields', () => {
  test('a rules file: file and line', async () => {
    const e = await errorOf(gate({ metrics: GOOD, thresholds: '__tests__/fixtures/gate/bad-rule.yml' }));
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ file: '__tests__/fixtures/gate/bad-rule.yml', line: 3 });
    expect(e.message).toContain("rule for 'f1'");
    expect(e.message).not.toContain('bad-rule.yml'); // the location lives in the fields only
  });

  test('inline rules: the input and the line', async () => {
    const e = await errorOf(gate({ metrics: GOOD, thresholds: 'accuracy: ">= 0.9"\nf1: "at least"' }));
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ input: 'thresholds', line: 2, file: undefined });
  });

  test.each([
    [{ metrics: GOOD }, "input 'thresholds' is required for stage 'gate'"],
    [{ metrics: GOOD, thresholds: 'a: ">= 1"', reference: 'r.csv' }, "input 'reference' is not used by stage 'gate'"],
    [{ metrics: GOOD, thresholds: 'a: ">= 1"', 'baseline-predictions': 'p.csv' }, "'baseline-predictions' needs"],
  ])('settings %j are refused before the stage runs', async (inputs, message) => {
    const e = await errorOf(gate(inputs));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain(message);
  });
});
