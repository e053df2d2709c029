// Running a group: bootstrap within the work budget, else the jackknife normal approximation.
import { bcaParameters, type BcaParameters } from '../stats/bca-parameters.js';
import { bootstrapReplicates, DEFAULT_RESAMPLES, DEFAULT_SEED } from '../stats/bootstrap.js';
import { mulberry32 } from '../stats/random.js';
import { bootstrapEvidence, normalEvidence, permutationEvidence } from './evidence.js';
import { DEFAULT_MAX_BOOTSTRAP_WORK, sumOf, type CompareOptions, type Group } from './groups/group.js';
import type { Evidence } from './types.js';

export function runGroup(
  group: Group,
  options: CompareOptions,
): Map<string, { evidence: Evidence | null; noEvidence?: string }> {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const maxWork = options.maxBootstrapWork ?? DEFAULT_MAX_BOOTSTRAP_WORK;
  const out = new Map<string, { evidence: Evidence | null; noEvidence?: string }>();
  const jackknife = group.jackknife();
  const weights = group.weights;
  const n = sumOf(weights);
  if (resamples * group.cost > maxWork) {
    group.names.forEach((name, o) => {
      const se = jackknifeStandardError(jackknife[o], weights, n);
      if (!(se > 0)) {
        out.set(name, { evidence: null, noEvidence: 'every leave-one-out value is the same: no measurable noise' });
        return;
      }
      const description =
        `normal approximation with the jackknife standard error ${se.toPrecision(3)} ` +
        `(${n} examples: too many for ${resamples} bootstrap resamples of this metric)`;
      out.set(name, { evidence: normalEvidence(group.estimates[o], se, 'jackknife-normal', description) });
    });
    return out;
  }
  const replicates = bootstrapReplicates(weights, group.names.length, group.statistic, {
    resamples,
    seed: options.seed ?? DEFAULT_SEED,
  });
  const permuted =
    group.permute && resamples * (group.permuteCost ?? group.cost) <= maxWork
      ? permutationReplicates(group, resamples, (options.seed ?? DEFAULT_SEED) + 1)
      : undefined;
  group.names.forEach((name, o) => {
    const sorted = finiteSorted(replicates[o]);
    const dropped = resamples - sorted.length;
    const method = group.paired ? 'paired-bootstrap' : 'bootstrap';
    if (sorted.length < resamples / 2) {
      out.set(name, { evidence: null, noEvidence: `the metric is undefined in ${dropped} of ${resamples} resamples` });
      return;
    }
    if (sorted[0] === sorted[sorted.length - 1]) {
      out.set(name, {
        evidence: null,
        noEvidence:
          `every one of the ${resamples} resamples gives ${sorted[0]}: ` +
          'the bootstrap cannot measure the noise of this metric here (identical or perfect predictions)',
      });
      return;
    }
    let bca: BcaParameters | undefined;
    if ((options.interval ?? 'bca') === 'bca' && jackknife[o].every((x) => Number.isFinite(x))) {
      bca = bcaParameters(sorted, group.estimates[o], jackknife[o], weights);
    }
    const kind = bca ? 'BCa' : 'percentile';
    const description =
      `${group.paired ? 'paired bootstrap' : 'bootstrap'}, ${resamples} resamples (${kind}, seed ${options.seed ?? DEFAULT_SEED})` +
      (dropped > 0 ? `; ${dropped} resamples where the metric is undefined left out` : '');
    const evidence = bootstrapEvidence(sorted, bca, method, description);
    // (accuracy's difference gets the exact McNemar test instead, in comparePredictions)
    const d = name.endsWith('@difference') && name !== 'accuracy@difference' ? o - (group.names.length / 3) * 2 : -1;
    out.set(name, {
      evidence: permuted && d >= 0 ? permutationEvidence(evidence, permuted[d], group.estimates[o]) : evidence,
    });
  });
  return out;
}

/** Sorted permutation-test replicates of each difference output of a paired class-count group. */
function permutationReplicates(group: Group, resamples: number, seed: number): Float64Array[] {
  const m = group.names.length / 3;
  const uniform = mulberry32(seed);
  const out = Array.from({ length: m }, () => new Float64Array(resamples));
  const row = new Float64Array(m);
  for (let r = 0; r < resamples; r++) {
    group.permute!(uniform, row);
    for (let i = 0; i < m; i++) out[i][r] = row[i];
  }
  return out.map((x) => x.sort());
}

/** √((n−1)/n · Σ w_j (θ_j − θ̄)²) over atoms of multiplicity w_j. */
function jackknifeStandardError(values: Float64Array, weights: ArrayLike<number>, n: number): number {
  let mean = 0;
  for (let j = 0; j < values.length; j++) mean += weights[j] * values[j];
  mean /= n;
  let ss = 0;
  for (let j = 0; j < values.length; j++) ss += weights[j] * (values[j] - mean) ** 2;
  return Math.sqrt(((n - 1) / n) * ss);
}

function finiteSorted(a: Float64Array): Float64Array {
  let j = 0;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) out[j++] = a[i];
  return out.subarray(0, j).sort();
}
