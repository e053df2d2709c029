import { flatMetrics, lookupMetric } from '../../src/metrics/lookup.js';
import { readMetrics } from '../../src/metrics/read.js';
import type { MetricFile } from '../../src/metrics/types.js';
import { sample, synthetic } from './helpers.js';

const file = (name: string, metrics: [string, MetricFile['metrics'][0]['value']][], aliases = {}): MetricFile => ({
  file: name,
  format: 'json',
  metrics: metrics.map(([n, value], i) => ({ name: n, value, file: name, line: i + 1 })),
  aliases,
});

describe('lookupMetric', () => {
  const a = file(
    'a.json',
    [
      ['log.3.accuracy', 0.5],
      ['loss', 0.2],
      ['loss', 0.9],
    ],
    { accuracy: 'log.3.accuracy' },
  );
  const b = file('b.json', [
    ['accuracy', 0.8],
    ['loss', 0.3],
  ]);

  test('generic names: first file, first occurrence wins', () => {
    expect(lookupMetric([a, b], 'loss')).toMatchObject({ file: 'a.json', value: 0.2, line: 2 });
    expect(lookupMetric([b, a], 'loss')).toMatchObject({ file: 'b.json', value: 0.3 });
  });

  test('a generic name in a later file beats an alias in an earlier one', () => {
    expect(lookupMetric([a, b], 'accuracy')).toMatchObject({ file: 'b.json', value: 0.8 });
    expect(lookupMetric([a], 'accuracy')).toMatchObject({ file: 'a.json', name: 'log.3.accuracy', value: 0.5 });
  });

  test('unknown names, and inherited object keys are not aliases', () => {
    expect(lookupMetric([a, b], 'f1')).toBeUndefined();
    expect(lookupMetric([a, b], 'constructor')).toBeUndefined();
    expect(lookupMetric([a, b], '__proto__')).toBeUndefined();
  });
});

describe('flatMetrics', () => {
  test('finite numbers only, by generic name, first file wins', async () => {
    const files = await readMetrics([
      synthetic('nan-infinity.json'),
      sample('dvc/Abdus-Sami01__ml-ci-cd__metrics.yaml'),
    ]);
    expect(flatMetrics(files)).toEqual({ total_flos: 35467769063407616, tiny: -1.5e-7, ok: 0.5 });
    expect(
      flatMetrics([
        file('x', [
          ['s', 'N/A'],
          ['t', true],
          ['n', 2],
          ['n', 3],
        ]),
      ]),
    ).toEqual({ n: 2 });
  });
});
