/**
 * Issue 10 through the built action (dist/index.js), one test per defect class: metrics read the
 * way their writer meant or refused, in the gate, validate and promote stages.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runAction, tempDir, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { gitFixture, sh, type Fixture } from '../promote/helpers.js';

const REAL = '__tests__/fixtures/metrics';

let dir: string;
beforeAll(() => {
  dir = tempDir('mqg-issue10-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files into a fresh folder and runs the gate there. */
function gateIn(files: Record<string, string | Buffer>, inputs: Record<string, string>): ActionRun {
  const cwd = join(dir, String(Math.random()).slice(2));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(cwd, name, '..'), { recursive: true });
    writeFileSync(join(cwd, name), content);
  }
  return runAction({ stage: 'gate', ...inputs }, cwd);
}
const gateReal = (inputs: Record<string, string>) => runAction({ stage: 'gate', ...inputs }, ROOT);
const badGate = (run: ActionRun, ...fragments: string[]) => expectBadInput(run, { passed: 'false' }, ...fragments);

describe('duplicate names', () => {
  test('{"accuracy": 0.99, "accuracy": 0.5} is refused, naming both lines', () => {
    const run = gateIn(
      { 'm.json': '{\n  "accuracy": 0.99,\n  "accuracy": 0.5\n}\n' },
      { metrics: 'm.json', thresholds: 'accuracy: ">= 0.9"' },
    );
    badGate(run, 'm.json:3', 'key "accuracy" is written twice in one object (lines 2 and 3)');
  });

  test('a name,value CSV with a repeated row', () => {
    const run = gateIn(
      { 'm.csv': 'name,value\naccuracy,0.99\naccuracy,0.5\n' },
      { metrics: 'm.csv', thresholds: 'accuracy: ">= 0.9"' },
    );
    badGate(run, 'm.csv:3', 'metric "accuracy" is written twice (lines 2 and 3)');
  });
});

describe('a metrics file without a metric is bad input in every stage', () => {
  test('gate', () => {
    badGate(gateIn({ 'm.json': '{}' }, { metrics: 'm.json', thresholds: 'accuracy: 0.5' }), 'no metric in this file');
  });

  test('validate', () => {
    const cwd = join(dir, 'validate-empty');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'm.json'), '{"model": "resnet", "date": "2024-01-01"}');
    const run = runAction({ stage: 'validate', metrics: 'm.json' }, cwd);
    expect(run.code).not.toBe(0);
    expect(run.outputs.valid).not.toBe('true');
    expect(run.errors.map((e) => e.located).join('\n')).toContain('no metric in this file');
  });
});

describe('histories: the name rules use everywhere', () => {
  const history = `${REAL}/keras-lightning/Anway-Kapoor__BrainTumorClassification__training_history.json`;

  test('the metrics output, the report and the summary say val_accuracy, not val_accuracy.29', () => {
    const run = gateReal({ metrics: history, thresholds: 'val_accuracy: ">= 0.9"' });
    expect(run.code).toBe(0);
    const metrics = JSON.parse(run.outputs.metrics);
    expect(metrics.val_accuracy).toBe(0.904181182384491);
    expect(metrics['val_accuracy.29']).toBeUndefined();
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.checked[0]).toMatchObject({ name: 'val_accuracy', metric: 'val_accuracy', value: 0.904181182384491 });
    expect(run.summary).toContain('| ✅ pass | val_accuracy | 0.904181 |');
  });

  test('trainer_state: eval_wer is a metrics output key', () => {
    const run = gateReal({
      metrics: `${REAL}/hf-trainer/Tanisha-anshu__OpenAi-Whisper-small-Braj__trainer_state.json`,
      thresholds: 'eval_wer: "<= 95"',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.metrics).eval_wer).toBe(93.83712958025444);
  });
});

describe('direction', () => {
  test('a model card WER is lower-is-better: a bare 20 fails a WER of 24.88', () => {
    const run = gateReal({
      metrics: `${REAL}/hf-model-index/CoralReefFish__whisper-tiny-nbaiLab__README.md`,
      thresholds: 'wer: 20',
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('24.8782 is worse than 20 (lower is better)');
  });

  test('units in the name: inference_ms, "speed(ms)", "Validation Time (s)"', () => {
    const run = gateIn(
      { 'm.json': '{"inference_ms": 150, "speed(ms)": 12, "Validation Time (s)": 40}' },
      { metrics: 'm.json', thresholds: 'inference_ms: 100\n"speed(ms)": 10\n"Validation Time (s)": 30' },
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs.failed)).toEqual(['inference_ms', 'speed(ms)', 'Validation Time (s)']);
  });

  test('an unknown direction a rule needs is assumed, and the summary row says so', () => {
    const run = gateIn({ 'm.json': '{"foo": 0.7}' }, { metrics: 'm.json', thresholds: 'foo: 0.5' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain(
      'at least as good as 0.5 (direction assumed: higher is better; set direction: to be sure)',
    );
    expect(JSON.parse(readFileSync(run.outputs.report, 'utf8')).checked[0]).toMatchObject({ direction_assumed: true });
  });

  test('max-drop alone on a loss is refused', () => {
    const run = gateIn(
      { 'm.json': '{"eval_loss": 0.9}', 'b.json': '{"eval_loss": 0.2}' },
      { metrics: 'm.json', baseline: 'b.json', thresholds: 'eval_loss: { max-drop: 0.01 }' },
    );
    badGate(run, "limits only a fall, but lower is better for 'eval_loss'");
  });
});

describe('layouts', () => {
  test('a pandas classification report: macro avg is gated on its f1-score (0.763), not its support (2000)', () => {
    const run = gateReal({
      metrics: `${REAL}/sklearn-classification-report/Shravan59__bank-customer-churn-prediction__classification_report.csv`,
      thresholds: '"macro avg.f1-score": ">= 0.8"\naccuracy: ">= 0.85"',
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs.failed)).toEqual(['macro avg.f1-score']);
    expect(run.summary).toContain('0.763442 is not &gt;= 0.8');
  });

  test('a CSV of several rows without step or epoch is refused, not read by its last row', () => {
    const run = gateIn(
      { 'folds.csv': 'fold,accuracy\n1,0.95\n2,0.40\n' },
      { metrics: 'folds.csv', thresholds: 'accuracy: ">= 0.9"' },
    );
    badGate(run, 'folds.csv:3', 'no step or epoch column');
  });

  test('random bytes named .csv are refused', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 151 + 7) % 256));
    badGate(gateIn({ 'm.csv': bytes }, { metrics: 'm.csv', thresholds: 'accuracy: 0.5' }), 'm.csv');
  });
});

