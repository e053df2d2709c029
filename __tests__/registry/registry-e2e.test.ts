/**
 * The registry through the built action (dist/index.js), as the runner runs it, with real git and
 * bare remotes: tags GTO writes after ours, names GTO accepts, a stalled origin, forged caches.
 * Which version holds a stage after GTO's operations is GTO's rule, checked against GTO itself in
 * gto-interop.test.ts (golden scenarios named in each test).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { commitModel, gitFixture, PROMOTE_INPUTS, RULES, sh, type Fixture } from '../promote/helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const V1 = { accuracy: 0.86, eval_loss: 0.4, f1: 0.8 };
const V2 = { accuracy: 0.9, eval_loss: 0.35, f1: 0.84 };
const V3 = { accuracy: 0.92, eval_loss: 0.3, f1: 0.86 };

/** The action's environment: a cache directory of the test's own, outside every checkout. */
const env = () => ({ XDG_CACHE_HOME: join(fx.root, 'xdg-cache') });

function promote(repo: string, inputs: Record<string, string> = {}): ActionRun {
  writeFileSync(join(repo, 'gate.yml'), RULES);
  return runAction({ ...PROMOTE_INPUTS, thresholds: 'gate.yml', ...inputs }, repo, env());
}

/** A pull request's checkout (no tags, as actions/checkout leaves it) gated against the registry. */
function gatePr(name: string, metrics: Record<string, number>, spec = 'registry:churn@prod', extraEnv = {}): ActionRun {
  const pr = join(fx.root, name);
  sh(fx.root, 'clone', '--quiet', '--no-tags', fx.remote, pr);
  writeFileSync(join(pr, 'pr-metrics.json'), JSON.stringify(metrics));
  return runAction(
    { stage: 'gate', metrics: 'pr-metrics.json', thresholds: 'accuracy: { max-drop: 0.01 }', baseline: spec },
    pr,
    { ...env(), ...extraEnv },
  );
}

/**
 * A tag as GTO writes it (gto/tag.py create_tag: annotated, GTO's default message), pushed. GTO
 * dates it "now"; here one second after the newest tag, as when it runs a little later.
 */
function gtoTag(repo: string, name: string, target: string, message: string): void {
  const newest = Number(sh(repo, 'for-each-ref', '--sort=-taggerdate', '--count=1', '--format=%(taggerdate:unix)'));
  execFileSync('git', ['tag', '-a', '-m', message, name, target], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_COMMITTER_NAME: 'GTO user',
      GIT_COMMITTER_EMAIL: 'gto@example.com',
      GIT_COMMITTER_DATE: `${newest + 1} +0000`,
    },
  });
  sh(repo, 'push', '--quiet', 'origin', `refs/tags/${name}`);
}

test('after GTO deregisters the holder, unassigns it, or deprecates the model: the holder GTO shows, and rollback', () => {
  const work = fx.clone('work');
  for (const m of [V1, V2, V3]) {
    commitModel(work, m);
    expect(promote(work).code).toBe(0);
  }
  // gto deregister churn --version v0.3.0: the version before it holds prod (golden: deregister-holder).
  sh(work, 'fetch', '--quiet', '--tags', 'origin');
  gtoTag(
    work,
    'churn@v0.3.0!',
    sh(work, 'rev-parse', 'churn@v0.3.0^{commit}'),
    'Deregistering artifact churn version v0.3.0',
  );
  const worse = gatePr('pr1', { accuracy: 0.885 });
  expect(worse.outputs.passed).toBe('false');
  expect(worse.summary).toContain('baseline: registry:churn@prod (churn@v0.2.0)');

  // The action's rollback then unassigns v0.2.0: v0.1.0 holds prod (golden: action-writes, unassign-current).
  const back = promote(work, { rollback: 'true' });
  expect(back.code).toBe(0);
  expect(back.outputs).toMatchObject({ version: 'v0.1.0', 'previous-version': 'v0.2.0', tag: 'churn#prod!#4' });
  expect(gatePr('pr2', { accuracy: 0.855 }).summary).toContain('(churn@v0.1.0)');

  // gto unassign churn prod --version v0.1.0: nobody holds prod (golden: unassign-all).
  sh(work, 'fetch', '--quiet', '--tags', 'origin');
  gtoTag(
    work,
    'churn#prod!#5',
    sh(work, 'rev-parse', 'churn@v0.1.0^{commit}'),
    "Unassigning stage 'prod' to artifact 'churn' version 'v0.1.0'",
  );
  expectBadInput(gatePr('pr3', V1), { passed: 'false' }, "no version of churn holds stage 'prod'");
  expectBadInput(promote(work, { rollback: 'true' }), { promoted: 'false' }, 'nothing to roll back');

  // A new promotion, then gto deprecate churn: no stage is shown (golden: deprecate).
  commitModel(work, { ...V3, accuracy: 0.93 });
  expect(promote(work).outputs).toMatchObject({ version: 'v0.4.0', tag: 'churn#prod#6', promoted: 'true' });
  sh(work, 'fetch', '--quiet', '--tags', 'origin');
  gtoTag(work, 'churn@deprecated', sh(work, 'rev-parse', 'HEAD'), "Deprecating artifact 'churn'");
  expectBadInput(gatePr('pr4', V1), { passed: 'false' }, 'churn is deprecated');
});

