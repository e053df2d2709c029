/**
 * The built action with profiles: `profile-out` writes a profile, `reference` takes one,
 * `profile-shards` merges the matrix jobs' profiles. Small samples go through profiles unchanged
 * (SciPy's golden values); large ones flag the same columns as the exact path.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../scripts/lib/run-action.mjs';
import { column, drift, expectBadInput, expectClose, goldenCase, report, writeCsv } from '../helpers/drift.js';
import { mulberry32 } from '../../src/profile/random.js';

describe('profile-out and small samples through profiles', () => {
  const dir = tempDir('mqg-profile-');
  const num = goldenCase('normal-shift-50x80');
  const ref = writeCsv(path.join(dir, 'ref.csv'), { x: num.reference, c: num.reference.map((_, i) => 'abc'[i % 3]) });
  const cur = writeCsv(path.join(dir, 'cur.csv'), { x: num.current, c: num.current.map((_, i) => 'abcd'[i % 4]) });
  const profilePath = path.join(dir, 'out', 'ref.profile.json');
  const written = drift({ reference: ref, 'profile-out': profilePath });

  test('writes a versioned JSON profile and outputs its path', () => {
    expect(written.code).toBe(0);
    expect(written.outputs.profile).toBe(profilePath);
    const p = JSON.parse(readFileSync(profilePath, 'utf8'));
    expect(p).toMatchObject({ format: 'ml-quality-gate/profile', version: 1, rows: num.reference.length });
    expect(p.columns.map((c: { name: string; kind: string }) => `${c.name}:${c.kind}`)).toEqual([
      'x:numeric',
      'c:categorical',
    ]);
    expect(p.columns[1].categories).toEqual([
      ['a', 17],
      ['b', 17],
      ['c', 16],
    ]);
    expect(written.summary).toContain(`profile of ${num.reference.length} rows × 2 columns written`);
  });

  test('a reference profile gives SciPy’s KS values (the profile holds the sample)', () => {
    const run = drift({ reference: profilePath, current: cur, 'drift-method': 'ks', columns: 'x' });
    const x = column(run, 'x');
    expectClose(x.statistic, num.expected.ks_statistic);
    expectClose(x.p_value, num.expected.ks_p_value);
    expect(x.approximate).toBe(false);
    expect(report(run).from_profiles).toBe(true);
    const exact = column(drift({ reference: ref, current: cur, 'drift-method': 'ks', columns: 'x' }), 'x');
    expect(x.statistic).toBe(exact.statistic);
    expect(x.p_value).toBe(exact.p_value);
  });

  test('new categories and new-category counts come from the profile', () => {
    const c = column(drift({ reference: profilePath, current: cur, columns: 'c' }), 'c');
    expect(c.new_categories).toEqual(['d']);
    expect(c.n_cur).toBe(num.current.length);
  });
});

describe('sharded current data against a reference profile', () => {
  const dir = tempDir('mqg-shards-');
  const u = mulberry32(17);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const n = 40_000;
  const gen = (current: boolean) => ({
    moved: Array.from({ length: n }, () => (normal() + (current ? 0.5 : 0)).toFixed(4)),
    steady: Array.from({ length: n }, () => (10 + 2 * normal()).toFixed(3)),
    plan: Array.from({ length: n }, () => (u() < (current ? 0.6 : 0.3) ? 'pro' : u() < 0.5 ? 'free' : 'team')),
    region: Array.from({ length: n }, () => ['n', 's', 'e', 'w'][Math.floor(u() * 4)]),
  });
  const refCsv = writeCsv(path.join(dir, 'reference.csv'), gen(false));
  const curCols = gen(true);
  const curCsv = writeCsv(path.join(dir, 'current.csv'), curCols);
  const shards = [0, 1, 2].map((k) => {
    mkdirSync(path.join(dir, 'profiles', `shard-${k}`), { recursive: true });
    const part = Object.fromEntries(
      Object.entries(curCols).map(([name, v]) => [name, v.filter((_, i) => i % 3 === k)]),
    );
    return writeCsv(path.join(dir, `shard-${k}.csv`), part);
  });
  const refProfile = path.join(dir, 'reference.profile.json');
  drift({ reference: refCsv, 'profile-out': refProfile });
  shards.forEach((s, k) =>
    drift({ current: s, 'profile-out': path.join(dir, 'profiles', `shard-${k}`, 'current.profile.json') }),
  );

  test('the reference profile is kilobytes', () => {
    expect(statSync(refProfile).size).toBeLessThan(120_000);
    expect(statSync(refProfile).size * 5).toBeLessThan(statSync(refCsv).size);
  });

  test('merged shards flag the same columns as the exact path on the whole data', () => {
    const run = drift(
      { reference: refProfile, 'profile-shards': 'profiles/**/*.profile.json', 'fail-on-violation': 'false' },
      dir,
    );
    expect(run.code).toBe(0);
    const exact = drift({ reference: refCsv, current: curCsv, 'fail-on-violation': 'false' });
    expect(JSON.parse(run.outputs['drifted-columns']).sort()).toEqual(
      JSON.parse(exact.outputs['drifted-columns']).sort(),
    );
    expect(JSON.parse(run.outputs['drifted-columns']).sort()).toEqual(['moved', 'plan']);
    const r = report(run);
    expect(r.current.rows).toBe(n);
    expect(r.approximate_columns).toEqual(['moved', 'steady']);
    const moved = r.columns.find((c: { name: string }) => c.name === 'moved');
    expect(moved).toMatchObject({
      method: 'wasserstein',
      approximate: true,
      bound: { on: 'statistic', confidence: 0.98 },
    });
    const exactMoved = report(exact).columns.find((c: { name: string }) => c.name === 'moved');
    expect(Math.abs(moved.statistic - exactMoved.statistic)).toBeLessThanOrEqual(moved.bound.value);
    // The merged current profile is written and given as the `profile` output.
    const merged = JSON.parse(readFileSync(run.outputs.profile, 'utf8'));
    expect(merged.rows).toBe(n);
    expect(run.summary).toContain('Compared from profiles');
    expect(run.summary).toMatch(/≈ [0-9.]+ ± [0-9.]+/);
  });

  test('KS from the profiles: statistic within the reported bound of the exact one', () => {
    const run = drift(
      {
        reference: refProfile,
        'profile-shards': 'profiles/**/*.profile.json',
        'drift-method': 'ks',
        columns: 'moved,steady',
        'fail-on-violation': 'false',
      },
      dir,
    );
    const exact = drift({
      reference: refCsv,
      current: curCsv,
      'drift-method': 'ks',
      columns: 'moved,steady',
      'fail-on-violation': 'false',
    });
    for (const name of ['moved', 'steady']) {
      const p = column(run, name);
      const e = column(exact, name);
      expect(p.approximate).toBe(true);
      expect(Math.abs(p.statistic - e.statistic)).toBeLessThanOrEqual(p.bound.value);
      expect(p.drifted).toBe(e.drifted);
    }
  });

  test('profile-out with profile-shards writes the merged profile', () => {
    const out = path.join(dir, 'merged.profile.json');
    const run = drift({ 'profile-shards': 'profiles/**/*.profile.json', 'profile-out': out }, dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).rows).toBe(n);
    expect(run.summary).toContain('3 parts merged');
  });
});

