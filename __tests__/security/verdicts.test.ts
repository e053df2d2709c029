/**
 * Every stage sets its verdict output on every path: a run stopped by bad input (in the settings,
 * in a file, in report-path) reads as the failing verdict, never as a pass, a valid input, a
 * promotion — or "no drift".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runActionAsync } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { cleanup, tempFolder } from './helpers.js';

afterEach(cleanup);

const CSV = 'x\n1\n2\n3\n';

/** The failing value of each stage's verdict output (action.yml documents each). */
const FAILING: Record<string, Record<string, string>> = {
  gate: { passed: 'false' },
  validate: { valid: 'false' },
  drift: { 'drift-detected': 'true' },
  promote: { promoted: 'false' },
};

const CASES: [string, Record<string, string>, string][] = [
  ['gate, bad settings', { stage: 'gate', thresholds: 'a: ">= 0"' }, "input 'metrics' is required"],
  ['gate, a missing file', { stage: 'gate', metrics: 'nope.json', thresholds: 'a: ">= 0"' }, 'nope.json'],
  ['validate, bad settings', { stage: 'validate', data: 'r.csv' }, "needs 'expectations'"],
  ['validate, a missing file', { stage: 'validate', data: 'nope.csv', expectations: 'e.yml' }, 'nope.csv'],
  ['drift, bad settings', { stage: 'drift', reference: 'r.csv' }, "input 'current' is required"],
  ['drift, a missing file', { stage: 'drift', reference: 'r.csv', current: 'nope.csv' }, 'nope.csv'],
  [
    'drift, bad drift-config',
    { stage: 'drift', reference: 'r.csv', current: 'r.csv', 'drift-config': 'x: [' },
    'drift-config',
  ],
  [
    'drift, report-path a folder',
    { stage: 'drift', reference: 'r.csv', current: 'r.csv', 'report-path': '.' },
    'is a folder',
  ],
  ['promote, bad settings', { stage: 'promote', 'model-name': 'm' }, "input 'model-path' is required"],
];

test.each(CASES)('%s: the failing verdict', async (_name, inputs, fragment) => {
  const ws = tempFolder('mqg-verdict-');
  writeFileSync(join(ws, 'r.csv'), CSV);
  writeFileSync(join(ws, 'e.yml'), 'columns:\n  x:\n    not-null: true\n');
  const run = await runActionAsync(inputs, ws);
  const stage = inputs.stage;
  expectBadInput(run, FAILING[stage], fragment);
});
