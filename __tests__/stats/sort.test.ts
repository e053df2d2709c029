import fc from 'fast-check';
import { sortFloat64, sortFloat64InPlace } from '../../src/stats/sort.js';
import { xorshift128 } from './helpers/random.js';

/** Reference order: Array.prototype.sort with a numeric comparator that puts -0 before +0. */
function referenceSort(x: Float64Array): number[] {
  return Array.from(x).sort((a, b) => a - b || (Object.is(a, -0) ? -1 : 0) - (Object.is(b, -0) ? -1 : 0));
}

function expectSameOrder(actual: Float64Array, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

function randomMix(n: number, seed: number): Float64Array {
  const u = xorshift128(seed);
  const specials = [
    0,
    -0,
    Infinity,
    -Infinity,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1,
    -1,
  ];
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = u();
    if (r < 0.05) x[i] = specials[Math.floor(u() * specials.length)];
    else if (r < 0.25)
      x[i] = Math.round((u() - 0.5) * 20); // many duplicates
    else x[i] = (u() - 0.5) * 10 ** (u() * 40 - 20); // signs and exponents spread
  }
  return x;
}

describe('sortFloat64', () => {
  test.each([0, 1, 2, 17, 1000, 4095, 4096, 5000, 70000])('matches Array.prototype.sort, n = %i', (n) => {
    const x = randomMix(n, n + 1);
    const copy = Float64Array.from(x);
    expectSameOrder(sortFloat64(x), referenceSort(x));
    expectSameOrder(x, Array.from(copy)); // input untouched
  });

  test('radix path: -0 before +0, infinities at the ends, duplicates kept', () => {
    const x = new Float64Array(10000);
    for (let i = 0; i < x.length; i++) x[i] = [0, -0, Infinity, -Infinity, 2.5, -2.5][i % 6];
    const s = sortFloat64(x);
    expect(s[0]).toBe(-Infinity);
    expect(s[9999]).toBe(Infinity);
    const firstZero = s.indexOf(0);
    expect(Object.is(s[firstZero], -0)).toBe(true);
    expectSameOrder(s, referenceSort(x));
  });

  test('radix path: all-equal and same-exponent data (skipped passes)', () => {
    expectSameOrder(sortFloat64(new Float64Array(6000).fill(3)), new Array<number>(6000).fill(3));
    const u = xorshift128(5);
    const x = Float64Array.from({ length: 6000 }, () => 1 + u()); // one exponent, random mantissa
    expectSameOrder(sortFloat64(x), referenceSort(x));
  });
});

describe('sortFloat64InPlace', () => {
  test('sorts into the given array, reusing a longer scratch buffer, whatever the number of passes', () => {
    const scratch = new Float64Array(9000);
    const u = xorshift128(11);
    // Same exponent (some passes skipped, odd count possible) and spread data (all passes).
    for (const x of [Float64Array.from({ length: 5000 }, () => 1 + u()), randomMix(8000, 3)]) {
      const expected = referenceSort(x);
      const out = sortFloat64InPlace(x, scratch);
      expect(out).toBe(x);
      expectSameOrder(x, expected);
    }
  });
});

describe('sortFloat64InPlace: high word first, then the runs that share it', () => {
  const u = xorshift128(21);
  // Values that share their high 32 bits (sign, exponent, top 20 mantissa bits) differ only in the
  // low word: `base + i·ulp`. Runs of them test the finishing step; many of them, the fallback.
  const near = (base: number, spread: number) => base + Math.floor(u() * spread) * Number.EPSILON * base;
  test.each([
    ['decimals with ties (short runs, many of one value)', () => Math.round((u() - 0.5) * 8e4) / 1e4],
    // 6 % of the values in runs: under the budget (an eighth), so the runs are sorted one by one.
    [
      'a few runs of ≤ 16 values sharing a high word',
      () => (u() < 0.06 ? near(1 + Math.floor(u() * 400) / 400, 1e3) : u()),
    ],
    ['a few runs longer than 16', () => (u() < 0.06 ? near(1 + Math.floor(u() * 4) / 4, 1e6) : u() * 1e6)],
    ['timestamps seconds apart (most values share a high word: the six passes)', () => 1.7e9 + u() * 600],
    ['integers (every low word 0: the three high passes alone)', () => Math.floor((u() - 0.5) * 1e6)],
  ])('%s: same order as the reference', (_name, draw) => {
    for (const n of [4096, 8192, 20000]) {
      const x = Float64Array.from({ length: n }, draw);
      const expected = referenceSort(x);
      expectSameOrder(sortFloat64InPlace(x, new Float64Array(n)), expected);
    }
  });

  test('any mix of runs, ties, signed zeros and infinities sorts as the reference (fast-check)', () => {
    const values = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity),
      fc.integer({ min: 0, max: 64 }).map((i) => 1 + i * Number.EPSILON), // one high word
      fc.integer({ min: 0, max: 64 }).map((i) => -3 - i * 4 * Number.EPSILON),
    );
    fc.assert(
      fc.property(fc.array(values, { minLength: 4096, maxLength: 6000 }), (xs) => {
        const x = Float64Array.from(xs);
        const expected = referenceSort(x);
        expectSameOrder(sortFloat64InPlace(x), expected);
      }),
      { numRuns: 40 },
    );
  });
});
