import { readMetrics } from '../../src/metrics/read.js';
import { checkMetrics, isBoundedMetric } from '../../src/validate/metrics.js';
import { fixture } from './helpers.js';

const GATE = '__tests__/fixtures/gate';
const checksOf = async (files: string[], required: string[] = []) => checkMetrics(await readMetrics(files), required);
const failed = (checks: Awaited<ReturnType<typeof checksOf>>) =>
  checks.filter((c) => !c.passed).map((c) => [c.check, c.metric, c.line]);

test('a clean file passes every check; bounded metrics are checked, others not', async () => {
  const checks = await checksOf([fixture('metrics-good.json')], ['accuracy', 'eval_loss']);
  expect(failed(checks)).toEqual([]);
  expect(checks.filter((c) => c.check === 'bounded').map((c) => c.metric)).toEqual(['accuracy', 'f1']);
  expect(checks.find((c) => c.check === 'finite')?.message).toBe('all 4 metric values are finite numbers'); // "model" is text
});

test('required metrics: absent, or present without a finite number', async () => {
  const checks = await checksOf([fixture('metrics-bad.json')], ['accuracy', 'precision', 'f1']);
  const required = checks.filter((c) => c.check === 'required').map((c) => [c.metric, c.passed, c.message]);
  expect(required).toEqual([
    ['accuracy', true, 'present: 93.1'],
    ['precision', false, "'precision' is in none of the metrics files"],
    ['f1', false, 'present but null, not a number'],
  ]);
});

test('non-finite values and out-of-range shares fail at their line', async () => {
  const checks = await checksOf([fixture('metrics-bad.json')]);
  expect(failed(checks)).toEqual([
    ['finite', 'f1', 3],
    ['finite', 'eval_loss', 5],
    ['bounded', 'accuracy', 2],
    ['bounded', 'roc_auc', 4],
  ]);
  expect(checks.find((c) => c.metric === 'accuracy' && c.check === 'bounded')?.message).toBe(
    '93.1 is outside [0, 1] (a percentage? write it as a share in [0, 1])',
  );
  expect(checks.find((c) => c.metric === 'per_class.cat.recall')?.passed).toBe(true);
});

test.each([
  ['nan.json', 'accuracy', 'NaN, not a finite number'],
  ['infinity.json', 'accuracy', '∞, not a finite number'],
  ['null.json', 'f1', 'null, not a number'],
  ['string.json', 'accuracy', 'the string "0.93", not a number'],
])('%s: %s is refused', async (file, metric, message) => {
  const checks = await checksOf([`${GATE}/${file}`]);
  const bad = checks.filter((c) => c.check === 'finite' && !c.passed);
  expect(bad.map((c) => [c.metric, c.message])).toEqual([[metric, `${metric} is ${message}`]]);
});

test('real scikit-learn reports: every *-score is bounded and in [0, 1]', async () => {
  const checks = await checksOf([
    '__tests__/fixtures/metrics/sklearn-classification-report/Ivan-Koptiev__wine-classification__classification_report.json',
  ]);
  const bounded = checks.filter((c) => c.check === 'bounded');
  expect(bounded.map((c) => c.metric)).toContain('macro avg.f1-score');
  expect(bounded.some((c) => c.metric?.endsWith('support'))).toBe(false);
  expect(failed(checks)).toEqual([]);
});

test.each([
  ['accuracy', 'json', true],
  ['eval_accuracy', 'hf-trainer', true],
  ['results.arc_easy.acc,none', 'lm-eval', true],
  ['roc_auc', 'json', true],
  ['macro avg.f1-score', 'json', true],
  ['test.precision_at_10', 'json', true],
  ['accuracy_delta', 'json', false],
  ['eval_loss', 'json', false],
  ['bleu_score', 'json', false],
  ['weighted avg.support', 'sklearn-report', false],
  ['macro avg.f1-score', 'sklearn-report', true],
  ['cohen_kappa_score', 'sklearn-report', true],
])('isBoundedMetric(%j, %j) = %j', (name, format, expected) => {
  expect(isBoundedMetric(name, format)).toBe(expected);
});
