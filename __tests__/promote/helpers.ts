/** A model project in a clone of a bare "origin": model file, metrics and rules, committed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings } from '../../src/settings.js';
import type { PromoteSettings } from '../../src/settings/promote.js';
import { sh } from '../registry/git-fixture.js';

export { gitFixture, sh, type Fixture } from '../registry/git-fixture.js';

export const RULES = 'accuracy: ">= 0.80"\neval_loss: "<= 0.5"\nf1: { max-drop: 0.01 }\n';

const AUTHOR = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];

/** Writes the model and its metrics, commits them, returns the commit. */
export function commitModel(repo: string, metrics: Record<string, number>, weights = JSON.stringify(metrics)): string {
  mkdirSync(join(repo, 'models'), { recursive: true });
  mkdirSync(join(repo, 'reports'), { recursive: true });
  writeFileSync(join(repo, 'models', 'churn.onnx'), weights);
  writeFileSync(join(repo, 'reports', 'metrics.json'), JSON.stringify(metrics, null, 2));
  writeFileSync(join(repo, '.gitignore'), '.ml-quality-gate/\n');
  sh(repo, 'add', '-A');
  sh(repo, ...AUTHOR, 'commit', '--quiet', '-m', `model ${JSON.stringify(metrics)}`);
  return sh(repo, 'rev-parse', 'HEAD');
}

/** The promote step every test starts from: commitModel's files, `prod`; `thresholds` is the test's. */
export const PROMOTE_INPUTS = {
  stage: 'promote',
  'model-name': 'churn',
  'model-path': 'models/churn.onnx',
  metrics: 'reports/metrics.json',
  'promote-to': 'prod',
} as const;

/** Promote settings as the action reads them, for a run in `repo`. */
export function promoteSettings(repo: string, inputs: Record<string, string> = {}): PromoteSettings {
  const all: Record<string, string> = {
    ...PROMOTE_INPUTS,
    thresholds: RULES,
    'report-path': join(repo, '.ml-quality-gate', 'report.json'),
    ...inputs,
  };
  return readSettings((name) => all[name] ?? '', { GITHUB_WORKSPACE: repo }) as PromoteSettings;
}

/** Tag names on a repository (or a bare remote). */
export function tagsOf(repo: string): string[] {
  const out = sh(repo, 'tag', '--list');
  return out ? out.split('\n').sort() : [];
}

/** The message of a tag as JSON. */
export function tagMessage(repo: string, tag: string): Record<string, unknown> {
  return JSON.parse(sh(repo, 'tag', '--list', '--format=%(contents)', tag));
}