describe('profiles: bad input never reads as "no drift"', () => {
  const dir = tempDir('mqg-profile-bad-');
  const csv = writeCsv(path.join(dir, 'd.csv'), { x: [1.5, 2.5, 3.5], c: ['a', 'b', 'c'] });
  const good = path.join(dir, 'good.profile.json');
  drift({ current: csv, 'profile-out': good });
  const p = JSON.parse(readFileSync(good, 'utf8'));

  test('a profile of another format version', () => {
    const f = path.join(dir, 'v9.json');
    writeFileSync(f, JSON.stringify({ ...p, version: 9 }));
    expectBadInput(drift({ reference: f, current: csv }), 'v9.json', 'version 9 is not supported');
  });
  test('a file that is not a profile', () => {
    const f = path.join(dir, 'other.json');
    writeFileSync(f, '{"accuracy": 0.9}');
    expectBadInput(drift({ reference: f, current: csv }), 'other.json', 'not an ml-quality-gate profile');
    writeFileSync(f, '{"format": ');
    expectBadInput(drift({ reference: f, current: csv }), 'other.json', 'not valid JSON');
  });
  test('a tampered profile (counts that do not add up)', () => {
    const f = path.join(dir, 'tampered.json');
    writeFileSync(f, JSON.stringify({ ...p, columns: [{ ...p.columns[0], count: 99 }, p.columns[1]] }));
    expectBadInput(drift({ reference: f, current: csv }), 'tampered.json', "column 'x'");
  });
  test('shards whose column kinds disagree', () => {
    const text = writeCsv(path.join(dir, 'text.csv'), { x: ['u', 'v', 'w'], c: ['a', 'b', 'c'] });
    const tp = path.join(dir, 'text.profile.json');
    drift({ current: text, 'profile-out': tp });
    expectBadInput(
      drift({ reference: good, 'profile-shards': `${good}\n${tp}` }),
      "column 'x' is numerical in one profile and categorical in another",
    );
  });
  test('inputs that do not fit together', () => {
    expectBadInput(
      drift({ reference: csv, current: csv, 'profile-out': path.join(dir, 'x.json') }),
      "'current' or 'reference', not both",
    );
    expectBadInput(
      drift({ reference: good, current: csv, 'profile-shards': good }),
      "'current' or as 'profile-shards', not both",
    );
    expectBadInput(drift({ reference: good, 'profile-shards': path.join(dir, 'none-*.json') }), 'no file matches');
  });
});

