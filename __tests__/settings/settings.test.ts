import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  expect(s.reportPath).toBe(join('/tmp/rt', 'ml-quality-gate-gate.json'));
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

describe('inputs a stage does not read', () => {
  /** What the runner passes: every action.yml default, overridden by the step's `with:`. */
  const runner = (given: Record<string, string>) =>
    reader({
      ...Object.fromEntries(
        Object.entries(action.inputs).map(([k, v]) => [k, String((v as { default?: string }).default ?? '')]),
      ),
      ...given,
    });
  const refusal = (given: Record<string, string>) => {
    try {
      readSettings(runner(given), {});
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };

  test.each([
    [{ stage: 'validate', metrics: 'm.json', thresholds: 'f1: ">= 0.8"' }, ["input 'thresholds'", 'gate and promote']],
    [{ stage: 'gate', metrics: 'm.json', thresholds: 'a: 1', reference: 'r.csv' }, ["input 'reference'", 'drift']],
    [{ stage: 'drift', reference: 'r.csv', current: 'c.csv', 'metrics-format': 'json' }, ["'metrics-format'"]],
    [{ stage: 'gate', metrics: 'm', thresholds: 'a: 1', push: 'false', rollback: 'true' }, ["'push'", "'rollback'"]],
    [{ stage: 'promote', 'model-name': 'm', rollback: 'true', 'promote-to': 'prod', data: 'd.csv' }, ["'data'"]],
  ])('%j is refused, naming the input and the stages that read it', (given, fragments) => {
    const message = refusal(given);
    for (const f of fragments) expect(message).toContain(f);
    expect(message).toContain(`is not used by stage '${given.stage}'`);
  });

  test('action.yml defaults and empty inputs do not count as given', () => {
    expect(() => readSettings(runner({ stage: 'gate', metrics: 'm', thresholds: 'a: 1' }), {})).not.toThrow();
    expect(() => readSettings(runner({ stage: 'drift', reference: 'r.csv', current: 'c.csv' }), {})).not.toThrow();
    expect(() => readSettings(runner({ stage: 'validate', metrics: 'm.json' }), {})).not.toThrow();
    // The CLI passes only the flags given: nothing else is set.
    expect(() =>
      readSettings(reader({ stage: 'validate', metrics: 'm.json', 'report-path': 'r.json' }), {}),
    ).not.toThrow();
  });
});

describe('drift settings that cannot fail or cannot hold', () => {
  const drift = (given: Record<string, string>) => () =>
    readSettings(reader({ stage: 'drift', reference: 'r.csv', current: 'c.csv', ...given }), {});

  test.each([
    [{ 'drift-share': '0' }, 'drifts even when no column drifts'],
    [{ 'drift-share': '1.5' }, "'drift-share' must be a number between 0 and 1"],
    [{ 'drift-share': 'NaN' }, "'drift-share' must be a number"],
    [{ 'drift-share': '-1e999' }, "'drift-share' must be a number"],
    [{ 'drift-method': 'ks', 'drift-threshold': '0' }, 'with 0 no column can drift'],
    [{ 'drift-method': 'chi2', 'drift-threshold': '1' }, 'nearly every column drifts'],
    [{ 'drift-method': 'psi', 'drift-threshold': '0' }, 'every column would drift'],
    [{ 'drift-method': 'jensenshannon', 'drift-threshold': '0.9' }, 'no column could drift'],
  ])('%j is refused', (given, message) => {
    expect(drift(given)).toThrow(UserError);
    expect(drift(given)).toThrow(message);
  });

  test.each([
    [{ 'drift-share': '1' }],
    [{ 'drift-share': '0.01' }],
    [{ 'drift-method': 'ks', 'drift-threshold': '0.01' }],
  ])('%j is accepted', (given) => expect(drift(given)).not.toThrow());
});
