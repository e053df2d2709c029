/**
 * Every file input of the built action, run as the runner runs it, given what a pull request can
 * commit in its place: a symbolic link to a secret outside the workspace, a link to /dev/zero, a
 * link that loops, a FIFO, a UTF-16 file. Each ends promptly in one clear bad-input error with the
 * stage's failing verdict — never a read of the secret, a hang, or "internal error".
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runActionAsync } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { IS_WINDOWS, posixOnly } from '../helpers/platform.js';
import { cleanup, everythingWritten, outsideSecret, tempFolder } from './helpers.js';

afterEach(cleanup);

const CSV = 'x,y\n1,a\n2,b\n3,a\n4,b\n';
const VERDICT = { gate: { passed: 'false' }, validate: { valid: 'false' }, drift: { 'drift-detected': 'true' } };

/** A workspace with a valid file for every input; the hostile file goes in as `name`. */
function workspace(): string {
  const ws = tempFolder('mqg-ws-');
  writeFileSync(join(ws, 'm.json'), '{"a": 0.5}\n');
  writeFileSync(join(ws, 'e.yml'), 'columns:\n  x:\n    not-null: true\n');
  writeFileSync(join(ws, 'r.csv'), CSV);
  writeFileSync(join(ws, 'c.csv'), CSV);
  return ws;
}

/** Each file input: its stage, the name the hostile file takes, and the other inputs it needs. */
const INPUTS: [string, 'gate' | 'validate' | 'drift', string, Record<string, string>][] = [
  ['metrics', 'gate', 'hostile.json', { thresholds: 'a: ">= 0"' }],
  ['thresholds', 'gate', 'hostile.yml', { metrics: 'm.json' }],
  ['baseline', 'gate', 'hostile.json', { metrics: 'm.json', thresholds: 'a: { max-drop: 0.1 }' }],
  ['metrics-schema', 'validate', 'hostile.json', { metrics: 'm.json' }],
  ['expectations', 'validate', 'hostile.yml', { data: 'r.csv' }],
  ['data', 'validate', 'hostile.csv', { expectations: 'e.yml' }],
  ['reference', 'drift', 'hostile.csv', { current: 'c.csv' }],
  ['current', 'drift', 'hostile.csv', { reference: 'r.csv' }],
  ['drift-config', 'drift', 'hostile.yml', { reference: 'r.csv', current: 'c.csv' }],
  ['reference', 'drift', 'hostile.json', { current: 'c.csv' }], // a profile
  ['profile-shards', 'drift', 'hostile.json', { reference: 'r.csv' }],
];

type Plant = (file: string) => void;
const KINDS: [string, Plant, RegExp][] = [
  [
    'a symbolic link to a secret outside the workspace',
    (file) => symlinkSync(outsideSecret().file, file),
    /leads outside the workspace through a symbolic link/,
  ],
  ['a symbolic link to /dev/zero', (file) => symlinkSync('/dev/zero', file), /leads outside the workspace/],
  ['a symbolic link that loops', (file) => symlinkSync(file, file), /is a symbolic link that loops/],
  ['a FIFO', (file) => execFileSync('mkfifo', [file]), /is not a regular file \(a FIFO, socket or device\)/],
  [
    'UTF-16 text',
    (file) =>
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}\nx,y\n', 'utf16le')])),
    /UTF-16/,
  ],
];

