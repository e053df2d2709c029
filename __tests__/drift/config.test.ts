import { loadDriftConfig } from '../../src/drift/config.js';

describe('loadDriftConfig', () => {
  test('method names and mappings, with their lines', async () => {
    const cfg = await loadDriftConfig('age: ks\nplan:\n  method: chi2\n  threshold: 0.01\nincome: { threshold: 0.2 }');
    expect(Object.fromEntries(cfg)).toEqual({
      age: { method: 'ks', file: undefined, line: 1 },
      plan: { method: 'chi2', threshold: 0.01, file: undefined, line: 2 },
      income: { threshold: 0.2, file: undefined, line: 5 },
    });
  });
  test.each([
    ['a: anova', "unknown method 'anova'"],
    ['a: { threshold: -1 }', 'threshold must be a non-negative number'],
    ['a: { method: ks, alpha: 1 }', "unknown key 'alpha'"],
    ['a: [ks]', 'expected a method name'],
  ])('%j is refused', async (text, message) => {
    await expect(loadDriftConfig(text)).rejects.toThrow(message);
  });
});
