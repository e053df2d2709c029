/**
 * The built action (dist/index.js), run as the runner runs it, on the gate stage.
 * `npm test` builds dist/ first, so these tests exercise exactly what users get.
 */
import { readFileSync } from 'node:fs';
import { ROOT, runAction, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput as expectBad } from '../helpers/bad-input.js';

const FX = '__tests__/fixtures/gate';
const gate = (inputs: Record<string, string>, env?: Record<string, string>) =>
  runAction({ stage: 'gate', ...inputs }, ROOT, env);

/** A run that stopped on bad input: non-zero, one error, `passed=false`, no stack trace. */
const expectBadInput = (run: ActionRun, ...fragments: string[]) => expectBad(run, { passed: 'false' }, ...fragments);

describe('gate: passing', () => {
  const run = gate({
    metrics: 'examples/reports/metrics.json',
    baseline: 'examples/reports/main-metrics.json',
    thresholds: 'examples/gate.yml',
  });

  test('exits 0 with passed=true and no annotations', () => {
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(JSON.parse(run.outputs.failed)).toEqual([]);
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
  });

  test('metrics output holds every flattened metric with the values of the file', () => {
    const metrics = JSON.parse(run.outputs.metrics);
    expect(metrics.accuracy).toBe(0.9135);
    expect(metrics['macro avg.f1-score']).toBe(0.9017);
    expect(metrics['1.support']).toBe(738);
  });

  test('report has one entry per checked metric with baseline and delta', () => {
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.checked.map((e: { name: string }) => e.name).sort()).toEqual(
      ['accuracy', 'eval_loss', 'latency_p95_ms', 'macro avg.f1-score'].sort(),
    );
    const f1 = report.checked.find((e: { name: string }) => e.name === 'macro avg.f1-score');
    expect(f1).toMatchObject({ value: 0.9017, baseline: 0.8957, passed: true, rule: '>= 0.85, max-drop 0.02' });
    expect(f1.delta).toBeCloseTo(0.006, 12);
  });

  test('summary shows the table with baseline and delta', () => {
    expect(run.summary).toContain('Quality gate passed');
    expect(run.summary).toContain('| Status | Metric | Value | Rule | Baseline | Δ | Δ % | Why |');
    expect(run.summary).toMatch(
      /\| ✅ pass \| accuracy \| 0\.9135 \| &gt;= 0\.9 \| 0\.9071 \| \+0\.0064 \| \+0\.705545 % \|/,
    );
  });
});

describe('gate: failing', () => {
  const run = gate({
    metrics: 'examples/reports/regressed-metrics.json',
    baseline: 'examples/reports/main-metrics.json',
    thresholds: 'examples/gate.yml',
  });

  test('exits 1 with the failing metrics named', () => {
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(JSON.parse(run.outputs.failed).sort()).toEqual(['accuracy', 'latency_p95_ms', 'macro avg.f1-score']);
  });

  test('one error annotation per failing metric, on its line of the metrics file', () => {
    const at = Object.fromEntries(run.errors.map((e) => [e.properties.title, e.properties]));
    expect(run.errors).toHaveLength(3);
    expect(at['Quality gate: accuracy']).toMatchObject({ file: 'examples/reports/regressed-metrics.json', line: '2' });
    expect(at['Quality gate: latency_p95_ms']).toMatchObject({
      file: 'examples/reports/regressed-metrics.json',
      line: '4',
    });
    expect(at['Quality gate: macro avg.f1-score']).toMatchObject({
      file: 'examples/reports/regressed-metrics.json',
      line: '7',
    });
    const f1 = run.errors.find((e) => e.properties.title === 'Quality gate: macro avg.f1-score');
    expect(f1?.data).toContain('dropped 0.027 from baseline 0.8957 (max-drop 0.02)');
  });

  test('summary lists failures first, with the reason', () => {
    const rows = run.summary.split('\n').filter((l) => /^\| (✅|❌)/.test(l));
    expect(rows).toHaveLength(4);
    expect(rows.slice(0, 3).every((r) => r.startsWith('| ❌ fail'))).toBe(true);
    expect(rows[3]).toMatch(/^\| ✅ pass \| eval_loss \|/);
    expect(run.summary).toContain('0.8862 is not &gt;= 0.9');
    expect(run.summary).toContain('rose 26.3549 % from baseline 94.1 (max-increase-pct 10)');
  });

  test('fail-on-violation: false keeps the verdict and turns errors into warnings', () => {
    const soft = gate({
      metrics: 'examples/reports/regressed-metrics.json',
      baseline: 'examples/reports/main-metrics.json',
      thresholds: 'examples/gate.yml',
      'fail-on-violation': 'false',
    });
    expect(soft.code).toBe(0);
    expect(soft.outputs.passed).toBe('false');
    expect(soft.errors).toEqual([]);
    expect(soft.warnings).toHaveLength(3);
  });
});

