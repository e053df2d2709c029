/** pythonFloatText against pandas' `astype(str)` (scripts/golden/python_float_text.py). */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { pythonFloatText } from '../../src/validate/float-text.js';

const golden: { cases: { value: number; single: boolean; text: string }[] } = JSON.parse(
  readFileSync(new URL('../fixtures/golden/python_float_text.json', import.meta.url), 'utf8'),
);

test.each(golden.cases.map((c) => [c.text, c.value, c.single] as const))('%s', (text, value, single) => {
  // JSON has no -0: the golden file writes it as -0.0, which JSON.parse reads as -0.
  expect(pythonFloatText(value, single)).toBe(text);
});

test('property: the text reads back as the same value, with a point or an exponent', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      const t = pythonFloatText(v);
      expect(Object.is(Number(t), v) || (v === 0 && Number(t) === 0)).toBe(true);
      expect(t).toMatch(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d{2,3})$/);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (f) => {
      expect(Math.fround(Number(pythonFloatText(f, true)))).toBe(f);
    }),
    { numRuns: 2000 },
  );
});
