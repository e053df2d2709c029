/**
 * The Evidence of each method: closures over the numbers a method needs, answering interval and
 * one-sided p-value questions for any threshold or margin a rule asks about.
 */
import { bcaInterval } from '../stats/bca-interval.js';
import { countBelow, type BcaParameters } from '../stats/bca-parameters.js';
import { bootstrapPValue } from '../stats/bootstrap-p-value.js';
import type { McNemarResult } from '../stats/mcnemar.js';
import { newcombeInterval } from '../stats/newcombe-interval.js';
import { percentileInterval } from '../stats/percentile-interval.js';
import { proportionZ } from '../stats/proportion-z.js';
import { twoProportionZ } from '../stats/two-proportion-z.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { zInterval } from '../stats/z-interval.js';
import { zTest } from '../stats/z-test.js';
import type { Evidence, NoiseMethod } from './types.js';

/**
 * A proportion `count`/`n` (accuracy on n examples): Wilson interval, one-sample score test —
 * the test the interval inverts, so interval and p-value never disagree.
 *
 * @example
 * wilsonEvidence(1800, 2000).pBelow(0.91) // 0.0587… (score test of "accuracy < 0.91")
 */
export function wilsonEvidence(count: number, n: number): Evidence {
  return {
    method: 'wilson',
    description: `Wilson score interval, n = ${n}`,
    interval: (c) => wilsonInterval(count, n, 1 - c),
    pBelow: (t) => (t <= 0 ? 1 : t > 1 ? 0 : proportionZ(count, n, t, 'smaller').pValue),
    pAbove: (t) => (t >= 1 ? 1 : t < 0 ? 0 : proportionZ(count, n, t, 'larger').pValue),
  };
}

/**
 * An estimate with a standard error, normal approximation (z-test and estimate ± z·SE).
 *
 * @example
 * normalEvidence(0.62, 0.012, 'stderr-normal', 'normal approximation from the reported stderr').pBelow(0.65) // 0.0062…
 */
export function normalEvidence(estimate: number, stderr: number, method: NoiseMethod, description: string): Evidence {
  return {
    method,
    description,
    interval: (c) => zInterval(estimate, stderr, 1 - c),
    pBelow: (t) => zTest(estimate, stderr, t, 'smaller').pValue,
    pAbove: (t) => zTest(estimate, stderr, t, 'larger').pValue,
  };
}

/**
 * Bootstrap replicates (sorted ascending, no NaN) of a statistic: percentile or BCa intervals, and
 * the one-sided p-values that invert the same intervals (bootstrapPValue).
 */
export function bootstrapEvidence(
  sorted: Float64Array,
  bca: BcaParameters | undefined,
  method: 'bootstrap' | 'paired-bootstrap',
  description: string,
): Evidence {
  return {
    method,
    description,
    interval: (c) => (bca && bcaInterval(sorted, bca, c)) || percentileInterval(sorted, c),
    pBelow: (t) => bootstrapPValue(sorted, t, 'below', bca),
    pAbove: (t) => bootstrapPValue(sorted, t, 'above', bca),
  };
}

/**
 * A paired difference whose bootstrap (`boot`) is joined, for "no difference at all" (t = 0), by
 * the paired permutation test: the two models' predictions swapped on each example with
 * probability ½, B times (`sortedPermuted`). That test is exact whatever n — it is McNemar's test
 * when the metric is accuracy — where the bootstrap of a difference that rests on a few dozen
 * disagreements rejects too often (6.9 % at a nominal 5 % for F1 on 200 examples, scripts/bench/noise.mjs).
 * The p-value at t = 0 is the larger of the two, so the test keeps the permutation test's size when
 * the models are exchangeable and the bootstrap's when they merely have equal means. Intervals and
 * other margins are the bootstrap's.
 */
export function permutationEvidence(boot: Evidence, sortedPermuted: Float64Array, observed: number): Evidence {
  const B = sortedPermuted.length;
  // (1 + #{permuted at or beyond the observed difference}) / (B + 1)
  const below = () => (1 + countBelow(sortedPermuted, observed, true)) / (B + 1);
  const above = () => (1 + B - countBelow(sortedPermuted, observed, false)) / (B + 1);
  return {
    ...boot,
    description: `${boot.description}; at no difference also the paired permutation test (${B} random swaps)`,
    pBelow: (t) => (t === 0 ? Math.max(boot.pBelow(0), below()) : boot.pBelow(t)),
    pAbove: (t) => (t === 0 ? Math.max(boot.pAbove(0), above()) : boot.pAbove(t)),
  };
}

/**
 * The paired accuracy difference (candidate − baseline): the exact McNemar test for "no
 * difference" (t = 0), and `other` (the paired bootstrap) for the interval and for any other
 * margin, which McNemar's test cannot take.
 */
export function mcnemarEvidence(test: McNemarResult, worse: number, better: number, other: Evidence): Evidence {
  return {
    method: 'mcnemar-exact',
    description:
      `exact McNemar test on the ${worse + better} examples where the models disagree ` +
      `(${worse} the candidate gets wrong, ${better} the baseline gets wrong); ${other.description} for the interval and margins`,
    interval: other.interval,
    pBelow: (t) => (t === 0 ? test.pWorse : other.pBelow(t)),
    pAbove: (t) => (t === 0 ? test.pBetter : other.pAbove(t)),
  };
}

/**
 * The difference of two independent proportions (candidate − baseline, each `count`/`n`): pooled
 * two-proportion z-test (any margin), Newcombe's interval. Unpaired: for two models scored on the
 * same examples the paired tests have more power, so this one errs on the side of "within noise".
 */
export function twoProportionEvidence(
  candidateCount: number,
  candidateN: number,
  baselineCount: number,
  baselineN: number,
): Evidence {
  return {
    method: 'two-proportion-z',
    description: `two-proportion z-test (unpaired, so conservative), n = ${candidateN} and ${baselineN}`,
    interval: (c) => newcombeInterval(candidateCount, candidateN, baselineCount, baselineN, 1 - c),
    pBelow: (t) =>
      twoProportionZ(candidateCount, candidateN, baselineCount, baselineN, { alternative: 'smaller', value: t }).pValue,
    pAbove: (t) =>
      twoProportionZ(candidateCount, candidateN, baselineCount, baselineN, { alternative: 'larger', value: t }).pValue,
  };
}
