/**
 * The built action (dist/index.js), run as the runner runs it, on the validate stage. Expected
 * lines, rows and counts are read off the fixtures (examples/data/validate-broken.csv differs from
 * validate-train.csv in the rows listed below; __tests__/fixtures/validate/README.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runAction, tempDir, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput as expectBad } from '../helpers/bad-input.js';
import { agrees, comparable, deliberate, gx, writeCases, type GxCase } from '../validate/gx-golden.js';

const FX = '__tests__/fixtures/validate';
const EXPECTATIONS = 'examples/validate/expectations.yml';
const validate = (inputs: Record<string, string>, env?: Record<string, string>) =>
  runAction({ stage: 'validate', ...inputs }, ROOT, env);
const expectationLines = readFileSync(path.join(ROOT, EXPECTATIONS), 'utf8').split('\n');
/** 1-based line of the expectations file holding `text` after `column:` (the rule the user edits). */
function lineOf(column: string | null, text: string): string {
  const from = column === null ? 0 : expectationLines.indexOf(`  ${column}:`);
  return String(expectationLines.findIndex((l, i) => i > from && l.trimStart().startsWith(text)) + 1);
}

const expectBadInput = (run: ActionRun, ...fragments: string[]) => expectBad(run, { valid: 'false' }, ...fragments);

describe('validate: metrics and data that meet every rule', () => {
  const run = validate({
    metrics: 'examples/reports/metrics.json',
    'required-metrics': 'accuracy, eval_loss',
    data: 'examples/data/validate-train.csv',
    expectations: EXPECTATIONS,
  });

  test('exits 0 with valid=true, errors=0 and no annotation', () => {
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ valid: 'true', errors: '0' });
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
  });

  test('the report has one entry per rule and per metrics check', () => {
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    // Table rules (2 spaces in) and column rules (4 spaces in); `exactly:` is an argument of `columns:`.
    const ruleLines = expectationLines.filter(
      (l) => /^ {2}[a-z-]+:|^ {4}[a-z-]+:/.test(l) && !/^ {2}(num|int|cat)_|^ {4}exactly:/.test(l),
    );
    expect(report.data).toHaveLength(1);
    expect(report.data[0]).toMatchObject({ file: 'examples/data/validate-train.csv', rows: 300, columns: 20 });
    expect(report.data[0].rules).toHaveLength(ruleLines.length);
    expect(
      report.metrics.checks
        .filter((c: { check: string }) => c.check === 'required')
        .map((c: { metric: string }) => c.metric),
    ).toEqual(['accuracy', 'eval_loss']);
  });

  test('the summary says so', () => {
    expect(run.summary).toMatch(/^## ✅ Validation passed: (\d+) of \1 rules hold/);
    expect(run.summary).toContain('| Status | Rule | Column | Failing rows | % | Samples |');
  });
});

describe('validate: broken data', () => {
  const run = validate({ data: 'examples/data/validate-broken.csv', expectations: EXPECTATIONS });
  const failing: [string | null, string, string][] = [
    [null, 'no-duplicate-rows', 'row 50: same as row 49'],
    ['num_score', 'not-null', 'row 30: (missing)'],
    ['num_uniform', 'between', 'row 20: 1.7'],
    ['int_age', 'between', 'row 3: 150'],
    ['cat_region', 'in-set', 'row 10: Mars'],
    ['cat_segment', 'regex', 'row 60: F'],
    ['cat_segment', 'distinct-count-between', '6 distinct values'],
  ];

  test('exits 1 with valid=false and errors = the number of broken rules', () => {
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ valid: 'false', errors: String(failing.length) });
  });

  test('one error annotation per broken rule, on its line of the expectations file', () => {
    const got = run.errors.map((e) => [e.properties.file, e.properties.line, e.properties.title]);
    const want = failing.map(([column, rule]) => [
      EXPECTATIONS,
      lineOf(column, `${rule}:`),
      `Validation: ${rule}${column ? ` ${column}` : ''}`,
    ]);
    expect(got.sort()).toEqual(want.sort());
    for (const [column, rule, sample] of failing) {
      const e = run.errors.find((x) => x.properties.title === `Validation: ${rule}${column ? ` ${column}` : ''}`);
      expect(e?.data).toContain(sample);
    }
  });

  test('the summary lists failures first, with counts, percent and samples', () => {
    const rows = run.summary.split('\n').filter((l) => l.startsWith('| ✅') || l.startsWith('| ❌'));
    const firstPass = rows.findIndex((l) => l.startsWith('| ✅'));
    expect(firstPass).toBe(failing.length);
    expect(rows.slice(firstPass).every((l) => l.startsWith('| ✅'))).toBe(true);
    expect(run.summary).toContain(
      '| ❌ fail | not-null | num_score | 11 of 300 | 3.66667 % | row 30: (missing) · row 31: (missing) · row 32: (missing) · row 33: (missing) · row 34: (missing) |',
    );
    expect(run.summary).toMatch(/^## ❌ Validation failed: 7 of \d+ rules broke/);
  });

  test('fail-on-violation: false turns the errors into warnings and exits 0', () => {
    const soft = validate({
      data: 'examples/data/validate-broken.csv',
      expectations: EXPECTATIONS,
      'fail-on-violation': 'false',
    });
    expect(soft.code).toBe(0);
    expect(soft.outputs.valid).toBe('false');
    expect(soft.errors).toEqual([]);
    expect(soft.warnings).toHaveLength(failing.length);
  });
});

