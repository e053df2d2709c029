/**
 * The built action on the drift stage. Data files are written by the tests into temp dirs; the
 * exact values come from SciPy (the golden file), through the whole path: CSV → reader → test →
 * report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, tempDir } from '../../scripts/lib/run-action.mjs';
import { column, drift, expectBadInput, expectClose, goldenCase, report, writeCsv } from '../helpers/drift.js';
import { mulberry32 } from '../../src/profile/random.js';

const FX = path.join(ROOT, '__tests__/fixtures/drift');

const expand = (counts: number[], labels: string[]) => counts.flatMap((c, k) => Array<string>(c).fill(labels[k]));

describe('drift: values equal SciPy through the whole path', () => {
  const dir = tempDir('mqg-drift-');
  const num = goldenCase('normal-shift-50x80');
  const ties = goldenCase('ties-99x101');
  const cat = goldenCase('cat-shift-1000-5');
  const labels = ['a', 'b', 'c', 'd', 'e'];
  // Two files per case: columns must have one length per file.
  const refNum = writeCsv(path.join(dir, 'ref-num.csv'), { x: num.reference });
  const curNum = writeCsv(path.join(dir, 'cur-num.csv'), { x: num.current });
  const refTies = writeCsv(path.join(dir, 'ref-ties.csv'), { t: ties.reference });
  const curTies = writeCsv(path.join(dir, 'cur-ties.csv'), { t: ties.current });
  const refCat = writeCsv(path.join(dir, 'ref-cat.csv'), { c: expand(cat.reference, labels) });
  const curCat = writeCsv(path.join(dir, 'cur-cat.csv'), { c: expand(cat.current, labels) });

  test('ks (auto for ≤ 1000 rows): statistic and exact p-value', () => {
    const run = drift({ reference: refNum, current: curNum });
    expect(run.code).toBe(1); // the one column drifted: share 1 ≥ 0.5
    expect(run.outputs['drift-detected']).toBe('true');
    const x = column(run, 'x');
    expect(x).toMatchObject({ kind: 'numerical', method: 'ks', threshold: 0.05, drifted: true, n_ref: 50, n_cur: 80 });
    expectClose(x.statistic, num.expected.ks_statistic);
    expectClose(x.p_value, num.expected.ks_p_value);
  });

  test('ks with ties', () => {
    const t = column(drift({ reference: refTies, current: curTies, 'drift-method': 'ks' }), 't');
    expectClose(t.statistic, ties.expected.ks_statistic);
    expectClose(t.p_value, ties.expected.ks_p_value);
    expect(t.drifted).toBe(false);
  });

  test('wasserstein is normed by the reference population std', () => {
    const x = column(drift({ reference: refNum, current: curNum, 'drift-method': 'wasserstein' }), 'x');
    const n = num.reference.length;
    const popStd = num.expected.ref_std * Math.sqrt((n - 1) / n);
    expectClose(x.statistic, num.expected.wasserstein / popStd);
    expect(x.p_value).toBeNull();
  });

  test('mean-shift is the relative change of the mean', () => {
    const x = column(drift({ reference: refNum, current: curNum, 'drift-method': 'mean-shift' }), 'x');
    expectClose(x.statistic, Math.abs(num.expected.cur_mean - num.expected.ref_mean) / Math.abs(num.expected.ref_mean));
  });

  test('chi2 (auto for categorical with > 2 values, ≤ 1000 rows — here forced): homogeneity test', () => {
    const c = column(drift({ reference: refCat, current: curCat, 'drift-method': 'chi2' }), 'c');
    expect(c.kind).toBe('categorical');
    expectClose(c.statistic, cat.expected.chi2_statistic);
    expectClose(c.p_value, cat.expected.chi2_p_value);
    expect(c.drifted).toBe(true);
  });

  test('jensenshannon uses the natural log: base-2 golden × √ln 2', () => {
    const c = column(drift({ reference: refCat, current: curCat, 'drift-method': 'jensenshannon' }), 'c');
    expectClose(c.statistic, cat.expected.jensenshannon_distance_base2 * Math.sqrt(Math.LN2));
  });
});

describe('drift: dataset verdict, outputs, summary', () => {
  const dir = tempDir('mqg-drift-');
  const u = mulberry32(7);
  const n = 400;
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  // Columns meant to be stable hold the same values on both sides (in another order), so no test
  // can flag them by chance; the others move by far more than chance could.
  const same = {
    stable: Array.from({ length: n }, () => normal().toFixed(4)),
    flag: Array.from({ length: n }, () => (u() < 0.3 ? 'true' : 'false')),
    rating: Array.from({ length: n }, () => 1 + Math.floor(u() * 4)),
  };
  const gen = (shift: number, planWeights: number[], missing: number) => ({
    stable: shift ? [...same.stable].reverse() : same.stable,
    moved: Array.from({ length: n }, () => (normal() + shift).toFixed(4)),
    plan: Array.from({ length: n }, () => pick(u, ['free', 'pro', 'team'], planWeights)),
    flag: shift ? [...same.flag].reverse() : same.flag,
    rating: shift ? [...same.rating].reverse() : same.rating,
    sparse: Array.from({ length: n }, (_, i) => (i < n * missing ? undefined : normal().toFixed(3))),
    customer_id: Array.from({ length: n }, (_, i) => i + (shift ? 100000 : 0)),
  });
  const ref = writeCsv(path.join(dir, 'ref.csv'), gen(0, [5, 3, 2], 0.02));
  const curCols = gen(1, [2, 3, 5], 0.3);
  const cur = writeCsv(path.join(dir, 'cur.csv'), {
    ...curCols,
    plan: curCols.plan.map((p, i) => (i % 50 === 0 ? 'enterprise' : p)),
  });

  const run = drift({ reference: ref, current: cur, 'exclude-columns': 'customer_id', 'drift-share': '0.5' });

  test('auto methods by kind: ks, chi2 for 3+ categories, z for binary, integers with ≤ 5 values are categories', () => {
    const methods = Object.fromEntries(
      report(run).columns.map((c: { name: string; method: string; kind: string }) => [c.name, `${c.kind}/${c.method}`]),
    );
    expect(methods).toEqual({
      stable: 'numerical/ks',
      moved: 'numerical/ks',
      plan: 'categorical/chi2',
      flag: 'categorical/z',
      rating: 'categorical/chi2',
      sparse: 'numerical/missing-share',
    });
  });

  test('drifted columns, share and verdict', () => {
    expect(JSON.parse(run.outputs['drifted-columns'])).toEqual(['moved', 'plan', 'sparse']);
    expect(Number(run.outputs['drift-share'])).toBe(0.5);
    expect(run.outputs['drift-detected']).toBe('true');
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].data).toContain('3 of 6 columns drifted (50 %) — dataset drift: yes (threshold 50 %)');
  });

  test('report entries carry counts, missing values, new categories, the distribution test under missing-share', () => {
    const sparse = column(run, 'sparse');
    expect(sparse).toMatchObject({ missing_ref: 8, missing_cur: 120, n_ref: 392, n_cur: 280, threshold: 0.1 });
    expect(sparse.statistic).toBeCloseTo(0.3 - 0.02, 12);
    expect(sparse.distribution_test.method).toBe('ks');
    expect(column(run, 'plan').new_categories).toEqual(['enterprise']);
    expect(
      report(run).columns.every((c: Record<string, unknown>) =>
        [
          'name',
          'kind',
          'method',
          'statistic',
          'p_value',
          'threshold',
          'drifted',
          'n_ref',
          'n_cur',
          'missing_ref',
          'missing_cur',
        ].every((k) => k in c),
      ),
    ).toBe(true);
  });

  test('summary: headline, drifted columns first, sparklines', () => {
    expect(run.summary).toContain('## ❌ 3 of 6 columns drifted (50 %) — dataset drift: yes (threshold 50 %)');
    const rows = run.summary.split('\n').filter((l) => /^\| (✅|❌)/.test(l));
    expect(rows.slice(0, 3).every((r) => r.startsWith('| ❌ drift'))).toBe(true);
    expect(rows[0]).toMatch(/[▁▂▃▄▅▆▇█]+ │ [▁▂▃▄▅▆▇█]+/);
  });

  test('a higher drift-share keeps the dataset verdict negative, and fail-on-violation false never fails', () => {
    const lenient = drift({ reference: ref, current: cur, 'exclude-columns': 'customer_id', 'drift-share': '0.6' });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs['drift-detected']).toBe('false');
    const soft = drift({
      reference: ref,
      current: cur,
      'exclude-columns': 'customer_id',
      'fail-on-violation': 'false',
    });
    expect(soft.code).toBe(0);
    expect(soft.outputs['drift-detected']).toBe('true');
    expect(soft.errors).toEqual([]);
  });

  test('correction: Bonferroni multiplies the p-values by the number of p-value tests', () => {
    const plain = report(drift({ reference: ref, current: cur, columns: 'stable,plan,flag' }));
    const corrected = report(
      drift({ reference: ref, current: cur, columns: 'stable,plan,flag', correction: 'bonferroni' }),
    );
    for (const c of corrected.columns) {
      const p = plain.columns.find((x: { name: string }) => x.name === c.name).p_value;
      expect(c.p_value).toBe(p);
      expect(c.p_value_adjusted).toBeCloseTo(Math.min(1, 3 * p), 12);
    }
  });

  test('drift-config sets a method and threshold per column; kinds can be forced', () => {
    const r = drift({
      reference: ref,
      current: cur,
      columns: 'stable,rating',
      'numerical-columns': 'rating',
      'drift-config': 'stable: { method: psi, threshold: 0.5 }\nrating: wasserstein',
    });
    expect(column(r, 'stable')).toMatchObject({ method: 'psi', threshold: 0.5, drifted: false });
    expect(column(r, 'rating')).toMatchObject({ kind: 'numerical', method: 'wasserstein', threshold: 0.1 });
  });

  test('gzip CSV and JSON Lines read the same as CSV', () => {
    const csv = readFileSync(ref, 'utf8');
    const gz = path.join(dir, 'ref.csv.gz');
    writeFileSync(gz, gzipSync(csv));
    const [header, ...lines] = csv.trim().split('\n');
    const keys = header.split(',');
    const jsonl = path.join(dir, 'ref.jsonl');
    writeFileSync(
      jsonl,
      lines
        .map((l) =>
          JSON.stringify(
            Object.fromEntries(
              l.split(',').map((v, i) => [keys[i], v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v)]),
            ),
          ),
        )
        .join('\n') + '\n',
    );
    const base = report(drift({ reference: ref, current: cur, columns: 'stable,plan' })).columns;
    for (const other of [gz, jsonl]) {
      const cols = report(drift({ reference: other, current: cur, columns: 'stable,plan' })).columns;
      expect(cols.map((c: { statistic: number }) => c.statistic)).toEqual(
        base.map((c: { statistic: number }) => c.statistic),
      );
    }
  });
});

describe('drift: bad input never reads as "no drift"', () => {
  const small = path.join(FX, 'small.csv');
  test('ragged rows, with file and line', () => {
    const run = drift({ reference: path.join(FX, 'ragged.csv'), current: small });
    expectBadInput(run, 'ragged.csv');
    expect(run.errors[0].properties.line).toBe('4');
  });
  test('header-only file', () =>
    expectBadInput(
      drift({ reference: small, current: path.join(FX, 'header-only.csv') }),
      'header-only.csv',
      'no data rows',
    ));
  test('missing file', () =>
    expectBadInput(drift({ reference: small, current: path.join(FX, 'nope.csv') }), 'nope.csv'));
  test('unreadable Parquet', () =>
    expectBadInput(drift({ reference: small, current: path.join(FX, 'broken.parquet') }), 'broken.parquet'));
  test('a named column present on one side only', () => {
    const dir = tempDir('mqg-drift-');
    const other = writeCsv(path.join(dir, 'other.csv'), { a: [1, 2], c: ['x', 'y'] });
    expectBadInput(drift({ reference: small, current: other, columns: 'a,b' }), "column 'b'", 'other.csv');
  });
  test('an unnamed column present on one side only is skipped with a warning', () => {
    const dir = tempDir('mqg-drift-');
    const other = writeCsv(path.join(dir, 'other.csv'), { a: [1, 2, 3], c: ['x', 'y', 'z'] });
    // (a's 3 is a category the reference lacks, a third of the rows: new-category-share 0.5 lets it be)
    const run = drift({ reference: small, current: other, 'new-category-share': '0.5' });
    expect(run.code).toBe(0);
    expect(run.warnings.map((w) => w.data).sort()).toEqual([
      `column 'b' is only in ${small}; it was not compared`,
      `column 'c' is only in ${other}; it was not compared`,
    ]);
  });
  test('zero shared columns', () => {
    const dir = tempDir('mqg-drift-');
    const other = writeCsv(path.join(dir, 'other.csv'), { z: [1, 2] });
    expectBadInput(drift({ reference: small, current: other }), 'share no column');
  });
  test('a column entirely missing', () => {
    const dir = tempDir('mqg-drift-');
    const other = writeCsv(path.join(dir, 'other.csv'), { a: [1, 2], b: [undefined, undefined] });
    expectBadInput(drift({ reference: small, current: other }), "column 'b' is entirely missing");
  });
  test('a method that does not fit the column kind', () =>
    expectBadInput(
      drift({ reference: small, current: small, 'drift-method': 'ks', columns: 'b' }),
      'ks applies to numerical',
    ));
  test('drift-config with an unknown method names its line', () => {
    const dir = tempDir('mqg-drift-');
    const cfg = path.join(dir, 'drift.yml');
    writeFileSync(cfg, 'a: ks\nb: { method: anova }\n');
    const run = drift({ reference: small, current: small, 'drift-config': cfg });
    expectBadInput(run, "drift.yml:2: column 'b': unknown method 'anova'");
  });
  test('drift-threshold needs a single method', () =>
    expectBadInput(drift({ reference: small, current: small, 'drift-threshold': '0.01' }), "needs one 'drift-method'"));
  test('unknown method, bad drift-share', () => {
    expectBadInput(drift({ reference: small, current: small, 'drift-method': 'anova' }), 'drift-method');
    expectBadInput(drift({ reference: small, current: small, 'drift-share': '1.5' }), 'drift-share');
  });
});

describe('drift: untrusted column names', () => {
  test('are escaped in the summary and inert in the log', () => {
    const dir = tempDir('mqg-drift-');
    const evil = ['"x\n::error::pwned"', '<img src=x onerror=alert(1)>', '"##[set-output name=y]"'];
    const body = (shift: number) =>
      [evil.join(','), ...Array.from({ length: 30 }, (_, i) => [i + shift, i % 3, i * 2 + shift].join(','))].join(
        '\n',
      ) + '\n';
    writeFileSync(path.join(dir, 'ref.csv'), body(0));
    writeFileSync(path.join(dir, 'cur.csv'), body(100));
    const run = drift({ reference: path.join(dir, 'ref.csv'), current: path.join(dir, 'cur.csv') });
    expect(run.code).toBe(1);
    expect(run.commands.map((c) => c.command)).toEqual(['error']);
    expect(run.summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(run.summary).not.toContain('<img');
  });
});

function pick(u: () => number, values: string[], weights: number[]): string {
  let x = u() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < values.length; i++) if ((x -= weights[i]) < 0) return values[i];
  return values[values.length - 1];
}
