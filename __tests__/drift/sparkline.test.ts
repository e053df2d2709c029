import { sparklines } from '../../src/drift/sparkline.js';

describe('sparklines', () => {
  test('numeric: shares of each side on one scale, 10 bins', () => {
    const [a, b] = sparklines(
      { kind: 'numeric', sorted: Float64Array.from([0, 0, 0, 0, 10]), rows: 5, missing: 0 },
      { kind: 'numeric', sorted: Float64Array.from([0, 10, 10, 10, 10]), rows: 5, missing: 0 },
    );
    expect(a).toBe('█▁▁▁▁▁▁▁▁▃'); // shares .8 and .2: round(.2 / .8 × 7) = 2
    expect(b).toBe('▃▁▁▁▁▁▁▁▁█');
  });
  test('categorical: categories in name order', () => {
    const [a, b] = sparklines(
      {
        kind: 'categorical',
        counts: new Map([
          ['b', 1],
          ['a', 3],
        ]),
        rows: 4,
        missing: 0,
      },
      {
        kind: 'categorical',
        counts: new Map([
          ['a', 1],
          ['b', 1],
        ]),
        rows: 2,
        missing: 0,
      },
    );
    expect([a, b]).toEqual(['█▃', '▆▆']); // shares .75 .25 | .5 .5, scaled by the top share .75 to 8 levels
  });
});
