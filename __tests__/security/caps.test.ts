/**
 * Everything the built action writes for people and the runner stays bounded, whatever the input:
 * the job summary under GitHub's 1 MiB per step, each output under 1 MB, each annotation cut — each
 * cut visible as "… (truncated, N more)" — and the JSON report bounded for pathological values.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runActionAsync, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { cleanup, tempFolder } from './helpers.js';

afterEach(cleanup);

const MiB = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s);

/** The bounds every run keeps, whatever it did with the input. */
function expectBounded(run: ActionRun): void {
  expect(run.timedOut).toBe(false);
  expect(run.code).not.toBeNull();
  expect(bytes(run.summary)).toBeLessThan(MiB);
  for (const value of Object.values(run.outputs)) expect(bytes(value)).toBeLessThan(1_000_000);
  for (const c of run.commands) expect(c.data.length).toBeLessThan(4200);
  expect(bytes(run.stdout)).toBeLessThan(1.2 * MiB);
  expect(run.stdout + run.stderr).not.toMatch(/internal error/);
}

const run = (inputs: Record<string, string>, cwd: string) => runActionAsync(inputs, cwd, {}, { timeoutMs: 120_000 });

test('thousands of metrics and rules: summary under 1 MiB with a note, outputs valid JSON under 1 MB', async () => {
  const ws = tempFolder('mqg-caps-');
  const names = Array.from({ length: 30_000 }, (_, i) => `metric_${String(i).padStart(5, '0')}_${'y'.repeat(40)}`);
  writeFileSync(join(ws, 'metrics.json'), JSON.stringify(Object.fromEntries(names.map((n, i) => [n, i / 30_000]))));
  writeFileSync(
    join(ws, 'gate.yml'),
    names
      .slice(0, 20_000)
      .map((n) => `${n}: ">= 0"`)
      .join('\n') + '\n',
  );
  const result = await run({ stage: 'gate', metrics: 'metrics.json', thresholds: 'gate.yml' }, ws);
  expectBounded(result);
  expect(result.code).toBe(0);
  expect(result.summary).toMatch(/\*\*… \(truncated, \d+ more table rows/);
  // The metrics output keeps the metrics that fit, as valid JSON, and says so.
  const kept = Object.keys(JSON.parse(result.outputs.metrics));
  expect(kept).toEqual(names.slice(0, kept.length));
  expect(result.warnings.map((w) => w.data)).toContain(
    `output 'metrics' holds ${kept.length} of 30000 entries (an output is limited to 960.0 kB); the JSON report has the detail`,
  );
  // The report keeps every checked metric.
  expect(JSON.parse(readFileSync(result.outputs.report, 'utf8')).checked).toHaveLength(20_000);
});

test('a column name of 3 MB is refused with a short message; one at the 1024-character limit is cut', async () => {
  const ws = tempFolder('mqg-caps-');
  const column = (name: string, offset: number) =>
    `${name}\n${Array.from({ length: 200 }, (_, i) => i + offset).join('\n')}\n`;
  writeFileSync(join(ws, 'ref.csv'), column('c'.repeat(3_000_000), 0));
  writeFileSync(join(ws, 'cur.csv'), column('c'.repeat(3_000_000), 500));
  const refused = await run({ stage: 'drift', reference: 'ref.csv', current: 'cur.csv' }, ws);
  expectBounded(refused);
  expect(refused.code).toBe(1);
  expect(refused.outputs['drift-detected']).toBe('true');
  expect(refused.errors).toHaveLength(1);
  expect(refused.errors[0].located).toMatch(
    /^(ref|cur)\.csv:1: a column name is 3000000 characters long .*; the limit is 1024$/,
  );

  const name = 'c'.repeat(1024);
  writeFileSync(join(ws, 'ref.csv'), column(name, 0));
  writeFileSync(join(ws, 'cur.csv'), column(name, 500));
  const result = await run({ stage: 'drift', reference: 'ref.csv', current: 'cur.csv' }, ws);
  expectBounded(result);
  expect(statSync(result.outputs.report).size).toBeLessThan(1_000_000);
  expect(result.summary).toContain(`${'c'.repeat(500)}… (truncated, ${1024 - 500} more)`);
  expect(result.outputs['drift-detected']).toBe('true');
  expect(result.outputs['drifted-columns']).toMatch(/^\[.*\]$/);
});

test('two thousand long column names: the summary and the drifted-columns output stay bounded', async () => {
  const ws = tempFolder('mqg-caps-');
  const names = Array.from({ length: 2000 }, (_, i) => `col${i}_${'n'.repeat(700)}`);
  const rows = (offset: number) =>
    Array.from({ length: 60 }, (_, r) => names.map((_, c) => (r * 7 + c + offset) % 101).join(','));
  writeFileSync(join(ws, 'ref.csv'), [names.join(','), ...rows(0)].join('\n') + '\n');
  writeFileSync(
    join(ws, 'cur.csv'),
    [names.join(','), ...rows(0).map((l) => l.replace(/\d+/g, (d) => String(Number(d) + 300)))].join('\n') + '\n',
  );
  const result = await run({ stage: 'drift', reference: 'ref.csv', current: 'cur.csv' }, ws);
  expectBounded(result);
  expect(result.outputs['drift-detected']).toBe('true');
  const drifted = JSON.parse(result.outputs['drifted-columns']) as string[];
  expect(drifted.length).toBeGreaterThan(0);
  expect(drifted.length).toBeLessThan(2000);
  expect(result.warnings.map((w) => w.data)).toContain(
    `output 'drifted-columns' holds ${drifted.length} of 2000 entries (an output is limited to 960.0 kB); the JSON report has the detail`,
  );
  expect(JSON.parse(readFileSync(result.outputs.report, 'utf8')).columns).toHaveLength(2000);
});

test('a metric name of 200 kB is refused with a bounded message', async () => {
  const ws = tempFolder('mqg-caps-');
  const name = `m${'x'.repeat(200_000)}`;
  writeFileSync(join(ws, 'metrics.json'), JSON.stringify({ [name]: 0.5 }));
  writeFileSync(join(ws, 'gate.yml'), `accuracy: ">= 0.9"\n`);
  const result = await run({ stage: 'gate', metrics: 'metrics.json', thresholds: 'gate.yml' }, ws);
  expectBounded(result);
  expect(result.code).toBe(1);
  expect(result.outputs.passed).toBe('false');
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0].located).toMatch(/^metrics\.json:1:.*1024/);
});
