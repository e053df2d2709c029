/** The CLI bundle (dist/cli/index.js) as a user runs it outside GitHub. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../../scripts/lib/run-action.mjs';

function cli(...args: string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')),
  );
  return spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
}

test('a passing gate prints the Markdown summary and exits 0', () => {
  const r = cli(
    'gate',
    '--metrics',
    'examples/reports/metrics.json',
    '--thresholds',
    'examples/gate.yml',
    '--baseline',
    'examples/reports/main-metrics.json',
  );
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('## ✅ Quality gate passed');
  expect(r.stdout).toContain('| ✅ pass | accuracy | 0.9135 |');
});

test('a violation exits 1 and names the metric with file and line', () => {
  const r = cli('gate', '--metrics=examples/reports/regressed-metrics.json', '--thresholds', 'accuracy: ">= 0.9"');
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    'error: examples/reports/regressed-metrics.json:2: accuracy = 0.8862: 0.8862 is not >= 0.9',
  );
});

test('bad input exits 2 without a stack trace', () => {
  const r = cli('gate', '--metrics', 'nope.json', '--thresholds', 'a: 1');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('nope.json');
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('unknown flags and no arguments are bad input', () => {
  expect(cli('gate', '--metric', 'x').status).toBe(2);
  expect(cli('gate', '--metric', 'x').stderr).toContain("unknown flag '--metric'");
  const none = cli();
  expect(none.status).toBe(2);
  expect(none.stdout).toContain('Usage: ml-quality-gate');
});

test('repeated --metrics flags are joined like lines of the input', () => {
  const r = cli(
    'gate',
    '--metrics',
    'examples/reports/regressed-metrics.json',
    '--metrics',
    '__tests__/fixtures/gate/metrics.yaml',
    '--thresholds',
    'f1: ">= 0.8"',
  );
  expect(r.status).toBe(0);
});

test('a usage error prints the usage as text: real line breaks, no escapes', () => {
  for (const args of [
    ['gate', '--metric', 'x'],
    ['gate', 'stray'],
    ['gate', '--metrics'],
  ]) {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('\\u000a');
    expect(r.stderr).toContain('\nUsage: ml-quality-gate <stage> [--<input> <value>]...\n');
    expect(r.stderr).toContain('\n  stages:  validate, gate, drift, promote\n');
    // One error line, then the usage.
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(1);
  }
});

test('a hostile flag name is still printed inert, before the trusted usage', () => {
  const r = cli('gate', '--x\n::error::pwned');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("error: unknown flag '--x\\u000a::error::pwned'");
  expect(r.stderr).not.toMatch(/^::error::pwned/m);
});

test('inside a runner step, the CLI masks secret inputs before anything else, as the action does', () => {
  const hook = 'http://127.0.0.1:9/services/T0AB/B0CD/Xy12Zz34Ww56Qq78';
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')),
  );
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist/cli/index.js'), 'gate', '--metrics', 'nope.json', '--thresholds', 'a: 1'],
    { cwd: ROOT, encoding: 'utf8', env: { ...env, GITHUB_ACTIONS: 'true' } },
  );
  expect(r.stdout).not.toContain('::add-mask::');
  const masked = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist/cli/index.js'), 'gate', '--metrics', 'nope.json', '--thresholds', 'a: 1'].concat([
      '--notify-webhook',
      hook,
      '--notify-on',
      'never',
    ]),
    { cwd: ROOT, encoding: 'utf8', env: { ...env, GITHUB_ACTIONS: 'true' } },
  );
  const lines = masked.stdout.split('\n');
  expect(lines[0]).toBe(`::add-mask::${hook}`);
  expect(lines).toContain('::add-mask::Xy12Zz34Ww56Qq78');
  // Without a runner nothing is masked (nothing reads the commands).
  expect(cli('gate', '--metrics', 'nope.json', '--thresholds', 'a: 1', '--notify-webhook', hook).stdout).not.toContain(
    '::add-mask::',
  );
});
