/** The noise-aware rule keys (issue 14): significance, confidence, n, and the defaults block. */
import { parseRules } from '../../src/rules/parse.js';
import { UserError, locatedMessage } from '../../src/errors.js';

test('rule keys and defaults: a rule’s own form replaces the default one; n stays per rule', async () => {
  const rules = await parseRules(
    [
      'defaults: { significance: 0.05 }',
      'accuracy: { min: 0.9, max-drop: 0.01, n: 2000 }',
      'roc_auc: { min: 0.98, confidence: 0.95 }',
      'f1: ">= 0.8"',
      'loss: { max-increase: 0.02, significance: 0.01 }',
    ].join('\n'),
  );
  expect(rules.map((r) => [r.metric, r.noise])).toEqual([
    ['accuracy', { significance: 0.05, n: 2000 }],
    ['roc_auc', { confidence: 0.95 }],
    ['f1', { significance: 0.05 }],
    ['loss', { significance: 0.01 }],
  ]);
  expect(rules[0].text).toBe('>= 0.9, max-drop 0.01, significance 0.05, n 2000');
  expect(rules.map((r) => r.line)).toEqual([2, 3, 4, 5]);
});

test('without the keys a rule has no noise settings (it is checked exactly as before)', async () => {
  const [r] = await parseRules('accuracy: { min: 0.9, max-drop: 0.01 }');
  expect(r.noise).toBeUndefined();
  expect(r.text).toBe('>= 0.9, max-drop 0.01');
});

test.each([
  ['a: { min: 1, significance: 0 }', 1, 'significance is the level of a one-sided test'],
  ['a: { min: 1, significance: 0.6 }', 1, 'at most 0.5'],
  ['a: { min: 1, confidence: 1 }', 1, 'confidence is the coverage of an interval'],
  ['a: { min: 1, confidence: 95 }', 1, 'below 1'],
  ['a: { min: 1, significance: x }', 1, 'significance must be a finite number'],
  ['a: { min: 1, n: 20.5 }', 1, 'n must be a whole number'],
  ['a: { min: 1, n: 0 }', 1, 'n must be a whole number'],
  ['a:\n  min: 1\n  significance: 0.05\n  confidence: 0.95', 1, 'not both'],
  ['a: { significance: 0.05 }', 1, 'no check given'],
  ['defaults: { significance: 0.05, confidence: 0.9 }\na: ">= 1"', 1, 'not both'],
  ['defaults:\n  n: 100\na: ">= 1"', 2, "unknown key 'n'"],
  ['defaults: 0.05\na: ">= 1"', 1, 'expected a mapping with significance or confidence'],
  ['defaults: { significance: 0.05 }', 1, 'defaults block but no rule'],
])('%j is refused at line %d', async (text, line, message) => {
  const err = await parseRules(text, 'rules.yml').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect(locatedMessage(err as UserError)).toContain(message);
  expect((err as UserError).file).toBe('rules.yml');
  expect((err as UserError).line).toBe(line);
});
