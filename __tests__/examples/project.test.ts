/**
 * examples/project run for real: train.py and evaluate.py (scikit-learn) write metrics into a temp
 * folder, the built action validates them against metrics.schema.json and gates them with gate.yml;
 * the data validates against expectations.yml; serve.py's HTTP handler and smoke_test.py are tested
 * against the trained model. Needs a python3 with scikit-learn: .ci/run installs Debian's
 * python3-sklearn, so CI always runs this; elsewhere it is skipped with the reason in its name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runAction, tempDir } from '../../scripts/lib/run-action.mjs';
import { findPython } from '../helpers/servers.js';
import { ROOT } from './helpers.js';

const PROJECT = path.join(ROOT, 'examples/project');

// The first interpreter with scikit-learn and prometheus_client (serve.py): $PYTHON, python3, Debian's.
const PYTHON = findPython('sklearn, numpy, joblib, prometheus_client');
const describeWithPython = PYTHON ? describe : describe.skip;
const title = PYTHON
  ? 'examples/project with scikit-learn'
  : 'examples/project with scikit-learn — SKIPPED: no python3 with scikit-learn and prometheus_client ' +
    '(apt-get install python3-sklearn python3-prometheus-client, as .ci/run does)';

function py(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(PYTHON as string, args, {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`python ${args.join(' ')} failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  return res;
}

test('the sample data files are small, with the same columns', () => {
  const header = (f: string) => readFileSync(path.join(PROJECT, 'data', f), 'utf8').split('\n', 1)[0];
  for (const f of ['reference.csv', 'current.csv']) expect(statSync(path.join(PROJECT, 'data', f)).size).toBeLessThan(200 * 1024);
  expect(header('current.csv')).toBe(header('reference.csv'));
  expect(header('reference.csv').split(',')).toHaveLength(31);
});

describeWithPython(title, () => {
  let out = '';
  beforeAll(() => {
    out = tempDir('mqg-project-');
    py(['train.py', '--data', 'data/reference.csv', '--out', out]);
    py(['evaluate.py', '--model', path.join(out, 'model.joblib'), '--holdout', path.join(out, 'holdout.csv'), '--out', out]);
  });
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('train.py and evaluate.py write the model, metrics.json and the classification report', () => {
    for (const f of ['model.joblib', 'holdout.csv', 'metrics.json', 'classification_report.json']) expect(existsSync(path.join(out, f))).toBe(true);
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(Object.keys(metrics).sort()).toEqual(
      ['accuracy', 'eval_loss', 'f1', 'holdout_rows', 'latency_ms_per_1k_rows', 'precision', 'recall', 'roc_auc'].sort(),
    );
    expect(metrics.holdout_rows).toBe(143);
    const report = JSON.parse(readFileSync(path.join(out, 'classification_report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['malignant', 'benign', 'accuracy', 'macro avg', 'weighted avg']);
  });

  test('the metrics satisfy metrics.schema.json and the required metrics (validate stage)', () => {
    const run = runAction(
      {
        stage: 'validate',
        metrics: path.join(out, 'metrics.json'),
        'metrics-schema': 'examples/project/metrics.schema.json',
        'required-metrics': 'accuracy, roc_auc, eval_loss',
      },
      ROOT,
    );
    expect(run.errors).toEqual([]);
    expect(run.outputs.valid).toBe('true');
  });

  test('the gate judges the metrics with gate.yml and passes them', () => {
    const run = runAction(
      {
        stage: 'gate',
        metrics: `${path.join(out, 'metrics.json')}\n${path.join(out, 'classification_report.json')}`,
        thresholds: 'examples/project/gate.yml',
      },
      ROOT,
    );
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.checked.map((c: { name: string }) => c.name).sort()).toEqual(
      ['accuracy', 'eval_loss', 'macro avg.f1-score', 'malignant.recall', 'recall', 'roc_auc'].sort(),
    );
    expect(run.summary).toContain('classification_report.json (sklearn-report)');
  });

  test('the gate against a production baseline (gate-vs-prod.yml) passes the same model', () => {
    const files = `${path.join(out, 'metrics.json')}\n${path.join(out, 'classification_report.json')}`;
    const run = runAction({ stage: 'gate', metrics: files, baseline: files, thresholds: 'examples/project/gate-vs-prod.yml' }, ROOT);
    expect(run.errors).toEqual([]);
    expect(run.outputs.passed).toBe('true');
  });

  test('the data files meet expectations.yml (validate stage)', () => {
    const run = runAction(
      {
        stage: 'validate',
        data: 'examples/project/data/reference.csv\nexamples/project/data/current.csv',
        expectations: 'examples/project/expectations.yml',
      },
      ROOT,
    );
    expect(run.errors).toEqual([]);
    expect(run.outputs.valid).toBe('true');
  });

  test('retraining on the reference and the new data (retrain-schedule.yml) also passes the gate', () => {
    const out2 = tempDir('mqg-project-retrain-');
    try {
      py(['train.py', '--data', 'data/reference.csv', 'data/current.csv', '--out', out2]);
      py(['evaluate.py', '--model', path.join(out2, 'model.joblib'), '--holdout', path.join(out2, 'holdout.csv'), '--out', out2]);
      const run = runAction(
        { stage: 'gate', metrics: `${path.join(out2, 'metrics.json')}\n${path.join(out2, 'classification_report.json')}`, thresholds: 'examples/project/gate.yml' },
        ROOT,
      );
      expect(run.outputs.passed).toBe('true');
    } finally {
      rmSync(out2, { recursive: true, force: true });
    }
  });

  test("serve.py's handler and smoke_test.py work against the trained model (python unittest)", () => {
    const res = py(['-m', 'unittest', 'discover', '-s', 'tests'], { MODEL_PATH: path.join(out, 'model.joblib') });
    expect(res.stderr).toMatch(/Ran \d+ tests[\s\S]*\nOK\s*$/);
  });
});

test("deploy.yml's smoke gate (smoke-gate.yml) passes a healthy deployment and fails a broken one", () => {
  const dir = tempDir('mqg-smoke-');
  try {
    const healthy = { healthz_ok: 1, version_ok: 1, sample_ok: 1, live_accuracy: 0.97, latency_ms: 120 };
    const file = path.join(dir, 'smoke.json');
    const gate = (m: object) => {
      writeFileSync(file, JSON.stringify(m));
      return runAction({ stage: 'gate', metrics: file, thresholds: 'examples/project/smoke-gate.yml', 'fail-on-violation': 'false' }, ROOT);
    };
    expect(gate(healthy).outputs.passed).toBe('true');
    const broken = gate({ ...healthy, version_ok: 0, live_accuracy: 0.6 });
    expect(broken.outputs.passed).toBe('false');
    expect(JSON.parse(broken.outputs.failed).sort()).toEqual(['live_accuracy', 'version_ok']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