describe('validate: metrics', () => {
  test('absent, non-finite and out-of-range metrics fail at their line of the metrics file', () => {
    const run = validate({ metrics: `${FX}/metrics-bad.json`, 'required-metrics': 'precision' });
    expect(run.code).toBe(1);
    expect(run.outputs.valid).toBe('false');
    const at = run.errors.map((e) => [e.properties.title, e.properties.file ?? null, e.properties.line ?? null]);
    expect(at).toEqual([
      ['Validation: required precision', null, null],
      ['Validation: finite f1', `${FX}/metrics-bad.json`, '3'],
      ['Validation: finite eval_loss', `${FX}/metrics-bad.json`, '5'],
      ['Validation: bounded accuracy', `${FX}/metrics-bad.json`, '2'],
      ['Validation: bounded roc_auc', `${FX}/metrics-bad.json`, '4'],
    ]);
    expect(run.outputs.errors).toBe('5');
  });

  test('metrics-schema violations are reported with their JSON path and line', () => {
    const run = validate({ metrics: `${FX}/metrics-bad.json`, 'metrics-schema': `${FX}/metrics.schema.json` });
    const schema = run.errors.filter((e) => e.properties.title?.startsWith('Validation: schema'));
    expect(schema.map((e) => [e.properties.line, e.data])).toEqual([
      ['2', '$.accuracy: must be <= 1'],
      ['3', '$.f1: must be number'],
      ['5', '$.eval_loss: must be number'],
      ['7', '$.per_class.cat.recall: must be <= 0.5'],
    ]);
  });

  test('a good file passes the schema', () => {
    const run = validate({
      metrics: `${FX}/metrics-good.json`,
      'metrics-schema': `${FX}/metrics.schema.json`,
      'required-metrics': 'accuracy',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.valid).toBe('true');
  });
});

describe('validate: infer-expectations', () => {
  const dir = tempDir('mqg-infer-');
  const out = path.join(dir, 'inferred.yml');
  const run = validate({ data: 'examples/data/validate-train.csv', 'infer-expectations': out });

  test('writes the file, says so in a notice, and passes', () => {
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('    in-set: [central, east, north, south, west]\n');
    const notices = run.commands.filter((c) => c.command === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0].data).toContain(out);
    expect(JSON.parse(readFileSync(run.outputs.report, 'utf8')).inferred).toBe(out);
  });

  test('the inferred file validates the data it came from, and catches the broken copy', () => {
    expect(validate({ data: 'examples/data/validate-train.csv', expectations: out }).outputs.valid).toBe('true');
    const broken = validate({ data: 'examples/data/validate-broken.csv', expectations: out });
    expect(broken.outputs.valid).toBe('false');
    expect(broken.errors.map((e) => e.properties.title)).toEqual(
      expect.arrayContaining(['Validation: in-set cat_region', 'Validation: not-null num_score']),
    );
  });
});

