import fc from 'fast-check';
import { parseCellNumber, parsedEnd, parseNumberAt, parseNumberText } from '../../src/data/number.js';

const at = (text: string): [number, number] => {
  const v = parseNumberAt(Buffer.from(`${text}\n`), 0);
  return [v, parsedEnd];
};

describe('number parsing', () => {
  test.each([
    ['0.1', 0.1],
    ['-1.5e-3', -0.0015],
    ['.5', 0.5],
    ['5.', 5],
    ['+2', 2],
    ['1E3', 1000],
    ['007', 7],
    ['0.30000000000000004', 0.30000000000000004],
    ['12345678901234567', 12345678901234568],
    ['-46.16046713580582', -46.16046713580582],
    ['9007199254740993', 9007199254740992],
    ['1.7976931348623157e308', 1.7976931348623157e308],
    ['4.9e-324', 5e-324],
  ])('%s', (text, expected) => {
    expect(at(text)).toEqual([expected, text.length]);
  });

  test('property: every decimal text parses to what Number() gives, to its last byte', () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.constantFrom('', '0', '00'), // leading zeros do not count as significant
        digits(22),
        fc.boolean(),
        digits(25),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 400 }))),
      )
      .filter(([, zeros, int, , frac]) => (zeros + int + frac).length > 0)
      .map(([sign, zeros, int, point, frac, e]) => {
        const mantissa = point || frac ? `${zeros}${int}.${frac}` : `${zeros}${int}`;
        return `${sign}${mantissa}${e ? `${e[0]}${e[1]}${e[2]}` : ''}`;
      });
    const written = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc
        .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 17 }))
        .map(([x, k]) => x.toFixed(k)),
    );
    fc.assert(
      fc.property(fc.oneof(decimal, written), (text) => {
        const expected = Number(text);
        const [v, end] = at(text);
        if (Number.isFinite(expected)) {
          expect(Object.is(v, expected)).toBe(true);
          expect(end).toBe(text.length);
        } else expect(end).toBe(-1);
      }),
      { numRuns: 3000 },
    );
  });

  test('either side of 9 digits (32-bit accumulation, then the general path)', () => {
    for (const text of [
      '999999999',
      '9999999999',
      '-2147483647',
      '2147483648',
      '4294967296.5',
      '0.123456789',
      '-0.1234567891',
      '12345.6789',
      '123456.7890',
      '.999999999',
      '99999999.9e-3',
    ])
      expect(at(text + ',')).toEqual([Number(text), text.length]);
  });

  test('stops before what cannot continue a number', () => {
    expect(at('12ab')).toEqual([12, 2]);
    expect(at('1e')).toEqual([1, 1]);
    expect(at('abc')[1]).toBe(-1);
    expect(at('-')[1]).toBe(-1);
    expect(at('1e999')[1]).toBe(-1);
  });

  test('whole cell texts', () => {
    expect(parseCellNumber(' 2.5 ')).toBe(2.5);
    expect(parseCellNumber('0x10')).toBeNaN();
    expect(parseCellNumber('Infinity')).toBeNaN();
    expect(parseCellNumber('1,000')).toBeNaN();
    expect(parseCellNumber('1e999')).toBeNaN();
  });

  test('metric value texts: the same decimal grammar, and nan/inf kept to be refused', () => {
    expect(parseNumberText(' 2.5 ')).toBe(2.5);
    expect(parseNumberText('1e999')).toBe(Infinity);
    expect(parseNumberText('-Infinity')).toBe(-Infinity);
    expect(parseNumberText('NaN')).toBeNaN();
    expect(parseNumberText('0x10')).toBeUndefined();
    expect(parseNumberText('1,000')).toBeUndefined();
  });
});
