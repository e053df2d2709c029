import { comparePredictions } from '../../src/noise/predictions.js';
import type { MetricComparison } from '../../src/noise/types.js';
import { differenceVerdict } from '../../src/noise/verdict.js';
import { pairPredictions } from '../../src/predictions/pair.js';
import { readPredictions } from '../../src/predictions/read.js';
import type { Predictions } from '../../src/predictions/types.js';
import { standardDeviation } from '../../src/stats/describe.js';
import { mcnemarExact } from '../../src/stats/mcnemar.js';
import { mulberry32 } from '../../src/stats/random.js';
import { logLossTerms } from '../../src/predictions/metrics.js';
import { tempFolder, writeTable, type Cell } from '../predictions/helpers.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

/** A binary test set of n examples and two models' scores (the baseline's noisier by `gap`). */
function models(n: number, seed: number, gap = 0) {
  const u = mulberry32(seed);
  const normal = () => {
    let s = 0;
    for (let i = 0; i < 12; i++) s += u();
    return s - 6;
  };
  const y: Cell[] = [];
  const c: Record<string, Cell[]> = { y_pred: [], score: [] };
  const b: Record<string, Cell[]> = { y_pred: [], score: [] };
  for (let i = 0; i < n; i++) {
    const t = u() < 0.4 ? 1 : 0;
    const shared = normal();
    y.push(t);
    for (const [m, strength] of [
      [c, 1.2],
      [b, 1.2 + gap],
    ] as const) {
      const s = 1 / (1 + Math.exp(-((2 * t - 1) * strength + shared + 0.7 * normal())));
      m.score.push(s);
      m.y_pred.push(s >= 0.5 ? 1 : 0);
    }
  }
  return { y, c, b };
}

async function pair(name: string, y: Cell[], c: Record<string, Cell[]>, b: Record<string, Cell[]>) {
  const cand = await readPredictions(writeTable(folder.dir, `${name}-c.csv`, { y_true: y, ...c }));
  const base = await readPredictions(writeTable(folder.dir, `${name}-b.csv`, { y_true: y, ...b }));
  return pairPredictions(cand, base);
}

const byMetric = (cs: MetricComparison[], metric: string) => cs.find((x) => x.metric === metric)!;

describe('comparePredictions', () => {
  test('accuracy: Wilson per model, exact McNemar for the difference', async () => {
    const { y, c, b } = models(400, 1, 0.6);
    const { candidate, baseline } = await pair('mcnemar', y, c, b);
    const { comparisons } = comparePredictions(candidate, baseline, { resamples: 1000 });
    const acc = byMetric(comparisons, 'accuracy');
    expect(acc.candidate.evidence!.method).toBe('wilson');
    expect(acc.difference!.evidence!.method).toBe('mcnemar-exact');
    let worse = 0;
    let better = 0;
    for (let i = 0; i < candidate.n; i++) {
      const cr = candidate.yPred[i] === candidate.yTrue[i];
      const br = baseline.yPred[i] === baseline.yTrue[i];
      if (br && !cr) worse++;
      if (cr && !br) better++;
    }
    const test = mcnemarExact(worse, better);
    expect(acc.difference!.evidence!.pBelow(0)).toBe(test.pWorse);
    expect(acc.difference!.evidence!.pAbove(0)).toBe(test.pBetter);
    expect(acc.difference!.value).toBeCloseTo((better - worse) / candidate.n, 15);
    // the weaker candidate: worse, with the McNemar p-value in the words
    const v = differenceVerdict(acc.difference!, { direction: 'higher' });
    expect(v.kind).toBe('worse');
    expect(v.pValue).toBe(test.pWorse);
  });

  test('every metric the predictions give, with its method; the rest listed with a reason', async () => {
    const { y, c, b } = models(300, 2);
    const { candidate, baseline } = await pair('all', y, c, b);
    const { comparisons, unavailable } = comparePredictions(candidate, baseline, { resamples: 1000 });
    expect(comparisons.map((x) => [x.metric, x.difference!.evidence!.method])).toEqual([
      ['accuracy', 'mcnemar-exact'],
      ...['precision', 'recall', 'f1', 'precision_macro', 'recall_macro', 'f1_macro'].map((m) => [
        m,
        'paired-bootstrap',
      ]),
      ...['precision_weighted', 'recall_weighted', 'f1_weighted', 'roc_auc', 'log_loss'].map((m) => [
        m,
        'paired-bootstrap',
      ]),
    ]);
    expect(unavailable).toEqual([{ metric: 'roc_auc_ovr', reason: 'a binary problem: see roc_auc' }]);
    for (const x of comparisons) {
      const [lo, hi] = x.difference!.evidence!.interval(0.95);
      expect(lo).toBeLessThanOrEqual(x.difference!.value + 1e-12);
      expect(hi).toBeGreaterThanOrEqual(x.difference!.value - 1e-12);
    }
  });

  test('identical predictions: McNemar finds nothing, the bootstrap says it cannot measure', async () => {
    const { y, c } = models(200, 3);
    const { candidate, baseline } = await pair('same', y, c, c);
    const { comparisons } = comparePredictions(candidate, baseline, { resamples: 500 });
    const acc = byMetric(comparisons, 'accuracy');
    expect(differenceVerdict(acc.difference!, { direction: 'higher' })).toEqual({
      kind: 'within noise',
      pValue: 1,
      text: 'within noise (p = 1)',
    });
    expect(acc.difference!.evidence!.interval(0.95)).toEqual([0, 0]);
    const f1 = byMetric(comparisons, 'f1').difference!;
    expect(f1.evidence).toBeNull();
    expect(f1.noEvidence).toContain('identical or perfect predictions');
    expect(differenceVerdict(f1, { direction: 'higher' }).kind).toBe('no estimate');
  });

  test('without a baseline: the candidate’s own intervals', async () => {
    const { y, c } = models(300, 4);
    const cand = await readPredictions(writeTable(folder.dir, 'alone.csv', { y_true: y, ...c }));
    const { comparisons } = comparePredictions(cand, undefined, { resamples: 1000 });
    for (const x of comparisons) {
      expect(x.baseline).toBeUndefined();
      expect(x.candidate.evidence!.method).toBe(x.metric === 'accuracy' ? 'wilson' : 'bootstrap');
    }
  });

  test('above the work budget: the jackknife standard error (of a mean: s/√n; of an AUC: DeLong’s)', async () => {
    const { y, c, b } = models(1500, 5, 0.3);
    const { candidate, baseline } = await pair('budget', y, c, b);
    const { comparisons } = comparePredictions(candidate, baseline, { maxBootstrapWork: 1000, resamples: 1000 });
    const ll = byMetric(comparisons, 'log_loss');
    expect(ll.difference!.evidence!.method).toBe('jackknife-normal');
    // The difference of log losses is the mean of per-example differences: SE = s/√n.
    const lc = logLossTerms(candidate);
    const lb = logLossTerms(baseline);
    const d = lc.map((x, i) => x - lb[i]);
    const se = standardDeviation(d, 1) / Math.sqrt(d.length);
    const [lo, hi] = ll.difference!.evidence!.interval(0.95);
    expect((hi - lo) / (2 * 1.959963984540054)).toBeCloseTo(se, 12);
    // The AUC's jackknife variance matches DeLong's (the same placement values) to O(1/n).
    const auc = byMetric(comparisons, 'roc_auc').candidate;
    expect(auc.evidence!.method).toBe('jackknife-normal');
    const [alo, ahi] = auc.evidence!.interval(0.95);
    const delong = delongStandardError(candidate);
    expect(Math.abs((ahi - alo) / (2 * 1.959963984540054) / delong - 1)).toBeLessThan(0.01);
  });

  test('refuses unpaired predictions (a programming error: pairPredictions first)', async () => {
    const { y, c } = models(20, 6);
    const a = await readPredictions(writeTable(folder.dir, 'u1.csv', { y_true: y, ...c }));
    const b = await readPredictions(writeTable(folder.dir, 'u2.csv', { y_true: y, ...c }));
    expect(() => comparePredictions(a, b)).toThrow('pair the predictions first');
  });
});

