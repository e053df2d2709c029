import { Moments } from '../../src/profile/moments.js';
import { rng } from './helpers.js';

describe('Moments.addMany (a block at a time)', () => {
  // Reference: the two-pass mean and M2 in exact-ish arithmetic (sum of a few thousand doubles).
  const two = (x: Float64Array) => {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    return { mean, m2: x.reduce((a, b) => a + (b - mean) ** 2, 0) };
  };

  test.each([1, 7, 1000, 8192])(
    'blocks of %i values of a large mean and small spread match the two-pass result',
    (block) => {
      const r = rng(3);
      const data = Float64Array.from({ length: 20_001 }, () => 1e6 + r.normal() * 3);
      const m = new Moments();
      for (let i = 0; i < data.length; i += block) m.addMany(data, i, Math.min(i + block, data.length));
      const exact = two(data);
      expect(m.n).toBe(data.length);
      expect(Math.abs(m.mean - exact.mean) / exact.mean).toBeLessThan(1e-14);
      expect(Math.abs(m.m2 - exact.m2) / exact.m2).toBeLessThan(1e-9);
      expect(m.min).toBe(data.reduce((a, b) => Math.min(a, b)));
      expect(m.max).toBe(data.reduce((a, b) => Math.max(a, b)));
      // …and agrees with value-by-value updates.
      const one = new Moments();
      for (const x of data) one.add(x);
      expect(Math.abs(m.m2 - one.m2) / one.m2).toBeLessThan(1e-9);
    },
  );

  test('an empty block changes nothing; values near the largest double are still averaged', () => {
    const m = new Moments();
    m.addMany(new Float64Array(3), 1, 1);
    expect(m.n).toBe(0);
    const huge = Float64Array.of(1.7e308, 1.7e308, 1.5e308);
    m.addMany(huge, 0, 3);
    expect(m.n).toBe(3);
    expect(Math.abs(m.mean - (1.7e308 / 3 + 1.7e308 / 3 + 1.5e308 / 3)) / m.mean).toBeLessThan(1e-15);
    expect(Number.isFinite(m.mean)).toBe(true);
    expect(m.max).toBe(1.7e308);
  });
});