describe('gate: inputs', () => {
  test('inline YAML thresholds, several metrics paths one per line, YAML metrics', () => {
    const run = gate({
      metrics: `${FX}/metrics.yaml\nexamples/reports/metrics.json`,
      thresholds: 'f1: "between 0.8 and 0.9"\nweighted avg.recall: 0.9',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
  });
  test('two metrics files that give a gated metric different values are refused, naming both', () => {
    const run = gate({
      metrics: `${FX}/metrics.yaml\nexamples/reports/metrics.json`,
      thresholds: 'eval_loss: "< 0.4"',
    });
    expectBadInput(run, "metric 'eval_loss' has different values", 'metrics.yaml:3 (0.35)', 'metrics.json:3 (0.2871)');
  });

  test('inline JSON thresholds and a glob', () => {
    const run = gate({ metrics: 'examples/reports/m*.json', thresholds: '{"accuracy": "> 0.95"}' });
    expect(run.code).toBe(1);
    // A glob is sorted and the first file holding a name wins: main-metrics.json (0.9071).
    expect(run.errors[0].properties.file).toBe('examples/reports/main-metrics.json');
  });

  test('a bare number means "at least as good as", by direction', () => {
    const run = gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'eval_loss: 0.3\naccuracy: 0.9' });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs.failed)).toEqual(['eval_loss']);
  });
});

