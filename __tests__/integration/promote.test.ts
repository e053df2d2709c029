/**
 * The built action (dist/index.js) on the promote stage, run as the runner runs it, in a temp git
 * repository whose `origin` is a bare repository in the same temp dir.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, runActionAsync, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { parseTag } from '../../src/registry/gto-tags.js';
import { commitModel, gitFixture, PROMOTE_INPUTS, RULES, sh, type Fixture } from '../promote/helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const V1 = { accuracy: 0.86, eval_loss: 0.4, f1: 0.8 };
const V2 = { accuracy: 0.9, eval_loss: 0.35, f1: 0.84 };
const WORSE = { accuracy: 0.89, eval_loss: 0.35, f1: 0.84 };

/** Commits the rules file too: the action reads `thresholds` as a path, as a workflow would. */
function project(repo: string, metrics: Record<string, number>, weights?: string): void {
  writeFileSync(join(repo, 'gate.yml'), RULES);
  commitModel(repo, metrics, weights);
}

const INPUTS = { ...PROMOTE_INPUTS, thresholds: 'gate.yml' };
/** The local cache in the test's own directory, outside every checkout. */
const env = () => ({ XDG_CACHE_HOME: join(fx.root, 'xdg') });
const promote = (repo: string, inputs: Record<string, string> = {}): ActionRun =>
  runAction({ ...INPUTS, ...inputs }, repo, env());

test('promote, gate against the registry, refuse a worse challenger, roll back', () => {
  const work = fx.clone('work');
  project(work, V1);
  const first = promote(work);
  expect(first.code).toBe(0);
  expect(first.outputs).toMatchObject({
    version: 'v0.1.0',
    tag: 'churn#prod#1',
    'previous-version': '',
    promoted: 'true',
  });
  expect(first.outputs['artifact-id']).toContain('.ml-quality-gate/artifacts/churn-v0.1.0');
  expect(first.errors).toEqual([]);
  // One notice: the local store, off a runner.
  const notices = first.commands.filter((c) => c.command === 'notice');
  expect(notices).toHaveLength(1);
  expect(notices[0].data).toContain('artifacts are kept in');
  expect(notices[0].data).toContain(`the registry cache in ${join(fx.root, 'xdg', 'ml-quality-gate')}`);
  expect(first.summary).toContain('## ✅ churn v0.1.0 promoted to prod (its first version there)');
  expect(JSON.parse(readFileSync(first.outputs.report, 'utf8'))).toMatchObject({
    stage: 'promote',
    promoted: true,
    version: 'v0.1.0',
  });

  project(work, V2);
  const second = promote(work);
  expect(second.code).toBe(0);
  expect(second.outputs).toMatchObject({
    version: 'v0.2.0',
    tag: 'churn#prod#2',
    'previous-version': 'v0.1.0',
    promoted: 'true',
  });
  expect(second.summary).toContain(
    '| Status | Metric | Challenger (v0.2.0) | Champion (v0.1.0) | Δ | Δ % | Rule | Why |',
  );
  expect(second.summary).toMatch(
    /\| v0\.2\.0 ★ \| prod \| \d{4}-\d\d-\d\d \| [0-9a-f]{7} \| 0\.9 \| 0\.35 \| 0\.84 \|/,
  );
  expect(second.summary).toContain('| accuracy | ▁█ | v0.1.0 → v0.2.0 |');

  // A pull request is judged against what runs in prod, read from the registry.
  const pr = join(fx.root, 'pr');
  sh(fx.root, 'clone', '--quiet', '--no-tags', fx.remote, pr);
  writeFileSync(join(pr, 'pr-metrics.json'), JSON.stringify(WORSE));
  const gate = runAction(
    {
      stage: 'gate',
      metrics: 'pr-metrics.json',
      thresholds: 'accuracy: { max-drop: 0.005 }',
      baseline: 'registry:churn@prod',
    },
    pr,
    env(),
  );
  expect(gate.code).toBe(1);
  expect(gate.outputs.passed).toBe('false');
  expect(gate.summary).toMatch(/\| ❌ fail \| accuracy \| 0\.89 \| max-drop 0\.005 \| 0\.9 \| −0\.01 \|/);
  expect(gate.summary).toContain('baseline: registry:churn@prod (churn@v0.2.0)');

  project(work, WORSE);
  const refused = promote(work);
  expect(refused.code).toBe(1);
  expect(refused.outputs).toMatchObject({ promoted: 'false', 'previous-version': 'v0.2.0' });
  expect(refused.errors.map((e) => e.properties.title)).toEqual(['Champion check: accuracy']);
  expect(refused.errors[0].properties).toMatchObject({ file: 'reports/metrics.json', line: '2' });
  expect(fx.remoteTags()).toEqual(['churn#prod#1', 'churn#prod#2', 'churn@v0.1.0', 'churn@v0.2.0']);

  // Rollback: GTO's unassignment of v0.2.0 (tagged at its commit), so v0.1.0 holds prod again.
  const back = promote(work, { rollback: 'true' });
  expect(back.code).toBe(0);
  expect(back.outputs).toMatchObject({
    version: 'v0.1.0',
    'previous-version': 'v0.2.0',
    tag: 'churn#prod!#3',
    promoted: 'true',
  });
  expect(back.summary).toContain('## ↩️ churn rolled back in prod: v0.1.0 again (was v0.2.0)');
  expect(sh(fx.remote, 'rev-parse', 'churn#prod!#3^{commit}')).toBe(
    sh(fx.remote, 'rev-parse', 'churn@v0.2.0^{commit}'),
  );
});

