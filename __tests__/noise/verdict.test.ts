import { normalEvidence, twoProportionEvidence, wilsonEvidence } from '../../src/noise/evidence.js';
import { reportedComparison, reportedDifference, reportedEstimate } from '../../src/noise/reported.js';
import type { Estimate } from '../../src/noise/types.js';
import { clearsWithConfidence, differenceVerdict, formatP, thresholdVerdict } from '../../src/noise/verdict.js';
import { proportionZ } from '../../src/stats/proportion-z.js';
import { twoProportionZ } from '../../src/stats/two-proportion-z.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { zTest } from '../../src/stats/z-test.js';

const normal = (value: number, se: number): Estimate => ({
  value,
  evidence: normalEvidence(value, se, 'stderr-normal', 'test'),
});

describe('differenceVerdict: the words of a baseline comparison', () => {
  test('worse, within noise, better — with the p-value of the test the rule applies', () => {
    expect(differenceVerdict(normal(-0.02, 0.0075), { direction: 'higher' })).toEqual({
      kind: 'worse',
      pValue: zTest(-0.02, 0.0075, 0, 'smaller').pValue,
      text: 'worse (p = 0.0038)',
    });
    expect(differenceVerdict(normal(-0.002, 0.0075), { direction: 'higher' }).text).toBe('within noise (p = 0.39)');
    expect(differenceVerdict(normal(0.03, 0.0075), { direction: 'higher' }).text).toBe('better (p < 0.001)');
  });

  test('lower is better: an increase is worse', () => {
    expect(differenceVerdict(normal(0.05, 0.02), { direction: 'lower' }).kind).toBe('worse');
    expect(differenceVerdict(normal(-0.05, 0.02), { direction: 'lower' }).kind).toBe('better');
  });

  test('a margin: worse only when the drop beyond it is significant', () => {
    const d = normal(-0.02, 0.0075);
    expect(differenceVerdict(d, { direction: 'higher', margin: 0.01 })).toEqual({
      kind: 'within noise',
      pValue: zTest(-0.02, 0.0075, -0.01, 'smaller').pValue,
      text: 'within noise (p = 0.091)',
    });
    expect(differenceVerdict(d, { direction: 'higher', margin: 0.005 }).text).toBe(
      'worse by more than 0.005 (p = 0.023)',
    );
    expect(differenceVerdict(normal(0.035, 0.01), { direction: 'lower', margin: 0.01 }).text).toBe(
      'worse by more than 0.01 (p = 0.0062)',
    );
  });

  test('the level is the rule’s significance', () => {
    const d = normal(-0.012, 0.0075); // one-sided p = 0.055
    expect(differenceVerdict(d, { direction: 'higher' }).kind).toBe('within noise');
    expect(differenceVerdict(d, { direction: 'higher', significance: 0.1 }).kind).toBe('worse');
  });

  test('no evidence: no estimate, and why', () => {
    expect(
      differenceVerdict(
        { value: -0.1, evidence: null, noEvidence: 'the baseline has no stderr' },
        { direction: 'higher' },
      ),
    ).toEqual({
      kind: 'no estimate',
      text: 'no estimate: the baseline has no stderr',
    });
  });
});

