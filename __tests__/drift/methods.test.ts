/**
 * The contract every registered drift method keeps, checked on random data for each method and
 * each column kind it declares (a new method is checked by adding it to the registry):
 *  - on samples: a finite statistic, a p-value in [0, 1] exactly when it declares one;
 *  - on summaries that hold the data (value counts, uncompacted sketches): the samples' result,
 *    not marked approximate;
 *  - identical sides never drift at the default threshold.
 * Each method's values against the reference implementation are in methods/<name>.test.ts.
 */
import fc from 'fast-check';
import type { ColumnFacts, ColumnKind, DriftMethod } from '../../src/drift/method.js';
import { METHODS } from '../../src/drift/registry.js';
import * as samples from '../../src/drift/samples.js';
import * as summaries from '../../src/drift/summaries.js';
import { CategoricalSummary } from '../../src/profile/categorical.js';
import { KllSketch } from '../../src/profile/kll.js';
import { NumericSummary } from '../../src/profile/numeric.js';
import { DEFAULT_PARAMS } from '../../src/profile/params.js';
import type { ColumnSummary } from '../../src/profile/profile.js';

type Values = (number | string)[];

/** One side both ways: the sample the exact path builds and the summary a profile holds. */
function side(values: Values, kind: ColumnKind, seed: number): { sample: samples.Sample; summary: ColumnSummary } {
  const text = typeof values[0] === 'string';
  let summary: ColumnSummary;
  if (text) {
    const s = new CategoricalSummary(DEFAULT_PARAMS);
    for (const v of values) s.add(v as string);
    summary = s;
  } else {
    const s = new NumericSummary(DEFAULT_PARAMS, new KllSketch(DEFAULT_PARAMS.kllK, seed));
    for (const v of values) s.add(v as number);
    summary = s;
  }
  let sample: samples.Sample;
  if (kind === 'numeric') {
    sample = { kind, sorted: Float64Array.from(values as number[]).sort(), rows: values.length, missing: 0 };
  } else {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    sample = { kind, counts, rows: values.length, missing: 0 };
  }
  return { sample, summary };
}

/**
 * Column data of a kind: numeric columns as decimals (many distinct values) or small integers
 * (value counts kept); categorical columns as labels, or small integers compared as categories.
 */
function columnData(kind: ColumnKind): fc.Arbitrary<Values> {
  const length = { minLength: 1, maxLength: 80 };
  const decimals = fc.array(
    fc.integer({ min: -100_000, max: 100_000 }).map((x) => x / 100),
    length,
  );
  const smallInts = fc.integer({ min: 1, max: 6 }).chain((k) => fc.array(fc.integer({ min: 0, max: k - 1 }), length));
  const labels = fc
    .integer({ min: 1, max: 5 })
    .chain((k) => fc.array(fc.constantFrom(...'abcde'.slice(0, k).split('')), length));
  return kind === 'numeric' ? fc.oneof(decimals, smallInts) : fc.oneof(labels, smallInts);
}

/** Two sides of the same shape of data (both text, or both numbers). */
function pairData(kind: ColumnKind): fc.Arbitrary<[Values, Values]> {
  return fc.tuple(columnData(kind), columnData(kind)).filter(([a, b]) => typeof a[0] === typeof b[0]) as fc.Arbitrary<
    [Values, Values]
  >;
}

function facts(kind: ColumnKind, ref: samples.Sample, cur: samples.Sample): ColumnFacts {
  return {
    name: 'x',
    kind,
    referenceRows: samples.present(ref),
    distinctValues: samples.distinctValues(ref, cur),
  };
}

const cases = METHODS.flatMap((method) => method.columnKinds.map((kind) => [method.name, kind, method] as const));

/** Same value up to rounding (the two paths sum in different orders). */
function expectSame(actual: number | null, expected: number | null): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe.each(cases)('%s on %s columns', (_name, kind, method: DriftMethod) => {
  test('declares what the registry needs', () => {
    expect(method.name).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(method.displayName.length).toBeGreaterThan(0);
    expect(method.defaultThreshold).toBeGreaterThan(0);
    if (method.yieldsPValue) expect(method.defaultThreshold).toBeLessThan(1);
  });

  test('on samples: a finite statistic; a p-value in [0, 1] exactly when it declares one', () => {
    fc.assert(
      fc.property(pairData(kind), fc.nat(), ([a, b], seed) => {
        const ref = side(a, kind, seed).sample;
        const cur = side(b, kind, seed + 1).sample;
        fc.pre(method.refuse?.(facts(kind, ref, cur)) === undefined);
        const out = method.onSamples(ref, cur);
        expect(Number.isFinite(out.statistic)).toBe(true);
        if (method.yieldsPValue) {
          expect(out.pValue).not.toBeNull();
          expect(out.pValue).toBeGreaterThanOrEqual(0);
          expect(out.pValue).toBeLessThanOrEqual(1);
        } else expect(out.pValue).toBeNull();
      }),
    );
  });

  test('on summaries that hold the data: the samples’ result, not approximate', () => {
    fc.assert(
      fc.property(pairData(kind), fc.nat(), ([a, b], seed) => {
        const ref = side(a, kind, seed);
        const cur = side(b, kind, seed + 1);
        fc.pre(method.refuse?.(facts(kind, ref.sample, cur.sample)) === undefined);
        const exact = method.onSamples(ref.sample, cur.sample);
        const fromSummaries = method.onSummaries(ref.summary, cur.summary, { name: 'x', kind });
        expect(fromSummaries.approximate).toBe(false);
        expectSame(fromSummaries.statistic, exact.statistic);
        expectSame(fromSummaries.pValue, exact.pValue);
      }),
    );
  });

  test('the method choice reads the same distinct count from either representation', () => {
    // Samples of numbers are counted up to 7 (the choice needs > 5 only); categories exactly.
    const choiceCount = (n: number) => (kind === 'numeric' ? Math.min(n, 7) : n);
    fc.assert(
      fc.property(pairData(kind), ([a, b]) => {
        const ref = side(a, kind, 1);
        const cur = side(b, kind, 2);
        expect(choiceCount(summaries.distinctValues(ref.summary, cur.summary))).toBe(
          choiceCount(samples.distinctValues(ref.sample, cur.sample)),
        );
      }),
    );
  });

  test('identical sides do not drift at the default threshold', () => {
    fc.assert(
      fc.property(columnData(kind), fc.nat(), (a, seed) => {
        const ref = side(a, kind, seed).sample;
        const cur = side(a, kind, seed + 1).sample;
        fc.pre(method.refuse?.(facts(kind, ref, cur)) === undefined);
        const out = method.onSamples(ref, cur);
        const value = method.yieldsPValue ? (out.pValue as number) : out.statistic;
        expect(method.drifted(value, method.defaultThreshold)).toBe(false);
      }),
    );
  });
});
