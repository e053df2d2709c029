import { readFileSync } from 'node:fs';
import { comparePredictions, type CompareOptions } from '../../src/noise/predictions.js';
import type { MetricComparison } from '../../src/noise/types.js';
import { readPredictionPair } from '../../src/predictions/pair.js';
import { tempFolder, writeTable, type Cell } from '../predictions/helpers.js';

/**
 * Reference intervals from SciPy's paired bootstrap with 200 000 resamples:
 * scripts/golden/noise_bootstrap.py, which also derives each end's Monte-Carlo tolerance.
 */
const golden = JSON.parse(
  readFileSync(new URL('../fixtures/golden/noise_bootstrap.json', import.meta.url), 'utf8'),
) as {
  generator: string;
  resamples: number;
  confidence: number;
  tables: Record<
    string,
    { id: Cell[]; y_true: Cell[]; candidate: Record<string, Cell[]>; baseline: Record<string, Cell[]> }
  >;
  cases: {
    table: string;
    metric: string;
    target: 'candidate' | 'difference';
    estimate: number;
    percentile: [number, number];
    bca: [number, number];
    tolerance_percentile: [number, number];
    tolerance_bca: [number, number];
  }[];
};

const folder = tempFolder();
afterAll(() => folder.cleanup());

const runs = new Map<string, MetricComparison[]>();
/** The comparisons of one golden table (candidate vs baseline), read from real files, cached per options. */
async function compare(table: string, options: CompareOptions): Promise<MetricComparison[]> {
  const key = `${table} ${JSON.stringify(options)}`;
  if (!runs.has(key)) {
    const t = golden.tables[table];
    const c = writeTable(folder.dir, `${table}-c.csv`, { id: t.id, y_true: t.y_true, ...t.candidate });
    const b = writeTable(folder.dir, `${table}-b.jsonl`, { id: t.id, y_true: t.y_true, ...t.baseline });
    const { candidate, baseline } = await readPredictionPair(c, b);
    runs.set(key, comparePredictions(candidate, baseline, options).comparisons);
  }
  return runs.get(key)!;
}

function target(comparisons: MetricComparison[], metric: string, which: 'candidate' | 'difference') {
  const c = comparisons.find((x) => x.metric === metric);
  if (!c) throw new Error(`no ${metric}`);
  return which === 'candidate' ? c.candidate : c.difference!;
}

describe(`paired bootstrap intervals within Monte-Carlo error of SciPy's (${golden.generator})`, () => {
  test.each(golden.cases.map((c) => [`${c.table} ${c.metric} ${c.target}`, c] as const))('%s', async (_label, c) => {
    for (const method of ['percentile', 'bca'] as const) {
      const comparisons = await compare(c.table, { interval: method, resamples: golden.resamples });
      const estimate = target(comparisons, c.metric, c.target);
      expect(estimate.value).toBeCloseTo(c.estimate, 12);
      const [lo, hi] = estimate.evidence!.interval(golden.confidence);
      const reference = method === 'bca' ? c.bca : c.percentile;
      const tolerance = method === 'bca' ? c.tolerance_bca : c.tolerance_percentile;
      expect({
        method,
        end: 'low',
        diff: Math.abs(lo - reference[0]) <= tolerance[0] ? 'within' : Math.abs(lo - reference[0]),
      }).toEqual({
        method,
        end: 'low',
        diff: 'within',
      });
      expect({
        method,
        end: 'high',
        diff: Math.abs(hi - reference[1]) <= tolerance[1] ? 'within' : Math.abs(hi - reference[1]),
      }).toEqual({
        method,
        end: 'high',
        diff: 'within',
      });
    }
  });
});

describe('the bootstrap is reproducible', () => {
  test('the same seed gives the same intervals and p-values; another seed other ones', async () => {
    const t = golden.tables.binary;
    const c = writeTable(folder.dir, 'seed-c.csv', { id: t.id, y_true: t.y_true, ...t.candidate });
    const b = writeTable(folder.dir, 'seed-b.csv', { id: t.id, y_true: t.y_true, ...t.baseline });
    const numbers = async (seed: number) => {
      const { candidate, baseline } = await readPredictionPair(c, b);
      const { comparisons } = comparePredictions(candidate, baseline, { seed, resamples: 2000 });
      return comparisons.map((x) => [
        x.metric,
        x.difference!.evidence!.interval(0.9),
        x.difference!.evidence!.pBelow(0.01),
      ]);
    };
    const first = await numbers(7);
    expect(await numbers(7)).toEqual(first);
    expect(await numbers(8)).not.toEqual(first);
  });
});
