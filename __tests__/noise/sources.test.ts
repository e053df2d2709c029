/**
 * Where a metrics file holds the noise of a metric (issue 14, item 2): lm-evaluation-harness
 * stderrs, scikit-learn report supports and Hugging Face eval_samples, read from real files
 * (__tests__/fixtures/metrics, sources in SOURCES.md).
 */
import { readMetrics } from '../../src/metrics/read.js';
import { lookupMetric } from '../../src/metrics/lookup.js';
import { isProportion, reportedFromFile } from '../../src/noise/sources.js';
import { UserError } from '../../src/errors.js';

const FX = '__tests__/fixtures/metrics';
const fromFile = async (file: string, name: string, n?: number) => {
  const files = await readMetrics([file], 'auto');
  const metric = lookupMetric(files, name)!;
  return reportedFromFile(files[0], metric, n);
};

test('lm-eval v0.3: <metric>_stderr beside the metric', async () => {
  const r = await fromFile(
    `${FX}/lm-eval-harness/EleutherAI__lm-evaluation-harness__bloom-560m_common_sense_reasoning_0-shot.json`,
    'results.arc_easy.acc',
  );
  expect(r).toEqual({ value: 0.4734848484848485, stderr: 0.010245347015573713 });
  // mc_taco has no stderr
  expect(
    await fromFile(
      `${FX}/lm-eval-harness/EleutherAI__lm-evaluation-harness__bloom-560m_common_sense_reasoning_0-shot.json`,
      'results.mc_taco.em',
    ),
  ).toEqual({ value: 0.17417417417417416 });
});

test('lm-eval v0.4: acc_stderr,none beside acc,none', async () => {
  const files = await readMetrics(
    [`${FX}/lm-eval-harness/EleutherAI__lm-evaluation-harness__results_2024-08-14T04-26-36.420014.json`],
    'auto',
  );
  const withStderr = files[0].metrics.filter((m) => /_stderr,/.test(m.name) && typeof m.value === 'number');
  expect(withStderr.length).toBeGreaterThan(0);
  const stderr = withStderr[0];
  const name = stderr.name.replace('_stderr,', ',');
  const metric = files[0].metrics.find((m) => m.name === name)!;
  expect(reportedFromFile(files[0], metric, undefined).stderr).toBe(stderr.value);
});

test('scikit-learn report: a class row’s support, the total support for accuracy', async () => {
  const file = 'examples/reports/metrics.json';
  expect(await fromFile(file, '1.recall')).toEqual({ value: 0.8548, n: 738 });
  expect(await fromFile(file, 'accuracy')).toEqual({ value: 0.9135, n: 2000 });
  expect(await fromFile(file, 'accuracy', 2000)).toEqual({ value: 0.9135, n: 2000 });
  const err = await fromFile(file, 'accuracy', 1000).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).message).toContain("contradicts 'weighted avg.support' = 2000");
});

test('Hugging Face eval_results.json: eval_samples for eval_ metrics', async () => {
  const r = await fromFile(`${FX}/hf-trainer/Merlinmy__Whisper_small_hi__eval_results.json`, 'eval_wer');
  expect(r).toEqual({ value: 32.011343435198505, n: 2894 });
  // a rule's n stands alone where the file has none
  expect(await fromFile('examples/reports/metrics.json', 'eval_loss', 50)).toEqual({ value: 0.2871, n: 50 });
});

test.each([
  ['accuracy', true],
  ['eval_accuracy', true],
  ['results.arc_easy.acc,none', true],
  ['results.arc_easy.acc_norm,none', true],
  ['exact_match', true],
  ['1.recall', true],
  ['weighted avg.recall', true],
  ['macro avg.recall', false],
  ['1.precision', false],
  ['f1', false],
  ['eval_wer', false],
  ['roc_auc', false],
  ['acc_stderr', false],
])('isProportion(%j) is %j', (name, expected) => {
  expect(isProportion(name)).toBe(expected);
});
