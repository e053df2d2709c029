import { gitFixture, sh, type Fixture } from './git-fixture.js';
import { GitClient } from '../../src/registry/git-client.js';
import { assignStage, registerVersion } from '../../src/registry/git-registry.js';
import { pushTags } from '../../src/registry/push-tags.js';
import { parseTag } from '../../src/registry/gto-tags.js';
import { OperationalError } from '../../src/errors.js';

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
    if (t?.action === 'register' && t.artifact === model)
      out.set(t.version, sh(fx.remote, 'rev-parse', `refs/tags/${name}^{commit}`));
  }
  return out;
}

test('a version and its stage tag are pushed together, with their messages', async () => {
  const a = new GitClient(fx.clone('a'));
  const commit = fx.commit(a.dir, 'model');
  const reg = await registerVersion(a, 'churn', { message });
  const stage = await assignStage(a, 'churn', reg.version, 'prod', message);
  expect(await pushTags(a, [reg.tag!, stage])).toBe('pushed');
  expect(fx.remoteTags()).toEqual(['churn#prod#1', 'churn@v0.1.0']);
  expect(sh(fx.remote, 'rev-parse', 'refs/tags/churn#prod#1^{commit}')).toBe(commit);
  expect(sh(fx.remote, 'cat-file', '-p', 'refs/tags/churn@v0.1.0')).toContain('"auc":0.91');
});

test('a lost race pushes nothing, is reported as such, and leaves no local tag of ours', async () => {
  const a = new GitClient(fx.clone('a'));
  const b = new GitClient(fx.clone('b'));
  const commitA = fx.commit(a.dir, 'model a');
  fx.commit(b.dir, 'model b');
  // Both plan v0.1.0 and prod#1 from an empty registry; a pushes first.
  const regB = await registerVersion(b, 'churn', { message });
  const stageB = await assignStage(b, 'churn', regB.version, 'prod', message);
  const regA = await registerVersion(a, 'churn', { message });
  expect(await pushTags(a, [regA.tag!, await assignStage(a, 'churn', regA.version, 'prod', message)])).toBe('pushed');

  expect(await pushTags(b, [regB.tag!, stageB])).toBe('lost-race');
  // Atomic: b's stage tag did not reach the remote without its version either.
  expect(remoteVersions('churn')).toEqual(new Map([['v0.1.0', commitA]]));
  expect(sh(fx.remote, 'rev-parse', 'refs/tags/churn#prod#1^{commit}')).toBe(commitA);
  expect(sh(b.dir, 'tag', '--list', 'churn*')).toBe('');
  // After a fetch, b sees the winner and numbers after it.
  await b.fetchTags('origin');
  expect((await registerVersion(b, 'churn', { message })).version).toBe('v0.1.1');
});

test('two clones pushing the same names at the same time: exactly one wins', async () => {
  const a = new GitClient(fx.clone('a'));
  const b = new GitClient(fx.clone('b'));
  const tags = await Promise.all(
    [a, b].map(async (git) => {
      fx.commit(git.dir, `model ${git.dir}`);
      return (await registerVersion(git, 'churn', { message })).tag!;
    }),
  );
  const outcomes = await Promise.all([pushTags(a, [tags[0]]), pushTags(b, [tags[1]])]);
  expect(outcomes.sort()).toEqual(['lost-race', 'pushed']);
  expect(remoteVersions('churn').size).toBe(1);
});

test('a push refused for another reason is an error, not a race', async () => {
  const a = new GitClient(fx.clone('a'));
  const reg = await registerVersion(a, 'churn', { message });
  const push = pushTags(a, [reg.tag!], 'nowhere');
  await expect(push).rejects.toThrow(OperationalError);
  await expect(push).rejects.toThrow(/could not push registry tags to 'nowhere': .*repository exists/);
  expect(sh(a.dir, 'tag', '--list')).toBe('');
});
