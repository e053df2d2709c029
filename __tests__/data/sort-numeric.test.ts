import { readTable } from '../../src/data/read.js';
import { cat, fixture, num } from './helpers.js';

describe('readTable with sortNumeric (the drift stage)', () => {
  test('numeric columns become their present values, ascending; the rest is unchanged', async () => {
    const t = await readTable(fixture('missing.csv'), { sortNumeric: true });
    const n = num(t, 'num');
    expect(n.sorted).toBe(true);
    expect(Array.from(n.values)).toEqual([1, 6]);
    expect(n.missing).toBe(6);
    expect(t.rowCount).toBe(8);
    expect(cat(t, 'cat').codes).toHaveLength(8);
  });

  test('without it, values keep row order with NaN for missing', async () => {
    const n = num(await readTable(fixture('missing.csv')), 'num');
    expect(n.sorted).toBeUndefined();
    expect(n.values).toHaveLength(8);
    expect(n.values[0]).toBe(1);
    expect(Number.isNaN(n.values[1])).toBe(true);
  });
});
