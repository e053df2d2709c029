/**
 * A rule with `significance:` or `confidence:` (issue 14, item 3), checked on the evidence of a
 * MetricComparison (src/noise):
 *
 * - `significance: α` — a bound (min, max, a bare target, between) fails only when the one-sided
 *   test finds the metric on the wrong side of it at level α; `max-drop` / `max-increase` (and the
 *   `-pct` forms, as a margin in metric units from the baseline's value) fail only when the change
 *   beyond the margin is significant. A check whose quantity has no estimate falls back to the
 *   plain check: a gate never passes because nothing measured the noise.
 * - `confidence: c` — the strict form: a check passes only when the plain check passes and the whole
 *   two-sided c interval clears the bound (or the margin). No estimate: the check fails.
 *
 * `==` has no noise-aware meaning and is always checked plainly.
 */
import { formatNumber } from '../report/format.js';
import { clearsWithConfidence, differenceVerdict, thresholdVerdict } from './verdict.js';
import type { Estimate, MetricComparison } from './types.js';
import { checkOne, evaluateRule, type Evaluation } from '../rules/evaluate.js';
import type { Check, Direction, MetricRule } from '../rules/types.js';

/**
 * @example
 * evaluateNoiseRule(rule, 0.932, 0.948, 'higher', comparison) // { passed: true, failures: [] } for
 * // accuracy: { max-drop: 0.02, significance: 0.05 } — the drop beyond 0.02 is not significant
 */
export function evaluateNoiseRule(
  rule: MetricRule,
  value: number,
  baseline: number | undefined,
  direction: Direction,
  comparison: MetricComparison | undefined,
): Evaluation {
  const plain = evaluateRule(rule, value, baseline, direction);
  const noise = rule.noise;
  if (!noise || (noise.significance === undefined && noise.confidence === undefined)) return plain;
  const failures: string[] = [];
  for (const check of rule.checks) {
    const failure = checkWithNoise(check, value, baseline, direction, comparison, noise);
    if (failure) failures.push(failure);
  }
  return { ...plain, passed: failures.length === 0, failures };
}

/** One bound a check asks about: the estimate, the bound, and which side of it is good. */
interface Side {
  estimate: Estimate | undefined;
  bound: number;
  good: Direction;
  /** The quantity, for messages. */
  what: string;
}

function checkWithNoise(
  check: Check,
  value: number,
  baseline: number | undefined,
  direction: Direction,
  comparison: MetricComparison | undefined,
  noise: { significance?: number; confidence?: number },
): string | undefined {
  const plain = checkOne(check, value, baseline, direction);
  const sides = sidesOf(check, baseline, direction, comparison);
  if (!sides) return plain;
  if (noise.confidence !== undefined) {
    // strict: the plain check and every bound cleared by the whole interval
    if (plain) return plain;
    const c = noise.confidence;
    for (const s of sides) {
      if (!s.estimate?.evidence) {
        const why = s.estimate?.noEvidence ?? 'no source of uncertainty';
        return `no estimate of the ${s.what} (${why}): with confidence ${c} the rule passes only on evidence`;
      }
      const { clears, interval } = clearsWithConfidence(s.estimate, s.bound, s.good, c);
      if (!clears) {
        const [lo, hi] = interval!;
        return (
          `the ${formatNumber(c * 100)} % interval of the ${s.what} [${formatNumber(lo)}, ${formatNumber(hi)}] ` +
          `does not clear ${formatNumber(s.bound)} (confidence ${c}: passes only on evidence)`
        );
      }
    }
    return undefined;
  }
  const significance = noise.significance!;
  for (const s of sides) {
    // no estimate: the plain check decides (never a pass for want of evidence)
    if (!s.estimate?.evidence) return plain;
    if (s.what === 'change from the baseline') {
      const margin = s.good === 'higher' ? -s.bound : s.bound;
      const v = differenceVerdict(s.estimate, { direction: s.good, significance, margin });
      if (v.kind === 'worse') {
        const change = s.good === 'higher' ? 'dropped' : 'rose';
        return `${change} ${formatNumber(Math.abs(s.estimate.value))} from baseline ${formatNumber(baseline)}: ${v.text}`;
      }
    } else {
      const v = thresholdVerdict(s.estimate, s.bound, { direction: s.good, significance });
      if (v.kind === 'worse') return `${formatNumber(value)} is ${v.text}`;
    }
  }
  return undefined;
}

/**
 * The bounds of a check, each as "this estimate must be on the good side of this bound"; undefined
 * for `==` (checked plainly). Changes from the baseline are bounds on the difference candidate −
 * baseline: max-drop m → above −m, max-increase m → below +m (the -pct forms: m % of |baseline|).
 */
function sidesOf(
  check: Check,
  baseline: number | undefined,
  direction: Direction,
  comparison: MetricComparison | undefined,
): Side[] | undefined {
  const est = comparison?.candidate;
  const value = (bound: number, good: Direction): Side => ({ estimate: est, bound, good, what: 'value' });
  switch (check.kind) {
    case 'target':
      return [value(check.value, direction)];
    case 'compare':
      if (check.op === '==') return undefined;
      return [value(check.value, check.op === '>=' || check.op === '>' ? 'higher' : 'lower')];
    case 'between':
      return [value(check.min, 'higher'), value(check.max, 'lower')];
  }
  if (baseline === undefined) return undefined; // the plain check says there is no baseline
  const margin = check.kind.endsWith('-pct') ? (check.value / 100) * Math.abs(baseline) : check.value;
  const drop = check.kind.startsWith('max-drop');
  return [
    {
      estimate: comparison?.difference,
      bound: drop ? -margin : margin,
      good: drop ? 'higher' : 'lower',
      what: 'change from the baseline',
    },
  ];
}
