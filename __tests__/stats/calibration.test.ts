import { sortFloat64 } from '../../src/stats/sort.js';
import { ks2samp } from '../../src/stats/ks2samp.js';
import { chi2Homogeneity } from '../../src/stats/chi2-homogeneity.js';
import { categoricalCounts, normalSampler, xorshift128 } from './helpers/random.js';

// Under H0 (both samples from the same distribution) a calibrated test flags ~α of the columns.
// With 2000 columns the binomial standard error at α = 0.05 is ~0.005, so [0.03, 0.065] is a
// ±3σ-wide band (the exact KS test is slightly conservative because D is discrete).
const COLUMNS = 2000;
const ALPHA = 0.05;

/**
 * KS is distribution-free for continuous data (D depends only on the ranks), so large n uses
 * uniform draws; small n uses Box–Muller normals (cheap there, slow under Jest at n = 5000).
 */
function ksFlagRate(n: number, seed: number, draw: 'normal' | 'uniform'): number {
  const uniform = xorshift128(seed);
  const normal = draw === 'normal' ? normalSampler(uniform) : uniform;
  const ref = new Float64Array(n);
  const cur = new Float64Array(n);
  let flagged = 0;
  for (let c = 0; c < COLUMNS; c++) {
    for (let i = 0; i < n; i++) {
      ref[i] = normal();
      cur[i] = normal();
    }
    if (ks2samp(sortFloat64(ref), sortFloat64(cur)).pValue < ALPHA) flagged++;
  }
  return flagged / COLUMNS;
}

function chi2FlagRate(n: number, seed: number): number {
  const uniform = xorshift128(seed);
  const probs = [0.4, 0.3, 0.2, 0.1];
  let flagged = 0;
  for (let c = 0; c < COLUMNS; c++) {
    const ref = categoricalCounts(uniform, probs, n);
    const cur = categoricalCounts(uniform, probs, n);
    if (chi2Homogeneity(ref, cur).pValue < ALPHA) flagged++;
  }
  return flagged / COLUMNS;
}

describe('false-positive rate on identically distributed columns (α = 0.05, 2000 columns)', () => {
  test.each([
    [50, 'normal'],
    [5000, 'uniform'],
  ] as const)('ks, n = %i per side, %s data', (n, draw) => {
    const rate = ksFlagRate(n, 20240601 + n, draw);
    expect(rate).toBeGreaterThanOrEqual(0.03);
    expect(rate).toBeLessThanOrEqual(0.065);
  });

  test.each([50, 5000])('chi2, n = %i per side, 4 categories', (n) => {
    const rate = chi2FlagRate(n, 7 + n);
    expect(rate).toBeGreaterThanOrEqual(0.03);
    expect(rate).toBeLessThanOrEqual(0.065);
  });

  test('ks and chi2 do flag a real shift (the tests can fail)', () => {
    const uniform = xorshift128(99);
    const normal = normalSampler(uniform);
    const ref = Float64Array.from({ length: 500 }, () => normal());
    const cur = Float64Array.from({ length: 500 }, () => normal() + 0.5);
    expect(ks2samp(sortFloat64(ref), sortFloat64(cur)).pValue).toBeLessThan(1e-6);
    const a = categoricalCounts(uniform, [0.4, 0.3, 0.2, 0.1], 500);
    const b = categoricalCounts(uniform, [0.1, 0.2, 0.3, 0.4], 500);
    expect(chi2Homogeneity(a, b).pValue).toBeLessThan(1e-6);
  });
});
