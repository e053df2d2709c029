/**
 * The shape estimate the drift stage's memory budget relies on (src/data/estimate.ts): counted for
 * small files, within a few percent of the reader's row count for files larger than the sample,
 * plain or gzipped, and never a throw.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { tryEstimateShape } from '../../src/data/estimate.js';
import { readTable } from '../../src/data/read.js';
import { mulberry32 } from '../../src/profile/random.js';
import { tempDir } from '../../scripts/lib/run-action.mjs';
import { fixture } from './helpers.js';

describe('tryEstimateShape', () => {
  test('Parquet: the footer counts', async () => {
    const table = await readTable(fixture('small.parquet'));
    const shape = await tryEstimateShape(fixture('small.parquet'));
    expect(shape).toEqual({ rows: table.rowCount, columns: table.columns.length, exact: true });
  });

  // Lines, not records: a blank line (rows.jsonl) or a quoted line feed (quoted.csv) counts one more.
  test.each(['simple.tsv', 'quoted.csv', 'rows.jsonl', 'small.csv.gz', 'small.jsonl.gz', 'types.csv', 'crlf_bom.csv'])(
    '%s: small text files: the lines counted, as many rows as the reader or one more',
    async (name) => {
      const table = await readTable(fixture(name));
      const shape = await tryEstimateShape(fixture(name));
      expect(shape).toMatchObject({ columns: table.columns.length, exact: false });
      expect(shape!.rows - table.rowCount).toBeGreaterThanOrEqual(0);
      expect(shape!.rows - table.rowCount).toBeLessThanOrEqual(1);
    },
  );

  test('larger than the sample: rows within 3 % of the reader, plain and gzipped', async () => {
    const dir = tempDir('mqg-estimate-');
    const rand = mulberry32(7);
    const lines = ['id,x,label,"note, quoted"'];
    // Rows of varying length (1 to 40 characters of note), so the sample's mean is an estimate.
    for (let i = 0; i < 60_000; i++) {
      lines.push(
        `${i},${(rand() * 1000).toFixed(rand() < 0.5 ? 1 : 6)},${rand() < 0.3 ? 'a' : 'bbb'},${'n'.repeat(1 + Math.floor(rand() * 40))}`,
      );
    }
    const text = lines.join('\n') + '\n';
    const csv = path.join(dir, 'big.csv');
    writeFileSync(csv, text);
    writeFileSync(`${csv}.gz`, gzipSync(text));
    const { rowCount } = await readTable(csv);
    for (const file of [csv, `${csv}.gz`]) {
      const shape = await tryEstimateShape(file);
      expect(shape).toMatchObject({ columns: 4, exact: false });
      expect(Math.abs(shape!.rows - rowCount) / rowCount).toBeLessThan(0.03);
    }
  });

  test('unreadable files give no estimate (the reader reports them), never a throw', async () => {
    const dir = tempDir('mqg-estimate-');
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('x.csv', 'x.jsonl', 'x.csv.gz', 'x.parquet'),
        async (bytes, name) => {
          const file = path.join(dir, name);
          writeFileSync(file, bytes);
          const shape = await tryEstimateShape(file);
          if (shape) expect(shape.rows).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
    expect(await tryEstimateShape(path.join(dir, 'missing.csv'))).toBeUndefined();
    expect(await tryEstimateShape(fixture('corrupt.parquet'))).toBeUndefined();
  });
});
