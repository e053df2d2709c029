/**
 * Rules with significance / confidence (issue 14, item 3) on the evidence of src/noise: the
 * significance form fails only on evidence (so never where the plain rule passes), the confidence
 * form passes only on evidence (so never where the plain rule fails), and without either the rule
 * is exactly the plain rule. Estimates here are Wilson / two-proportion ones, whose p-values and
 * intervals are golden-tested against statsmodels in __tests__/stats.
 */
import fc from 'fast-check';
import { reportedComparison } from '../../src/noise/reported.js';
import type { MetricComparison } from '../../src/noise/types.js';
import { proportionZ } from '../../src/stats/proportion-z.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { evaluateRule } from '../../src/rules/evaluate.js';
import { evaluateNoiseRule } from '../../src/noise/evaluate-rule.js';
import type { Check, MetricRule, NoiseSettings } from '../../src/rules/types.js';

const rule = (checks: Check[], noise?: NoiseSettings): MetricRule => ({
  metric: 'accuracy',
  checks,
  text: '',
  ...(noise ? { noise } : {}),
});
/** accuracy k/n of a candidate, optionally against kb/n of a baseline (unpaired two-proportion test). */
const comparison = (k: number, n: number, kb?: number): MetricComparison =>
  reportedComparison('accuracy', { value: k / n, n }, kb === undefined ? undefined : { value: kb / n, n }, {
    proportion: true,
  });

