/** Shared by the per-method tests: SciPy's golden cases and samples built from them. */
import { readFileSync } from 'node:fs';
import type { Sample } from '../../../src/drift/samples.js';

export interface GoldenCase {
  id: string;
  kind: 'numeric' | 'categorical_counts';
  reference: number[];
  current: number[];
  expected: Record<string, number>;
}

/** The cases of __tests__/fixtures/golden/two_sample_stats.json (SciPy's values) of one kind. */
export function goldenCases(kind: GoldenCase['kind']): [string, GoldenCase][] {
  const file = new URL('../../fixtures/golden/two_sample_stats.json', import.meta.url);
  const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: GoldenCase[] }).cases;
  return cases.filter((c) => c.kind === kind).map((c) => [c.id, c]);
}

export function numericSample(values: readonly number[]): Sample {
  return { kind: 'numeric', sorted: Float64Array.from(values).sort(), rows: values.length, missing: 0 };
}

/** Category counts as a sample, labels `c00`, `c01`, … in the order given (zero counts left out). */
export function categoricalSample(counts: readonly number[]): Sample {
  const map = new Map<string, number>();
  counts.forEach((n, i) => n > 0 && map.set(`c${String(i).padStart(2, '0')}`, n));
  return { kind: 'categorical', counts: map, rows: counts.reduce((s, n) => s + n, 0), missing: 0 };
}

/** SciPy agreement: 1e-9 relative, or 1e-12 absolute below 1e-3 (as the statistics' golden tests). */
export function expectClose(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  const a = actual as number;
  if (Math.abs(expected) < 1e-3) expect(Math.abs(a - expected)).toBeLessThanOrEqual(1e-12);
  else expect(Math.abs(a - expected) / Math.abs(expected)).toBeLessThanOrEqual(1e-9);
}
