import { execFileSync } from 'node:child_process';
import { gitFixture, sh, type Fixture } from './git-fixture.js';
import { GitClient } from '../../src/registry/git-client.js';
import { assertTagNamesAllowed, assignStage, registerVersion, rollback } from '../../src/registry/git-registry.js';
import { readRegistry } from '../../src/registry/read-tags.js';
import { parseTag } from '../../src/registry/gto-tags.js';
import { UserError } from '../../src/errors.js';

let fx: Fixture;
let repo: string;
let git: GitClient;
beforeAll(() => {
  fx = gitFixture();
  repo = fx.clone('work');
  git = new GitClient(repo);
});
afterAll(() => fx.cleanup());

const msg = (run: number) => ({ run_number: run, metrics: { auc: 0.9 }, note: '# not a comment' });
const tagTime = (name: string) => Number(sh(repo, 'for-each-ref', '--format=%(taggerdate:unix)', `refs/tags/${name}`));

test('registers v0.1.0 first, then bumps minor, patch, major and takes an explicit version', async () => {
  const c1 = fx.commit(repo, 'model 1');
  const first = await registerVersion(git, 'churn', { version: 'auto', bump: 'minor', message: msg(1) });
  expect(first).toMatchObject({ version: 'v0.1.0', commit: c1, tag: { action: 'register', name: 'churn@v0.1.0' } });

  const bumps = [
    ['minor', 'v0.2.0'],
    ['patch', 'v0.2.1'],
    ['major', 'v1.0.0'],
  ] as const;
  for (const [bump, expected] of bumps) {
    fx.commit(repo, expected);
    expect((await registerVersion(git, 'churn', { bump, message: msg(2) })).version).toBe(expected);
  }
  fx.commit(repo, 'explicit');
  expect((await registerVersion(git, 'churn', { version: '1.5.0', message: msg(3) })).tag?.name).toBe('churn@v1.5.0');

  // Annotated, with the fallback tagger, and the JSON message parsed back verbatim.
  expect(sh(repo, 'cat-file', '-t', 'churn@v0.1.0')).toBe('tag');
  expect(sh(repo, 'for-each-ref', '--format=%(taggername) %(taggeremail)', 'refs/tags/churn@v0.1.0')).toBe(
    'ml-quality-gate <ml-quality-gate@users.noreply.github.com>',
  );
  const state = await readRegistry(git, 'churn');
  expect(state.versions.map((v) => v.version)).toEqual(['v0.1.0', 'v0.2.0', 'v0.2.1', 'v1.0.0', 'v1.5.0']);
  expect(state.versions[0]).toMatchObject({ commit: c1, data: msg(1), active: true });
  expect(state.nextCounter).toBe(1n);
  // Written in quick succession, each tag is dated after the one before: GTO orders by whole seconds.
  const times = ['churn@v0.1.0', 'churn@v0.2.0', 'churn@v0.2.1', 'churn@v1.0.0', 'churn@v1.5.0'].map(tagTime);
  for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
});

test('a commit keeps its version; versions are never reused', async () => {
  const again = await registerVersion(git, 'churn', { message: msg(4) });
  expect(again).toEqual({ version: 'v1.5.0', commit: sh(repo, 'rev-parse', 'HEAD') });
  await expect(registerVersion(git, 'churn', { version: 'v2.0.0', message: msg(4) })).rejects.toThrow(
    /one version per commit/,
  );
  fx.commit(repo, 'another');
  await expect(registerVersion(git, 'churn', { version: 'v0.2.0', message: msg(4) })).rejects.toThrow(
    /churn@v0.2.0 already exists/,
  );
  await expect(registerVersion(git, 'churn', { version: 'latest', message: msg(4) })).rejects.toThrow(UserError);
  await expect(registerVersion(git, 'churn model', { message: msg(4) })).rejects.toThrow(/model name 'churn model'/);
  await expect(registerVersion(git, 'churn', { commit: 'no-such-ref', message: msg(4) })).rejects.toThrow(
    /not a commit/,
  );
});

