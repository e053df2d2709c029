import fc from 'fast-check';
import { KLL_BATCH, KllSketch } from '../../src/profile/kll.js';
import { maxRankError, rng } from './helpers.js';

const retainedCap = (s: KllSketch) => 3 * s.k + 2 * s.height + 2;

/**
 * Feeds `data` to `s` through updateMany in calls of the given sizes (cycled); after each call the
 * sketch must be back within the space of per-value updates.
 */
function feed(s: KllSketch, data: Float64Array, sizes: number[]): KllSketch {
  for (let i = 0, c = 0; i < data.length; c++) {
    const end = Math.min(data.length, i + sizes[c % sizes.length]);
    s.updateMany(data, i, end);
    if (s.retained >= retainedCap(s)) throw new Error(`${s.retained} items retained after a call`);
    i = end;
  }
  return s;
}

// Fixed seeds for the sketches' coins: each run checks the same draw.
describe('KllSketch.updateMany', () => {
  test('calls shorter than a batch are update() value by value: the very same sketch', () => {
    const r = rng(5);
    const data = Float64Array.from({ length: 30_000 }, () => (r.u() < 0.3 ? r.int(7) : r.normal()));
    const one = new KllSketch(64, 9);
    for (const x of data) one.update(x);
    const batched = feed(new KllSketch(64, 9), data, [1, 17, 1000, KLL_BATCH - 1, 3]);
    expect(batched.toJSON()).toEqual(one.toJSON());
  });

  test.each([
    ['uniform', (r: ReturnType<typeof rng>) => r.u()],
    ['normal, 4 decimals (ties)', (r: ReturnType<typeof rng>) => Math.round(r.normal() * 1e4) / 1e4],
    ['20 tied values', (r: ReturnType<typeof rng>) => r.int(20)],
    ['ascending', (_r: ReturnType<typeof rng>, i: number) => i],
  ])(
    'batches of %s values: weights sum to n, same space as per-value updates, error within its bound, S no larger',
    (_name, draw) => {
      const r = rng(17);
      const data = Float64Array.from({ length: 300_000 }, (_, i) => draw(r, i));
      const perValue = new KllSketch(200, 2);
      for (const x of data) perValue.update(x);
      const batched = feed(new KllSketch(200, 2), data, [KLL_BATCH, 3 * KLL_BATCH + 5, 100]);
      expect(batched.n).toBe(data.length);
      expect(batched.weighted().weights.reduce((a, b) => a + b, 0)).toBe(data.length);
      expect(batched.retained).toBeLessThan(retainedCap(batched));
      expect(batched.rankErrorBound()).toBeGreaterThan(0);
      expect(maxRankError(batched, data)).toBeLessThanOrEqual(batched.rankErrorBound());
      // One level-0 compaction per batch instead of dozens: the bound's S comes out smaller here.
      expect(batched.sumSqWeights).toBeLessThan(perValue.sumSqWeights);
      expect(batched.rankErrorBound()).toBeLessThan(perValue.rankErrorBound());
    },
  );

  test('any data, k and split into calls, merged with a per-value sketch: n, weights and space as stated; error within the bound (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 300 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.array(fc.integer({ min: 1, max: 3 * KLL_BATCH }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom('normal', 'ties', 'ascending', 'spread'),
        (k, n, sizes, seed, kind) => {
          const r = rng(seed);
          const data = Float64Array.from({ length: n }, (_, i) =>
            kind === 'normal'
              ? r.normal()
              : kind === 'ties'
                ? r.int(9) - 4
                : kind === 'ascending'
                  ? i
                  : (r.u() - 0.5) * 10 ** (r.u() * 20 - 10),
          );
          const cut = Math.floor(n / 3);
          const a = feed(new KllSketch(k, seed), data.subarray(0, n - cut), sizes);
          const b = new KllSketch(k, seed + 1);
          for (const x of data.subarray(n - cut)) b.update(x);
          a.merge(b);
          expect(a.n).toBe(n);
          expect(a.weighted().weights.reduce((s, w) => s + w, 0)).toBe(n);
          expect(a.retained).toBeLessThan(retainedCap(a));
          // At δ = 1e-6 a true failure of the bound is a one-in-a-million event per case.
          expect(maxRankError(a, data)).toBeLessThanOrEqual(a.rankErrorBound(1e-6));
        },
      ),
      { numRuns: 40 },
    );
  });
});
