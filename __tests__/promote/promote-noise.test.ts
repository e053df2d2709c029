/**
 * Champion vs challenger with noise-aware rules (issue 14): the sample sizes a metrics file holds
 * (here a scikit-learn report's total support) travel in the version tag, so the champion check
 * runs the same tests as the gate — a challenger is refused only on evidence (`significance`), or
 * promoted only on evidence (`confidence`).
 */
import { runPromote } from '../../src/stages/promote.js';
import { commitModel, gitFixture, promoteSettings, type Fixture } from './helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const promote = (repo: string, thresholds: string) =>
  runPromote(promoteSettings(repo, { thresholds }), { env: {}, cwd: repo });
const report = (accuracy: number) => ({ accuracy, 'weighted avg.support': 2000 });

test('significance: a 0.5-point drop on 2 000 examples is within noise, so the challenger is promoted', async () => {
  const rules = 'defaults: { significance: 0.05 }\naccuracy: { min: 0.8, max-drop: 0 }';
  const repo = fx.clone('work');
  commitModel(repo, report(0.9));
  expect((await promote(repo, rules)).ok).toBe(true);
  commitModel(repo, report(0.895));
  // the plain rule refuses it
  expect((await promote(repo, 'accuracy: { min: 0.8, max-drop: 0 }')).ok).toBe(false);
  const result = await promote(repo, rules);
  expect(result.ok).toBe(true);
  expect(result.outputs.promoted).toBe('true');
});

test('significance: a 3-point drop on 2 000 examples is evidence, so the challenger is refused', async () => {
  const rules = 'defaults: { significance: 0.05 }\naccuracy: { min: 0.8, max-drop: 0 }';
  const repo = fx.clone('work');
  commitModel(repo, report(0.9));
  expect((await promote(repo, rules)).ok).toBe(true);
  commitModel(repo, report(0.87));
  const result = await promote(repo, rules);
  expect(result.ok).toBe(false);
  expect(result.outputs.promoted).toBe('false');
  expect(JSON.stringify(result.annotations)).toContain('worse (p');
});

test('confidence: a 0.5-point gain is not evidence enough to replace the champion; a 3-point gain is', async () => {
  const rules = 'defaults: { confidence: 0.95 }\naccuracy: { min: 0.8, max-drop: 0 }';
  const repo = fx.clone('work');
  commitModel(repo, report(0.9));
  expect((await promote(repo, rules)).ok).toBe(true);
  commitModel(repo, report(0.905));
  const small = await promote(repo, rules);
  expect(small.ok).toBe(false);
  expect(JSON.stringify(small.annotations)).toContain('does not clear 0');
  commitModel(repo, report(0.93));
  expect((await promote(repo, rules)).ok).toBe(true);
});
