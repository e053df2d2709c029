import { autoMethod, pickMethod } from '../../src/drift/choose.js';
import { locatedMessage, UserError } from '../../src/errors.js';

describe('autoMethod (Evidently defaults)', () => {
  test.each([
    ['numeric', 1000, 6, 'ks'],
    ['numeric', 1000, 5, 'chi2'],
    ['numeric', 1000, 3, 'chi2'],
    ['numeric', 1000, 2, 'z'],
    ['numeric', 50, 1, 'z'],
    ['categorical', 1000, 3, 'chi2'],
    ['categorical', 200, 2, 'z'],
    ['categorical', 200, 40, 'chi2'],
    ['numeric', 1001, 6, 'wasserstein'],
    ['numeric', 1001, 5, 'jensenshannon'],
    ['categorical', 1001, 2, 'jensenshannon'],
    ['categorical', 50000, 30, 'jensenshannon'],
  ] as const)('%s, %i reference rows, %i distinct → %s', (kind, referenceRows, distinctValues, expected) => {
    expect(autoMethod({ kind, referenceRows, distinctValues })).toBe(expected);
  });
});

describe('pickMethod', () => {
  const column = { name: 'age', kind: 'numeric' as const, referenceRows: 500, distinctValues: 40 };
  const auto = { method: 'auto' as const };
  const located = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return locatedMessage(e as UserError);
    }
    throw new Error('expected a UserError');
  };

  test('drift-config, else drift-method, else the automatic choice; thresholds likewise', () => {
    expect(pickMethod(column, auto, undefined)).toMatchObject({ method: { name: 'ks' }, threshold: 0.05 });
    expect(pickMethod(column, { method: 'psi', threshold: 0.2 }, undefined)).toMatchObject({
      method: { name: 'psi' },
      threshold: 0.2,
    });
    expect(pickMethod(column, { method: 'psi' }, { method: 'wasserstein', line: 3 })).toMatchObject({
      method: { name: 'wasserstein' },
      threshold: 0.1,
    });
    expect(pickMethod(column, auto, { threshold: 0.01, line: 1 })).toMatchObject({
      method: { name: 'ks' },
      threshold: 0.01,
    });
  });

  test('a method of another column kind is refused, at the drift-config line that chose it', () => {
    const cat = { ...column, kind: 'categorical' as const, distinctValues: 3 };
    const hint = '(set its kind with numerical-columns/categorical-columns, or choose another method)';
    expect(located(() => pickMethod(cat, auto, { method: 'ks', file: 'drift.yml', line: 4 }))).toBe(
      `drift.yml:4: column 'age': ks applies to numerical columns; this one is categorical ${hint}`,
    );
    expect(() => pickMethod(cat, { method: 'mean-shift' }, undefined)).toThrow(
      new UserError(`column 'age': mean-shift applies to numerical columns; this one is categorical ${hint}`),
    );
  });

  test("a method's own refusal: the z-test needs a binary column", () => {
    expect(() => pickMethod({ ...column, distinctValues: 3 }, { method: 'z' }, undefined)).toThrow(
      "column 'age': the z-test needs a binary column; this one has 3 distinct values",
    );
    expect(() => pickMethod({ ...column, distinctValues: Infinity }, { method: 'z' }, undefined)).toThrow(
      'this one has more than 20 distinct values',
    );
    expect(pickMethod({ ...column, distinctValues: 2 }, { method: 'z' }, undefined).method.name).toBe('z');
  });
});
