/** The gate's check: rule names that fit several metrics, directions, contradictory checks. */
import { locatedMessage, UserError } from '../../src/errors.js';
import { checkRules } from '../../src/gate/check.js';
import type { Metric, MetricFile } from '../../src/metrics/types.js';
import { sameValue } from '../../src/metrics/lookup.js';
import { compareWithChampion } from '../../src/promote/champion.js';
import { parseRules } from '../../src/rules/parse.js';

const file = (name: string, metrics: Partial<Metric>[], extra: Partial<MetricFile> = {}): MetricFile => ({
  file: name,
  format: 'json',
  metrics: metrics.map((m, i) => ({ name: 'm', value: 0, file: name, line: i + 1, ...m })),
  aliases: {},
  ...extra,
});

async function error(rules: string, files: MetricFile[], baseline?: MetricFile[]): Promise<string> {
  try {
    checkRules(await parseRules(rules), files, baseline);
  } catch (e) {
    if (e instanceof UserError) return locatedMessage(e);
    throw e;
  }
  throw new Error('no error');
}

describe('a rule name that fits several metrics lists them, with file:line', () => {
  test('a report with several datasets', async () => {
    const f = file('report.json', [
      { name: 'test.accuracy', value: 0.9 },
      { name: 'val.accuracy', value: 0.5 },
    ]);
    expect(await error('accuracy: ">= 0.8"', [f])).toBe(
      "input 'thresholds' line 1: metric 'accuracy' named in thresholds fits 2 metrics: " +
        "'test.accuracy' (report.json:1), 'val.accuracy' (report.json:2); name one exactly",
    );
  });

  test('one near miss is offered, not taken', async () => {
    const f = file('m.json', [{ name: 'eval.accuracy', value: 0.9 }]);
    expect(await error('accuracy: ">= 0.8"', [f])).toContain(
      "is not a metric name; did you mean 'eval.accuracy' (m.json:1)? Name it exactly",
    );
  });

  test('an alias a reader left ambiguous (a model card with wer for two datasets)', async () => {
    const f = file(
      'README.md',
      [
        { name: 'clean.wer', value: 3.1, line: 20 },
        { name: 'other.wer', value: 7.4, line: 30 },
      ],
      { ambiguous: { wer: ['clean.wer', 'other.wer'] } },
    );
    expect(await error('wer: 5', [f])).toContain(
      "fits 2 metrics: 'clean.wer' (README.md:20), 'other.wer' (README.md:30)",
    );
  });

  test('nothing close: the files read are named', async () => {
    expect(await error('recall: 0.5', [file('m.json', [{ name: 'f1', value: 1 }])])).toContain(
      "metric 'recall' named in thresholds is not in any metrics file (read: m.json)",
    );
  });
});

describe('one name in two files', () => {
  const a = file('a.json', [{ name: 'accuracy', value: 0.91 }]);
  test('with different values is ambiguous: refused, naming both, whichever file comes first', async () => {
    const b = file('b.json', [{ name: 'accuracy', value: 0.5 }]);
    for (const files of [
      [a, b],
      [b, a],
    ]) {
      const message = await error('accuracy: ">= 0.8"', files);
      expect(message).toContain("metric 'accuracy' has different values in the 'metrics' files");
      expect(message).toContain('a.json:1 (0.91)');
      expect(message).toContain('b.json:1 (0.5)');
    }
  });
  test('with the same value (all_results.json and eval_results.json) is read once', async () => {
    const same = file('eval_results.json', [{ name: 'accuracy', value: 0.91 }]);
    const [entry] = checkRules(await parseRules('accuracy: ">= 0.8"'), [a, same], undefined);
    expect(entry).toMatchObject({ passed: true, value: 0.91 });
  });
  test('in two baseline files with different values, refused too', async () => {
    const base = [
      file('m1.json', [{ name: 'accuracy', value: 0.95 }]),
      file('m2.json', [{ name: 'accuracy', value: 0.1 }]),
    ];
    expect(await error('accuracy: { max-drop: 0.02 }', [a], base)).toContain(
      "different values in the 'baseline' files",
    );
  });
});

