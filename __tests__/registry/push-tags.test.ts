import { gitFixture, sh, type Fixture } from './git-fixture.js';
import { assignStage, registerVersion } from '../../src/registry/git-registry.js';
import { promoteModel } from '../../src/registry/promote-model.js';
import { pushTags } from '../../src/registry/push-tags.js';
import { listModelState } from '../../src/registry/registry-state.js';
import { parseTag } from '../../src/registry/gto-tags.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const message = { run_number: 1, metrics: { auc: 0.91 } };

/** Remote version tags of a model, each with the commit it names. */
function remoteVersions(model: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fx.remoteTags()) {
    const t = parseTag(name);
    if (t?.action === 'register' && t.artifact === model) out.set(t.version, sh(fx.remote, 'rev-parse', `refs/tags/${name}^{commit}`));
  }
  return out;
}

test('promote registers, assigns and pushes; push:false keeps tags local', async () => {
  const a = fx.clone('a');
  const local = await promoteModel(a, { model: 'churn', stage: 'staging', message, push: false });
  expect(local).toMatchObject({ version: 'v0.1.0', tags: ['churn@v0.1.0', 'churn#staging#1'], registered: true, pushed: false, attempts: 0 });
  expect(fx.remoteTags()).toEqual([]);

  fx.commit(a, 'model 2');
  const pushed = await promoteModel(a, { model: 'churn', stage: 'prod', bump: 'minor', message });
  expect(pushed).toMatchObject({ version: 'v0.2.0', tags: ['churn@v0.2.0', 'churn#prod#2'], pushed: true, attempts: 1 });
  // Only what was pushed is on the remote; the local-only tags stay local.
  expect(fx.remoteTags()).toEqual(['churn#prod#2', 'churn@v0.2.0']);
  expect(sh(fx.remote, 'cat-file', '-p', 'refs/tags/churn@v0.2.0')).toContain('"auc":0.91');

  // Promoting the same commit again reuses its version and only adds the stage tag.
  const again = await promoteModel(a, { model: 'churn', stage: 'prod', message });
  expect(again).toMatchObject({ version: 'v0.2.0', tags: ['churn#prod#3'], registered: false, pushed: true });
});

test('a lost race is renumbered: next version and next counter, no duplicates on the remote', async () => {
  const a = fx.clone('a');
  const b = fx.clone('b');
  const commitB = fx.commit(b, 'model b');
  // b plans v0.1.0 + prod#1 from its (empty) view of the tags...
  const regB = await registerVersion(b, 'churn', { bump: 'minor', message });
  const stageB = await assignStage(b, 'churn', regB.version, 'prod', message);
  // ...while a publishes the same names first.
  const commitA = fx.commit(a, 'model a');
  await promoteModel(a, { model: 'churn', stage: 'prod', message });

  const result = await pushTags(b, [regB.tag!, stageB]);
  expect(result.attempts).toBe(2);
  expect(result.tags.map((t) => t.name)).toEqual(['churn@v0.2.0', 'churn#prod#2']);
  expect(remoteVersions('churn')).toEqual(new Map([['v0.1.0', commitA], ['v0.2.0', commitB]]));
  expect(sh(fx.remote, 'rev-parse', 'refs/tags/churn#prod#2^{commit}')).toBe(commitB);
  // b's local view now matches the remote: a's tags replaced its stale ones.
  const state = await listModelState(b, 'churn');
  expect(state.stages.prod.history.map((e) => `${e.tag}=${e.version}`)).toEqual(['churn#prod#1=v0.1.0', 'churn#prod#2=v0.2.0']);
});

test('two clones promoting at the same time get distinct versions', async () => {
  const a = fx.clone('a');
  const b = fx.clone('b');
  const commits = [fx.commit(a, 'model a'), fx.commit(b, 'model b')];
  const results = await Promise.all([a, b].map((repo) => promoteModel(repo, { model: 'churn', stage: 'prod', message, maxAttempts: 5 })));
  expect(results.map((r) => r.version).sort()).toEqual(['v0.1.0', 'v0.1.1']);
  const versions = remoteVersions('churn');
  expect([...versions.keys()].sort()).toEqual(['v0.1.0', 'v0.1.1']);
  expect(new Set(versions.values())).toEqual(new Set(commits));
  expect(fx.remoteTags().filter((t) => t.includes('#prod#')).sort()).toEqual(['churn#prod#1', 'churn#prod#2']);
});

test('fails clearly after the bound, or when an explicit version was taken; local tags are removed', async () => {
  const a = fx.clone('a');
  const b = fx.clone('b');
  fx.commit(b, 'model b');
  const regB = await registerVersion(b, 'churn', { message });
  fx.commit(a, 'model a');
  await promoteModel(a, { model: 'churn', message });
  await expect(pushTags(b, [regB.tag!], { maxAttempts: 1 })).rejects.toThrow(
    /could not push registry tags to 'origin' after 1 attempt\(s\).*churn@v0\.1\.0: \[rejected\] \(already exists\)/,
  );
  // b's unpushed tag is gone, nothing points nowhere.
  expect(sh(b, 'tag', '--list', 'churn*')).toBe('');

  const explicit = await registerVersion(b, 'churn', { version: 'v1.0.0', message });
  fx.commit(a, 'model a2');
  await promoteModel(a, { model: 'churn', version: 'v1.0.0', message });
  await expect(pushTags(b, [explicit.tag!])).rejects.toThrow(/churn@v1\.0\.0 already exists/);
  expect(remoteVersions('churn').size).toBe(2);
});

test('a push refused for another reason is not retried', async () => {
  const a = fx.clone('a');
  const reg = await registerVersion(a, 'churn', { message });
  await expect(pushTags(a, [reg.tag!], { remote: 'nowhere' })).rejects.toThrow(/could not push registry tags to 'nowhere'/);
  expect(sh(a, 'tag', '--list')).toBe('');
});
