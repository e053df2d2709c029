/**
 * `memory-budget` through the built action: over budget, two datasets are compared from profiles
 * (the summary says so, with the bounds) and the verdict is the exact path's; within budget, the
 * exact path; bad values stop the run at the input. A budget of a few kB keeps the data small.
 */
import * as path from 'node:path';
import { tempDir } from '../../scripts/lib/run-action.mjs';
import { mulberry32 } from '../../src/profile/random.js';
import { drift, expectBadInput, report, writeCsv } from '../helpers/drift.js';

const dir = tempDir('mqg-budget-');
const rand = mulberry32(11);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const N = 3000;
const side = (shift: number, weights: number[]) => ({
  shifted: Array.from({ length: N }, () => (normal() + shift).toFixed(4)),
  stable: Array.from({ length: N }, () => (10 + normal()).toFixed(4)),
  plan: Array.from({ length: N }, () => {
    let u = rand() * weights.reduce((a, b) => a + b, 0);
    return ['free', 'pro', 'team'].find((_, k) => (u -= weights[k]) < 0) ?? 'team';
  }),
});
const reference = writeCsv(path.join(dir, 'reference.csv'), side(0, [60, 30, 10]));
const current = writeCsv(path.join(dir, 'current.csv'), side(1, [60, 30, 10]));
const inputs = { reference, current, 'drift-config': 'shifted: ks\nstable: ks\nplan: chi2', 'drift-share': '0.3' };

describe('memory-budget', () => {
  const exact = drift(inputs);
  const switched = drift({ ...inputs, 'memory-budget': '4kB' });

  test('within the budget (auto): the exact path, no note', () => {
    expect(exact.errors.map((e) => e.properties.title)).toEqual(['Dataset drift']);
    expect(report(exact).from_profiles).toBeUndefined();
    expect(report(exact).memory_budget).toBeUndefined();
    expect(exact.summary).not.toContain('memory-budget');
  });

  test('over the budget: compared from profiles, said in the summary with the bounds and the estimate', () => {
    expect(switched.errors.map((e) => e.properties.title)).toEqual(['Dataset drift']);
    const r = report(switched);
    expect(r.from_profiles).toBe(true);
    expect(r.memory_budget).toMatchObject({ budget: '4kB', budget_bytes: 4000 });
    expect(r.memory_budget.exact_path_estimated_bytes).toBeGreaterThan(4000);
    // The shape estimated from the files: 3 columns, about N rows (lines counted from a sample).
    for (const shape of r.memory_budget.estimated_shapes) expect(shape).toEqual({ rows: N, columns: 3, exact: false });
    expect(switched.summary).toContain('more than memory-budget 4kB');
    expect(switched.summary).toContain('compared from the profiles instead');
    expect(switched.summary).toContain('± is the bound on the statistic');
    expect(switched.summary).toMatch(/≈ \d/); // approximate statistics marked
    const shifted = r.columns.find((c: { name: string }) => c.name === 'shifted');
    expect(shifted.approximate).toBe(true);
    expect(shifted.bound.value).toBeGreaterThan(0);
  });

  test('over the budget: the same verdict as the exact path, and the KS statistics within the stated bounds', () => {
    expect(switched.code).toBe(1);
    expect(exact.code).toBe(1);
    expect(switched.outputs['drift-detected']).toBe('true');
    expect(JSON.parse(switched.outputs['drifted-columns'])).toEqual(JSON.parse(exact.outputs['drifted-columns']));
    expect(JSON.parse(exact.outputs['drifted-columns'])).toEqual(['shifted']);
    for (const e of report(exact).columns.filter((c: { method: string }) => c.method === 'ks')) {
      const p = report(switched).columns.find((c: { name: string }) => c.name === e.name);
      expect(Math.abs(p.statistic - e.statistic)).toBeLessThanOrEqual(p.bound.value + 1e-12);
    }
  });

  test('a notice annotation says why', () => {
    expect(switched.stdout).toMatch(/::notice title=Drift%3A compared from profiles::.*more than memory-budget 4kB/);
  });

  test.each([
    ['2048', 'needs a unit'],
    ['5 parsecs', "unknown unit 'parsecs'"],
    ['-1GB', "must be 'auto' or a size"],
    ['0MB', 'at least 1 byte'],
  ])('%j stops the run at the input: %s', (value, fragment) => {
    expectBadInput(drift({ ...inputs, 'memory-budget': value }), "input 'memory-budget': ", fragment);
  });
});
