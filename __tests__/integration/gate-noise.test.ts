/**
 * The built action (dist/index.js) on the noise-aware gate (issue 14): per-example predictions,
 * significance / confidence rules, the uncertainty source order, and bad predictions refused.
 */
import { readFileSync } from 'node:fs';
import { ROOT, runAction, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput as expectBad } from '../helpers/bad-input.js';
import { twoProportionZ } from '../../src/stats/two-proportion-z.js';

const PX = '__tests__/fixtures/predictions';
const gate = (inputs: Record<string, string>) => runAction({ stage: 'gate', ...inputs }, ROOT);
const expectBadInput = (run: ActionRun, ...fragments: string[]) => expectBad(run, { passed: 'false' }, ...fragments);
const report = (run: ActionRun) => JSON.parse(readFileSync(run.outputs.report, 'utf8'));
type Entry = { name: string; passed: boolean; message: string; noise: Record<string, unknown> };
const entry = (run: ActionRun, name: string): Entry => report(run).checked.find((e: Entry) => e.name === name);
const row = (run: ActionRun, metric: string) =>
  run.summary.split('\n').find((l) => l.startsWith('| ') && l.split(' | ')[1] === metric) ?? '';

/** scripts/golden/noise_example.py: scikit-learn values and statsmodels' exact McNemar test. */
const golden = JSON.parse(readFileSync(`${ROOT}/${PX}/expected.json`, 'utf8'));