describe('significance: fails only on evidence', () => {
  test('0.932 on 2 000 examples is within noise of >= 0.94 (p = 0.066), below it on 20 000', () => {
    const r = rule([{ kind: 'compare', op: '>=', value: 0.94 }], { significance: 0.05 });
    expect(evaluateRule(r, 0.932, undefined, 'higher').passed).toBe(false);
    const small = evaluateNoiseRule(r, 0.932, undefined, 'higher', comparison(1864, 2000));
    expect(small.passed).toBe(true);
    const large = evaluateNoiseRule(r, 0.932, undefined, 'higher', comparison(18640, 20000));
    expect(large.passed).toBe(false);
    expect(large.failures[0]).toMatch(/^0\.932 is below 0\.94 \(p < 0\.001\)$/);
  });

  test('a rule fails exactly when the one-sided score test rejects at its level (any bound, any side)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 5000 }),
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.1),
        fc.boolean(),
        (n, share, bound, alpha, atLeast) => {
          const k = Math.round(share * n);
          const check: Check = { kind: 'compare', op: atLeast ? '>=' : '<=', value: bound };
          const ev = evaluateNoiseRule(
            rule([check], { significance: alpha }),
            k / n,
            undefined,
            'higher',
            comparison(k, n),
          );
          const p = proportionZ(k, n, bound, atLeast ? 'smaller' : 'larger').pValue;
          expect(ev.passed).toBe(!(p < alpha));
        },
      ),
    );
  });

  test('max-drop fails only when the drop beyond the margin is significant', () => {
    const r = rule([{ kind: 'max-drop', value: 0.01 }], { significance: 0.05 });
    // 0.90 → 0.88 on 2 000 each: dropped 0.02 > 0.01, but not significantly more than 0.01
    expect(evaluateRule(r, 0.88, 0.9, 'higher').passed).toBe(false);
    expect(evaluateNoiseRule(r, 0.88, 0.9, 'higher', comparison(1760, 2000, 1800)).passed).toBe(true);
    // the same on 40 000 each: significant
    const big = evaluateNoiseRule(r, 0.88, 0.9, 'higher', comparison(35200, 40000, 36000));
    expect(big.passed).toBe(false);
    expect(big.failures[0]).toContain('worse by more than 0.01 (p');
    // max-drop-pct: the margin is a share of the baseline (1 % of 0.9 = 0.009)
    const pct = rule([{ kind: 'max-drop-pct', value: 1 }], { significance: 0.05 });
    expect(evaluateNoiseRule(pct, 0.88, 0.9, 'higher', comparison(35200, 40000, 36000)).passed).toBe(false);
    expect(evaluateNoiseRule(pct, 0.88, 0.9, 'higher', comparison(1760, 2000, 1800)).passed).toBe(true);
  });

  test('with no estimate the plain check decides (a gate never passes for want of evidence)', () => {
    const none = reportedComparison('f1', { value: 0.5 }, { value: 0.9 }, { proportion: false });
    const r = rule(
      [
        { kind: 'compare', op: '>=', value: 0.8 },
        { kind: 'max-drop', value: 0.01 },
      ],
      {
        significance: 0.05,
      },
    );
    const ev = evaluateNoiseRule(r, 0.5, 0.9, 'higher', none);
    expect(ev).toEqual(evaluateRule(r, 0.5, 0.9, 'higher'));
    expect(evaluateNoiseRule(r, 0.5, 0.9, 'higher', undefined).passed).toBe(false);
  });

  test('never fails where the plain rule passes; confidence never passes where it fails', () => {
    const checks = fc.oneof(
      fc.record({
        kind: fc.constant('compare' as const),
        op: fc.constantFrom('>=' as const, '<=' as const, '>' as const, '<' as const),
        value: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      fc.record({ kind: fc.constant('target' as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({
        kind: fc.constantFrom('max-drop' as const, 'max-increase' as const, 'max-drop-pct' as const),
        value: fc.double({ min: 0, max: 0.2, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(checks, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (n, a, b, cs, direction) => {
          const k = a % (n + 1);
          const kb = b % (n + 1);
          const cmp = comparison(k, n, kb);
          const plain = evaluateRule(rule(cs), k / n, kb / n, direction).passed;
          const sig = evaluateNoiseRule(rule(cs, { significance: 0.05 }), k / n, kb / n, direction, cmp).passed;
          const conf = evaluateNoiseRule(rule(cs, { confidence: 0.95 }), k / n, kb / n, direction, cmp).passed;
          if (plain) expect(sig).toBe(true);
          if (!plain) expect(conf).toBe(false);
          expect(evaluateNoiseRule(rule(cs), k / n, kb / n, direction, cmp)).toEqual(
            evaluateRule(rule(cs), k / n, kb / n, direction),
          );
        },
      ),
    );
  });
});

describe('confidence: passes only on evidence', () => {
  test('min: 0.92 passes when the whole Wilson interval clears it, min: 0.93 does not', () => {
    const [lo] = wilsonInterval(1864, 2000, 0.05);
    expect(lo).toBeGreaterThan(0.92);
    expect(lo).toBeLessThan(0.93);
    const ok = evaluateNoiseRule(
      rule([{ kind: 'compare', op: '>=', value: 0.92 }], { confidence: 0.95 }),
      0.932,
      undefined,
      'higher',
      comparison(1864, 2000),
    );
    expect(ok.passed).toBe(true);
    const no = evaluateNoiseRule(
      rule([{ kind: 'compare', op: '>=', value: 0.93 }], { confidence: 0.95 }),
      0.932,
      undefined,
      'higher',
      comparison(1864, 2000),
    );
    expect(no.passed).toBe(false);
    expect(no.failures[0]).toContain('the 95 % interval of the value [0.920');
    expect(no.failures[0]).toContain('does not clear 0.93');
  });

  test('no estimate: fails, and says why', () => {
    const none = reportedComparison('f1', { value: 0.95 }, undefined, { proportion: false });
    const ev = evaluateNoiseRule(
      rule([{ kind: 'compare', op: '>=', value: 0.9 }], { confidence: 0.95 }),
      0.95,
      undefined,
      'higher',
      none,
    );
    expect(ev.passed).toBe(false);
    expect(ev.failures[0]).toContain('no estimate of the value (no standard error or sample size');
    expect(ev.failures[0]).toContain('passes only on evidence');
  });

  test('max-increase: the whole interval of the change must stay below the margin', () => {
    const r = rule([{ kind: 'max-increase', value: 0.05 }], { confidence: 0.95 });
    // an error rate 0.10 → 0.11 on 2 000 each: interval of the difference reaches above 0.05? no; above 0.02? yes
    expect(evaluateNoiseRule(r, 0.11, 0.1, 'lower', comparison(220, 2000, 200)).passed).toBe(true);
    const tight = rule([{ kind: 'max-increase', value: 0.02 }], { confidence: 0.95 });
    expect(evaluateNoiseRule(tight, 0.11, 0.1, 'lower', comparison(220, 2000, 200)).passed).toBe(false);
  });
});

test('== is always checked plainly', () => {
  const r = rule([{ kind: 'compare', op: '==', value: 0.5 }], { significance: 0.05 });
  expect(evaluateNoiseRule(r, 0.51, undefined, 'higher', comparison(51, 100)).passed).toBe(false);
});
