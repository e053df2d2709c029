import fc from 'fast-check';
import { insertionSort, sortFloat64, sortFloat64InPlace, sortFloat64Using } from '../../src/stats/sort.js';
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

describe('sortFloat64Using', () => {
  test("property: the result is x or the scratch buffer's start, sorted as the reference; both parities of passes", () => {
    let inScratch = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 4096, max: 9000 }),
        fc.constantFrom(1, 1e9, -1e-3, 0),
        fc.constantFrom(0, 1e-9, 1, 1e6, 1e300),
        fc.integer(),
        (n, base, spread, seed) => {
          const u = xorshift128(seed);
          const x = Float64Array.from({ length: n }, () => base + spread * (u() - 0.5));
          const expected = referenceSort(x);
          const scratch = new Float64Array(n + 5);
          const out = sortFloat64Using(x, scratch);
          if (out !== x) {
            expect(out.buffer).toBe(scratch.buffer);
            expect(out.byteOffset).toBe(0);
            inScratch++;
          }
          expectSameOrder(out, expected);
        },
      ),
      { numRuns: 80 },
    );
    // Both cases were tried (an odd number of passes leaves the values in the scratch buffer).
    expect(inScratch).toBeGreaterThan(0);
    expect(inScratch).toBeLessThan(80);
  });
});

describe('runs of equal high words (sorted by the low word)', () => {
  // Values that share the top 32 bits of their pattern: large integers (timestamps), narrow ranges,
  // either sign, with duplicates; short runs (insertion) and long ones (radix on the low word).
  test.each([
    ['epoch seconds over a day', (u: () => number) => 1.7e9 + Math.floor(u() * 86_400)],
    ['epoch milliseconds', (u: () => number) => 1.7e12 + Math.floor(u() * 3.6e6)],
    ['one high word', (u: () => number) => 1 + u() * 1e-7],
    ['negative, one high word', (u: () => number) => -1 - u() * 1e-7],
    ['both signs near zero', (u: () => number) => (u() - 0.5) * 1e-300],
    ['a few values repeated', (u: () => number) => [1e9, 1e9 + 1, 1e9 + 2][Math.floor(u() * 3)]],
  ])('%s', (_label, draw) => {
    const u = xorshift128(7);
    const x = Float64Array.from({ length: 20_000 }, () => draw(u));
    expectSameOrder(sortFloat64(x), referenceSort(x));
  });

  test('property: any mix of a base, a spread and a sign sorts as Array.prototype.sort', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4096, max: 12_000 }),
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.constantFrom(0, 1e-12, 1e-6, 1, 1e3, 1e6),
        fc.boolean(),
        fc.integer(),
        (n, base, spread, integers, seed) => {
          const u = xorshift128(seed);
          const x = Float64Array.from({ length: n }, () => {
            const v = base + spread * (u() - 0.5);
            return integers ? Math.round(v) : v;
          });
          const scratch = new Float64Array(n + 3);
          expectSameOrder(sortFloat64InPlace(Float64Array.from(x), scratch), referenceSort(x));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sortFloat64InPlace: mixes of runs, ties and specials', () => {
  const u = xorshift128(21);
  // `base + i·ulp` values share their high 32 bits and differ only in the low word.
  const near = (base: number, spread: number) => base + Math.floor(u() * spread) * Number.EPSILON * base;
  test.each([
    ['decimals with ties (short runs, many of one value)', () => Math.round((u() - 0.5) * 8e4) / 1e4],
    [
      'a few runs of ≤ 32 values sharing a high word',
      () => (u() < 0.06 ? near(1 + Math.floor(u() * 400) / 400, 1e3) : u()),
    ],
    ['a few runs longer than 32', () => (u() < 0.06 ? near(1 + Math.floor(u() * 4) / 4, 1e6) : u() * 1e6)],
    ['timestamps seconds apart (most values share a high word)', () => 1.7e9 + u() * 600],
    ['integers (every low word 0: the three high passes alone)', () => Math.floor((u() - 0.5) * 1e6)],
  ])('%s: same order as the reference', (_name, draw) => {
    for (const n of [4096, 8192, 20000]) {
      const x = Float64Array.from({ length: n }, draw);
      const expected = referenceSort(x);
      expectSameOrder(sortFloat64InPlace(x, new Float64Array(n)), expected);
    }
  });

  test('a view into a larger buffer (as a KLL sketch passes its level 0) is sorted in place, its neighbours untouched', () => {
    const whole = Float64Array.from({ length: 12_000 }, () => near(1e3, 1e5));
    const before = Float64Array.from(whole);
    const view = whole.subarray(1000, 11_000);
    const expected = referenceSort(view);
    expectSameOrder(sortFloat64InPlace(view, new Float64Array(12_000)), expected);
    expect(Array.from(whole.subarray(0, 1000))).toEqual(Array.from(before.subarray(0, 1000)));
    expect(Array.from(whole.subarray(11_000))).toEqual(Array.from(before.subarray(11_000)));
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

describe('insertionSort', () => {
  test('sorts only the range it is given', () => {
    const x = Float64Array.of(5, 3, 1, 2, 0);
    insertionSort(x, 1, 4);
    expect(Array.from(x)).toEqual([5, 1, 2, 3, 0]);
  });
});
