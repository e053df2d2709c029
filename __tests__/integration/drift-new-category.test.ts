/**
 * The built action, drift stage: a category the reference never had, making up at least
 * `new-category-share` (default 0.01) of the current rows, drifts its column at any sample size
 * (issue 14, item 6). Before, a 2 % new category on 2 000 rows passed: Jensen–Shannon (the auto
 * method above 1 000 rows) stays far under its 0.1 threshold.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../scripts/lib/run-action.mjs';
import { column, drift, expectBadInput, writeCsv } from '../helpers/drift.js';
import { jensenShannonDistance } from '../../src/stats/jensen-shannon.js';

const dir = tempDir('mqg-newcat-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const N = 2000;
// reference: a, b, c in equal thirds; current: the same, but 40 rows (2 %) are 'd'
const refPlan = Array.from({ length: N }, (_, i) => 'abc'[i % 3]);
const curPlan = refPlan.map((p, i) => (i % 50 === 7 ? 'd' : p));
const ref = writeCsv(path.join(dir, 'ref.csv'), { plan: refPlan });
const cur = writeCsv(path.join(dir, 'cur.csv'), { plan: curPlan });
const counts = (xs: string[]) => ['a', 'b', 'c', 'd'].map((k) => xs.filter((x) => x === k).length);

describe('a 2 % new category on 2 000 rows', () => {
  const run = drift({ reference: ref, current: cur });

  test('drifts the column by new-category-share, with the distribution test beside it', () => {
    const js = jensenShannonDistance(counts(refPlan), counts(curPlan));
    expect(js).toBeLessThan(0.1); // the distance alone would not flag it
    const c = column(run, 'plan');
    expect(c).toMatchObject({
      drifted: true,
      method: 'new-category-share',
      statistic: 40 / N,
      threshold: 0.01,
      new_categories: ['d'],
      new_category_share: 40 / N,
      distribution_test: { method: 'jensenshannon', drifted: false },
    });
    expect(c.distribution_test.statistic).toBeCloseTo(js, 12);
    expect(run.outputs['drift-detected']).toBe('true');
    expect(run.summary).toContain('| ❌ drift | plan | categorical | new-category-share | 0.02 | 0.01 |');
  });

  test('new-category-share: 0.05 leaves it to the distribution test', () => {
    const loose = drift({ reference: ref, current: cur, 'new-category-share': '0.05' });
    expect(column(loose, 'plan')).toMatchObject({ drifted: false, method: 'jensenshannon', new_category_share: 0.02 });
    expect(loose.outputs['drift-detected']).toBe('false');
  });

  test('the same through a profile of the reference', () => {
    const profile = path.join(dir, 'ref.profile.json');
    drift({ reference: ref, 'profile-out': profile });
    const viaProfile = drift({ reference: profile, current: cur });
    expect(column(viaProfile, 'plan')).toMatchObject({ drifted: true, method: 'new-category-share', statistic: 0.02 });
  });

  test('a share of 0 is refused', () =>
    expectBadInput(drift({ reference: ref, current: cur, 'new-category-share': '0' }), 'must be above 0'));
});
