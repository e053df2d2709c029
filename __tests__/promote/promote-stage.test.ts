/**
 * The promote stage in-process against real git: a bare "origin" and clones in a temp dir, the
 * local store for real. Each test checks the remote's tags, which are the registry.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTag } from '../../src/registry/gto-tags.js';
import { GitClient } from '../../src/registry/git-client.js';
import { readRegistry } from '../../src/registry/read-tags.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { runPromote, type PromoteDeps } from '../../src/stages/promote.js';
import { commitModel, gitFixture, promoteSettings, sh, tagMessage, tagsOf, type Fixture } from './helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const GOOD = { accuracy: 0.86, eval_loss: 0.4, f1: 0.8 };
const BETTER = { accuracy: 0.9, eval_loss: 0.35, f1: 0.84 };
const WORSE = { accuracy: 0.88, eval_loss: 0.36, f1: 0.82 }; // accuracy drops below BETTER's

function promote(repo: string, inputs: Record<string, string> = {}, deps: PromoteDeps = {}) {
  return runPromote(promoteSettings(repo, inputs), { env: {}, cwd: repo, ...deps });
}

test('first promotion: v0.1.0 registered and assigned, pushed, files in the local store, nothing cached in the checkout', async () => {
  const repo = fx.clone('work');
  const commit = commitModel(repo, GOOD);
  const result = await promote(repo);

  expect(result.ok).toBe(true);
  expect(result.outputs).toMatchObject({
    version: 'v0.1.0',
    tag: 'churn#prod#1',
    'previous-version': '',
    promoted: 'true',
  });
  expect(fx.remoteTags()).toEqual(['churn#prod#1', 'churn@v0.1.0']);
  expect(parseTag('churn#prod#1')).toEqual({ action: 'assign', artifact: 'churn', stage: 'prod', counter: 1 });
  expect(sh(fx.remote, 'rev-parse', 'churn#prod#1^{commit}')).toBe(commit);

  // The version tag's message, read back from the remote: everything the issue lists.
  const message = tagMessage(fx.remote, 'churn@v0.1.0');
  expect(message).toMatchObject({
    model: 'churn',
    version: 'v0.1.0',
    commit,
    artifact_name: 'churn-v0.1.0',
    metrics: GOOD,
  });
  expect(message.model_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(message).toHaveProperty('timestamp');
  expect(message).toHaveProperty('run_number');
  expect(message).toHaveProperty('run_url');
  expect(message.artifact_id).toBe('churn-v0.1.0');

  // Local store: model, metrics and card; one notice says so.
  const artifact = result.outputs['artifact-id'] as string;
  expect(artifact).toBe(join(repo, '.ml-quality-gate', 'artifacts', 'churn-v0.1.0'));
  expect(readFileSync(join(artifact, 'models', 'churn.onnx'), 'utf8')).toBe(JSON.stringify(GOOD));
  expect(existsSync(join(artifact, 'reports', 'metrics.json'))).toBe(true);
  const card = readFileSync(join(artifact, '.ml-quality-gate', 'model-cards', 'churn-v0.1.0', 'MODEL_CARD.md'), 'utf8');
  expect(card).toContain('# Model card: churn v0.1.0');
  expect(card).toContain('| accuracy | 0.86 | &gt;= 0.8 | — |');
  expect(card).toContain(`**Commit:** \`${commit}\``);
  expect(result.notices).toHaveLength(1);
  expect(result.notices![0]).toContain('.ml-quality-gate');
  // No cache in the checkout: what a branch commits there must never be read as the registry.
  expect(readdirSync(join(repo, '.ml-quality-gate'))).not.toContain('cache');

  const summary = renderMarkdown(result.summary);
  expect(summary).toContain('✅ churn v0.1.0 promoted to prod (its first version there)');
  expect(summary).toContain('No version holds prod yet');
  expect(summary).toContain('| v0.1.0 ★ | prod |');
});

test("off a runner the card shows this job's drift report, never one committed on the branch", async () => {
  const repo = fx.clone('work');
  commitModel(repo, GOOD);
  // A drift report committed with the branch (forced past .gitignore) claims no drift.
  mkdirSync(join(repo, '.ml-quality-gate'), { recursive: true });
  writeFileSync(join(repo, '.ml-quality-gate', 'drift-report.json'), JSON.stringify({ 'drift-detected': false }));
  sh(repo, 'add', '-f', '.ml-quality-gate/drift-report.json');
  sh(repo, '-c', 'user.name=t', '-c', 'user.email=t@x', 'commit', '--quiet', '-m', 'forged report');
  // This job's validate step wrote its report (untracked).
  writeFileSync(join(repo, '.ml-quality-gate', 'validate-report.json'), JSON.stringify({ valid: true, rows: 120 }));
  const result = await promote(repo);
  expect(result.ok).toBe(true);
  const artifact = result.outputs['artifact-id'] as string;
  const card = readFileSync(join(artifact, '.ml-quality-gate', 'model-cards', 'churn-v0.1.0', 'MODEL_CARD.md'), 'utf8');
  expect(card).toContain('### validate report');
  expect(card).toContain('| rows | 120 |');
  expect(card).not.toContain('drift report');
});

test('a better second version takes the stage; a worse one is refused with no tag; rollback gives it back', async () => {
  const repo = fx.clone('work');
  commitModel(repo, GOOD);
  await promote(repo);
  commitModel(repo, BETTER);
  const second = await promote(repo);
  expect(second.outputs).toMatchObject({
    version: 'v0.2.0',
    tag: 'churn#prod#2',
    'previous-version': 'v0.1.0',
    promoted: 'true',
  });
  const summary = renderMarkdown(second.summary);
  expect(summary).toContain('| Status | Metric | Challenger (v0.2.0) | Champion (v0.1.0) | Δ | Δ % | Rule | Why |');
  expect(summary).toMatch(/\| ✅ pass \| accuracy \| 0\.9 \| 0\.86 \| \+0\.04 \|/);
  expect(summary).toMatch(/\| accuracy \| ▁█ \| v0\.1\.0 → v0\.2\.0 \|/);

  commitModel(repo, WORSE);
  const before = fx.remoteTags();
  const refused = await promote(repo);
  expect(refused.ok).toBe(false);
  expect(refused.outputs).toMatchObject({ promoted: 'false', version: '', 'previous-version': 'v0.2.0' });
  expect(refused.headline).toContain('worse than the champion v0.2.0');
  expect(refused.annotations.map((a) => a.title)).toEqual([
    'Champion check: accuracy',
    'Champion check: eval_loss',
    'Champion check: f1',
  ]);
  expect(refused.annotations[0]).toMatchObject({ file: 'reports/metrics.json', line: 2 });
  expect(fx.remoteTags()).toEqual(before);
  expect(tagsOf(repo)).toEqual(before);

  // champion-check: false lets it through: v0.3.0 holds prod.
  const forced = await promote(repo, { 'champion-check': 'false' });
  expect(forced.outputs).toMatchObject({ version: 'v0.3.0', tag: 'churn#prod#3', promoted: 'true' });
  expect(renderMarkdown(forced.summary)).toContain(
    'Not compared with churn v0.2.0, which holds prod (champion-check: false)',
  );

  // Rollback is GTO's unassignment of the holder: the version before it holds prod again.
  const back = await promote(repo, { rollback: 'true' });
  expect(back.ok).toBe(true);
  expect(back.outputs).toMatchObject({
    version: 'v0.2.0',
    'previous-version': 'v0.3.0',
    tag: 'churn#prod!#4',
    promoted: 'true',
  });
  expect(back.outputs['artifact-id']).toBe(join(repo, '.ml-quality-gate', 'artifacts', 'churn-v0.2.0'));
  expect(sh(fx.remote, 'rev-parse', 'churn#prod!#4^{commit}')).toBe(
    sh(fx.remote, 'rev-parse', 'churn@v0.3.0^{commit}'),
  );
  expect(tagMessage(fx.remote, 'churn#prod!#4')).toMatchObject({ action: 'rollback', rolled_back_from: 'v0.3.0' });
  // Read back from the tags only, in a fresh clone: v0.2.0 holds prod.
  const fresh = fx.clone('fresh');
  const state = await readRegistry(new GitClient(fresh), 'churn');
  expect(state.stages.get('prod')?.current?.version).toBe('v0.2.0');

  // A second rollback goes one version further back.
  const again = await promote(repo, { rollback: 'true' });
  expect(again.outputs).toMatchObject({ version: 'v0.1.0', 'previous-version': 'v0.2.0', tag: 'churn#prod!#5' });
  await expect(promote(repo, { rollback: 'true' })).rejects.toThrow('the only version in stage');
});

test('a failing gate promotes nothing; fail-on-violation does not change that', async () => {
  const repo = fx.clone('work');
  commitModel(repo, { accuracy: 0.7, eval_loss: 0.4, f1: 0.8 });
  const result = await promote(repo, { 'fail-on-violation': 'false' });
  expect(result.ok).toBe(false);
  expect(result.outputs.promoted).toBe('false');
  expect(result.annotations).toEqual([
    expect.objectContaining({ title: 'Quality gate: accuracy', file: 'reports/metrics.json', line: 2 }),
  ]);
  expect(renderMarkdown(result.summary)).toContain('the gate failed on 1 of 3 metrics (accuracy)');
  expect(fx.remoteTags()).toEqual([]);
  expect(tagsOf(repo)).toEqual([]);
  expect(existsSync(join(repo, '.ml-quality-gate', 'artifacts'))).toBe(false);
});

test('push: false keeps tags local; register-only without promote-to; explicit version; same commit again', async () => {
  const repo = fx.clone('work');
  commitModel(repo, GOOD);
  const local = await promote(repo, { push: 'false', 'promote-to': '', version: 'v1.2.3' });
  expect(local.outputs).toMatchObject({ version: 'v1.2.3', tag: 'churn@v1.2.3', promoted: 'false' });
  expect(tagsOf(repo)).toEqual(['churn@v1.2.3']);
  expect(fx.remoteTags()).toEqual([]);

  // The commit already carries v1.2.3: promoting it reuses that version and adds the stage tag only.
  const staged = await promote(repo, { 'promote-to': 'staging' });
  expect(staged.outputs).toMatchObject({ version: 'v1.2.3', tag: 'churn#staging#1', promoted: 'true' });
  expect(fx.remoteTags()).toEqual(['churn#staging#1', 'churn@v1.2.3']);
  const again = await promote(repo, { 'promote-to': 'staging' });
  expect(again.headline).toBe('churn v1.2.3 already holds staging: nothing to do');
  expect(fx.remoteTags()).toEqual(['churn#staging#1', 'churn@v1.2.3']);

  commitModel(repo, BETTER);
  await expect(promote(repo, { version: 'v1.2.3' })).rejects.toThrow(/churn@v1\.2\.3 already exists/);
  expect(fx.remoteTags()).toEqual(['churn#staging#1', 'churn@v1.2.3']);
});

test('bad input: missing model file, no origin to push to, rollback with nothing before', async () => {
  const repo = fx.clone('work');
  commitModel(repo, GOOD);
  await expect(promote(repo, { 'model-path': 'models/missing.onnx' })).rejects.toThrow(
    'model file not found: models/missing.onnx',
  );
  sh(repo, 'remote', 'remove', 'origin');
  await expect(promote(repo)).rejects.toThrow("no remote 'origin'");
  await promote(repo, { push: 'false' });
  await expect(promote(repo, { push: 'false', rollback: 'true' })).rejects.toThrow('the only version in stage');
  expect(() => promoteSettings(repo, { rollback: 'true', 'promote-to': '' })).toThrow("'rollback' needs 'promote-to'");
  expect(() => promoteSettings(repo, { 'model-name': 'Churn Model' })).toThrow('not valid for GTO');
  expect(() => promoteSettings(repo, { version: '1.2' })).toThrow("input 'version' must be 'auto'");
  expect(() => promoteSettings(repo, { bump: 'huge' })).toThrow("'bump' must be one of major, minor, patch");
});

describe('races: another run pushes between our plan and our push', () => {
  /** Makes clone `other` promote `metrics` right before our first push. */
  const otherWinsFirst = (other: string, metrics: Record<string, number>): PromoteDeps => ({
    beforePush: async (attempt) => {
      if (attempt !== 1) return;
      commitModel(other, metrics);
      const won = await promote(other);
      expect(won.ok).toBe(true);
    },
  });

  test('we re-plan against the winner: next number, next counter, champion re-checked (passes)', async () => {
    const a = fx.clone('a');
    const b = fx.clone('b');
    const mine = commitModel(b, BETTER);
    const result = await promote(b, {}, otherWinsFirst(a, GOOD));
    expect(result.outputs).toMatchObject({
      version: 'v0.2.0',
      tag: 'churn#prod#2',
      'previous-version': 'v0.1.0',
      promoted: 'true',
    });
    expect(renderMarkdown(result.summary)).toContain('after 2 attempts');
    expect(fx.remoteTags()).toEqual(['churn#prod#1', 'churn#prod#2', 'churn@v0.1.0', 'churn@v0.2.0']);
    expect(sh(fx.remote, 'rev-parse', 'churn@v0.2.0^{commit}')).toBe(mine);
    // Renumbered: the artifact was uploaded again under the final number.
    expect(tagMessage(fx.remote, 'churn@v0.2.0').artifact_name).toBe('churn-v0.2.0');
  });

  test('the winner is better than us: refused on the re-check, nothing of ours pushed', async () => {
    const a = fx.clone('a');
    const b = fx.clone('b');
    commitModel(b, GOOD);
    const result = await promote(b, {}, otherWinsFirst(a, BETTER));
    expect(result.ok).toBe(false);
    expect(result.headline).toContain('worse than the champion v0.1.0');
    expect(renderMarkdown(result.summary)).toContain(
      'No tag was created; the files stored as churn-v0.1.0 belong to no version.',
    );
    expect(fx.remoteTags()).toEqual(['churn#prod#1', 'churn@v0.1.0']);
    expect(tagsOf(b)).toEqual(['churn#prod#1', 'churn@v0.1.0']);
  });

  test('bounded: losing every attempt fails clearly and leaves no tag of ours', async () => {
    const a = fx.clone('a');
    const b = fx.clone('b');
    commitModel(b, BETTER);
    let n = 0;
    const deps: PromoteDeps = {
      maxAttempts: 2,
      beforePush: async () => {
        commitModel(a, { ...GOOD, accuracy: 0.8 + n++ / 100 });
        await promote(a, { 'champion-check': 'false' });
      },
    };
    await expect(promote(b, {}, deps)).rejects.toThrow(/2 attempts each lost the race to another run/);
    expect(fx.remoteTags()).toEqual(['churn#prod#1', 'churn#prod#2', 'churn@v0.1.0', 'churn@v0.2.0']);
    expect(tagsOf(b)).toEqual(['churn#prod#1', 'churn#prod#2', 'churn@v0.1.0', 'churn@v0.2.0']);
  });
});