describe('gate: bad input never passes', () => {
  test('missing metrics file', () =>
    expectBadInput(gate({ metrics: `${FX}/nope.json`, thresholds: 'a: ">= 1"' }), 'nope.json'));
  test('empty metrics file', () =>
    expectBadInput(gate({ metrics: `${FX}/empty.json`, thresholds: 'a: ">= 1"' }), 'empty.json', 'empty'));
  test('malformed JSON gives line:column', () => {
    const run = gate({ metrics: `${FX}/malformed.json`, thresholds: 'accuracy: ">= 0.9"' });
    expectBadInput(run, 'malformed.json');
    expect(run.errors[0].properties).toMatchObject({ file: `${FX}/malformed.json`, line: '4' });
  });
  test('malformed YAML gives line:column', () => {
    const run = gate({ metrics: `${FX}/malformed.yaml`, thresholds: 'accuracy: ">= 0.9"' });
    expectBadInput(run, 'malformed.yaml');
    expect(run.errors[0].properties.line).toBeDefined();
  });
  test('a metric named in thresholds but absent', () =>
    expectBadInput(
      gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'recall: ">= 0.9"' }),
      "'recall'",
      'not in any metrics file',
    ));
  test.each([
    ['nan.json', 'NaN'],
    ['null.json', 'null'],
    ['string.json', 'string'],
    ['infinity.json', 'Infinity'],
  ])('a value that is not a finite number (%s)', (file, what) => {
    const metric = file === 'null.json' ? 'f1' : 'accuracy';
    const run = gate({ metrics: `${FX}/${file}`, thresholds: `${metric}: ">= 0.5"` });
    expectBadInput(run, 'not a finite number', what);
    expect(run.errors[0].properties.file).toBe(`${FX}/${file}`);
    expect(Number(run.errors[0].properties.line)).toBeGreaterThan(1);
  });
  test('a rule that does not parse (inline)', () =>
    expectBadInput(gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'f1: "around 0.8"' }), 'cannot parse'));
  test('a rule that does not parse (file, with its line)', () => {
    const run = gate({ metrics: `${FX}/metrics.yaml`, thresholds: `${FX}/bad-rule.yml` });
    expectBadInput(run, 'at least 0.8');
    expect(run.errors[0].properties).toMatchObject({ file: `${FX}/bad-rule.yml`, line: '3' });
  });
  test('an unknown rule key (file, with its line)', () => {
    const run = gate({ metrics: `${FX}/metrics.yaml`, thresholds: `${FX}/unknown-key.yml` });
    expectBadInput(run, 'max-dorp');
    expect(run.errors[0].properties).toMatchObject({ file: `${FX}/unknown-key.yml`, line: '2' });
  });
  test('unquoted ">=" gets a hint', () =>
    expectBadInput(gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'f1: >= 0.8' }), 'quote'));
  test('max-drop without a baseline', () =>
    expectBadInput(gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'f1: { max-drop: 0.01 }' }), 'needs a baseline'));
  test('a glob that matches nothing', () =>
    expectBadInput(gate({ metrics: 'reports/**/*.json', thresholds: 'f1: ">= 0.8"' }), 'reports/**/*.json'));
  test('missing thresholds', () => expectBadInput(gate({ metrics: `${FX}/metrics.yaml` }), "'thresholds' is required"));
  test('unknown metrics-format', () =>
    expectBadInput(
      gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'f1: 0.8', 'metrics-format': 'xml' }),
      'metrics-format',
      'lm-eval',
    ));
  test('a boolean input that is not a boolean', () =>
    expectBadInput(
      gate({ metrics: `${FX}/metrics.yaml`, thresholds: 'f1: 0.8', 'fail-on-violation': 'maybe' }),
      'fail-on-violation',
    ));
  test('unknown stage lists the valid stages', () => {
    const run = runAction({ stage: 'deploy' }, ROOT);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].data).toContain('validate, gate, drift, promote');
  });
});

describe('gate: untrusted names stay inert', () => {
  const run = gate({ metrics: `${FX}/injection.json`, thresholds: `${FX}/injection-rules.json` });

  test('the only commands are our own annotations', () => {
    expect(run.code).toBe(1);
    expect(run.commands.map((c) => c.command).sort()).toEqual(Array(5).fill('error'));
    expect(run.commands.every((c) => c.properties.title?.startsWith('Quality gate: '))).toBe(true);
    expect(run.commands.some((c) => c.data === 'pwned' || c.data === 'pwned2')).toBe(false);
    expect(JSON.parse(run.outputs.failed)).toHaveLength(5);
  });

  test('summary cells are escaped', () => {
    expect(run.summary).not.toContain('<img');
    expect(run.summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(run.summary).toContain('a&#124;b');
  });

  test('names in error messages stay inert too', () => {
    const bad = gate({ metrics: `${FX}/metrics.yaml`, thresholds: '"y\\n::warning::pwned": ">= 1"' });
    expect(bad.commands.map((c) => c.command)).toEqual(['error']);
  });
});

describe('gate: annotation limit', () => {
  test('beyond 10 failures, 9 annotations and one grouped', () => {
    const run = gate({ metrics: `${FX}/twelve.json`, thresholds: `${FX}/twelve-rules.json` });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(10);
    expect(run.errors[9].properties.title).toBe('3 more');
    expect(run.errors[9].data.split('\n')).toHaveLength(3);
    expect(JSON.parse(run.outputs.failed)).toHaveLength(12);
  });
});
