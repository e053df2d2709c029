/**
 * What promote hashes and uploads, with a pull request's files: a committed link to a secret outside
 * the workspace (as `model-path`, inside the model folder, as the metrics file), a FIFO or a link to
 * a device in the model folder, a committed `.ml-quality-gate` link. The built action in a real git
 * repository (push: false): nothing outside the workspace is read, stored or uploaded, nothing hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runActionAsync, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { commitModel, gitFixture, RULES, sh, tagsOf, type Fixture } from '../promote/helpers.js';
import { posixOnly } from '../helpers/platform.js';
import { cleanup, everythingWritten, filesUnder, outsideSecret, tempFolder } from './helpers.js';

let fx: Fixture;
let repo: string;
let secret: ReturnType<typeof outsideSecret>;
beforeEach(() => {
  fx = gitFixture();
  repo = fx.clone('work');
  writeFileSync(join(repo, 'gate.yml'), RULES);
  commitModel(repo, { accuracy: 0.9, eval_loss: 0.3, f1: 0.8 });
  secret = outsideSecret();
});
afterEach(() => {
  fx.cleanup();
  cleanup();
});

const INPUTS = {
  stage: 'promote',
  'model-name': 'churn',
  'model-path': 'models',
  metrics: 'reports/metrics.json',
  thresholds: 'gate.yml',
  push: 'false',
};

function promote(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionAsync({ ...INPUTS, ...inputs }, repo, {}, { timeoutMs: 30_000 });
}

/** Commits what the pull request planted, as it would be checked out. */
function commit(): void {
  sh(repo, 'add', '-A');
  sh(repo, '-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '--quiet', '-m', 'planted');
}

/** Nothing of the secret anywhere: outputs, log, report, the local store, the tags. */
function expectNothingLeaked(run: ActionRun): void {
  expect(run.timedOut).toBe(false);
  expect(everythingWritten(run)).not.toContain(secret.marker);
  for (const f of filesUnder(join(repo, '.ml-quality-gate'))) expect(f.content).not.toContain(secret.marker);
  expect(tagsOf(repo)).toEqual([]);
}

test('model-path that is a link to a file outside the workspace: refused, nothing stored', async () => {
  symlinkSync(secret.file, join(repo, 'model.bin'));
  commit();
  const run = await promote({ 'model-path': 'model.bin' });
  expectBadInput(run, { promoted: 'false' }, 'model.bin', 'leads outside the workspace');
  expectNothingLeaked(run);
});

test('model-path that is a link to a folder outside the workspace: refused', async () => {
  symlinkSync(secret.dir, join(repo, 'model-dir'));
  commit();
  const run = await promote({ 'model-path': 'model-dir' });
  expectBadInput(run, { promoted: 'false' }, 'model-dir', 'leads outside the workspace');
  expectNothingLeaked(run);
});

test('a link inside the model folder to a file outside the workspace: refused', async () => {
  symlinkSync(secret.file, join(repo, 'models', 'tokenizer.json'));
  commit();
  const run = await promote();
  expectBadInput(run, { promoted: 'false' }, 'models/tokenizer.json', 'leads outside the workspace');
  expectNothingLeaked(run);
});

test('the metrics file listed for upload as a link out of the workspace: refused', async () => {
  writeFileSync(secret.file, JSON.stringify({ accuracy: 0.9, eval_loss: 0.3, f1: 0.8, [secret.marker]: 1 }));
  rmSync(join(repo, 'reports', 'metrics.json'));
  symlinkSync(secret.file, join(repo, 'reports', 'metrics.json'));
  commit();
  const run = await promote();
  expectBadInput(run, { promoted: 'false' }, 'reports/metrics.json', 'leads outside the workspace');
  expectNothingLeaked(run);
});

posixOnly('a FIFO in the model folder: refused at once, no hang', async () => {
  execFileSync('mkfifo', [join(repo, 'models', 'pipe')]);
  const run = await promote();
  expect(run.timedOut).toBe(false);
  expectBadInput(run, { promoted: 'false' }, 'models/pipe', 'not a regular file');
  expectNothingLeaked(run);
});

posixOnly('a link to a device in the model folder: refused, no endless read', async () => {
  symlinkSync('/dev/zero', join(repo, 'models', 'zeros.bin'));
  commit();
  const run = await promote();
  expectBadInput(run, { promoted: 'false' }, 'models/zeros.bin', 'leads outside the workspace');
  expectNothingLeaked(run);
});

posixOnly('model-path /dev/zero, or a link that loops: refused with their own messages', async () => {
  // Uploads name files relative to the workspace: a model outside it cannot be uploaded at all.
  const zero = await promote({ 'model-path': '/dev/zero' });
  expectBadInput(zero, { promoted: 'false' }, '/dev/zero', 'is outside the workspace');
  expectNothingLeaked(zero);
  symlinkSync('loop.bin', join(repo, 'loop.bin'));
  commit();
  const loop = await promote({ 'model-path': 'loop.bin' });
  expectBadInput(loop, { promoted: 'false' }, 'loop.bin', 'is a symbolic link that loops');
  expectNothingLeaked(loop);
});

test('a committed .ml-quality-gate link does not make promote write outside the workspace', async () => {
  const elsewhere = tempFolder('mqg-elsewhere-');
  symlinkSync(elsewhere, join(repo, '.ml-quality-gate'));
  writeFileSync(join(repo, '.gitignore'), '');
  commit();
  const run = await promote();
  expect(run.timedOut).toBe(false);
  expect(filesUnder(elsewhere)).toEqual([]);
  expect(run.stdout + run.stderr).not.toMatch(/internal error/);
});

test('links inside the workspace and regular files are promoted as before; the link is uploaded as its file', async () => {
  mkdirSync(join(repo, 'shared'));
  writeFileSync(join(repo, 'shared', 'vocab.txt'), 'a b c\n');
  symlinkSync(join('..', 'shared', 'vocab.txt'), join(repo, 'models', 'vocab.txt'));
  commit();
  const run = await promote();
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const stored = filesUnder(join(repo, '.ml-quality-gate', 'artifacts'));
  const vocab = stored.find((f) => f.path.endsWith(join('models', 'vocab.txt')));
  expect(vocab?.content).toBe('a b c\n');
  expect(readFileSync(run.outputs.report, 'utf8')).toContain('"promoted"');
});
