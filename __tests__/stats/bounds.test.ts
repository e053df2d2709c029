import fc from 'fast-check';
import { lowerBound, upperBound } from '../../src/stats/bounds.js';

describe('lowerBound / upperBound', () => {
  test('examples', () => {
    expect(lowerBound([1, 2, 2, 3], 2)).toBe(1);
    expect(upperBound([1, 2, 2, 3], 2)).toBe(3);
    expect(lowerBound([], 1)).toBe(0);
    expect(upperBound(Float64Array.of(1, 2), 5)).toBe(2);
    expect(lowerBound(Float64Array.of(1, 2, 2, 3), 2, 2)).toBe(2); // from: everything before is below
  });

  test('property: the counts of items < x and ≤ x, from any start at or below them (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 })), fc.integer({ min: -6, max: 6 }), fc.nat(), (xs, x, f) => {
        const sorted = Float64Array.from(xs).sort();
        const below = xs.filter((v) => v < x).length;
        const atMost = xs.filter((v) => v <= x).length;
        const from = below === 0 ? 0 : f % (below + 1);
        expect(lowerBound(sorted, x, from)).toBe(below);
        expect(upperBound(sorted, x, from)).toBe(atMost);
      }),
    );
  });
});