// No FIFO or /dev/zero on Windows (helpers/platform.ts).
const PLATFORM_KINDS = IS_WINDOWS ? KINDS.filter(([kind]) => !/FIFO|\/dev\//.test(kind)) : KINDS;

describe.each(PLATFORM_KINDS)('%s', (_kind, plant, message) => {
  test.each(INPUTS)('as %s (%s)', async (input, stage, name, others) => {
    const ws = workspace();
    plant(join(ws, name));
    const run = await runActionAsync({ stage, ...others, [input]: name }, ws, {}, { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expectBadInput(run, VERDICT[stage], name);
    expect(run.errors[0].data).toMatch(message);
    expect(everythingWritten(run)).not.toMatch(/SECRET[a-z0-9]+TOKEN/);
  });
});

posixOnly('/dev/zero named by the workflow itself is refused as not a regular file, at once', async () => {
  const ws = workspace();
  for (const [input, stage, , others] of INPUTS.filter(([i]) =>
    ['metrics', 'data', 'reference', 'baseline'].includes(i),
  )) {
    const run = await runActionAsync({ stage, ...others, [input]: '/dev/zero' }, ws, {}, { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expectBadInput(run, VERDICT[stage], '/dev/zero');
  }
});

test('a link inside the workspace to a file inside it is read as before', async () => {
  const ws = workspace();
  mkdirSync(join(ws, 'reports'));
  writeFileSync(join(ws, 'reports', 'real.json'), '{"a": 0.5}\n');
  symlinkSync(join('reports', 'real.json'), join(ws, 'linked.json'));
  const run = await runActionAsync({ stage: 'gate', metrics: 'linked.json', thresholds: 'a: ">= 0.4"' }, ws);
  expect(run.errors).toEqual([]);
  expect(run.outputs.passed).toBe('true');
});

test('a path the workflow names outside the workspace is its choice, and is read', async () => {
  const ws = workspace();
  const outside = tempFolder('mqg-runner-temp-');
  writeFileSync(join(outside, 'metrics.json'), '{"a": 0.5}\n');
  const run = await runActionAsync(
    { stage: 'gate', metrics: join(outside, 'metrics.json'), thresholds: 'a: ">= 0.4"' },
    ws,
  );
  expect(run.errors).toEqual([]);
  expect(run.outputs.passed).toBe('true');
});

test('a metrics glob that matches a link out of the workspace is refused', async () => {
  const ws = workspace();
  mkdirSync(join(ws, 'reports'));
  writeFileSync(join(ws, 'reports', 'a.json'), '{"a": 0.5}\n');
  symlinkSync(outsideSecret().file, join(ws, 'reports', 'b.json'));
  const run = await runActionAsync({ stage: 'gate', metrics: 'reports/*.json', thresholds: 'a: ">= 0"' }, ws);
  expectBadInput(run, VERDICT.gate, 'reports/b.json', 'leads outside the workspace');
  expect(everythingWritten(run)).not.toMatch(/SECRET[a-z0-9]+TOKEN/);
});

test('an MLflow run folder that is a link out of the workspace is refused', async () => {
  const ws = workspace();
  const outside = tempFolder('mqg-mlruns-');
  mkdirSync(join(outside, 'metrics'));
  writeFileSync(join(outside, 'metrics', 'SECRETmlflowTOKEN'), '1700000000000 0.9 0\n');
  symlinkSync(outside, join(ws, 'run'));
  const run = await runActionAsync({ stage: 'gate', metrics: 'run', thresholds: 'a: ">= 0"' }, ws);
  expectBadInput(run, VERDICT.gate, 'run', 'leads outside the workspace');
  expect(everythingWritten(run)).not.toMatch(/SECRET[a-z0-9]+TOKEN/);
});

posixOnly("a FIFO as an MLflow run's meta.yaml does not hang the run", async () => {
  const ws = workspace();
  mkdirSync(join(ws, 'run', 'metrics'), { recursive: true });
  writeFileSync(join(ws, 'run', 'metrics', 'a'), '1700000000000 0.9 0\n');
  execFileSync('mkfifo', [join(ws, 'run', 'meta.yaml')]);
  const run = await runActionAsync(
    { stage: 'gate', metrics: 'run', thresholds: 'a: ">= 0"' },
    ws,
    {},
    { timeoutMs: 30_000 },
  );
  expect(run.timedOut).toBe(false);
  expectBadInput(run, VERDICT.gate, 'meta.yaml', 'not a regular file');
});
