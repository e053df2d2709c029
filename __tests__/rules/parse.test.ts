import { parseRules } from '../../src/rules/parse.js';
import { UserError, locatedMessage } from '../../src/errors.js';

describe('parseRules', () => {
  test('every expression form', async () => {
    const rules = await parseRules(
      ['a: ">= 0.9"', 'b: "<= 1e-3"', 'c: "> -2"', 'd: "< .5"', 'e: "== 3"', 'f: "between 0.1 and 0.2"', 'g: 0.7'].join(
        '\n',
      ),
    );
    expect(rules.map((r) => r.checks[0])).toEqual([
      { kind: 'compare', op: '>=', value: 0.9 },
      { kind: 'compare', op: '<=', value: 0.001 },
      { kind: 'compare', op: '>', value: -2 },
      { kind: 'compare', op: '<', value: 0.5 },
      { kind: 'compare', op: '==', value: 3 },
      { kind: 'between', min: 0.1, max: 0.2 },
      { kind: 'target', value: 0.7 },
    ]);
    expect(rules.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('mapping form, with direction', async () => {
    const [r] = await parseRules(
      '"macro avg.f1-score": { min: 0.85, max: 1, max-drop: 0.02, max-drop-pct: 5, max-increase: 1, max-increase-pct: 10, direction: higher }',
    );
    expect(r.metric).toBe('macro avg.f1-score');
    expect(r.direction).toBe('higher');
    expect(r.checks.map((c) => c.kind)).toEqual([
      'compare',
      'compare',
      'max-drop',
      'max-drop-pct',
      'max-increase',
      'max-increase-pct',
    ]);
    expect(r.text).toBe('>= 0.85, <= 1, max-drop 0.02, max-drop 5 %, max-increase 1, max-increase 10 %');
  });

  test('bounds that meet are accepted: min equal to max, between a and a, 0 written as 0e5', async () => {
    const rules = await parseRules('a: { min: 0.5, max: 0.5 }\nb: "between 2 and 2"\nc: ">= 0e5"');
    expect(rules.map((r) => r.checks)).toEqual([
      [
        { kind: 'compare', op: '>=', value: 0.5 },
        { kind: 'compare', op: '<=', value: 0.5 },
      ],
      [{ kind: 'between', min: 2, max: 2 }],
      [{ kind: 'compare', op: '>=', value: 0 }],
    ]);
  });

  test('JSON is accepted', async () => {
    const rules = await parseRules('{"accuracy": ">= 0.9", "loss": {"max": 0.4}}');
    expect(rules.map((r) => r.metric)).toEqual(['accuracy', 'loss']);
  });

  test.each([
    ['a: "at least 3"', 1, 'cannot parse'],
    ['a: ">= 1"\nb: "between 2 and 1"', 2, 'lower bound'],
    ['a: { min: x }', 1, 'finite number'],
    ['a: ">= 1"\nb:\n  max-dorp: 1', 3, "unknown key 'max-dorp'"],
    ['a: { direction: up, min: 1 }', 1, "direction must be 'higher' or 'lower'"],
    ['a: { max-drop: -1 }', 1, 'must not be negative'],
    ['a: {}', 1, 'no check'],
    ['a: [1, 2]', 1, 'expected a string'],
    ['a: ">= 1"\na: "<= 2"', 2, 'Map keys must be unique'],
    // rules that cannot hold, or cannot fail
    ['a: ">= -1e999"', 1, 'too large for a number (it overflows to infinity)'],
    ['a: "<= 1e400"', 1, 'overflows to infinity'],
    ['a: "== 1e-999"', 1, 'too small for a number (it underflows to 0)'],
    ['a: "between -1e999 and 1"', 1, 'overflows to infinity'],
    ['a: "between 0 and 1e999"', 1, 'overflows to infinity'],
    ['a: { min: 0.9, max: 0.1 }', 1, 'min 0.9 is above max 0.1: no value can meet both'],
    ['a: { min: .inf }', 1, 'finite number'],
    ['a: { max-drop-pct: -5 }', 1, 'must not be negative'],
    ['a: { max-increase: .nan }', 1, 'finite number'],
    ['a: .inf', 1, 'finite number'],
    ['- a\n- b', 1, 'mapping of metric names'],
  ])('%j is rejected at line %d', async (text, line, message) => {
    const err = await parseRules(text, 'rules.yml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(locatedMessage(err as UserError)).toContain(message);
    expect((err as UserError).file).toBe('rules.yml');
    expect((err as UserError).line).toBe(line);
  });

  test('JSON keeps its lines and refuses a repeated key, which JSON.parse would drop silently', async () => {
    const rules = await parseRules('{\n  "accuracy": ">= 0.9",\n  "loss": {"max": 0.4}\n}', 'rules.json');
    expect(rules.map((r) => [r.metric, r.line])).toEqual([
      ['accuracy', 2],
      ['loss', 3],
    ]);
    const err = await parseRules('{\n  "a": ">= 1",\n  "a": "<= 2"\n}', 'rules.json').catch((e: unknown) => e);
    expect(locatedMessage(err as UserError)).toBe("rules.json:3: key 'a' appears twice");
    expect((err as UserError).line).toBe(3);
  });

  test('errors in inline rules name no file (there is none to annotate)', async () => {
    const err = await parseRules('a: "around 3"').catch((e: unknown) => e);
    expect(locatedMessage(err as UserError)).toBe(
      `input 'thresholds' line 1: rule for 'a': cannot parse 'around 3'; expected ">= x", "<= x", "> x", "< x", "== x" or "between a and b"`,
    );
    expect((err as UserError).file).toBeUndefined();
    const syntax = await parseRules('a: [1,').catch((e: unknown) => e);
    expect(locatedMessage(syntax as UserError)).toMatch(/^input 'thresholds' line \d+: malformed YAML/);
    expect((syntax as UserError).file).toBeUndefined();
  });
});