/** DeLong's standard error of one AUC, written out from DeLong et al. (1988), O(P·N). */
function delongStandardError(p: Predictions): number {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < p.n; i++) (p.yTrue[i] === 1 ? pos : neg).push(p.score![i]);
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = pos.map((x) => neg.reduce((s, y) => s + psi(x, y), 0) / neg.length);
  const v01 = neg.map((y) => pos.reduce((s, x) => s + psi(x, y), 0) / pos.length);
  const variance = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
  };
  return Math.sqrt(variance(v10) / pos.length + variance(v01) / neg.length);
}

describe('the paired permutation test at "no difference"', () => {
  test('permutationEvidence: the larger of the bootstrap’s and the permutation test’s p-value, at t = 0 only', async () => {
    const { permutationEvidence, normalEvidence } = await import('../../src/noise/evidence.js');
    const boot = normalEvidence(-0.01, 0.01, 'paired-bootstrap', 'boot');
    const permuted = Float64Array.from({ length: 99 }, (_, i) => (i - 49) / 1000).sort(); // −0.049 … 0.049
    const e = permutationEvidence(boot, permuted, -0.03);
    // 20 permuted differences are at or below −0.03: (1 + 20) / 100
    expect(e.pBelow(0)).toBe(Math.max(boot.pBelow(0), 0.21));
    expect(e.pAbove(0)).toBe(Math.max(boot.pAbove(0), (1 + 99 - 19) / 100));
    expect(e.pBelow(-0.005)).toBe(boot.pBelow(-0.005));
    expect(e.interval(0.9)).toEqual(boot.interval(0.9));
  });

  test('log loss on 12 examples: the Monte-Carlo permutation p is the exact sign-flip p (4 096 patterns)', async () => {
    const { y, c, b } = models(12, 11, 1.5);
    const { candidate, baseline } = await pair('flip', y, c, b);
    const d = logLossTerms(candidate).map((x, i) => x - logLossTerms(baseline)[i]);
    const observed = d.reduce((s, x) => s + x, 0);
    let atOrAbove = 0;
    for (let mask = 0; mask < 4096; mask++) {
      let s = 0;
      for (let i = 0; i < 12; i++) s += (mask >> i) & 1 ? -d[i] : d[i];
      if (s >= observed - 1e-12) atOrAbove++;
    }
    const exact = atOrAbove / 4096;
    const { comparisons } = comparePredictions(candidate, baseline, { resamples: 4000 });
    const p = byMetric(comparisons, 'log_loss').difference!.evidence!.pAbove(0);
    // the reported p is at least the permutation p, which is within 4 Monte-Carlo SE of the exact one
    expect(p).toBeGreaterThanOrEqual(exact - 4 * Math.sqrt((exact * (1 - exact)) / 4000));
  });
});
