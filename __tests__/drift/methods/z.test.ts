import { getMethod } from '../../../src/drift/registry.js';
import { categoricalSample, numericSample } from './helpers.js';

const z = getMethod('z');

describe('z on samples: pooled two-proportion z-test on the first category', () => {
  test('hand-computed: 30/100 vs 50/100', () => {
    // p̂ = 0.4, se = √(0.24·0.02) = √0.0048, z = −0.2/√0.0048; two-sided p = 0.003892417…
    const out = z.onSamples(categoricalSample([30, 70]), categoricalSample([50, 50]));
    expect(out.statistic).toBeCloseTo(-0.2 / Math.sqrt(0.0048), 12);
    expect(out.pValue).toBeCloseTo(0.0038924171, 9);
  });

  test('a numeric binary column: the smaller value is the first category; z² is the 2 × 2 χ²', () => {
    const values = (zeros: number, ones: number) => [...Array<number>(zeros).fill(0), ...Array<number>(ones).fill(1)];
    const out = z.onSamples(numericSample(values(30, 70)), numericSample(values(50, 50)));
    expect(out.statistic).toBeCloseTo(-0.2 / Math.sqrt(0.0048), 12);
    const chi2 = getMethod('chi2').onSamples(numericSample(values(30, 70)), numericSample(values(50, 50)));
    expect(out.statistic ** 2).toBeCloseTo(chi2.statistic, 10);
    expect(out.pValue).toBeCloseTo(chi2.pValue as number, 12);
  });

  test('refuses a column with more than two values, saying how many', () => {
    const facts = { name: 'x', kind: 'categorical' as const, referenceRows: 10 };
    expect(z.refuse?.({ ...facts, distinctValues: 2 })).toBeUndefined();
    expect(z.refuse?.({ ...facts, distinctValues: 3 })).toBe(
      'the z-test needs a binary column; this one has 3 distinct values',
    );
    expect(z.refuse?.({ ...facts, distinctValues: 21 })).toContain('more than 20 distinct values');
  });
});
