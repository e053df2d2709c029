/** The noise columns of a gate row (src/gate/noise.ts): source order and verdict words. */
import { assertAgree, comparisonFor, noiseEntry } from '../../src/gate/noise.js';
import type { MetricFile } from '../../src/metrics/types.js';
import type { MetricRule } from '../../src/rules/types.js';
import { twoProportionZ } from '../../src/stats/two-proportion-z.js';

const file = (name: string, metrics: Record<string, number>, format = 'sklearn-report'): MetricFile => ({
  file: name,
  format,
  metrics: Object.entries(metrics).map(([n, value]) => ({ name: n, value, file: name })),
  aliases: {},
});
const rule = (text: string, r: Partial<MetricRule>): MetricRule => ({ metric: 'accuracy', checks: [], text, ...r });

test('better: a significant rise quotes the one-sided p of "better"', () => {
  const cand = file('c.json', { accuracy: 0.95, 'weighted avg.support': 2000 });
  const base = file('b.json', { accuracy: 0.92, 'weighted avg.support': 2000 });
  const r = rule('max-drop 0.01', { checks: [{ kind: 'max-drop', value: 0.01 }], noise: { significance: 0.05 } });
  const { comparison, source } = comparisonFor(r, cand.metrics[0], [cand], [base], {});
  const e = noiseEntry(r, comparison, source, 'higher');
  const p = twoProportionZ(1900, 2000, 1840, 2000, { alternative: 'larger', value: 0 }).pValue;
  expect(e).toMatchObject({ source: 'metrics file', verdict_kind: 'better', difference_method: 'two-proportion-z' });
  expect(e.p_value).toBeCloseTo(p, 14);
  expect(e.verdict).toBe('better (p < 0.001)');
});

test('a bound without a baseline: the threshold test, at the rule’s level; confidence sets the intervals', () => {
  const cand = file('c.json', { accuracy: 0.932, 'weighted avg.support': 2000 });
  const r = rule('>= 0.94', { checks: [{ kind: 'compare', op: '>=', value: 0.94 }], noise: { confidence: 0.9 } });
  const { comparison, source } = comparisonFor(r, cand.metrics[0], [cand], undefined, {});
  const e = noiseEntry(r, comparison, source, 'higher');
  expect(e.verdict).toBe('within noise of 0.94 (p = 0.066)');
  expect(e.confidence).toBe(0.9);
  expect(e.difference).toBeNull();
  const wide = noiseEntry({ ...r, noise: { confidence: 0.99 } }, comparison, source, 'higher').interval!;
  expect(wide[0]).toBeLessThan(e.interval![0]);
});

test('no source: the row says why', () => {
  const cand = file('c.json', { f1: 0.8 }, 'json');
  const r = rule('>= 0.7', { metric: 'f1', checks: [{ kind: 'compare', op: '>=', value: 0.7 }], noise: { n: 500 } });
  const { comparison, source } = comparisonFor(r, cand.metrics[0], [cand], undefined, {});
  const e = noiseEntry(r, comparison, source, 'higher');
  expect(e).toMatchObject({ source: 'none', interval: null, verdict_kind: 'no estimate' });
  expect(e.verdict).toBe('no estimate: a sample size gives an interval for proportions (accuracy-like metrics) only');
});

describe('assertAgree: a metric computed from predictions and also read from a file', () => {
  const metricFile = (file: string, value: number): MetricFile => ({
    file,
    format: 'json',
    metrics: [{ name: 'accuracy', value, file, line: 2 }],
    aliases: {},
  });
  const computed = metricFile('predictions.csv', 0.986013986013986);

  test('the same value, or a rounded copy with 4 significant digits, agrees', () => {
    expect(() => assertAgree(computed, [metricFile('m.json', 0.986013986013986)])).not.toThrow();
    expect(() => assertAgree(computed, [metricFile('m.json', 0.986014)])).not.toThrow();
    expect(() => assertAgree(computed, [metricFile('m.json', 0.98601)])).not.toThrow();
  });

  test('another value, or one too short to be a known rounding, is refused at the file line', () => {
    for (const other of [0.9861, 0.986, 0.99, 0.9]) {
      expect(() => assertAgree(computed, [metricFile('m.json', other)])).toThrow(
        expect.objectContaining({ file: 'm.json', line: 2, message: expect.stringContaining("'accuracy' is") }),
      );
    }
  });
});
