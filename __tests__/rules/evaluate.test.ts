import { evaluateRule } from '../../src/rules/evaluate.js';
import { directionFromName } from '../../src/rules/direction.js';
import type { Check, MetricRule } from '../../src/rules/types.js';

const rule = (...checks: Check[]): MetricRule => ({ metric: 'm', checks, text: '' });

describe('evaluateRule', () => {
  test('comparisons are exact at the boundary', () => {
    expect(evaluateRule(rule({ kind: 'compare', op: '>=', value: 0.9 }), 0.9, undefined, 'higher').passed).toBe(true);
    expect(evaluateRule(rule({ kind: 'compare', op: '>', value: 0.9 }), 0.9, undefined, 'higher').passed).toBe(false);
    expect(evaluateRule(rule({ kind: 'compare', op: '<', value: 0.9 }), 0.8999, undefined, 'higher').passed).toBe(true);
    expect(evaluateRule(rule({ kind: 'compare', op: '==', value: 0.3 }), 0.1 + 0.2, undefined, 'higher').passed).toBe(
      true,
    );
    expect(evaluateRule(rule({ kind: 'between', min: 1, max: 2 }), 2.0001, undefined, 'higher').failures).toEqual([
      '2.0001 is not between 1 and 2',
    ]);
  });

  test('a bare target follows the direction', () => {
    const r = rule({ kind: 'target', value: 0.4 });
    expect(evaluateRule(r, 0.5, undefined, 'higher').passed).toBe(true);
    expect(evaluateRule(r, 0.5, undefined, 'lower').passed).toBe(false);
  });

  test('max-drop tolerates float noise but not a real excess', () => {
    expect(evaluateRule(rule({ kind: 'max-drop', value: 0.02 }), 0.91, 0.93, 'higher').passed).toBe(true);
    const ev = evaluateRule(rule({ kind: 'max-drop', value: 0.02 }), 0.9099, 0.93, 'higher');
    expect(ev.passed).toBe(false);
    expect(ev.failures[0]).toBe('dropped 0.0201 from baseline 0.93 (max-drop 0.02)');
    expect(ev.delta).toBeCloseTo(-0.0201, 12);
    expect(ev.deltaPct).toBeCloseTo((-0.0201 / 0.93) * 100, 10);
  });

  test('percentage checks, including a zero baseline', () => {
    expect(evaluateRule(rule({ kind: 'max-increase-pct', value: 10 }), 110, 100, 'lower').passed).toBe(true);
    expect(evaluateRule(rule({ kind: 'max-increase-pct', value: 10 }), 110.01, 100, 'lower').passed).toBe(false);
    expect(evaluateRule(rule({ kind: 'max-drop-pct', value: 5 }), 0.9, 1, 'higher').passed).toBe(false);
    const zero = evaluateRule(rule({ kind: 'max-increase-pct', value: 10 }), 0.1, 0, 'lower');
    expect(zero.passed).toBe(false);
    expect(zero.deltaPct).toBeUndefined();
    expect(evaluateRule(rule({ kind: 'max-increase-pct', value: 10 }), 0, 0, 'lower').passed).toBe(true);
  });

  test('a baseline check without a baseline value fails', () => {
    const ev = evaluateRule(rule({ kind: 'max-increase', value: 1 }), 3, undefined, 'lower');
    expect(ev.passed).toBe(false);
    expect(ev.failures[0]).toContain('no baseline value');
  });

  test('every broken check is reported', () => {
    const ev = evaluateRule(
      rule({ kind: 'compare', op: '<=', value: 100 }, { kind: 'max-increase-pct', value: 10 }),
      130,
      100,
      'lower',
    );
    expect(ev.failures).toHaveLength(2);
  });
});

describe('directionFromName', () => {
  test.each([
    ['eval_loss', 'lower'],
    ['latency_p95_ms', 'lower'],
    ['perplexity,none', 'lower'],
    ['eval_wer', 'lower'],
    ['val/rmse', 'lower'],
    ['accuracy', 'higher'],
    ['glossary_acc', 'higher'],
    ['macro avg.f1-score', 'higher'],
    ['train_samples_per_second', 'higher'],
    // units of time, size and rates in the name
    ['inference_ms', 'lower'],
    ['speed(ms)', 'lower'],
    ['Validation Time (s)', 'lower'],
    ['p95_seconds', 'lower'],
    ['latency', 'lower'],
    ['time', 'lower'],
    ['eval_runtime', 'lower'],
    ['model_size_mb', 'lower'],
    ['tokens/s', 'higher'],
    ['eval_steps_per_second', 'higher'],
    // model-card and lm-eval types
    ['cer', 'lower'],
    ['acc_norm_stderr,none', 'lower'],
    ['metrics/mAP50-95(B)', 'higher'],
    ['rouge1', 'higher'],
    ['exact_match,strict-match', 'higher'],
    // nothing tells: unknown, never a silent "higher"
    ['custom_metric', undefined],
    ['total_flos', undefined],
    ['epoch', undefined],
    ['grad_norm', undefined],
  ])('%s → %s', (name, dir) => expect(directionFromName(name)).toBe(dir));
});