test('names GTO accepts work as plain names: constructor, toString, hasOwnProperty, Churn_XL, pre_prod', () => {
  const work = fx.clone('work');
  for (const [model, stage] of [
    ['constructor', 'toString'],
    ['toString', 'hasOwnProperty'],
    ['Churn_XL', 'pre_prod'],
  ]) {
    for (const m of [V1, V2]) {
      commitModel(work, m, `${model} ${JSON.stringify(m)}`);
      const run = promote(work, { 'model-name': model, 'promote-to': stage });
      expect([run.code, run.errors]).toEqual([0, []]);
    }
    const gate = gatePr(`pr-${model}`, { accuracy: 0.85 }, `registry:${model}@${stage}`);
    expect(gate.summary).toContain(`(${model}@v0.2.0)`);
    expect(gate.outputs.passed).toBe('false');
    const back = promote(work, { 'model-name': model, 'promote-to': stage, rollback: 'true' });
    expect([back.code, back.outputs.version]).toEqual([0, 'v0.1.0']);
  }
  expect(fx.remoteTags()).toContain('constructor#toString!#3');
  expect(fx.remoteTags()).toContain('Churn_XL#pre_prod!#3');
  expectBadInput(promote(work, { 'model-name': '__proto__' }), { promoted: 'false' }, "model name '__proto__'");
});

describe('a stalled origin: every git network call has a timeout and a clear error', () => {
  let server: ChildProcess;
  let port: number;
  beforeEach(async () => {
    // Accepts connections and never answers; its own process, stopped by its PID.
    server = spawn(
      process.execPath,
      [
        '-e',
        "require('net').createServer(() => {}).listen(0, '127.0.0.1', function () { console.log(this.address().port) })",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    port = await new Promise<number>((resolve) => server.stdout!.once('data', (d) => resolve(Number(String(d)))));
  });
  afterEach(() => {
    process.kill(server.pid!, 'SIGKILL');
  });

  const stalled = (repo: string) =>
    sh(repo, 'remote', 'set-url', 'origin', `http://x-access-token:ghs_SECRET123@127.0.0.1:${port}/o/r.git`);

  test('the gate with a registry baseline', () => {
    const pr = join(fx.root, 'pr');
    sh(fx.root, 'clone', '--quiet', fx.remote, pr);
    stalled(pr);
    writeFileSync(join(pr, 'm.json'), JSON.stringify(V1));
    const run = runAction(
      { stage: 'gate', metrics: 'm.json', thresholds: 'accuracy: { max-drop: 0.01 }', baseline: 'registry:churn@prod' },
      pr,
      { ...env(), ML_QUALITY_GATE_GIT_TIMEOUT: '2' },
    );
    expect(run.code).not.toBe(0);
    expect(run.outputs.passed).toBe('false');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].properties.title).toBe('ml-quality-gate: could not run');
    expect(run.errors[0].data).toContain(
      `listing the tags of 'origin' (http://127.0.0.1:${port}/o/r.git): no answer within 2 s`,
    );
    expect(run.stdout + run.stderr + run.summary).not.toContain('ghs_SECRET123');
  });

  test('promote, and rollback', () => {
    const work = fx.clone('work');
    commitModel(work, V1);
    stalled(work);
    for (const inputs of [{}, { rollback: 'true' }] as Record<string, string>[]) {
      const run = runAction({ ...PROMOTE_INPUTS, thresholds: RULES, ...inputs }, work, {
        ...env(),
        ML_QUALITY_GATE_GIT_TIMEOUT: '2',
      });
      expect(run.code).not.toBe(0);
      expect(run.outputs.promoted).toBe('false');
      expect(run.errors[0].data).toContain(
        `fetching tags from 'origin' (http://127.0.0.1:${port}/o/r.git): no answer within 2 s`,
      );
      expect(run.stdout + run.stderr + run.summary).not.toContain('ghs_SECRET123');
    }
    expect(sh(work, 'tag', '--list')).toBe('');
  });
});

