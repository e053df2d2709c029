// The promote stage in a temp git repository whose `origin` is a bare repository next to it:
// v0.1.0 to prod, a better v0.2.0, a worse challenger refused, then a rollback.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../lib/run-action.mjs';
import { showRun } from './lib.mjs';

const AUTHOR = ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com'];
const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Writes the model file and its metrics, commits them (a training run's output). */
function train(repo, metrics) {
  writeFileSync(join(repo, 'models', 'churn.onnx'), `weights for ${JSON.stringify(metrics)}`);
  writeFileSync(join(repo, 'reports', 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  git(repo, 'add', '-A');
  git(repo, ...AUTHOR, 'commit', '--quiet', '-m', `train: accuracy ${metrics.accuracy}`);
}

export default function demo() {
  const root = tempDir('mqg-demo-promote-');
  const origin = join(root, 'origin.git');
  const repo = join(root, 'project');
  try {
    git(root, 'init', '--quiet', '--bare', '-b', 'main', origin);
    git(root, 'init', '--quiet', '-b', 'main', repo);
    git(repo, 'remote', 'add', 'origin', origin);
    mkdirSync(join(repo, 'models'));
    mkdirSync(join(repo, 'reports'));
    writeFileSync(join(repo, '.gitignore'), '.ml-quality-gate/\n');
    writeFileSync(
      join(repo, 'gate.yml'),
      'accuracy: ">= 0.85"\neval_loss: "<= 0.45"\n"macro avg.f1-score": { min: 0.8, max-drop: 0.01 }\n',
    );
    const inputs = {
      stage: 'promote',
      'model-name': 'churn',
      'model-path': 'models/churn.onnx',
      metrics: 'reports/metrics.json',
      thresholds: 'gate.yml',
      'promote-to': 'prod',
    };
    const run = (title, extra = {}) => showRun(title, { ...inputs, ...extra }, { cwd: repo });

    train(repo, { accuracy: 0.874, eval_loss: 0.41, 'macro avg': { 'f1-score': 0.842 } });
    run('promote: the first version goes to prod');
    train(repo, { accuracy: 0.902, eval_loss: 0.36, 'macro avg': { 'f1-score': 0.871 } });
    run('promote: a better challenger replaces the champion');
    train(repo, { accuracy: 0.897, eval_loss: 0.35, 'macro avg': { 'f1-score': 0.858 } });
    run('promote: a challenger worse than the champion is refused (no tag)');
    run('promote: rollback gives prod back to the previous version', { rollback: 'true' });
    console.log(
      `registry tags on origin:\n${git(origin, 'tag', '--list')
        .split('\n')
        .map((t) => `  ${t}`)
        .join('\n')}\n`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
