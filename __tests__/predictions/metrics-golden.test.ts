import { readFileSync } from 'node:fs';
import { computeMetrics, PREDICTION_METRICS } from '../../src/predictions/metrics.js';
import { readPredictions } from '../../src/predictions/read.js';
import { tempFolder, writeTable, type Cell } from './helpers.js';

/** Golden values from scikit-learn: scripts/golden/noise_metrics.py. */
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden/noise_metrics.json', import.meta.url), 'utf8')) as {
  generator: string;
  cases: {
    id: string;
    format: 'csv' | 'jsonl';
    columns: Record<string, Cell[]>;
    positive: string | null;
    zero_division: 0 | 1;
    classes: string[];
    expected: Record<string, number | null>;
  }[];
};

const folder = tempFolder();
afterAll(() => folder.cleanup());

describe(`metrics from predictions files (${golden.generator})`, () => {
  test('the fixture has the cases this suite was written for', () => {
    expect(golden.cases.length).toBe(21);
  });

  test.each(golden.cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const file = writeTable(folder.dir, `${id}.${c.format}`, c.columns);
    const p = await readPredictions(file);
    expect(p.classes).toEqual(c.classes);
    const got = computeMetrics(p, { positiveLabel: c.positive ?? undefined, zeroDivision: c.zero_division });
    expect([...got.keys()].sort()).toEqual([...PREDICTION_METRICS].sort());
    for (const name of PREDICTION_METRICS) {
      const expected = c.expected[name];
      const value = got.get(name)!;
      if (expected === null) {
        // scikit-learn refuses this metric for this table: so do we, with a reason
        expect({ name, ...value }).toEqual({ name, unavailable: expect.any(String) });
        continue;
      }
      if (!('value' in value))
        throw new Error(`${id} ${name}: unavailable (${value.unavailable}), scikit-learn ${expected}`);
      const ok =
        Math.abs(expected) < 1e-15
          ? Math.abs(value.value - expected) <= 1e-15
          : Math.abs(value.value - expected) <= 1e-12 * Math.abs(expected);
      if (!ok) throw new Error(`${id} ${name}: got ${value.value}, scikit-learn ${expected}`);
    }
  });
});