describe('direction', () => {
  test('an unknown direction needed by a bare number is assumed, and the rule text says so', async () => {
    const [e] = checkRules(
      await parseRules('custom_score_x: 0.5'),
      [file('m.json', [{ name: 'custom_score_x', value: 0.7 }])],
      undefined,
    );
    expect(e).toMatchObject({ passed: true, direction: 'higher', direction_from: 'name' });
    const [u] = checkRules(await parseRules('foo: 0.5'), [file('m.json', [{ name: 'foo', value: 0.7 }])], undefined);
    expect(u).toMatchObject({ direction: 'higher', direction_from: 'assumed', direction_assumed: true });
    expect(u.rule).toBe('at least as good as 0.5 (direction assumed: higher is better; set direction: to be sure)');
  });

  test('an assumed direction a rule does not use is not flagged', async () => {
    const [u] = checkRules(
      await parseRules('foo: ">= 0.5"'),
      [file('m.json', [{ name: 'foo', value: 0.7 }])],
      undefined,
    );
    expect(u).toMatchObject({ direction_from: 'assumed', direction_assumed: false, rule: '>= 0.5' });
  });

  test('the file beats the name, the rule beats both', async () => {
    const f = file('m.json', [{ name: 'accuracy_loss', value: 0.3, higherIsBetter: true }]);
    const [fromFile] = checkRules(await parseRules('accuracy_loss: 0.2'), [f], undefined);
    expect(fromFile).toMatchObject({ direction: 'higher', direction_from: 'file', passed: true });
    const [fromRule] = checkRules(await parseRules('accuracy_loss: { direction: lower, max: 1 }'), [f], undefined);
    expect(fromRule).toMatchObject({ direction: 'lower', direction_from: 'rule' });
  });

  test('max-drop alone on a lower-is-better metric is refused: a worse (higher) loss would pass', async () => {
    const message = await error(
      'eval_loss: { max-drop: 0.01 }',
      [file('m.json', [{ name: 'eval_loss', value: 0.9 }])],
      [file('base.json', [{ name: 'eval_loss', value: 0.2 }])],
    );
    expect(message).toContain("rule for 'eval_loss' limits only a fall, but lower is better for 'eval_loss'");
    expect(message).toContain('Use max-increase, or set direction: if the name misleads');
  });

  test('max-increase alone on a higher-is-better metric is refused too; both together are fine', async () => {
    const files = [file('m.json', [{ name: 'accuracy', value: 0.5 }])];
    const base = [file('base.json', [{ name: 'accuracy', value: 0.9 }])];
    expect(await error('accuracy: { max-increase: 0.1 }', files, base)).toContain('limits only a rise');
    const [e] = checkRules(await parseRules('accuracy: { max-increase: 0.1, max-drop: 0.01 }'), files, base);
    expect(e.passed).toBe(false);
  });

  test('max-drop on a metric of unknown direction implies higher is better, and says it assumed so', async () => {
    const [e] = checkRules(
      await parseRules('foo: { max-drop: 0.1 }'),
      [file('m.json', [{ name: 'foo', value: 0.5 }])],
      [file('b.json', [{ name: 'foo', value: 0.55 }])],
    );
    expect(e).toMatchObject({ direction: 'higher', direction_from: 'checks', direction_assumed: true, passed: true });
    expect(e.rule).toBe('max-drop 0.1 (direction assumed from max-drop: higher is better; set direction: to be sure)');
  });
});

describe('champion comparison', () => {
  test('a gated metric the champion does not hold fails, even with no baseline check', async () => {
    const rules = await parseRules('val_accuracy: ">= 0.6"');
    const challenger = [file('history.json', [{ name: 'val_accuracy', path: 'val_accuracy.4', value: 0.7 }])];
    // A champion registered under the epoch-indexed path (as older releases wrote it).
    const champion = [file('registry:m@prod', [{ name: 'val_accuracy.2', value: 0.95 }])];
    const [e] = compareWithChampion(rules, challenger, champion);
    expect(e).toMatchObject({ name: 'val_accuracy', passed: false, champion: null });
  });

  test('compared under the same name, a worse challenger fails', async () => {
    const rules = await parseRules('val_accuracy: ">= 0.6"');
    const challenger = [file('history.json', [{ name: 'val_accuracy', path: 'val_accuracy.4', value: 0.7 }])];
    const champion = [file('registry:m@prod', [{ name: 'val_accuracy', value: 0.95 }])];
    const [e] = compareWithChampion(rules, challenger, champion);
    expect(e).toMatchObject({
      passed: false,
      champion: 0.95,
      message: "0.7 is worse than the champion's 0.95 (higher is better)",
    });
  });

  test('an assumed direction in the no-worse comparison is said in the rule', async () => {
    const [e] = compareWithChampion(
      await parseRules('foo: ">= 0"'),
      [file('m.json', [{ name: 'foo', value: 2 }])],
      [file('c', [{ name: 'foo', value: 1 }])],
    );
    expect(e.rule).toBe('no worse (direction assumed: higher is better; set direction: to be sure)');
  });
});

describe('sameValue: two files agree to the digits the shorter was written with', () => {
  test.each([
    [0.986014, 0.986013986013986, true],
    [0.9, 0.9, true],
    [0.35, 0.2871, false],
    [0.91, 0.915, false],
    [0.5, 0.51, false],
    [1, 1.4, false],
    [0.9135, 0.91349, true],
    [12.5, 12.54, false],
    [1, 1.6, false],
    [1.5e-7, 1.49e-7, false],
    [NaN, NaN, true],
    [Infinity, Infinity, true],
    [Infinity, 1e308, false],
  ])('%p and %p → %p', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
    expect(sameValue(b, a)).toBe(same);
  });
});
