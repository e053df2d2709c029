import { DRIFT_TESTS, autoMethod, getDriftTest } from '../../src/stats/drift-tests.js';

describe('drift test registry', () => {
  test('defaults follow Evidently', () => {
    expect(DRIFT_TESTS.ks.defaultThreshold).toBe(0.05);
    expect(DRIFT_TESTS.chi2.defaultThreshold).toBe(0.05);
    expect(DRIFT_TESTS.z.defaultThreshold).toBe(0.05);
    expect(DRIFT_TESTS.wasserstein.defaultThreshold).toBe(0.1);
    expect(DRIFT_TESTS.jensenshannon.defaultThreshold).toBe(0.1);
    expect(DRIFT_TESTS.psi.defaultThreshold).toBe(0.1);
    expect(DRIFT_TESTS['mean-shift'].defaultThreshold).toBe(0.1);
    for (const [name, t] of Object.entries(DRIFT_TESTS)) expect(t.name).toBe(name);
  });

  test('p-value tests flag below the threshold, distances at or above', () => {
    expect(DRIFT_TESTS.ks.yieldsPValue).toBe(true);
    expect(DRIFT_TESTS.ks.drifted(0.049, 0.05)).toBe(true);
    expect(DRIFT_TESTS.ks.drifted(0.05, 0.05)).toBe(false);
    expect(DRIFT_TESTS.psi.yieldsPValue).toBe(false);
    expect(DRIFT_TESTS.psi.drifted(0.1, 0.1)).toBe(true);
    expect(DRIFT_TESTS.wasserstein.drifted(0.099, 0.1)).toBe(false);
  });

  test('lookup by name', () => {
    expect(getDriftTest('jensenshannon')).toBe(DRIFT_TESTS.jensenshannon);
    expect(getDriftTest('toString')).toBeUndefined();
    expect(getDriftTest('anderson')).toBeUndefined();
  });
});

describe('autoMethod (Evidently defaults)', () => {
  test.each([
    ['numerical', 1000, 6, 'ks'],
    ['numerical', 1000, 5, 'chi2'],
    ['numerical', 1000, 3, 'chi2'],
    ['numerical', 1000, 2, 'z'],
    ['numerical', 50, 1, 'z'],
    ['categorical', 1000, 3, 'chi2'],
    ['categorical', 200, 2, 'z'],
    ['categorical', 200, 40, 'chi2'],
    ['numerical', 1001, 6, 'wasserstein'],
    ['numerical', 1001, 5, 'jensenshannon'],
    ['categorical', 1001, 2, 'jensenshannon'],
    ['categorical', 50000, 30, 'jensenshannon'],
  ] as const)('%s, %i reference rows, %i distinct → %s', (kind, referenceRows, distinctValues, expected) => {
    expect(autoMethod({ kind, referenceRows, distinctValues })).toBe(expected);
  });
});