describe('validate: an empty dataset fails explicitly', () => {
  test('header-only CSV: row-count fails, never a vacuous pass', () => {
    const run = validate({ data: `${FX}/header-only.csv`, expectations: `${FX}/header-only.yml` });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ valid: 'false', errors: '2' });
    expect(run.errors.map((e) => [e.properties.title, e.properties.line])).toEqual([
      ['Validation: row-count', '2'],
      ['Validation: not-null age', '5'],
    ]);
    expect(run.errors[0].data).toContain('the dataset is empty');
  });
});

describe('validate: bad input is an error, never a pass', () => {
  test('nothing to check', () => expectBadInput(validate({}), "give 'metrics'", "'data'"));
  test('data without expectations', () =>
    expectBadInput(validate({ data: 'examples/data/validate-train.csv' }), "'expectations'", "'infer-expectations'"));
  test('an unknown rule, at its line', () => {
    const run = validate({ data: 'examples/data/validate-train.csv', expectations: `${FX}/unknown-rule.yml` });
    expectBadInput(run, "unknown rule 'betwen'");
    expect(run.errors[0].properties).toMatchObject({ file: `${FX}/unknown-rule.yml`, line: '4' });
  });
  test('a missing data file', () =>
    expectBadInput(validate({ data: 'data/nope.csv', expectations: EXPECTATIONS }), 'data/nope.csv', 'file not found'));
  test('an empty (0-byte) data file', () =>
    expectBadInput(
      validate({ data: '__tests__/fixtures/data/empty.csv', expectations: EXPECTATIONS }),
      'the file is empty',
    ));
  test('an unparseable data file', () =>
    expectBadInput(
      validate({ data: '__tests__/fixtures/data/unterminated.csv', expectations: EXPECTATIONS }),
      'unterminated.csv',
    ));
  test('a missing expectations file', () =>
    expectBadInput(
      validate({ data: 'examples/data/validate-train.csv', expectations: 'nope.yml' }),
      'expectations file not found',
    ));
  test('a schema that is not valid JSON Schema', () =>
    expectBadInput(
      validate({ metrics: `${FX}/metrics-good.json`, 'metrics-schema': `${FX}/invalid.schema.json` }),
      'not a valid JSON Schema',
    ));
  test('a schema file that is not JSON', () =>
    expectBadInput(
      validate({ metrics: `${FX}/metrics-good.json`, 'metrics-schema': `${FX}/broken.schema.json` }),
      'not valid JSON',
    ));
});

describe('validate: untrusted column names and cell values stay inert', () => {
  const run = validate({ data: `${FX}/weird-names.csv`, expectations: `${FX}/injection.yml` });

  test('the only commands are our own annotations', () => {
    expect(run.code).toBe(1);
    expect(run.commands.map((c) => c.command)).toEqual(['error', 'error']);
    expect(run.commands.every((c) => c.properties.title?.startsWith('Validation: '))).toBe(true);
    expect(run.errors[0].data).toContain('row 1: "x\\n::warning::w"');
  });

  test('the summary escapes names and values', () => {
    expect(run.summary).not.toContain('<script>');
    expect(run.summary).not.toContain('<b>');
    expect(run.summary).toContain('&lt;script&gt;');
    expect(run.summary).toContain(
      '| ❌ fail | regex /^a/ | &lt;b&gt; | 1 of 2 | 50 % | row 1: &quot;&lt;script&gt;&quot; |',
    );
  });
});

describe("validate: Great Expectations' own test definitions, through the built action", () => {
  // One passing and one failing comparable case per expectation (gx-golden.ts), and the deliberate
  // differences: each run as the runner runs it, on the CSV pandas writes for GX's data.
  const dir = writeCases();
  const byType = new Map<string, GxCase[]>();
  for (const c of comparable) byType.set(c.expectation, [...(byType.get(c.expectation) ?? []), c]);
  const sample = [
    ...[...byType.values()].flatMap((cases) =>
      ['pass', 'fail', 'error'].flatMap((v) => cases.filter((c) => c.gx === v).slice(0, 1)),
    ),
    ...deliberate,
  ];
  const run = (c: GxCase) =>
    runAction({ stage: 'validate', data: `${c.dataset}.csv`, expectations: `${gx.cases.indexOf(c)}.yml` }, dir);

  test('the sample covers every mapped expectation', () => {
    expect(new Set(sample.map((c) => c.expectation)).size).toBe(byType.size);
    expect(sample.length).toBeGreaterThanOrEqual(20);
  });

  test.each(sample.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = run(c);
    // Bad input (a refused rule) sets only `valid`; a checked run also sets `errors` and `report`.
    const outcome = r.code === 0 ? 'pass' : r.outputs.errors === undefined ? 'refuse' : 'fail';
    const report = r.outputs.report ? JSON.parse(readFileSync(r.outputs.report, 'utf8')) : null;
    const failing = report?.data[0]?.rules.at(-1)?.failing ?? null;
    expect({ outcome, agrees: agrees(c, { outcome, failing, message: r.summary }) }).toEqual({
      outcome,
      agrees: true,
    });
    expect(r.outputs.valid).toBe(String(r.code === 0));
  });
});

