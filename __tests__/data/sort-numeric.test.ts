import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnBuilder } from '../../src/data/builder.js';
import type { CategoricalColumn, NumericColumn } from '../../src/data/types.js';
import { readTable } from '../../src/data/read.js';
import { cat, fixture, num } from './helpers.js';
import { xorshift128 } from '../stats/helpers/random.js';

describe('readTable as samples (the drift stage)', () => {
  test('numeric columns become their present values, ascending; categorical ones their counts', async () => {
    const t = await readTable(fixture('missing.csv'), { samples: true });
    const n = num(t, 'num');
    expect(n.sorted).toBe(true);
    expect(Array.from(n.values)).toEqual([1, 6]);
    expect(n.missing).toBe(6);
    expect(t.rowCount).toBe(8);
    const whole = cat(await readTable(fixture('missing.csv')), 'cat');
    const c = cat(t, 'cat');
    expect(c.codes).toHaveLength(0);
    expect(c.dictionary).toEqual(whole.dictionary);
    expect(Array.from(c.counts)).toEqual(Array.from(whole.counts));
    expect(c.missing).toBe(whole.missing);
    expect(c.boolean).toBe(whole.boolean);
  });

  test('property: the same columns as a full read, counts per label included — records cut by block ends, late text (fast-check)', async () => {
    // Files over the reader's 1 MiB block with quoted multi-line cells: block ends fall inside
    // quoted fields, so records are dropped and parsed again (the counted cells' held-back case).
    const dir = mkdtempSync(join(tmpdir(), 'mlqg-samples-'));
    const labels = ['a', 'b', '"x\ny"', '"q,""r"""', '', 'NA', '"long' + '\nz'.repeat(300) + '"'];
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 50 }), fc.integer(), async (firstText, seed) => {
          const u = xorshift128(seed);
          // `k` comes before the multi-line cells: a record cut inside them had k counted already.
          const rows = ['k,n,c,late'];
          for (let i = 0; i < 20_000; i++) {
            const label = labels[Math.floor(u() * labels.length)];
            // `late`: missing cells, then text from row `firstText` on (categorical after missing).
            const late = i < firstText ? '' : labels[Math.floor(u() * 2)];
            rows.push(`${labels[Math.floor(u() * 2)]},${Math.floor(u() * 1000) / 8},${label},${late}`);
          }
          const file = join(dir, `f${seed & 0xffff}.csv`);
          writeFileSync(file, rows.join('\n') + '\n');
          const whole = await readTable(file);
          const asSamples = await readTable(file, { samples: true });
          expect(asSamples.rowCount).toBe(whole.rowCount);
          for (const name of ['k', 'c', 'late'])
            expect(labelCounts(cat(asSamples, name))).toEqual(fromCodes(cat(whole, name)));
          expect(Array.from(num(asSamples, 'n').values)).toEqual(
            Array.from(num(whole, 'n').values).sort((a, b) => a - b),
          );
        }),
        { numRuns: 4 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without it, values keep row order with NaN for missing', async () => {
    const n = num(await readTable(fixture('missing.csv')), 'num');
    expect(n.sorted).toBeUndefined();
    expect(n.values).toHaveLength(8);
    expect(n.values[0]).toBe(1);
    expect(Number.isNaN(n.values[1])).toBe(true);
  });
});

describe('ColumnBuilder.finish with a sort buffer', () => {
  test('columns sharing one scratch buffer each keep their own sorted values (the buffers change hands)', () => {
    const n = 6000;
    const scratch = { buffer: new Float64Array(n) };
    // Spread data (three radix passes: sorted into the scratch buffer), one exponent (two passes or
    // fewer: sorted in place), integers, and again spread data after the buffers were swapped.
    const draws = [
      (i: number) => Math.sin(i) * 1e6,
      (i: number) => 1 + ((i * 7919) % n) / n,
      (i: number) => (i * 31) % 97,
    ];
    const inputs = [0, 1, 2, 0, 0].map((k) => Float64Array.from({ length: n }, (_, i) => draws[k](i + k)));
    const columns = inputs.map((values, k) => {
      const b = new ColumnBuilder(`c${k}`, false);
      for (const v of values) b.pushNumber(v);
      return b.finish(n, scratch) as NumericColumn;
    });
    columns.forEach((c, k) => expect(Array.from(c.values)).toEqual(Array.from(inputs[k]).sort((a, b) => a - b)));
    // Transferred to the main thread one buffer per column: no two columns may share one.
    expect(new Set(columns.map((c) => c.values.buffer)).size).toBe(columns.length);
    expect(columns.map((c) => c.values.buffer)).not.toContain(scratch.buffer.buffer);
  });

  test('property: same missing, integerLike and distinct as row order; values are the present ones ascending', () => {
    const cell = fc.oneof(
      fc.constant(NaN),
      fc.constantFrom(0, -0, 1, 2, 3),
      fc.integer({ min: -30, max: 30 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 300 }), fc.integer({ min: 0, max: 5000 }), (cells, repeat) => {
        // Long columns too (the sort's radix path starts at 4096 values).
        const rows = repeat > 4096 ? Array.from({ length: repeat }, (_, i) => cells[i % cells.length] ?? i) : cells;
        const build = () => {
          const b = new ColumnBuilder('x', false);
          for (const v of rows)
            if (Number.isNaN(v)) b.pushMissing();
            else b.pushNumber(v);
          return b;
        };
        const plain = build().finish(rows.length) as NumericColumn;
        const sorted = build().finish(rows.length, { buffer: new Float64Array(rows.length) }) as NumericColumn;
        expect(sorted.sorted).toBe(true);
        expect(sorted.missing).toBe(plain.missing);
        expect(sorted.integerLike).toBe(plain.integerLike);
        expect(sorted.distinct).toBe(plain.distinct);
        expect(Array.from(sorted.values)).toEqual(
          rows
            .filter((v) => !Number.isNaN(v))
            .sort((a, b) => a - b || (Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** Count per label and missing count, from counts (a column read as samples). */
function labelCounts(c: CategoricalColumn) {
  return { counts: Object.fromEntries(c.dictionary.map((t, k) => [t, c.counts[k]])), missing: c.missing };
}

/** The same, counted from the codes of a full read. */
function fromCodes(c: CategoricalColumn) {
  const counts: Record<string, number> = {};
  let missing = 0;
  for (const k of c.codes)
    if (k < 0) missing++;
    else counts[c.dictionary[k]] = (counts[c.dictionary[k]] ?? 0) + 1;
  expect(missing).toBe(c.missing);
  return { counts, missing };
}