// A CSV over SPLIT_MIN_BYTES (8 MB) is profiled in parts, one per core, in the worker bundle
// (src/workers/split.ts): the same profile as one pass here (profileFile from the sources), and
// the same error, at the same line, for a defect far into the file.
describe('a large CSV profiled on every core', () => {
  const dir = tempDir('mqg-profile-split-');
  const u = mulberry32(15);
  const lines = ['id,x,label,note'];
  for (let i = 0; i < 300_000; i++) {
    const note = u() < 0.2 ? `"line one, ""quoted""\nline two ${i % 50}"` : `plain ${i % 40}`;
    lines.push(`${i},${(u() * 1000).toFixed(4)},${'abcde'[i % 5]},${note}`);
  }
  const text = lines.join('\n') + '\n';
  const file = path.join(dir, 'big.csv');
  writeFileSync(file, text);

  test('the profile of one pass: counts, missing, min/max, categories, HLL registers', async () => {
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    const out = path.join(dir, 'big.profile.json');
    const run = drift({ current: file, 'profile-out': out });
    expect(run.code).toBe(0);
    const split = JSON.parse(readFileSync(out, 'utf8'));
    const { profileFile } = await import('../../src/profile/build.js');
    const whole = JSON.parse(JSON.stringify(await profileFile(file)));
    expect(split.rows).toBe(whole.rows);
    expect(split.columns.length).toBe(whole.columns.length);
    whole.columns.forEach((c: Record<string, unknown>, i: number) => {
      const s = split.columns[i];
      for (const k of ['name', 'kind', 'count', 'missing', 'min', 'max', 'integer_like', 'values', 'categories', 'hll'])
        expect([c.name, k, s[k]]).toEqual([c.name, k, c[k]]);
      if (c.kind === 'numeric') expect(Math.abs((s.mean as number) - (c.mean as number))).toBeLessThan(1e-9);
    });
  });

  test('a defect far into the file: the error and line of one pass', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, text.replace('\n100000,', '\n100000,"never closed,'));
    const { profileFile } = await import('../../src/profile/build.js');
    const e = await profileFile(bad).catch((err: { message: string; line: number }) => err);
    expect(e).toMatchObject({ line: expect.any(Number) });
    const { line, message } = e as { message: string; line: number };
    expect(line).toBeGreaterThan(100_000);
    const run = drift({ current: bad, 'profile-out': path.join(dir, 'bad.profile.json') });
    expectBadInput(run, `${bad}:${line}`, message);
  });
});
