import { KllSketch } from '../../src/profile/kll.js';
import { ecdf, maxRankError, rng } from './helpers.js';

// Fixed seeds: each sketch's coins are random in production; here every run checks the same draw.
describe('KLL sketch', () => {
  test('below its first compaction it is the sample itself, with bound 0', () => {
    const s = new KllSketch(100, 1);
    const data = [5, 3, 3, 9, 1, 7];
    for (const x of data) s.update(x);
    const { values, weights } = s.weighted();
    expect(Array.from(values)).toEqual([1, 3, 3, 5, 7, 9]);
    expect(Array.from(weights)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(s.rankErrorBound()).toBe(0);
  });

  test.each([
    ['uniform', (r: ReturnType<typeof rng>) => r.u()],
    ['normal', (r: ReturnType<typeof rng>) => r.normal()],
    ['20 tied values', (r: ReturnType<typeof rng>) => r.int(20)],
  ])('rank error within the stated bound on 200 000 %s values; weights sum to n', (_name, draw) => {
    const r = rng(7);
    const data = Float64Array.from({ length: 200_000 }, () => draw(r));
    const s = new KllSketch(200, 2);
    for (const x of data) s.update(x);
    const eps = s.rankErrorBound();
    expect(eps).toBeGreaterThan(0);
    expect(eps).toBeLessThan(0.05);
    expect(maxRankError(s, data)).toBeLessThanOrEqual(eps);
    const { weights } = s.weighted();
    expect(weights.reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(s.retained).toBeLessThan(3 * 200 + 2 * s.height + 2);
  });

  test('sorted input (an adversarial order for naive samplers) stays within the bound', () => {
    const data = Float64Array.from({ length: 100_000 }, (_, i) => i);
    const s = new KllSketch(200, 3);
    for (const x of data) s.update(x);
    expect(maxRankError(s, data)).toBeLessThanOrEqual(s.rankErrorBound());
  });

  test('merging shards in any order: n adds up, the bound covers the merged error', () => {
    const r = rng(11);
    const data = Float64Array.from({ length: 120_000 }, () => r.normal() * (r.u() < 0.3 ? 5 : 1));
    const parts = [0, 1, 2, 3, 4].map((k) => data.subarray(k * 24_000, (k + 1) * 24_000));
    for (const order of [
      [0, 1, 2, 3, 4],
      [4, 2, 0, 3, 1],
    ]) {
      const sketches = parts.map((p, k) => {
        const s = new KllSketch(200, 40 + k);
        for (const x of p) s.update(x);
        return s;
      });
      const merged = new KllSketch(200, 5);
      for (const i of order) merged.merge(sketches[i]);
      expect(merged.n).toBe(data.length);
      expect(merged.sumSqWeights).toBeGreaterThanOrEqual(sketches.reduce((a, s) => a + s.sumSqWeights, 0));
      expect(maxRankError(merged, data)).toBeLessThanOrEqual(merged.rankErrorBound());
      expect(merged.retained).toBeLessThan(3 * 200 + 2 * merged.height + 2);
    }
  });

  test('the bound is Azuma–Hoeffding with a union over n + 1 points', () => {
    const s = new KllSketch(50, 6);
    for (let i = 0; i < 10_000; i++) s.update(i % 97);
    const S = s.sumSqWeights;
    expect(s.rankErrorBound(0.01)).toBeCloseTo(Math.sqrt(2 * S * Math.log((2 * 10_001) / 0.01)) / 10_000, 15);
    expect(s.rankErrorBound(0.001)).toBeGreaterThan(s.rankErrorBound(0.01));
  });

  test('JSON round trip keeps the items, weights and bound; bad sketches are refused', () => {
    const s = new KllSketch(64, 7);
    const r = rng(3);
    for (let i = 0; i < 5000; i++) s.update(r.u());
    const back = KllSketch.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(back.weighted()).toEqual(s.weighted());
    expect(back.rankErrorBound()).toBe(s.rankErrorBound());
    const j = s.toJSON();
    expect(() => KllSketch.fromJSON({ ...j, n: j.n + 1 })).toThrow(/weights sum/);
    expect(() => KllSketch.fromJSON({ ...j, levels: [['x' as unknown as number]] })).toThrow(/not a list of numbers/);
    expect(() => new KllSketch(64).merge(new KllSketch(65))).toThrow(/k 64 and 65/);
  });
});

test('levels above 0 stay in ascending order (compaction runs merged in), through merges and more updates', () => {
  const r = rng(33);
  const draw = () => (r.u() < 0.2 ? r.int(5) - 2 : r.u() < 0.1 ? -0 : r.normal() * 100);
  const a = new KllSketch(16);
  const b = new KllSketch(16);
  const all: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const x = draw();
    all.push(x);
    (i % 3 === 0 ? b : a).update(x);
  }
  a.merge(b); // appended levels: out of order until their next compaction
  for (let i = 0; i < 20_000; i++) {
    const x = draw();
    all.push(x);
    a.update(x);
  }
  const levels = a.toJSON().levels;
  expect(levels.length).toBeGreaterThan(4);
  const unsorted = levels.slice(1).filter((l) => l.some((x, i) => i > 0 && l[i - 1] > x)).length;
  expect(unsorted).toBeLessThanOrEqual(1); // at most the level the merge appended to and never compacted since
  // Items are kept, not lost or duplicated by the merge: weights add up, within the bound.
  expect(KllSketch.fromJSON(a.toJSON()).n).toBe(all.length);
  expect(maxRankError(a, Float64Array.from(all))).toBeLessThanOrEqual(a.rankErrorBound());
});

test('an ECDF helper sanity check', () => {
  expect(ecdf(Float64Array.of(1, 2, 2, 3), 2)).toBe(0.75);
});
