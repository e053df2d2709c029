import fc from 'fast-check';
import { KLL_BATCH } from '../../src/profile/kll.js';
import { NumericSummary } from '../../src/profile/numeric.js';
import { DEFAULT_PARAMS } from '../../src/profile/params.js';
import { ProfileSink } from '../../src/profile/sink.js';
import { maxRankError, rng } from './helpers.js';

/**
 * A column streamed as the CSV reader does: cells in order, and now and then the last cell dropped
 * (`truncate`: the record cut by a block end) and given again. The sink buffers numbers KLL_BATCH at
 * a time; the result must be the summary of each kept cell once.
 */
function stream(cells: (number | null)[], cutEvery: number): NumericSummary {
  const sink = new ProfileSink('x', false, DEFAULT_PARAMS);
  const give = (c: number | null) => (c === null ? sink.pushMissing() : sink.pushNumber(c));
  cells.forEach((c, i) => {
    give(c);
    if (i % cutEvery === cutEvery - 1) {
      sink.truncate(sink.length - 1);
      give(c);
    }
  });
  expect(sink.length).toBe(cells.length);
  return sink.finish() as NumericSummary;
}

describe('ProfileSink: numbers folded a buffer at a time', () => {
  test('any cells and cuts (across buffer ends too) give the per-value summary (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * KLL_BATCH + 10 }),
        fc.integer({ min: 1, max: 2 * KLL_BATCH }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.boolean(),
        (n, cutEvery, seed, integers) => {
          const r = rng(seed);
          const cells = Array.from({ length: n }, () =>
            r.u() < 0.1 ? null : integers ? r.int(30) : Math.round(r.normal() * 1e3) / 1e3,
          );
          const got = stream(cells, cutEvery);
          const want = new NumericSummary(DEFAULT_PARAMS);
          const numbers = cells.filter((c): c is number => c !== null);
          for (const x of numbers) want.add(x);
          expect(got.missing).toBe(n - numbers.length);
          // Moments, exact counts, integer flag and HLL registers: the same values in the same order.
          expect({ ...got.moments }).toEqual({ ...want.moments });
          expect(got.values).toEqual(want.values);
          expect(got.integerLike).toBe(want.integerLike);
          expect(got.hll.registers).toEqual(want.hll.registers);
          expect(got.kll.n).toBe(numbers.length);
          expect(maxRankError(got.kll, Float64Array.from(numbers))).toBeLessThanOrEqual(got.kll.rankErrorBound(1e-6));
        },
      ),
      { numRuns: 25 },
    );
  });

  test('text after numbers (buffered or folded) makes the column mixed; before any, categorical', () => {
    for (const numbers of [3, KLL_BATCH + 1]) {
      const mixed = new ProfileSink('x', false, DEFAULT_PARAMS);
      for (let i = 0; i < numbers; i++) mixed.pushNumber(i);
      mixed.pushText('a label');
      expect(mixed.mode).toBe('mixed');
      expect(mixed.length).toBe(numbers + 1);
    }

    // A number held back, then dropped by a cut: the text that follows is the first real cell.
    const cat = new ProfileSink('x', false, DEFAULT_PARAMS);
    cat.pushMissing();
    cat.pushNumber(1);
    cat.truncate(1);
    cat.pushText('a label');
    expect(cat.mode).toBe('categorical');
    const summary = cat.finish();
    expect(summary.kind).toBe('categorical');
    expect(summary.missing).toBe(1);
  });
});
