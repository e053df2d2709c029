/**
 * `report-path` against the built action: never over an input file (by any spelling or link), and a
 * path that cannot be written is one clear bad-input error, before the stage acts — never an
 * internal error, never a write outside the workspace through a committed link.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runActionAsync, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { cleanup, filesUnder, tempFolder } from './helpers.js';

afterEach(cleanup);

const METRICS = '{"accuracy": 0.95}\n';
const RULES = 'accuracy: ">= 0.9"\n';

function workspace(): string {
  const ws = tempFolder('mqg-ws-');
  mkdirSync(join(ws, 'reports'));
  writeFileSync(join(ws, 'reports', 'metrics.json'), METRICS);
  writeFileSync(join(ws, 'gate.yml'), RULES);
  return ws;
}

const gate = (ws: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> =>
  runActionAsync({ stage: 'gate', metrics: 'reports/metrics.json', thresholds: 'gate.yml', ...inputs }, ws, env);

test.each([
  ['the metrics file', 'reports/metrics.json', 'metrics'],
  ['the metrics file, spelled another way', './reports/../reports/metrics.json', 'metrics'],
  ['the thresholds file', 'gate.yml', 'thresholds'],
])('report-path equal to %s is refused, and the file is left as it was', async (_name, reportPath, input) => {
  const ws = workspace();
  const run = await gate(ws, { 'report-path': reportPath });
  expectBadInput(run, { passed: 'false' }, "input 'report-path'", `of input '${input}'`, 'would overwrite');
  expect(readFileSync(join(ws, 'reports', 'metrics.json'), 'utf8')).toBe(METRICS);
  expect(readFileSync(join(ws, 'gate.yml'), 'utf8')).toBe(RULES);
});

test('report-path that is a link to an input, or an absolute path to it, is refused', async () => {
  const ws = workspace();
  symlinkSync(join('reports', 'metrics.json'), join(ws, 'report.json'));
  expectBadInput(await gate(ws, { 'report-path': 'report.json' }), { passed: 'false' }, "of input 'metrics'");
  expectBadInput(await gate(ws, { 'report-path': join(ws, 'gate.yml') }), { passed: 'false' }, "of input 'thresholds'");
  expect(readFileSync(join(ws, 'reports', 'metrics.json'), 'utf8')).toBe(METRICS);
});

test('report-path equal to a file a metrics glob matches is refused', async () => {
  const ws = workspace();
  writeFileSync(join(ws, 'reports', 'extra.json'), '{"f1": 0.9}\n');
  const run = await gate(ws, { metrics: 'reports/*.json', 'report-path': 'reports/extra.json' });
  expectBadInput(run, { passed: 'false' }, "of input 'metrics' (reports/extra.json)");
});

test('report-path that is a folder is a clear bad input', async () => {
  const ws = workspace();
  const run = await gate(ws, { 'report-path': 'reports' });
  expectBadInput(run, { passed: 'false' }, 'report-path reports is a folder; give the path of a file');
});

test('report-path under a file is a clear bad input', async () => {
  const ws = workspace();
  const run = await gate(ws, { 'report-path': 'gate.yml/report.json' });
  expectBadInput(run, { passed: 'false' }, 'report-path gate.yml/report.json cannot be written: gate.yml is a file');
});

test('a committed .ml-quality-gate link does not take the default report out of the workspace', async () => {
  const ws = workspace();
  const elsewhere = tempFolder('mqg-elsewhere-');
  symlinkSync(elsewhere, join(ws, '.ml-quality-gate'));
  // Off a runner (no RUNNER_TEMP), the report goes to .ml-quality-gate/gate-report.json.
  const run = await gate(ws, {}, { RUNNER_TEMP: '' });
  expectBadInput(run, { passed: 'false' }, 'leads outside the workspace');
  expect(filesUnder(elsewhere)).toEqual([]);
});

test('report-path named by the workflow outside the workspace is written', async () => {
  const ws = workspace();
  const out = join(tempFolder('mqg-out-'), 'sub', 'report.json');
  const run = await gate(ws, { 'report-path': out });
  expect(run.errors).toEqual([]);
  expect(run.outputs.report).toBe(out);
  expect(JSON.parse(readFileSync(out, 'utf8')).stage).toBe('gate');
});