test('assigns stages with GTO counters; rollback unassigns the holder and the one before holds the stage', async () => {
  await expect(rollback(git, 'churn', 'prod', {})).rejects.toThrow(/no version of churn is in stage 'prod'/);
  const a = await assignStage(git, 'churn', 'v0.1.0', 'prod', { run_number: 7 });
  expect(a.name).toBe('churn#prod#1');
  await expect(rollback(git, 'churn', 'prod', {})).rejects.toThrow(/only version in stage 'prod'/);
  expect((await assignStage(git, 'churn', 'v0.2.0', 'staging', {})).name).toBe('churn#staging#2');
  expect((await assignStage(git, 'churn', 'v1.0.0', 'prod', {})).name).toBe('churn#prod#3');
  await expect(assignStage(git, 'churn', 'v9.9.9', 'prod', {})).rejects.toThrow(/churn@v9.9.9 is not registered/);

  // The stage tag points at the version's commit.
  const state = await readRegistry(git, 'churn');
  const v1 = state.versions.find((v) => v.version === 'v1.0.0')!;
  expect(sh(repo, 'rev-parse', 'churn#prod#3^{commit}')).toBe(v1.commit);
  expect(state.stages.get('prod')?.current).toMatchObject({ version: 'v1.0.0', tag: 'churn#prod#3' });
  expect(state.stages.get('prod')?.holders.map((h) => h.version)).toEqual(['v1.0.0', 'v0.1.0']);
  expect(state.stages.get('staging')?.current?.version).toBe('v0.2.0');

  const back = await rollback(git, 'churn', 'prod', { reason: 'rollback' });
  expect(back).toMatchObject({ from: 'v1.0.0', to: 'v0.1.0', tag: { name: 'churn#prod!#4' } });
  expect(parseTag(back.tag.name)).toEqual({ action: 'unassign', artifact: 'churn', stage: 'prod', counter: 4 });
  expect(sh(repo, 'rev-parse', 'churn#prod!#4^{commit}')).toBe(v1.commit);
  expect((await readRegistry(git, 'churn')).stages.get('prod')?.current?.version).toBe('v0.1.0');
  await expect(rollback(git, 'churn', 'prod', {})).rejects.toThrow(/only version in stage 'prod'/);
});

test('unassign, deregister and deprecate tags written by GTO are understood; lightweight tags only count', async () => {
  const v02 = (await readRegistry(git, 'churn')).versions.find((v) => v.version === 'v0.2.0')!;
  // Our tags are dated one second after the newest (GTO orders by whole seconds), so in this fast test
  // they run ahead of the clock; GTO, run a moment later, would date its tags after them.
  let when = (await readRegistry(git, 'churn')).newestTagTime;
  const tag = (name: string, commit: string) =>
    execFileSync('git', ['-c', 'user.name=gto', '-c', 'user.email=gto@x', 'tag', '-a', '-m', 'by gto', name, commit], {
      cwd: repo,
      env: { ...process.env, GIT_COMMITTER_DATE: `${++when} +0000` },
    });
  tag('churn#staging!#6', v02.commit);
  tag('churn@v0.2.1!', sh(repo, 'rev-parse', 'churn@v0.2.1^{commit}'));
  sh(repo, 'tag', 'churn@v3.0.0'); // lightweight: not a version, as in GTO
  sh(repo, 'tag', 'churn#dev#41'); // lightweight: its counter still counts (gto/tag.py name_tag)
  let state = await readRegistry(git, 'churn');
  expect(state.stages.has('staging')).toBe(false);
  expect(state.versions.find((v) => v.version === 'v0.2.1')?.active).toBe(false);
  expect(state.versions.some((v) => v.version === 'v3.0.0')).toBe(false);
  expect(state.nextCounter).toBe(42n);
  expect(state.versions[0].data).toEqual(msg(1));
  // GTO registers the next patch after the greatest version; a lightweight tag of that name is in the way.
  await expect(registerVersion(git, 'churn', { version: 'v3.0.0', message: msg(5) })).rejects.toThrow(
    /tag churn@v3.0.0 exists already/,
  );

  tag('churn@deprecated', v02.commit);
  state = await readRegistry(git, 'churn');
  expect(state.active).toBe(false);
  expect(state.stages.get('prod')?.current).toBeUndefined();
  expect(state.stages.get('prod')?.holders.map((h) => h.version)).toEqual(['v0.1.0']);
  await expect(rollback(git, 'churn', 'prod', {})).rejects.toThrow(/churn is deprecated/);
});

test("names git refuses as tags are refused before anything is written, with git's own rules", async () => {
  for (const [model, stage] of [
    ['a//b', 'prod'],
    ['a/.b:churn', 'prod'],
    ['.:churn', 'prod'],
    ['x/a.lock/:churn', 'prod'],
    ['a..b:churn', 'prod'],
    ['churn', 'pre//prod'],
    ['churn', 'a//b'],
  ]) {
    await expect(assertTagNamesAllowed(git, model, stage)).rejects.toThrow(/git refuses the tag name/);
  }
  await expect(assertTagNamesAllowed(git, 'models/A_1:churn_xl', 'pre_prod')).resolves.toBeUndefined();
  // GTO's own rule comes first: '.' is no name character.
  await expect(assertTagNamesAllowed(git, 'a/.b', 'prod')).rejects.toThrow(/not valid for GTO/);
  await expect(assertTagNamesAllowed(git, 'constructor', '__proto__')).rejects.toThrow(/stage name '__proto__'/);
});