describe('formats that moved on', () => {
  test('an MLflow 3 logged model directory', () => {
    const run = gateReal({
      metrics: `${REAL}/mlflow/BTE-AYUSH25__MLOps-Day-6__mlruns/610006554016704150/models/m-ae2107cff48c4a80b8de189e10584eb2`,
      thresholds: 'best_cv_accuracy: ">= 0.95"',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.metrics)).toEqual({ best_cv_accuracy: 0.9582417582417582 });
  });

  test('lm-eval: one filter resolves, two filters list the candidates', () => {
    const one = gateReal({
      metrics: `${REAL}/lm-eval-harness/dreaming-panda__MagicPiG__Hashllama3_mmlu_K4L25-results.json`,
      thresholds: 'mmlu_flan_cot_fewshot.exact_match: ">= 0.6"',
    });
    expect(one.code).toBe(0);
    const two = gateReal({
      metrics: `${REAL}/lm-eval-harness/saucam__model_evals__Meta-Llama-3-8B-Instruct-gsm8k.json`,
      thresholds: 'gsm8k.exact_match: ">= 0.7"',
    });
    badGate(two, 'fits 2 metrics', 'exact_match,strict-match', 'exact_match,flexible-extract');
  });
});

describe('rules that cannot hold', () => {
  test.each([
    ['accuracy: ">= -1e999"', 'overflows to infinity'],
    ['accuracy: { min: 0.9, max: 0.1 }', 'min 0.9 is above max 0.1'],
  ])('%s', (thresholds, message) => {
    badGate(gateIn({ 'm.json': '{"accuracy": 0.1}' }, { metrics: 'm.json', thresholds }), message);
  });
});

describe('promote: the champion is compared under the names rules use', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = gitFixture();
  });
  afterEach(() => fx.cleanup());

  const AUTHOR = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];
  function commitHistory(repo: string, valAccuracy: number[]): void {
    mkdirSync(join(repo, 'models'), { recursive: true });
    writeFileSync(join(repo, 'models', 'm.onnx'), JSON.stringify(valAccuracy));
    writeFileSync(
      join(repo, 'history.json'),
      JSON.stringify({ loss: valAccuracy.map((v) => 1 - v), val_accuracy: valAccuracy }),
    );
    writeFileSync(join(repo, '.gitignore'), '.ml-quality-gate/\n');
    sh(repo, 'add', '-A');
    sh(repo, ...AUTHOR, 'commit', '--quiet', '-m', `history ${valAccuracy.join(' ')}`);
  }
  const promote = (repo: string) =>
    runAction(
      {
        stage: 'promote',
        'model-name': 'cls',
        'model-path': 'models/m.onnx',
        metrics: 'history.json',
        thresholds: 'val_accuracy: ">= 0.5"',
        'promote-to': 'prod',
      },
      repo,
    );

  test('a 0.70 challenger is not promoted over a 0.95 champion (histories of different lengths)', () => {
    const work = fx.clone('work');
    commitHistory(work, [0.5, 0.8, 0.95]);
    const first = promote(work);
    expect(first.code).toBe(0);
    const message = JSON.parse(sh(work, 'tag', '--list', '--format=%(contents)', 'cls@v0.1.0'));
    expect(message.metrics).toMatchObject({ val_accuracy: 0.95 });
    expect(message.key_metrics).toEqual(['val_accuracy']);

    commitHistory(work, [0.3, 0.4, 0.5, 0.6, 0.7]);
    const second = promote(work);
    expect(second.code).toBe(1);
    expect(second.outputs.promoted).toBe('false');
    expect(second.errors.map((e) => e.properties.title)).toEqual(['Champion check: val_accuracy']);
    expect(second.errors[0].data).toContain("0.7 is worse than the champion's 0.95");
  });

  test('a champion whose tag has no value for a gated metric is a failed comparison', () => {
    const work = fx.clone('work');
    // The champion's tag, as an older release wrote it: epoch-indexed names only.
    commitHistory(work, [0.5, 0.95]);
    const old = JSON.stringify({ model: 'cls', version: 'v0.1.0', metrics: { 'val_accuracy.1': 0.95 } });
    sh(work, ...AUTHOR, 'tag', '-a', 'cls@v0.1.0', '-m', old);
    sh(work, ...AUTHOR, 'tag', '-a', 'cls#prod#1', '-m', '{}');
    sh(work, 'push', '--quiet', 'origin', '--tags');
    commitHistory(work, [0.3, 0.7]);
    const run = promote(work);
    expect(run.code).toBe(1);
    expect(run.outputs.promoted).toBe('false');
    expect(run.errors[0].data).toContain("the champion has no value for 'val_accuracy'");
  });
});
