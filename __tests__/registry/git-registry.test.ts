import { gitFixture, sh, type Fixture } from './git-fixture.js';
import { assignStage, registerVersion, rollback } from '../../src/registry/git-registry.js';
import { listModelState } from '../../src/registry/registry-state.js';
import { parseTag } from '../../src/registry/gto-tags.js';
import { UserError } from '../../src/errors.js';

let fx: Fixture;
let repo: string;
beforeAll(() => {
  fx = gitFixture();
  repo = fx.clone('work');
});
afterAll(() => fx.cleanup());

const msg = (run: number) => ({ run_number: run, metrics: { auc: 0.9 }, note: '# not a comment' });

test('registers v0.1.0 first, then bumps minor, patch, major and takes an explicit version', async () => {
  const c1 = fx.commit(repo, 'model 1');
  const first = await registerVersion(repo, 'churn', { version: 'auto', bump: 'minor', message: msg(1) });
  expect(first).toMatchObject({ version: 'v0.1.0', commit: c1, tag: { kind: 'version', name: 'churn@v0.1.0' } });

  const bumps = [
    ['minor', 'v0.2.0'],
    ['patch', 'v0.2.1'],
    ['major', 'v1.0.0'],
  ] as const;
  for (const [bump, expected] of bumps) {
    fx.commit(repo, expected);
    expect((await registerVersion(repo, 'churn', { bump, message: msg(2) })).version).toBe(expected);
  }
  fx.commit(repo, 'explicit');
  expect((await registerVersion(repo, 'churn', { version: '1.5.0', message: msg(3) })).tag?.name).toBe('churn@v1.5.0');

  // Annotated, with the fallback tagger, and the JSON message parsed back verbatim.
  expect(sh(repo, 'cat-file', '-t', 'churn@v0.1.0')).toBe('tag');
  expect(sh(repo, 'for-each-ref', '--format=%(taggername) %(taggeremail)', 'refs/tags/churn@v0.1.0')).toBe(
    'ml-quality-gate <ml-quality-gate@users.noreply.github.com>',
  );
  const state = await listModelState(repo, 'churn');
  expect(state.versions.map((v) => v.version)).toEqual(['v0.1.0', 'v0.2.0', 'v0.2.1', 'v1.0.0', 'v1.5.0']);
  expect(state.versions[0]).toMatchObject({ commit: c1, data: msg(1), deregistered: false });
  expect(state.maxCounter).toBe(0);
});

test('a commit keeps its version; versions are never reused', async () => {
  const again = await registerVersion(repo, 'churn', { message: msg(4) });
  expect(again).toEqual({ version: 'v1.5.0', commit: sh(repo, 'rev-parse', 'HEAD') });
  await expect(registerVersion(repo, 'churn', { version: 'v2.0.0', message: msg(4) })).rejects.toThrow(
    /one version per commit/,
  );
  fx.commit(repo, 'another');
  await expect(registerVersion(repo, 'churn', { version: 'v0.2.0', message: msg(4) })).rejects.toThrow(
    /churn@v0.2.0 already exists/,
  );
  await expect(registerVersion(repo, 'churn', { version: 'latest', message: msg(4) })).rejects.toThrow(UserError);
  await expect(registerVersion(repo, 'Churn', { message: msg(4) })).rejects.toThrow(/model name 'Churn'/);
  await expect(registerVersion(repo, 'churn', { commit: 'no-such-ref', message: msg(4) })).rejects.toThrow(
    /not a commit/,
  );
});

test('assigns stages with GTO counters, rolls back to the previous holder', async () => {
  await expect(rollback(repo, 'churn', 'prod', {})).rejects.toThrow(/no version of churn is in stage 'prod'/);
  const a = await assignStage(repo, 'churn', 'v0.1.0', 'prod', { run_number: 7 });
  expect(a.name).toBe('churn#prod#1');
  await expect(rollback(repo, 'churn', 'prod', {})).rejects.toThrow(/only version that has held stage 'prod'/);
  expect((await assignStage(repo, 'churn', 'v0.2.0', 'staging', {})).name).toBe('churn#staging#2');
  expect((await assignStage(repo, 'churn', 'v1.0.0', 'prod', {})).name).toBe('churn#prod#3');
  await expect(assignStage(repo, 'churn', 'v9.9.9', 'prod', {})).rejects.toThrow(/churn@v9.9.9 is not registered/);

  // The stage tag points at the version's commit.
  const state = await listModelState(repo, 'churn');
  const v1 = state.versions.find((v) => v.version === 'v1.0.0')!;
  expect(sh(repo, 'rev-parse', 'churn#prod#3^{commit}')).toBe(v1.commit);
  expect(state.stages.prod.current).toMatchObject({ version: 'v1.0.0', counter: 3 });
  expect(state.stages.prod.history.map((e) => e.tag)).toEqual(['churn#prod#1', 'churn#prod#3']);
  expect(state.stages.prod.history[0].data).toEqual({ run_number: 7 });
  expect(state.stages.staging.current?.version).toBe('v0.2.0');

  const back = await rollback(repo, 'churn', 'prod', { reason: 'rollback' });
  expect(back).toMatchObject({ from: 'v1.0.0', to: 'v0.1.0', tag: { name: 'churn#prod#4' } });
  expect(parseTag(back.tag.name)).toEqual({ action: 'assign', artifact: 'churn', stage: 'prod', counter: 4 });
  expect((await listModelState(repo, 'churn')).stages.prod.current?.version).toBe('v0.1.0');
  // Rolling back again returns to the holder before v0.1.0.
  expect((await rollback(repo, 'churn', 'prod', {})).to).toBe('v1.0.0');
});

test('unassign and deregister tags written by GTO are understood', async () => {
  const v02 = (await listModelState(repo, 'churn')).versions.find((v) => v.version === 'v0.2.0')!;
  const tag = (name: string, commit: string) =>
    sh(repo, '-c', 'user.name=gto', '-c', 'user.email=gto@x', 'tag', '-a', '-m', 'by gto', name, commit);
  tag('churn#staging!#6', v02.commit);
  tag('churn@v0.2.1!#7', sh(repo, 'rev-parse', 'churn@v0.2.1^{commit}'));
  sh(repo, 'tag', 'churn@v3.0.0'); // lightweight: ignored, as GTO does
  const state = await listModelState(repo, 'churn');
  expect(state.stages.staging.current).toBeUndefined();
  expect(state.stages.staging.history.map((e) => e.action)).toEqual(['assign', 'unassign']);
  expect(state.versions.find((v) => v.version === 'v0.2.1')?.deregistered).toBe(true);
  expect(state.versions.some((v) => v.version === 'v3.0.0')).toBe(false);
  expect(state.maxCounter).toBe(7);
  expect(state.versions[0].data).toEqual(msg(1));
});
