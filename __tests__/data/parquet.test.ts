import { fileLine, readTable } from '../../src/data/read.js';
import { cat, fixture, num, texts } from './helpers.js';

// small.parquet: see __tests__/fixtures/data/make-parquet.mjs (five rows in three row groups).
describe('Parquet reader', () => {
  test('typed columns across row groups', async () => {
    const t = await readTable(fixture('small.parquet'));
    expect(t.format).toBe('parquet');
    expect(t.rowCount).toBe(5);
    const score = num(t, 'score');
    expect(Array.from(score.values)).toEqual([0.5, NaN, 2.25, -1, 3]);
    expect(score.missing).toBe(1);
    expect(score.integerLike).toBe(false);
    const count = num(t, 'count');
    expect(Array.from(count.values)).toEqual([1, 2, 3, 4, 5]);
    expect(count.integerLike).toBe(true);
    expect(count.distinct).toBe(5);
    expect(Array.from(num(t, 'big').values)).toEqual([10, 20, 30, 40, 50]);
    expect(texts(cat(t, 'city'))).toEqual(['Paris', 'Oslo', null, 'Paris', 'Lima']);
    const ok = cat(t, 'ok');
    expect(texts(ok)).toEqual(['true', 'false', 'true', 'true', null]);
    expect(ok.boolean).toBe(true);
    expect(fileLine(t, 0)).toBeUndefined();
  });
});
