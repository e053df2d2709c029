import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { ColumnBuilder } from '../../src/data/builder.js';
import { MAX_CELL_BYTES } from '../../src/data/limits.js';
import { fileLine, readTable } from '../../src/data/read.js';
import { cat, fixture, num, texts } from './helpers.js';

describe('CSV/TSV reader', () => {
  test('quoted fields with commas, doubled quotes and line breaks', async () => {
    const t = await readTable(fixture('quoted.csv'));
    expect(t.format).toBe('csv');
    expect(t.rowCount).toBe(4);
    expect(t.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(['id:numeric', 'text:categorical', 'score:numeric']);
    expect(texts(cat(t, 'text'))).toEqual(['hello, world', 'she said "hi"', 'two\nlines', 'plain']);
    expect(Array.from(num(t, 'score').values)).toEqual([0.5, 1.25, -3, 1000]);
    // Row 3 starts on line 4 and spans two lines, so row 4 is on line 6.
    expect([0, 1, 2, 3].map((i) => fileLine(t, i))).toEqual([2, 3, 4, 6]);
  });

  test('CRLF line breaks and a UTF-8 BOM', async () => {
    const t = await readTable(fixture('crlf_bom.csv'));
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(Array.from(num(t, 'a').values)).toEqual([1, 2, 3]);
    expect(texts(cat(t, 'b'))).toEqual(['x', 'y\r\nz', 'x']);
    expect([0, 1, 2].map((i) => fileLine(t, i))).toEqual([2, 3, 5]);
  });

  test('TSV by extension, with a quoted tab', async () => {
    const t = await readTable(fixture('simple.tsv'));
    expect(t.format).toBe('tsv');
    expect(texts(cat(t, 'name'))).toEqual(['alpha', 'beta, gamma', 'quoted\ttab']);
    expect(Array.from(num(t, 'value').values)).toEqual([1, 2, 3]);
    expect(cat(t, 'flag').boolean).toBe(true);
  });

  test('gzip-compressed CSV', async () => {
    const t = await readTable(fixture('small.csv.gz'));
    expect(t.format).toBe('csv');
    expect(Array.from(num(t, 'x').values)).toEqual([1, 2, 3]);
    expect(texts(cat(t, 'label'))).toEqual(['a', 'b', 'a']);
  });

  test('missing-value tokens', async () => {
    const t = await readTable(fixture('missing.csv'));
    const n = num(t, 'num');
    expect(Array.from(n.values)).toEqual([1, NaN, NaN, NaN, NaN, NaN, NaN, 6]);
    expect(n.missing).toBe(6);
    const c = cat(t, 'cat');
    expect(texts(c)).toEqual(['a', 'b', null, null, null, null, null, 'c']);
    expect(c.missing).toBe(5);
    expect(Array.from(c.counts)).toEqual([1, 1, 1]);
  });

  test('a numeric column that meets text becomes categorical with the exact raw texts', async () => {
    const t = await readTable(fixture('mixed.csv'));
    expect(texts(cat(t, 'code'))).toEqual(['1.50', '007', 'x9']);
    expect(texts(cat(t, 'late_text'))).toEqual(['1', '2', 'unknown']);
    expect(texts(cat(t, 'all_missing_then_text'))).toEqual([null, null, 'x']);
  });

  test('booleans, integer-like and distinct counts', async () => {
    const t = await readTable(fixture('types.csv'));
    const rating = num(t, 'rating');
    expect(rating.integerLike).toBe(true);
    expect(rating.distinct).toBe(5);
    const flag = cat(t, 'flag');
    expect(flag.boolean).toBe(true);
    expect(flag.dictionary).toEqual(['true', 'false', 'TRUE', 'False']);
    expect(Array.from(flag.counts)).toEqual([3, 1, 1, 1]);
    expect(flag.missing).toBe(1);
    const level = cat(t, 'level');
    expect(level.boolean).toBe(false);
    expect(level.distinct).toBe(3);
    const ratio = num(t, 'ratio');
    expect(ratio.integerLike).toBe(false);
    expect(ratio.distinct).toBe(7);
  });

  test('the format option overrides the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlqg-data-'));
    const file = join(dir, 'data.txt');
    writeFileSync(file, 'a;b\n1;2\n');
    const t = await readTable(file, { format: 'csv' });
    expect(t.columns.map((c) => c.name)).toEqual(['a;b']);
    expect(texts(cat(t, 'a;b'))).toEqual(['1;2']);
  });

  test('records cut by the 1 MiB read blocks, and a field as long as the cell limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlqg-data-'));
    const file = join(dir, 'big.csv');
    const row = '7,short\n'; // 8 bytes
    const head = 'n,text\n';
    const filler = row.repeat(Math.floor(((1 << 20) - head.length - 10) / row.length));
    const long = 'L'.repeat(MAX_CELL_BYTES);
    writeFileSync(file, `${head}${filler}8,"a\nb\nc, ""d"""\n9,"${long}"\n10,end`);
    const t = await readTable(file);
    const fillerRows = filler.length / row.length;
    expect(t.rowCount).toBe(fillerRows + 3);
    const text = cat(t, 'text');
    expect(text.dictionary).toEqual(['short', 'a\nb\nc, "d"', long, 'end']);
    expect(Array.from(num(t, 'n').values.subarray(fillerRows))).toEqual([8, 9, 10]);
    // the multi-line record spans 3 lines
    expect(fileLine(t, fillerRows)).toBe(fillerRows + 2);
    expect(fileLine(t, fillerRows + 1)).toBe(fillerRows + 5);
  });

  test.each([
    ['regular rows', (i: number) => `${i},${i % 7 === 0 ? '' : 'abc'},${(i * 0.37).toFixed(3)}\n`],
    ['one-byte rows', (i: number) => `${i % 10}\n`],
  ])("columns are allocated once, from the first block's lines and the file size (%s)", async (_label, row) => {
    const dir = mkdtempSync(join(tmpdir(), 'mlqg-data-'));
    const file = join(dir, 'sized.csv');
    const rows = Array.from({ length: 600_000 }, (_, i) => row(i));
    writeFileSync(file, (row(0).split(',').length === 1 ? 'x\n' : 'n,c,x\n') + rows.join(''));
    const grow = jest.spyOn(ColumnBuilder.prototype, 'reserve');
    try {
      const t = await readTable(file);
      expect(t.rowCount).toBe(rows.length);
      const sizes = grow.mock.calls.map((c) => c[0]).filter((n) => n > 64);
      // One reservation per column, for 1 to 1.15 times the rows (the guess is 2 % over).
      expect(sizes).toHaveLength(t.columns.length);
      for (const n of sizes) expect(n / rows.length).toBeGreaterThanOrEqual(1);
      for (const n of sizes) expect(n / rows.length).toBeLessThan(1.15);
    } finally {
      grow.mockRestore();
    }
  });
});
