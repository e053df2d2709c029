import { hashNumber, hashString } from '../../src/profile/hash.js';
import { HeavyHitters } from '../../src/profile/heavy-hitters.js';
import { HyperLogLog } from '../../src/profile/hll.js';
import { Moments } from '../../src/profile/moments.js';
import { rng, shuffle } from './helpers.js';

describe('HyperLogLog', () => {
  test.each([100, 10_000, 300_000])('estimates %i distinct values within 4 standard errors', (n) => {
    const h = new HyperLogLog(11);
    for (let rep = 0; rep < 2; rep++) for (let i = 0; i < n; i++) h.add(hashNumber(i * 0.37 + 1));
    expect(Math.abs(h.estimate() - n) / n).toBeLessThanOrEqual(4 * h.standardError);
  });

  test('strings; merge equals the one-pass registers (commutative, idempotent)', () => {
    const labels = Array.from({ length: 50_000 }, (_, i) => `user-${i}`);
    const whole = new HyperLogLog(11);
    for (const l of labels) whole.add(hashString(l));
    const a = new HyperLogLog(11);
    const b = new HyperLogLog(11);
    labels.forEach((l, i) => (i % 3 === 0 ? a : b).add(hashString(l)));
    const ab = new HyperLogLog(11);
    ab.merge(a);
    ab.merge(b);
    ab.merge(a);
    expect(ab.registers).toEqual(whole.registers);
    expect(Math.abs(whole.estimate() - 50_000) / 50_000).toBeLessThanOrEqual(4 * whole.standardError);
    expect(HyperLogLog.fromJSON(11, whole.toJSON()).registers).toEqual(whole.registers);
  });
});

describe('heavy hitters (Misra–Gries, mergeable)', () => {
  test('exact up to k labels', () => {
    const h = new HeavyHitters(3);
    for (const l of ['a', 'b', 'a', 'c', 'a', 'b']) h.add(l);
    expect(h.exact).toBe(true);
    expect(h.entries()).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
  });

  test('past k labels: f − error ≤ f̂ ≤ f, error ≤ (n − Σf̂)/(k + 1), frequent labels kept — also after merges', () => {
    const r = rng(5);
    const stream: string[] = [];
    for (let i = 0; i < 60_000; i++) stream.push(r.u() < 0.5 ? `hot${r.int(10)}` : `cold${r.int(20_000)}`);
    const truth = new Map<string, number>();
    for (const l of stream) truth.set(l, (truth.get(l) ?? 0) + 1);
    const check = (h: HeavyHitters) => {
      let sum = 0;
      for (const [l, f] of truth) {
        const est = h.counts.get(l) ?? 0;
        sum += est;
        expect(est).toBeLessThanOrEqual(f);
        expect(est).toBeGreaterThanOrEqual(f - h.error);
      }
      expect(h.error).toBeGreaterThan(0);
      expect(h.error).toBeLessThanOrEqual((h.n - sum) / (h.k + 1));
      expect(h.n).toBe(stream.length);
      for (let d = 0; d < 10; d++) expect(h.counts.has(`hot${d}`)).toBe(true);
    };
    const one = new HeavyHitters(100);
    for (const l of stream) one.add(l);
    check(one);
    const parts = [0, 1, 2, 3].map((k) => {
      const h = new HeavyHitters(100);
      for (const l of stream.slice(k * 15_000, (k + 1) * 15_000)) h.add(l);
      return h;
    });
    for (const order of [
      [0, 1, 2, 3],
      [3, 1, 0, 2],
    ]) {
      const m = new HeavyHitters(100);
      for (const i of order) m.merge(parts[i]);
      check(m);
    }
  });
});

describe("moments (Welford, Chan's merge)", () => {
  const two = (x: number[]) => {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    return { mean, m2: x.reduce((a, b) => a + (b - mean) ** 2, 0) };
  };
  test('any split and order equals the two-pass mean and M2', () => {
    const r = rng(9);
    const data = Array.from({ length: 10_001 }, () => 1e6 + r.normal() * 3);
    const exact = two(data);
    for (const seed of [1, 2, 3]) {
      const cuts = shuffle([...Array(data.length).keys()], seed)
        .slice(0, 6)
        .sort((a, b) => a - b);
      const bounds = [0, ...cuts, data.length];
      const parts = bounds.slice(1).map((end, i) => data.slice(bounds[i], end));
      const ms = shuffle(parts, seed).map((p) => {
        const m = new Moments();
        for (const x of p) m.add(x);
        return m;
      });
      const all = new Moments();
      for (const m of ms) all.merge(m);
      expect(all.n).toBe(data.length);
      expect(Math.abs(all.mean - exact.mean) / exact.mean).toBeLessThan(1e-14);
      expect(Math.abs(all.m2 - exact.m2) / exact.m2).toBeLessThan(1e-9);
      expect(all.min).toBe(Math.min(...data));
      expect(all.max).toBe(Math.max(...data));
    }
  });
});
