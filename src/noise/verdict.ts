/**
 * Plain verdict words from the evidence (issue 14, items 3–4): what the summary prints per row and
 * what `significance` / `confidence` rules decide on. Only the direction, the level and the margin
 * come from the rule; the numbers come from the Evidence.
 */
import type { Direction } from '../rules/types.js';
import type { Estimate } from './types.js';

export interface VerdictOptions {
  /** Which way is better for this metric. */
  direction: Direction;
  /** Level of the one-sided tests (default 0.05): `significance:` of a rule. */
  significance?: number;
  /** The change tolerated in the worse direction (`max-drop` / `max-increase`, ≥ 0, metric units). Default 0. */
  margin?: number;
}

export type VerdictKind = 'worse' | 'within noise' | 'better' | 'no estimate';

export interface Verdict {
  kind: VerdictKind;
  /** The p-value the words quote (absent with no estimate). */
  pValue?: number;
  /** The words for the summary: `worse (p = 0.003)`, `within noise (p = 0.41)`, `better (p < 0.001)`. */
  text: string;
}

/**
 * Candidate against baseline, from the difference candidate − baseline: 'worse' when the one-sided
 * test finds it worse by more than `margin` at level `significance` (what a significance rule fails
 * on), else 'better' when it finds it better at all, else 'within noise'. The p-value quoted is the
 * one-sided p of "worse beyond the margin" — the test the rule applies — except for 'better', which
 * quotes the one-sided p of "better".
 *
 * @example
 * differenceVerdict(comparison.difference!, { direction: 'higher' }) // { kind: 'worse', pValue: 0.0031…, text: 'worse (p = 0.0031)' }
 * differenceVerdict(comparison.difference!, { direction: 'higher', margin: 0.01 }) // 'within noise (p = 0.27)'
 */
export function differenceVerdict(difference: Estimate, options: VerdictOptions): Verdict {
  const e = difference.evidence;
  if (!e) return { kind: 'no estimate', text: `no estimate: ${difference.noEvidence ?? 'no source of uncertainty'}` };
  const { direction, significance = 0.05, margin = 0 } = options;
  const pWorse = direction === 'higher' ? e.pBelow(-margin) : e.pAbove(margin);
  const pBetter = direction === 'higher' ? e.pAbove(0) : e.pBelow(0);
  if (pWorse < significance) {
    return {
      kind: 'worse',
      pValue: pWorse,
      text: `worse${margin > 0 ? ` by more than ${margin}` : ''} (${formatP(pWorse)})`,
    };
  }
  if (pBetter < significance) return { kind: 'better', pValue: pBetter, text: `better (${formatP(pBetter)})` };
  return { kind: 'within noise', pValue: pWorse, text: `within noise (${formatP(pWorse)})` };
}

/**
 * A metric against a threshold: 'worse' when the one-sided test finds it on the wrong side of the
 * threshold at level `significance` (below a `>=` threshold when higher is better), 'better' when
 * it finds it on the right side, else 'within noise'.
 *
 * @example
 * thresholdVerdict(estimate, 0.9, { direction: 'higher' }) // { kind: 'worse', text: 'below 0.9 (p = 0.012)' }
 */
export function thresholdVerdict(
  estimate: Estimate,
  threshold: number,
  options: Omit<VerdictOptions, 'margin'>,
): Verdict {
  const e = estimate.evidence;
  if (!e) return { kind: 'no estimate', text: `no estimate: ${estimate.noEvidence ?? 'no source of uncertainty'}` };
  const { direction, significance = 0.05 } = options;
  const pWrong = direction === 'higher' ? e.pBelow(threshold) : e.pAbove(threshold);
  const pRight = direction === 'higher' ? e.pAbove(threshold) : e.pBelow(threshold);
  const [wrong, right] = direction === 'higher' ? ['below', 'above'] : ['above', 'below'];
  if (pWrong < significance)
    return { kind: 'worse', pValue: pWrong, text: `${wrong} ${threshold} (${formatP(pWrong)})` };
  if (pRight < significance)
    return { kind: 'better', pValue: pRight, text: `${right} ${threshold} (${formatP(pRight)})` };
  return { kind: 'within noise', pValue: pWrong, text: `within noise of ${threshold} (${formatP(pWrong)})` };
}

/**
 * The strict form (`confidence: 0.95`): true only when the whole two-sided interval clears `bound`
 * on the good side — a threshold (`bound` = the threshold) or a baseline comparison (the
 * difference's estimate, `bound` = −max-drop when higher is better, +max-increase when lower is).
 * False without evidence: the strict form passes on evidence only.
 *
 * @example
 * clearsWithConfidence(estimate, 0.9, 'higher', 0.95) // { clears: true, interval: [0.9042…, 0.9301…] }
 */
export function clearsWithConfidence(
  estimate: Estimate,
  bound: number,
  direction: Direction,
  confidence: number,
): { clears: boolean; interval?: [number, number] } {
  if (!estimate.evidence) return { clears: false };
  const interval = estimate.evidence.interval(confidence);
  return { clears: direction === 'higher' ? interval[0] >= bound : interval[1] <= bound, interval };
}

/**
 * A p-value for people: two significant digits, `p < 0.001` below that (the bootstrap cannot
 * resolve much smaller ones, and no decision turns on them).
 *
 * @example
 * formatP(0.00312) // 'p = 0.0031'
 * formatP(0.4123) // 'p = 0.41'
 * formatP(0.00002) // 'p < 0.001'
 */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}