describe('validate: hostile patterns finish (RE2), and unsupported ones are refused at their line', () => {
  const dir = tempDir('mqg-redos-');
  // Cells that take a backtracking engine 2^n steps on ^(a+)+$ — hours for n = 40.
  writeFileSync(path.join(dir, 'cells.csv'), `s,price\n${'a'.repeat(40)}!,1.0\n${'a'.repeat(10000)}!,2.50\naaaa,3\n`);
  writeFileSync(path.join(dir, 'redos.yml'), 'columns:\n  s:\n    regex: "^(a+)+$"\n');
  writeFileSync(path.join(dir, 'written.yml'), 'columns:\n  price:\n    regex: "^\\\\d+\\\\.\\\\d+$"\n');
  writeFileSync(path.join(dir, 'lookahead.yml'), 'columns:\n  s:\n    not-null: true\n    regex: "^(?=a)"\n');
  writeFileSync(
    path.join(dir, 'bomb.schema.json'),
    JSON.stringify({ properties: { run: { type: 'string', pattern: '^(a+)+$' } } }),
  );
  writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify({ accuracy: 0.9, run: `${'a'.repeat(40)}!` }));

  test('^(a+)+$ on hostile cells completes and reports the two failing rows', () => {
    const r = runAction({ stage: 'validate', data: 'cells.csv', expectations: 'redos.yml' }, dir);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ valid: 'false', errors: '1' });
    expect(r.summary).toContain('2 of 3');
  });

  test('^(a+)+$ as a metrics-schema pattern completes and reports the run name', () => {
    const r = runAction({ stage: 'validate', metrics: 'metrics.json', 'metrics-schema': 'bomb.schema.json' }, dir);
    expect(r.code).toBe(1);
    expect(r.errors.map((e) => e.located)).toEqual([expect.stringContaining('must match pattern "^(a+)+$"')]);
  });

  test('regex tests the cell as written: 1.0 and 2.50 match, 3 does not', () => {
    const r = runAction({ stage: 'validate', data: 'cells.csv', expectations: 'written.yml' }, dir);
    expect(r.outputs).toMatchObject({ valid: 'false', errors: '1' });
    expect(r.summary).toContain('1 of 3');
    expect(r.summary).toContain('row 3: 3');
  });

  test('a lookahead is an error at its line, never a pass', () =>
    expectBadInput(
      runAction({ stage: 'validate', data: 'cells.csv', expectations: 'lookahead.yml' }, dir),
      'lookahead.yml:4',
      'not valid RE2 syntax',
      'lookahead and lookbehind are not supported',
    ));
});

describe('validate: inputs and rules whose intent is unclear are refused', () => {
  test('thresholds given to validate names the stages that read it', () =>
    expectBadInput(
      validate({ metrics: 'examples/reports/metrics.json', thresholds: 'accuracy: ">= 0.9"' }),
      "input 'thresholds' is not used by stage 'validate'",
      'gate and promote',
    ));

  test('a rule that cannot fail is refused at its line', () => {
    const dir = tempDir('mqg-vacuous-');
    writeFileSync(path.join(dir, 'd.csv'), 'x\n1\n');
    writeFileSync(path.join(dir, 'e.yml'), 'columns:\n  x:\n    not-null: { mostly: 0 }\n');
    expectBadInput(
      runAction({ stage: 'validate', data: 'd.csv', expectations: 'e.yml' }, dir),
      'e.yml:3',
      'cannot fail',
    );
  });
});