describe('thresholdVerdict and the strict form', () => {
  test('accuracy 172/200 against 0.9: below it, by the Wilson score test', () => {
    const e: Estimate = { value: 0.86, n: 200, evidence: wilsonEvidence(172, 200) };
    const p = proportionZ(172, 200, 0.9, 'smaller').pValue;
    expect(thresholdVerdict(e, 0.9, { direction: 'higher' })).toEqual({
      kind: 'worse',
      pValue: p,
      text: 'below 0.9 (p = 0.03)',
    });
    expect(thresholdVerdict(e, 0.87, { direction: 'higher' }).kind).toBe('within noise');
    expect(thresholdVerdict(e, 0.8, { direction: 'higher' }).text).toMatch(/^above 0.8 \(p = /);
  });

  test('the Wilson test and interval agree: the threshold is outside the 1 − 2α interval exactly when p < α', () => {
    for (const t of [0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92]) {
      const e = wilsonEvidence(172, 200);
      const [lo, hi] = wilsonInterval(172, 200, 0.1);
      expect(e.pBelow(t) < 0.05).toBe(hi < t);
      expect(e.pAbove(t) < 0.05).toBe(lo > t);
    }
  });

  test('clearsWithConfidence: the whole interval on the good side; never without evidence', () => {
    const e: Estimate = { value: 0.93, n: 2000, evidence: wilsonEvidence(1860, 2000) };
    expect(clearsWithConfidence(e, 0.9, 'higher', 0.95)).toEqual({
      clears: true,
      interval: wilsonInterval(1860, 2000, 0.05),
    });
    expect(clearsWithConfidence(e, 0.92, 'higher', 0.95).clears).toBe(false);
    expect(clearsWithConfidence(normal(0.3, 0.01), 0.35, 'lower', 0.95).clears).toBe(true);
    expect(clearsWithConfidence({ value: 1, evidence: null }, 0.5, 'higher', 0.95)).toEqual({ clears: false });
  });

  test('formatP', () => {
    expect([0.41234, 0.003123, 0.0499, 0.00099, 1].map(formatP)).toEqual([
      'p = 0.41',
      'p = 0.0031',
      'p = 0.05',
      'p < 0.001',
      'p = 1',
    ]);
  });
});

describe('metrics from files: stderr, then a sample size, then nothing', () => {
  test('a reported stderr: normal approximation', () => {
    const e = reportedEstimate({ value: 0.62, stderr: 0.012, n: 1000 }, { proportion: true });
    expect(e.evidence!.method).toBe('stderr-normal');
    expect(e.evidence!.pBelow(0.65)).toBe(zTest(0.62, 0.012, 0.65, 'smaller').pValue);
  });

  test('a proportion with its sample size: Wilson', () => {
    const e = reportedEstimate({ value: 0.9, n: 2000 }, { proportion: true });
    expect(e.evidence!.method).toBe('wilson');
    expect(e.evidence!.interval(0.95)).toEqual(wilsonInterval(1800, 2000, 0.05));
  });

  test('no estimate, with the reason', () => {
    const none = (m: Parameters<typeof reportedEstimate>[0], proportion = true) =>
      reportedEstimate(m, { proportion }).noEvidence;
    expect(none({ value: 31.2 }, false)).toBe(
      'no standard error or sample size: nothing tells how noisy this value is',
    );
    expect(none({ value: 93.1, n: 500 })).toContain('not a proportion between 0 and 1 (a percentage?)');
    expect(none({ value: 0.9, n: 12.5 })).toContain('not a whole number');
    expect(none({ value: 0.9, stderr: 0 })).toContain('the stderr is 0');
    expect(none({ value: 0.9, stderr: -1 })).toContain('not a standard error');
    expect(none({ value: 0.5, n: 100 }, false)).toContain('for proportions (accuracy-like metrics) only');
  });

  test('differences: two stderrs, two sample sizes (two-proportion z), or one of each', () => {
    const twoSe = reportedDifference(
      { value: 0.6, stderr: 0.01 },
      { value: 0.63, stderr: 0.012 },
      { proportion: false },
    );
    expect(twoSe.evidence!.pBelow(0)).toBeCloseTo(zTest(-0.03, Math.hypot(0.01, 0.012), 0, 'smaller').pValue, 14);
    const twoN = reportedDifference({ value: 0.88, n: 2000 }, { value: 0.9, n: 2000 }, { proportion: true });
    expect(twoN.evidence!.method).toBe('two-proportion-z');
    expect(twoN.evidence!.pBelow(-0.01)).toBe(
      twoProportionZ(1760, 2000, 1800, 2000, { alternative: 'smaller', value: -0.01 }).pValue,
    );
    const mixed = reportedDifference({ value: 0.88, stderr: 0.007 }, { value: 0.9, n: 2000 }, { proportion: true });
    expect(mixed.evidence!.pBelow(0)).toBeCloseTo(
      zTest(-0.02, Math.hypot(0.007, Math.sqrt(0.09 / 2000)), 0, 'smaller').pValue,
      14,
    );
    const missing = reportedDifference({ value: 0.88, n: 2000 }, { value: 0.9 }, { proportion: true });
    expect(missing.noEvidence).toBe(
      'baseline: no standard error or sample size: nothing tells how noisy this value is',
    );
  });

  test('the comparison row', () => {
    const row = reportedComparison('acc', { value: 0.88, n: 2000 }, { value: 0.9, n: 2000 }, { proportion: true });
    expect(row.metric).toBe('acc');
    expect(row.difference!.value).toBeCloseTo(-0.02, 15);
    expect(differenceVerdict(row.difference!, { direction: 'higher' }).text).toBe('worse (p = 0.022)');
    expect(
      reportedComparison('acc', { value: 0.88, n: 2000 }, undefined, { proportion: true }).difference,
    ).toBeUndefined();
  });

  test('two-proportion evidence: Newcombe interval', () => {
    const e = twoProportionEvidence(1760, 2000, 1800, 2000);
    const [lo, hi] = e.interval(0.95);
    expect(lo).toBeLessThan(-0.02);
    expect(hi).toBeGreaterThan(-0.02);
  });
});
