/**
 * Shards in any order → the same profile as one pass: exactly for rows, counts, missing, min/max,
 * value and category counts, HLL registers; mean to 1e-12 and variance to 1e-9 relative; the KLL
 * sketches within their stated rank-error bound of the whole data's CDF. Data goes through CSV
 * files and the streaming reader, as in the action.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { profileFile } from '../../src/profile/build.js';
import type { CategoricalSummary } from '../../src/profile/categorical.js';
import type { NumericSummary } from '../../src/profile/numeric.js';
import { Profile } from '../../src/profile/profile.js';
import { ecdf, rng, shuffle } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mqg-profile-merge-'));
const ROWS = 30_000;
const r = rng(21);
const rows = Array.from({ length: ROWS }, (_, i) => ({
  x: r.u() < 0.01 ? '' : (r.normal() * 10 + 50).toFixed(3),
  code: String(1 + r.int(4)),
  city: ['paris', 'lyon', 'nice', 'lille', 'brest'][r.int(5)],
  id: `u${i % 3000}`, // 3000 labels > the 1000 cap: heavy hitters
}));
const write = (name: string, part: typeof rows) => {
  const file = path.join(dir, name);
  writeFileSync(file, 'x,code,city,id\n' + part.map((o) => `${o.x},${o.code},${o.city},${o.id}`).join('\n') + '\n');
  return file;
};

function num(p: Profile, name: string): NumericSummary {
  return p.columns.get(name) as NumericSummary;
}
function cat(p: Profile, name: string): CategoricalSummary {
  return p.columns.get(name) as CategoricalSummary;
}

describe('profile merge', () => {
  let whole: Profile;
  const xs = Float64Array.from(rows.filter((o) => o.x !== '').map((o) => Number(o.x))).sort();

  beforeAll(async () => {
    whole = await profileFile(write('all.csv', rows));
  });

  test('one pass: counts, kinds, exact categories', () => {
    expect(whole.rows).toBe(ROWS);
    expect(num(whole, 'x').count).toBe(xs.length);
    expect(num(whole, 'x').missing).toBe(ROWS - xs.length);
    expect(num(whole, 'code').values?.size).toBe(4);
    expect(num(whole, 'code').integerLike).toBe(true);
    const paris = rows.filter((o) => o.city === 'paris').length;
    expect(cat(whole, 'city').counts.counts.get('paris')).toBe(paris);
    expect(cat(whole, 'city').counts.exact).toBe(true);
    expect(cat(whole, 'id').counts.exact).toBe(false);
  });

  test.each([2, 3, 7])('%i shards in shuffled orders equal the one-pass profile', async (k) => {
    const order = shuffle([...rows.keys()], k);
    const shards = Array.from({ length: k }, (_, s) => order.filter((_, i) => i % k === s).map((i) => rows[i]));
    const profiles = await Promise.all(shards.map((part, s) => profileFile(write(`k${k}-${s}.csv`, part))));
    for (const seed of [1, 2]) {
      const merged = new Profile();
      for (const p of shuffle([...profiles], seed)) merged.merge(p);
      expect(merged.rows).toBe(whole.rows);
      const [a, b] = [num(merged, 'x'), num(whole, 'x')];
      expect(a.count).toBe(b.count);
      expect(a.missing).toBe(b.missing);
      expect(a.moments.min).toBe(b.moments.min);
      expect(a.moments.max).toBe(b.moments.max);
      expect(Math.abs(a.moments.mean - b.moments.mean) / Math.abs(b.moments.mean)).toBeLessThan(1e-12);
      expect(Math.abs(a.moments.variance() - b.moments.variance()) / b.moments.variance()).toBeLessThan(1e-9);
      expect(a.hll.registers).toEqual(b.hll.registers);
      expect(num(merged, 'code').values).toEqual(num(whole, 'code').values);
      expect(cat(merged, 'city').counts.entries()).toEqual(cat(whole, 'city').counts.entries());
      // The sketch: every data value's CDF within the merged sketch's bound.
      const { values, weights } = a.kll.weighted();
      let c = 0,
        j = 0,
        worst = 0;
      for (let i = 0; i < xs.length; i++) {
        if (i + 1 < xs.length && xs[i + 1] === xs[i]) continue;
        while (j < values.length && values[j] <= xs[i]) c += weights[j++];
        worst = Math.max(worst, Math.abs(c / a.count - ecdf(xs, xs[i])));
      }
      expect(worst).toBeLessThanOrEqual(a.kll.rankErrorBound());
      // Heavy hitters: within the merged error of the true counts.
      const ids = cat(merged, 'id').counts;
      for (const [label, est] of ids.counts) {
        const f = rows.filter((o) => o.id === label).length;
        expect(est).toBeLessThanOrEqual(f);
        expect(est).toBeGreaterThanOrEqual(f - ids.error);
      }
      expect(ids.n).toBe(ROWS);
    }
  });

  test('associative: (a + b) + c equals a + (b + c) on every exact part', async () => {
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map((s) => profileFile(write(`assoc-${s}.csv`, rows.slice(s * 10_000, (s + 1) * 10_000)))),
    );
    const clone = (p: Profile) => Profile.fromJSON(JSON.parse(JSON.stringify(p)));
    const left = clone(a);
    left.merge(b);
    left.merge(c);
    const bc = clone(b);
    bc.merge(c);
    const right = clone(a);
    right.merge(bc);
    const exactParts = (p: Profile) =>
      JSON.parse(JSON.stringify(p), (k, v) =>
        k === 'kll' || k === 'mean' || k === 'm2' || (k === 'categories' && Array.isArray(v) && v.length > 10)
          ? undefined
          : v,
      );
    expect(exactParts(left)).toEqual(exactParts(right));
  });

  test('a column missing from one shard counts as missing there; kinds must agree', () => {
    const withX = Profile.fromJSON(JSON.parse(JSON.stringify(whole)));
    const other = Profile.fromJSON({ ...JSON.parse(JSON.stringify(whole)), rows: 10, columns: [] });
    withX.merge(other);
    expect(withX.rows).toBe(ROWS + 10);
    expect(num(withX, 'x').missing).toBe(ROWS - xs.length + 10);
    const clash = Profile.fromJSON(JSON.parse(JSON.stringify(whole)));
    const json = JSON.parse(JSON.stringify(whole));
    json.columns = [json.columns.find((c: { name: string }) => c.name === 'city')];
    json.columns[0].name = 'x';
    expect(() => clash.merge(Profile.fromJSON(json))).toThrow(
      /column 'x' is numerical in one profile and categorical in another/,
    );
  });
});