test('a cache forged on the branch is never the champion: the bad model fails max-drop', () => {
  const work = fx.clone('work');
  commitModel(work, V2);
  expect(promote(work).code).toBe(0);

  // The pull request commits what the action used to trust: cache entries claiming accuracy 0.5.
  const pr = join(fx.root, 'pr');
  sh(fx.root, 'clone', '--quiet', '--no-tags', fx.remote, pr);
  const forged = { model: 'churn', stage: 'prod', version: 'v0.1.0', metrics: { accuracy: 0.5 } };
  mkdirSync(join(pr, '.ml-quality-gate', 'registry'), { recursive: true });
  writeFileSync(join(pr, '.ml-quality-gate', 'registry', 'churn@prod.json'), JSON.stringify(forged));
  const entry = join(
    pr,
    '.ml-quality-gate',
    'cache',
    encodeURIComponent('ml-quality-gate-registry/churn#prod@v0.1.0').replace(/\./g, '%2E'),
  );
  mkdirSync(entry, { recursive: true });
  writeFileSync(join(entry, 'data'), JSON.stringify(forged));
  writeFileSync(join(entry, 'meta.json'), JSON.stringify({ key: 'ml-quality-gate-registry/churn#prod@v0.1.0' }));
  // ...and points the local cache directory into the checkout: refused as a cache location.
  writeFileSync(join(pr, 'bad.json'), JSON.stringify({ accuracy: 0.6 }));
  sh(pr, 'add', '-A');
  sh(pr, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '--quiet', '-m', 'forged cache');
  const gate = (xdg: string) =>
    runAction(
      {
        stage: 'gate',
        metrics: 'bad.json',
        thresholds: 'accuracy: { max-drop: 0.01 }',
        baseline: 'registry:churn@prod',
      },
      pr,
      { XDG_CACHE_HOME: xdg },
    );
  for (const xdg of [join(pr, '.ml-quality-gate'), join(fx.root, 'xdg')]) {
    const run = gate(xdg);
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(run.summary).toMatch(/\| ❌ fail \| accuracy \| 0\.6 \| max-drop 0\.01 \| 0\.9 \|/);
  }

  // The real cache (outside the checkout) now holds the tags; forge the version tag's message in it.
  const dir = join(fx.root, 'xdg', 'ml-quality-gate');
  const [name] = readdirSync(dir);
  const data = join(dir, name, 'data');
  const cached = JSON.parse(readFileSync(data, 'utf8'));
  let changed = 0;
  for (const [id, raw] of Object.entries(cached.tags as Record<string, string>)) {
    const text = Buffer.from(raw, 'base64').toString('utf8');
    if (!text.includes('"accuracy":0.9')) continue;
    cached.tags[id] = Buffer.from(text.replace('"accuracy":0.9', '"accuracy":0.5')).toString('base64');
    changed++;
  }
  expect(changed).toBe(1);
  writeFileSync(data, JSON.stringify(cached));
  const run = gate(join(fx.root, 'xdg'));
  expect(run.outputs.passed).toBe('false');
  expect(run.summary).toMatch(/\| ❌ fail \| accuracy \| 0\.6 \| max-drop 0\.01 \| 0\.9 \|/);
});
