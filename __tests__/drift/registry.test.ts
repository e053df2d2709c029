import { findMethod, getMethod, METHOD_NAMES, METHODS, methodList } from '../../src/drift/registry.js';

describe('drift method registry', () => {
  test('defaults follow Evidently', () => {
    expect(getMethod('ks').defaultThreshold).toBe(0.05);
    expect(getMethod('chi2').defaultThreshold).toBe(0.05);
    expect(getMethod('z').defaultThreshold).toBe(0.05);
    expect(getMethod('wasserstein').defaultThreshold).toBe(0.1);
    expect(getMethod('jensenshannon').defaultThreshold).toBe(0.1);
    expect(getMethod('psi').defaultThreshold).toBe(0.1);
    expect(getMethod('mean-shift').defaultThreshold).toBe(0.1);
    for (const name of METHOD_NAMES) expect(getMethod(name).name).toBe(name);
  });

  test('names are unique and in the documented order', () => {
    expect(METHOD_NAMES).toEqual(['ks', 'chi2', 'z', 'wasserstein', 'psi', 'jensenshannon', 'mean-shift']);
    expect(new Set(METHODS.map((m) => m.name)).size).toBe(METHODS.length);
    expect(methodList()).toBe('ks, chi2, z, wasserstein, psi, jensenshannon or mean-shift');
  });

  test('p-value methods flag below the threshold, distances at or above', () => {
    expect(getMethod('ks').yieldsPValue).toBe(true);
    expect(getMethod('ks').drifted(0.049, 0.05)).toBe(true);
    expect(getMethod('ks').drifted(0.05, 0.05)).toBe(false);
    expect(getMethod('psi').yieldsPValue).toBe(false);
    expect(getMethod('psi').drifted(0.1, 0.1)).toBe(true);
    expect(getMethod('wasserstein').drifted(0.099, 0.1)).toBe(false);
  });

  test('lookup by name', () => {
    expect(findMethod('jensenshannon')).toBe(getMethod('jensenshannon'));
    expect(findMethod('toString')).toBeUndefined();
    expect(findMethod('__proto__')).toBeUndefined();
    expect(findMethod('anderson')).toBeUndefined();
  });
});