test('bad input never promotes: one error, promoted=false, no stack, no tag', () => {
  const work = fx.clone('work');
  project(work, V1);
  for (const [inputs, fragment] of [
    [{ 'model-path': 'models/missing.onnx' }, 'model file not found: models/missing.onnx'],
    [{ 'model-name': 'churn model' }, 'not valid for GTO'],
    [{ 'model-name': 'a//b' }, "git refuses the tag name 'a//b@v0.1.0'"],
    [{ 'model-name': 'x/a.lock/:churn' }, 'git refuses the tag name'],
    [{ 'promote-to': 'pre//prod' }, "stage name 'pre//prod' cannot be used"],
    [{ thresholds: '' }, "input 'thresholds' is required for stage 'promote'"],
    [{ rollback: 'true' }, 'nothing to roll back'],
  ] as const) {
    expectBadInput(promote(work, inputs), { promoted: 'false' }, fragment);
  }
  expect(fx.remoteTags()).toEqual([]);
  // Refused before anything was stored or uploaded.
  expect(existsSync(join(work, '.ml-quality-gate', 'artifacts'))).toBe(false);
});

test('two clones promote at the same time: distinct versions, no duplicate, every stage tag on a version', async () => {
  const a = fx.clone('a');
  const b = fx.clone('b');
  // The same metrics (whichever wins, the other is no worse), other weights: two commits.
  project(a, V1, 'weights a');
  project(b, V1, 'weights b');
  const runs = await Promise.all([a, b].map((repo) => runActionAsync({ ...INPUTS }, repo, env())));
  // Two racers: the loser re-plans once (3 attempts are allowed), so both get a version.
  expect(runs.map((r) => [r.code, r.errors])).toEqual([
    [0, []],
    [0, []],
  ]);
  expect(runs.map((r) => r.outputs.version).sort()).toEqual(['v0.1.0', 'v0.2.0']);
  const remote = fx
    .remoteTags()
    .map((name) => ({ name, tag: parseTag(name)!, commit: sh(fx.remote, 'rev-parse', `${name}^{commit}`) }));
  const versions = remote.filter((t) => t.tag.action === 'register');
  const stages = remote.filter((t) => t.tag.action === 'assign');
  expect(new Set(versions.map((v) => v.commit)).size).toBe(versions.length);
  expect(versions.length).toBe(runs.filter((r) => r.code === 0).length);
  for (const s of stages) expect(versions.map((v) => v.commit)).toContain(s.commit);
  const promoted = runs
    .filter((r) => r.code === 0)
    .map((r) => r.outputs.version)
    .sort();
  expect(promoted).toEqual(versions.map((v) => (v.tag as { version: string }).version).sort());
});

test('champion vs challenger on paired predictions, through the built action: within noise is promoted', () => {
  const work = fx.clone('work');
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  // 2 000 examples; `wrong` are the ones the model gets wrong.
  const commit = (wrong: number[], weights: string) => {
    const w = new Set(wrong);
    const rows = range(0, 2000).map((i) => `ex${i},${i % 2},${w.has(i) ? 1 - (i % 2) : i % 2}`);
    writeFileSync(join(work, 'predictions.csv'), `id,y_true,y_pred\n${rows.join('\n')}\n`);
    writeFileSync(join(work, 'gate.yml'), 'defaults: { significance: 0.05 }\naccuracy: { min: 0.8, max-drop: 0 }\n');
    commitModel(work, { eval_loss: 0.3 }, weights);
  };
  const inputs = { thresholds: 'gate.yml', predictions: 'predictions.csv' };
  commit(range(0, 200), 'champion');
  const first = promote(work, inputs);
  expect(first.code).toBe(0);
  expect(first.outputs).toMatchObject({ version: 'v0.1.0', promoted: 'true' });
  // The challenger loses 10 examples and gains 6: accuracy 0.898 against 0.9, within noise.
  commit([...range(6, 200), ...range(200, 210)], 'challenger');
  const second = promote(work, inputs);
  expect(second.code).toBe(0);
  expect(second.outputs).toMatchObject({ version: 'v0.2.0', promoted: 'true', 'previous-version': 'v0.1.0' });
  expect(second.summary).toContain('Paired with the champion v0.1.0');
  expect(second.summary).toMatch(/within noise \(p = /);
});