describe('the worked example: paired predictions, significance and confidence', () => {
  const run = gate({
    predictions: `${PX}/candidate.csv`,
    'baseline-predictions': `${PX}/baseline.csv`,
    thresholds: [
      'defaults: { significance: 0.05 }',
      'accuracy: { max-drop: 0.02 }',
      'recall_weighted: { max-drop: 0 }',
      'f1_macro: { max-drop: 0.01 }',
      'log_loss: { max-increase: 0.02 }',
      'roc_auc: { min: 0.98, confidence: 0.95 }',
    ].join('\n'),
  });

  test('fails on evidence only: log loss rose beyond its margin, weighted recall dropped, the AUC interval does not clear 0.98', () => {
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(JSON.parse(run.outputs.failed).sort()).toEqual(['log_loss', 'recall_weighted', 'roc_auc']);
    // today's rule: the 1.6-point accuracy drop is inside max-drop 0.02 — and within noise of it
    expect(entry(run, 'accuracy').passed).toBe(true);
    expect(row(run, 'accuracy')).toContain('within noise (p = 0.78)');
    expect(entry(run, 'log_loss').message).toContain('worse by more than 0.02 (p = 0.018)');
    expect(entry(run, 'roc_auc').message).toMatch(
      /the 95 % interval of the value \[0\.979\d*, 0\.988\d*\] does not clear 0\.98/,
    );
  });

  test('metrics computed from the predictions are scikit-learn’s; the accuracy test is the exact McNemar test', () => {
    const r = report(run);
    for (const name of ['accuracy', 'log_loss', 'roc_auc']) {
      const e = r.checked.find((x: { name: string }) => x.name === name);
      expect(Math.abs(e.value - golden.candidate[name])).toBeLessThanOrEqual(1e-12 * golden.candidate[name]);
      expect(Math.abs(e.baseline - golden.baseline[name])).toBeLessThanOrEqual(1e-12 * golden.baseline[name]);
    }
    // weighted recall equals accuracy, but is tested by the paired bootstrap and permutation test
    const recall = entry(run, 'recall_weighted');
    expect(recall.noise).toMatchObject({ verdict: 'worse (p = 0.0025)', source: 'paired predictions' });
    expect(entry(run, 'accuracy').noise).toMatchObject({
      difference_method: 'mcnemar-exact',
      source: 'paired predictions',
    });
    expect(Math.abs((entry(run, 'accuracy').noise.difference as number) + 0.016)).toBeLessThan(1e-12);
  });

  test('the summary shows value and change with intervals, the verdict, and the evidence', () => {
    expect(run.summary).toContain(
      '| Status | Metric | Value &#91;interval&#93; | Rule | Baseline | Δ &#91;interval&#93; | Verdict | Evidence | Why |',
    );
    expect(row(run, 'accuracy')).toMatch(/\| 0\.932 &#91;0\.920\d*, 0\.942\d*&#93; \|/);
    expect(row(run, 'accuracy')).toMatch(/\| −0\.016 &#91;−0\.02\d*, −0\.004\d*&#93; \|/);
    expect(row(run, 'accuracy')).toContain(
      'exact McNemar test on the 126 examples where the models disagree (79 the candidate gets wrong, 47 the baseline gets wrong)',
    );
    expect(row(run, 'f1_macro')).toContain('paired bootstrap, 10000 resamples (BCa');
  });
});

describe('predictions without significance: the rules are today’s rules', () => {
  const run = gate({
    predictions: `${PX}/candidate.csv`,
    'baseline-predictions': `${PX}/baseline.csv`,
    thresholds: 'accuracy: { max-drop: 0.01 }\nf1: ">= 0.85"',
  });
  test('a 1.6-point drop breaks max-drop 0.01, whatever the evidence; the row still shows it', () => {
    expect(run.outputs.passed).toBe('false');
    expect(JSON.parse(run.outputs.failed)).toEqual(['accuracy']);
    expect(entry(run, 'accuracy').message).toBe('dropped 0.016 from baseline 0.948 (max-drop 0.01)');
    expect(entry(run, 'accuracy').noise.verdict).toBe('within noise (p = 0.15)');
  });
});

test('accuracy with max-drop 0 and significance: the one-sided exact McNemar p-value of statsmodels', () => {
  const run = gate({
    predictions: `${PX}/candidate.csv`,
    'baseline-predictions': `${PX}/baseline.csv`,
    thresholds: 'accuracy: { max-drop: 0, significance: 0.01 }',
  });
  expect(run.outputs.passed).toBe('false');
  const acc = entry(run, 'accuracy');
  expect(Math.abs((acc.noise.p_value as number) - golden.mcnemar.p_worse)).toBeLessThanOrEqual(
    1e-12 * golden.mcnemar.p_worse,
  );
  expect(acc.message).toBe('dropped 0.016 from baseline 0.948: worse (p = 0.0028)');
});

describe('metrics files: the sample size of a scikit-learn report, and no estimate', () => {
  const run = gate({
    metrics: 'examples/reports/regressed-metrics.json',
    baseline: 'examples/reports/main-metrics.json',
    thresholds:
      'defaults: { significance: 0.05 }\naccuracy: { max-drop: 0.01 }\n"1.recall": { max-drop: 0 }\neval_loss: "<= 0.30"',
  });
  test('accuracy 0.9071 → 0.8862 on 2 000 examples: beyond 0.01 not significantly (two-proportion z, unpaired)', () => {
    const p = twoProportionZ(0.8862 * 2000, 2000, 0.9071 * 2000, 2000, { alternative: 'smaller', value: -0.01 }).pValue;
    expect(p).toBeGreaterThan(0.05);
    expect(entry(run, 'accuracy')).toMatchObject({ passed: true });
    expect(entry(run, 'accuracy').noise).toMatchObject({
      source: 'metrics file',
      difference_method: 'two-proportion-z',
    });
    expect(entry(run, 'accuracy').noise.p_value).toBeCloseTo(p, 12);
    expect(row(run, 'accuracy')).toContain('two-proportion z-test (unpaired, so conservative), n = 2000 and 2000');
  });
  test('class 1 recall with its support 738: the drop 0.8469 → 0.7995 is evidence', () => {
    const p = twoProportionZ(0.7995 * 738, 738, 0.8469 * 738, 738, { alternative: 'smaller', value: 0 }).pValue;
    expect(p).toBeLessThan(0.05);
    expect(entry(run, '1.recall')).toMatchObject({ passed: false });
    expect(entry(run, '1.recall').noise.p_value).toBeCloseTo(p, 12);
  });
  test('eval_loss has no source of uncertainty: the row says so and the plain rule decides', () => {
    expect(entry(run, 'eval_loss')).toMatchObject({ passed: false, message: '0.3455 is not <= 0.3' });
    expect(entry(run, 'eval_loss').noise.source).toBe('none');
    expect(row(run, 'eval_loss')).toContain('no estimate: candidate: no standard error or sample size');
    expect(run.outputs.passed).toBe('false');
  });
});

test('lm-evaluation-harness stderr: a confidence rule passes only when the interval clears', () => {
  const file =
    '__tests__/fixtures/metrics/lm-eval-harness/EleutherAI__lm-evaluation-harness__bloom-560m_common_sense_reasoning_0-shot.json';
  // arc_easy.acc = 0.47348 ± 0.010245: the 95 % interval is [0.4534, 0.4936]
  const run = gate({
    metrics: file,
    thresholds: 'arc_easy.acc: { min: 0.45, confidence: 0.95 }\npiqa.acc: { min: 0.63, confidence: 0.95 }',
  });
  expect(JSON.parse(run.outputs.failed)).toEqual(['piqa.acc']);
  expect(entry(run, 'arc_easy.acc').noise).toMatchObject({ source: 'metrics file', method: 'stderr-normal' });
  expect(entry(run, 'piqa.acc').message).toContain('does not clear 0.63');
});

describe('bad predictions are refused through the action, located, with passed=false', () => {
  const bad = (file: string, base = 'base.csv') =>
    gate({
      predictions: `${PX}/bad/${file}`,
      'baseline-predictions': `${PX}/bad/${base}`,
      thresholds: 'accuracy: { max-drop: 0.01, significance: 0.05 }',
    });
  test('mismatched ids', () =>
    expectBadInput(bad('other-ids.csv'), `${PX}/bad/other-ids.csv:5: id "x" is not in ${PX}/bad/base.csv`));
  test('a different y_true', () =>
    expectBadInput(bad('other-truth.csv'), `${PX}/bad/base.csv:4: y_true is "1" here but "0"`, 'same test set'));
  test('an unknown label', () =>
    expectBadInput(bad('unknown-label.csv'), `${PX}/bad/unknown-label.csv:3: y_pred holds the label "2"`));
  test('a NaN score', () => expectBadInput(bad('nan-score.csv'), `${PX}/bad/nan-score.csv:3: score is missing`));
  test('an empty file', () => expectBadInput(bad('empty.csv'), `${PX}/bad/empty.csv: the file is empty`));
  test('a header without rows', () =>
    expectBadInput(
      bad('base.csv', 'header-only.csv'),
      `${PX}/bad/header-only.csv: the file has a header but no data rows`,
    ));
  test('baseline-predictions without predictions', () =>
    expectBadInput(
      gate({
        'baseline-predictions': `${PX}/bad/base.csv`,
        metrics: 'examples/reports/metrics.json',
        thresholds: 'accuracy: 0.9',
      }),
      "input 'baseline-predictions' needs 'predictions'",
    ));
  test('a metric both computed from predictions and read, with another value', () =>
    expectBadInput(
      gate({
        predictions: `${PX}/candidate.csv`,
        metrics: 'examples/reports/metrics.json',
        thresholds: 'accuracy: 0.9',
      }),
      "examples/reports/metrics.json:2: 'accuracy' is 0.932 from the predictions",
      'cannot tell which one the rule means',
    ));
  test('significance and confidence on one rule', () =>
    expectBadInput(
      gate({
        predictions: `${PX}/candidate.csv`,
        thresholds: 'accuracy: { min: 0.9, significance: 0.05, confidence: 0.95 }',
      }),
      "input 'thresholds' line 1: rule for 'accuracy'",
      'not both',
    ));
});
