import { chi2Homogeneity } from '../stats/chi2-homogeneity.js';
import { mean, standardDeviation } from '../stats/describe.js';
import type { DriftTestName } from '../stats/drift-tests.js';
import { alignedBins } from '../stats/histogram.js';
import { jensenShannonDistance } from '../stats/jensen-shannon.js';
import { ks2samp } from '../stats/ks2samp.js';
import { meanShift } from '../stats/mean-shift.js';
import { psi } from '../stats/psi.js';
import { twoProportionZ } from '../stats/two-proportion-z.js';
import { wassersteinNormed } from '../stats/wasserstein.js';
import type { CategoricalSample, NumericSample, Sample } from './samples.js';

export interface TestOutcome {
  /** The test statistic (D, χ², z) for p-value tests; the distance otherwise. */
  statistic: number;
  /** Null for distances. */
  pValue: number | null;
  /** How the value was computed, when it matters to read it (KS exact/asymp, mean-shift denominator). */
  note?: string;
}

/**
 * Runs one registered drift test on two samples of the same kind (checked by the caller).
 * Binning for PSI and Jensen–Shannon on numerical columns is Evidently's (`alignedBins`): one bin
 * per distinct value when the reference has at most 20, else Sturges equal-width bins over both
 * samples. Chi-square and z on a numerical column treat each distinct value as a category.
 */
export function runTest(method: DriftTestName, ref: Sample, cur: Sample): TestOutcome {
  switch (method) {
    case 'ks': {
      const r = ks2samp(num(ref).sorted, num(cur).sorted);
      return { statistic: r.statistic, pValue: r.pValue, note: r.method };
    }
    case 'chi2': {
      const [a, b] = categoryCounts(ref, cur);
      const r = chi2Homogeneity(a, b);
      return { statistic: r.statistic, pValue: r.pValue, note: `dof ${r.dof}` };
    }
    case 'z': {
      const [a, b] = categoryCounts(ref, cur);
      const nRef = a.reduce((s, x) => s + x, 0);
      const nCur = b.reduce((s, x) => s + x, 0);
      const r = twoProportionZ(a[0] ?? 0, nRef, b[0] ?? 0, nCur);
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'wasserstein':
      return { statistic: wassersteinNormed(num(ref).sorted, num(cur).sorted), pValue: null };
    case 'psi': {
      const [a, b] = binnedCounts(ref, cur);
      return { statistic: psi(a, b), pValue: null };
    }
    case 'jensenshannon': {
      const [a, b] = binnedCounts(ref, cur);
      return { statistic: jensenShannonDistance(a, b), pValue: null };
    }
    case 'mean-shift': {
      const r = num(ref).sorted;
      const m = meanShift(mean(r), mean(num(cur).sorted), standardDeviation(r, 0));
      return {
        statistic: m.value,
        pValue: null,
        note:
          m.denominator === 'mean'
            ? undefined
            : `relative to the reference ${m.denominator === 'std' ? 'std (mean ≈ 0)' : 'scale (absolute)'}`,
      };
    }
  }
}

function num(s: Sample): NumericSample {
  if (s.kind !== 'numerical') throw new Error('numerical test on a categorical sample');
  return s;
}

/** Counts per category seen on either side, categories in a fixed (sorted) order. */
export function categoryCounts(ref: Sample, cur: Sample): [number[], number[]] {
  if (ref.kind === 'numerical' && cur.kind === 'numerical') {
    const bins = alignedBins(ref.sorted, cur.sorted, Infinity);
    return [bins.ref, bins.cur];
  }
  const r = ref as CategoricalSample;
  const c = cur as CategoricalSample;
  const labels = [...new Set([...r.counts.keys(), ...c.counts.keys()])].sort();
  return [labels.map((l) => r.counts.get(l) ?? 0), labels.map((l) => c.counts.get(l) ?? 0)];
}

function binnedCounts(ref: Sample, cur: Sample): [number[], number[]] {
  if (ref.kind === 'numerical' && cur.kind === 'numerical') {
    const bins = alignedBins(ref.sorted, cur.sorted);
    return [bins.ref, bins.cur];
  }
  return categoryCounts(ref, cur);
}
