import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UserError } from '../../src/errors.js';
import { INPUT_NAMES, readSettings, STAGES } from '../../src/settings.js';

const action = parse(readFileSync('action.yml', 'utf8'));
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

test('the CLI flags are exactly the inputs action.yml declares', () => {
  expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
});

test('action.yml documents every input and output and runs node24', () => {
  for (const spec of Object.values(action.inputs) as { description?: string }[])
    expect(spec.description?.length).toBeGreaterThan(10);
  for (const spec of Object.values(action.outputs) as { description?: string }[])
    expect(spec.description?.length).toBeGreaterThan(10);
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(action.branding).toBeDefined();
});

test('gate settings are typed and defaulted', () => {
  const s = readSettings(reader({ stage: 'gate', metrics: 'm.json', thresholds: 'a: 1' }), { RUNNER_TEMP: '/tmp/rt' });
  expect(s).toMatchObject({ stage: 'gate', metricsFormat: 'auto', failOnViolation: true, summary: true, baseline: '' });
  expect(s.reportPath).toBe('/tmp/rt/ml-quality-gate-gate.json');
});

test.each([
  [{}, 'valid stages: validate, gate, drift, promote'],
  [{ stage: 'deploy' }, "unknown stage 'deploy'"],
  [{ stage: 'promote' }, "input 'model-name' is required for stage 'promote'"],
  [{ stage: 'gate', thresholds: 'a: 1' }, "input 'metrics' is required"],
  [{ stage: 'gate', metrics: 'm', thresholds: 'a: 1', summary: 'yes' }, "'summary' must be true or false"],
  [
    { stage: 'gate', metrics: 'm', thresholds: 'a: 1', 'metrics-format': 'xml' },
    "'metrics-format' must be one of auto, json",
  ],
])('%j is refused', (inputs, message) => {
  expect(() => readSettings(reader(inputs), {})).toThrow(UserError);
  expect(() => readSettings(reader(inputs), {})).toThrow(message);
});

test('STAGES lists the four stages of action.yml', () => {
  expect(action.inputs.stage.description).toContain(
    STAGES.map((s) => `\`${s}\``)
      .join(', ')
      .replace(', `promote`', ' or `promote`'),
  );
});
