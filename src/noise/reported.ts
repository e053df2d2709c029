/**
 * Uncertainty of metrics that come from metrics files rather than predictions (issue 14, item 2,
 * after paired predictions), from numbers the wiring finds in those files — in this order:
 *
 * 1. a reported standard error (lm-evaluation-harness `<metric>_stderr`): normal approximation;
 * 2. a proportion with a known sample size (scikit-learn report `support`, Hugging Face
 *    `eval_samples`, or `n:` in the rule): Wilson interval, and against a baseline the unpaired
 *    two-proportion z-test (conservative for two models scored on the same examples);
 * 3. otherwise no estimate, with the reason (the summary says so for that row).
 */
import { normalEvidence, twoProportionEvidence, wilsonEvidence } from './evidence.js';
import type { Estimate, MetricComparison } from './types.js';

/** What a metrics file says about one metric. */
export interface ReportedMetric {
  value: number;
  /** Standard error of the value (`<metric>_stderr`). */
  stderr?: number;
  /** Number of examples the value was measured on (`support`, `eval_samples`, `n:`). */
  n?: number;
}

export interface ReportedOptions {
  /** The value is a proportion of its n examples (accuracy, exact match, a recall with its support). */
  proportion: boolean;
}

/**
 * @example
 * reportedEstimate({ value: 0.9, n: 2000 }, { proportion: true }).evidence!.interval(0.95) // [0.8860…, 0.9124…]
 * reportedEstimate({ value: 0.62, stderr: 0.012 }, { proportion: false }).evidence!.method // 'stderr-normal'
 * reportedEstimate({ value: 31.2 }, { proportion: false }).noEvidence // 'no standard error or sample size…'
 */
export function reportedEstimate(m: ReportedMetric, options: ReportedOptions): Estimate {
  const source = usableSource(m, options);
  if ('none' in source) return { value: m.value, evidence: null, noEvidence: source.none };
  if (source.use === 'stderr') {
    return {
      value: m.value,
      evidence: normalEvidence(
        m.value,
        m.stderr!,
        'stderr-normal',
        `normal approximation from the reported stderr ${m.stderr}`,
      ),
    };
  }
  return { value: m.value, n: m.n, evidence: wilsonEvidence(m.value * m.n!, m.n!) };
}

/**
 * The difference candidate − baseline of two reported metrics, by the first source both have:
 * both stderrs → normal with √(se₁² + se₂²) (independent evaluations; conservative when they share
 * examples); both sample sizes (a proportion) → two-proportion z-test and Newcombe's interval; one
 * of each → normal, the sample-size side's stderr being √(p(1 − p)/n); otherwise no estimate.
 *
 * @example
 * reportedDifference({ value: 0.88, n: 2000 }, { value: 0.9, n: 2000 }, { proportion: true }).evidence!.pBelow(0) // 0.0221…
 */
export function reportedDifference(
  candidate: ReportedMetric,
  baseline: ReportedMetric,
  options: ReportedOptions,
): Estimate {
  const value = candidate.value - baseline.value;
  const cs = usableSource(candidate, options);
  const bs = usableSource(baseline, options);
  if ('none' in cs) return { value, evidence: null, noEvidence: `candidate: ${cs.none}` };
  if ('none' in bs) return { value, evidence: null, noEvidence: `baseline: ${bs.none}` };
  const [c, b] = [cs.use, bs.use];
  if (c === 'n' && b === 'n') {
    return {
      value,
      evidence: twoProportionEvidence(
        candidate.value * candidate.n!,
        candidate.n!,
        baseline.value * baseline.n!,
        baseline.n!,
      ),
    };
  }
  const se = (m: ReportedMetric, s: 'stderr' | 'n') =>
    s === 'stderr' ? m.stderr! : Math.sqrt((m.value * (1 - m.value)) / m.n!);
  const stderr = Math.sqrt(se(candidate, c) ** 2 + se(baseline, b) ** 2);
  const how =
    c === 'stderr' && b === 'stderr'
      ? 'normal approximation from the reported stderrs (independent evaluations, so conservative)'
      : 'normal approximation from a reported stderr and a binomial one from the sample size';
  return { value, evidence: normalEvidence(value, stderr, 'stderr-normal', how) };
}

/** The comparison row of a reported metric, with or without a baseline. */
export function reportedComparison(
  metric: string,
  candidate: ReportedMetric,
  baseline: ReportedMetric | undefined,
  options: ReportedOptions,
): MetricComparison {
  return {
    metric,
    candidate: reportedEstimate(candidate, options),
    ...(baseline
      ? { baseline: reportedEstimate(baseline, options), difference: reportedDifference(candidate, baseline, options) }
      : {}),
  };
}

/** The first usable source of a reported metric, or why there is none. */
function usableSource(m: ReportedMetric, { proportion }: ReportedOptions): { use: 'stderr' | 'n' } | { none: string } {
  if (!Number.isFinite(m.value)) return { none: `the value ${m.value} is not a number` };
  if (m.stderr !== undefined) {
    if (!(Number.isFinite(m.stderr) && m.stderr >= 0)) {
      return { none: `the stderr ${m.stderr} is not a standard error (a number >= 0)` };
    }
    // lm-evaluation-harness writes 0 where it computed none; a zero stderr would turn any change into "evidence"
    if (m.stderr > 0) return { use: 'stderr' };
  }
  if (m.n !== undefined && proportion) {
    if (!(Number.isInteger(m.n) && m.n > 0))
      return { none: `the sample size ${m.n} is not a whole number of examples` };
    if (!(m.value >= 0 && m.value <= 1)) {
      return {
        none: `the value ${m.value} is not a proportion between 0 and 1 (a percentage?), so n gives no interval`,
      };
    }
    return { use: 'n' };
  }
  if (m.stderr === 0) return { none: 'the stderr is 0: the file reports no uncertainty' };
  if (m.n !== undefined)
    return { none: 'a sample size gives an interval for proportions (accuracy-like metrics) only' };
  return { none: 'no standard error or sample size: nothing tells how noisy this value is' };
}
