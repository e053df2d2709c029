/**
 * The stage descriptors (src/stage-defs/) are action.yml: every input is in exactly the
 * descriptors of the stages its description names (or in the one every stage reads), with
 * action.yml's default; every output is declared by the descriptors its description names; and the
 * docs generator (scripts/docs.mjs, which reads only action.yml's text) places each item where the
 * descriptors do, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { classify } from '../../scripts/docs.mjs';
import { Inputs, Outputs, STAGES, type InputName, type OutputName } from '../../src/constants.js';
import { common, DESCRIPTORS, descriptorOf, STAGE_DEFS, verdictOnError } from '../../src/stage-defs/index.js';
import { INPUTS } from '../../src/stage-defs/inputs.js';
import type { Sink } from '../../src/report/reporter.js';
import { runAndReport } from '../../src/run.js';
import { ROOT } from '../helpers/in-process.js';

interface Item {
  description: string;
  default?: string;
}
const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, Item>;
  outputs: Record<string, Item>;
};

/** The stages an item's description names, in its order; [] for every stage. */
const named = (item: Item): string[] => (classify(item.description) as { stages: string[] }).stages;

/** The stages whose descriptor lists `name` under `key`, in DESCRIPTORS order; [] when common lists it. */
function declaredBy(key: 'inputs' | 'outputs', name: string): string[] | 'missing' {
  const has = (d: { inputs: object; outputs: readonly string[] }) =>
    key === 'inputs' ? Object.hasOwn(d.inputs, name) : d.outputs.includes(name);
  const stages = DESCRIPTORS.filter(has).map((d) => d.name);
  if (has(common)) return stages.length === 0 ? [] : 'missing'; // never both common and a stage's
  return stages.length === 0 ? 'missing' : stages;
}

test('the name constants are exactly action.yml: every input and output, spelt as there', () => {
  expect(Object.values(Inputs).sort()).toEqual(Object.keys(action.inputs).sort());
  expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  expect(action.inputs.stage.description).toContain(
    STAGES.map((s) => `\`${s}\``)
      .join(', ')
      .replace(', `promote`', ' or `promote`'),
  );
});

test('one descriptor per stage, under its own name', () => {
  expect(Object.keys(STAGE_DEFS).sort()).toEqual([...STAGES].sort());
  for (const [name, d] of Object.entries(STAGE_DEFS)) expect(d.name).toBe(name);
  for (const d of DESCRIPTORS) expect(d.description).toMatch(/^[A-Z].{20,100}\.$/);
});

test('descriptors import no stage code statically: each runner is loaded with import() when its stage runs', () => {
  for (const stage of STAGES) {
    const text = readFileSync(`src/stage-defs/${stage}.ts`, 'utf8');
    expect(text).toContain(`await import('../stages/${stage}.js')`);
    for (const file of ['index', 'inputs', 'types', 'common', ...STAGES])
      expect(readFileSync(`src/stage-defs/${file}.ts`, 'utf8')).not.toMatch(/^import[^;]*'\.\.\/stages\//m);
  }
});

describe.each(Object.entries(action.inputs))('input %s', (name, item) => {
  test('is read by exactly the stages its description names (in its order), with its default', () => {
    // Equal to what scripts/docs.mjs's classify() makes of the description: the docs' tables agree.
    expect(declaredBy('inputs', name)).toEqual(named(item));
    const defaults = [common, ...DESCRIPTORS].filter((d) => Object.hasOwn(d.inputs, name));
    for (const d of defaults) expect(d.inputs[name as InputName]).toBe(item.default ?? '');
    const spec = INPUTS[name as InputName];
    expect(spec).toEqual({ stages: named(item).length === 0 ? 'all' : named(item), default: item.default ?? '' });
  });
});

describe.each(Object.entries(action.outputs))('output %s', (name, item) => {
  test('is set by exactly the stages its description names', () => {
    expect(declaredBy('outputs', name)).toEqual(named(item));
  });
});

test('nothing declared that action.yml lacks', () => {
  const inputs = [common, ...DESCRIPTORS].flatMap((d) => Object.keys(d.inputs));
  const outputs = [common, ...DESCRIPTORS].flatMap((d) => d.outputs);
  expect(inputs.filter((n) => !(n in action.inputs))).toEqual([]);
  expect(outputs.filter((n) => !(n in action.outputs))).toEqual([]);
  expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(action.inputs).sort());
});

describe('verdict outputs when a stage cannot run', () => {
  test.each(STAGES)('%s: its own boolean outputs, each given true or false', (stage) => {
    const verdict = STAGE_DEFS[stage].verdictOnError;
    expect(Object.keys(verdict).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(verdict) as [OutputName, string][]) {
      expect(STAGE_DEFS[stage].outputs).toContain(name);
      expect(['true', 'false']).toContain(value);
      expect(action.outputs[name].description).toContain('`true` when');
    }
  });

  test('no verdict reads as a pass: the gate fails, validate is invalid, drift is detected, nothing is promoted', () => {
    expect(verdictOnError('gate')).toEqual({ passed: 'false' });
    expect(verdictOnError('validate')).toEqual({ valid: 'false' });
    expect(verdictOnError('DRIFT')).toEqual({ 'drift-detected': 'true' });
    expect(verdictOnError('promote')).toEqual({ promoted: 'false' });
    expect(verdictOnError('')).toEqual({});
    expect(verdictOnError('deploy')).toEqual({});
    expect(descriptorOf('Gate')).toBe(STAGE_DEFS.gate);
  });
});

test("scripts/docs.mjs's classify() agrees with the descriptors for a changed description too", () => {
  // The check can fail: a description naming another stage is not what the descriptors say.
  const moved = { description: action.inputs.baseline.description.replace('Used by `gate`.', 'Used by `drift`.') };
  expect(named(moved)).toEqual(['drift']);
  expect(declaredBy('inputs', 'baseline')).not.toEqual(named(moved));
});

describe('a stage that cannot run sets its failing verdict (runAndReport in-process, a recording sink)', () => {
  const recorded = async (inputs: Record<string, string>) => {
    const outputs: Record<string, string> = {};
    const errors: string[] = [];
    const sink: Sink = {
      setOutput: (name, value) => void (outputs[name] = value),
      annotate: (a) => void (a.level === 'error' && errors.push(a.message)),
      summary: async () => undefined,
      info: () => undefined,
      untrusted: () => undefined,
      exitCodes: { violation: 1, error: 2 },
    };
    const code = await runAndReport((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: ROOT }, sink);
    return { code, outputs, errors };
  };

  test.each(STAGES)('%s, given an input it does not read', async (stage) => {
    const other: Record<string, string> = stage === 'drift' ? { thresholds: 'a: ">= 1"' } : { reference: 'r.csv' };
    const run = await recorded({ stage, ...other });
    expect(run.code).toBe(2);
    expect(run.errors).toHaveLength(1);
    expect(run.outputs).toEqual(STAGE_DEFS[stage].verdictOnError);
  });

  test('no stage: no verdict output', async () => {
    const run = await recorded({ stage: 'deploy' });
    expect(run).toMatchObject({ code: 2, outputs: {} });
  });
});
