/**
 * The data readers' bounds (src/data/limits.ts) and their refusal of bytes that are not UTF-8 text:
 * each hostile file is refused with its line where it has one, before the reader allocates for it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UserError } from '../../src/errors.js';
import {
  GZIP_MIN_BUDGET,
  MAX_CELL_BYTES,
  MAX_CELLS_PER_BYTE,
  MAX_COLUMN_NAME_LENGTH,
  MAX_COLUMNS,
  MAX_RECORD_BYTES,
} from '../../src/data/limits.js';
import { readTable } from '../../src/data/read.js';
import { visitTable } from '../../src/data/visit.js';
import { ColumnBuilder } from '../../src/data/builder.js';
import { MAX_TREE_DEPTH } from '../../src/tree/limits.js';
import { fixture } from './helpers.js';
import { writeParquet } from './parquet-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'mlqg-limits-'));
let n = 0;
function file(name: string, content: string | Buffer): string {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function failure(path: string, read: (path: string) => Promise<unknown> = readTable): Promise<UserError> {
  try {
    await read(path);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error(`${path} was read without error`);
}

const visit = (path: string) => visitTable(path, (name, text) => new ColumnBuilder(name, text));

describe('cells, records, names and columns', () => {
  test('a CSV cell over the limit is refused at its line, naming the column', async () => {
    const big = 'x'.repeat(MAX_CELL_BYTES + 1);
    for (const text of [`id,note\n1,ok\n2,${big}\n`, `id,note\n1,ok\n2,"${big}"\n`]) {
      const e = await failure(file('cell.csv', text));
      expect([e.line, e.message]).toEqual([3, 'a cell of column "note" is 1.0 MB; the limit is 1.0 MB']);
    }
  });

  test('a record over the limit is refused at the line it starts on, not read into memory whole', async () => {
    const e = await failure(
      file('record.csv', `id,note\n1,ok\n2,"${'x\n'.repeat(MAX_RECORD_BYTES / 2 + (1 << 20))}"\n`),
    );
    expect([e.line, e.message]).toEqual([3, 'a record is longer than 16.0 MB (the limit)']);
    const j = await failure(file('line.jsonl', `{"a": 1}\n{"a": "${'x'.repeat(MAX_RECORD_BYTES + (1 << 20))}"}\n`));
    expect([j.line, j.message]).toEqual([2, 'a line is longer than 16.0 MB (the limit)']);
  });

  test('column names over the limit, and too many columns', async () => {
    const long = 'n'.repeat(MAX_COLUMN_NAME_LENGTH + 1);
    const e = await failure(file('name.csv', `id,${long}\n1,2\n`));
    expect([e.line, e.message]).toEqual([
      1,
      `a column name is 1025 characters long ("${'n'.repeat(40)}…"); the limit is 1024`,
    ]);
    const j = await failure(file('name.jsonl', `{"a": 1}\n{"${long}": 2}\n`));
    expect(j.line).toBe(2);
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    const wide = await failure(file('wide.csv', `${header}\n${'1,'.repeat(MAX_COLUMNS)}1\n`));
    expect([wide.line, wide.message]).toEqual([1, `the file has more than ${MAX_COLUMNS} columns (the limit)`]);
    const ok = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`).join(',');
    expect((await readTable(file('ok.csv', `${ok}\n${'1,'.repeat(MAX_COLUMNS - 1)}1\n`))).columns).toHaveLength(
      MAX_COLUMNS,
    );
  });

  test('JSON Lines: deep nesting is refused before JSON.parse, big values like big cells', async () => {
    const deep = await failure(file('deep.jsonl', `{"a": 1}\n{"a": ${'['.repeat(100000)}${']'.repeat(100000)}}\n`));
    expect([deep.line, deep.column, deep.message]).toEqual([
      2,
      6 + MAX_TREE_DEPTH,
      `nested deeper than ${MAX_TREE_DEPTH} levels (the limit)`,
    ]);
    const ok = readTable(
      file('ok.jsonl', `{"a": ${'['.repeat(MAX_TREE_DEPTH - 1)}${']'.repeat(MAX_TREE_DEPTH - 1)}}\n`),
    );
    expect((await ok).rowCount).toBe(1);
    const text = await failure(file('text.jsonl', `{"a": "${'é'.repeat(MAX_CELL_BYTES / 2 + 1)}"}\n`));
    expect([text.line, text.message]).toEqual([1, 'a cell of column "a" is 1.0 MB; the limit is 1.0 MB']);
    const nested = await failure(
      file(
        'nested.jsonl',
        `{"a": [${Array(MAX_CELL_BYTES / 4)
          .fill('"xx"')
          .join(',')}]}\n`,
      ),
    );
    expect(nested.message).toMatch(/^a cell of column "a" is 1\.\d MB; the limit is 1\.0 MB$/);
  });

  test('JSON Lines whose rows share no keys: refused before rows × keys cells are allocated', async () => {
    const rows = 20000; // 20 000 rows × 20 000 keys would be 4·10^8 cells from a 300 kB file
    const path = file('sparse.jsonl', Array.from({ length: rows }, (_, i) => `{"k${i}": 1}`).join('\n'));
    for (const read of [readTable, visit]) {
      const e = await failure(path, read);
      expect(e.message).toMatch(
        new RegExp(
          `^the rows share too few keys: \\d+ rows × \\d+ keys make more than ${MAX_CELLS_PER_BYTE} cells per byte`,
        ),
      );
      expect(e.line).toBeGreaterThan(1000);
    }
    // Rows that share their keys, some absent here and there, are fine.
    const dense = Array.from({ length: rows }, (_, i) => (i % 3 ? `{"a": ${i}, "b": 2}` : `{"c": 1}`)).join('\n');
    expect((await readTable(file('dense.jsonl', dense))).columns).toHaveLength(3);
  });
});

describe('bytes that are not UTF-8 text (pandas readings in fixtures/data/bad-bytes/pandas.json)', () => {
  const pandas = JSON.parse(readFileSync(fixture('bad-bytes/pandas.json'), 'utf8')) as {
    files: Record<string, Record<string, { error?: string; values?: { data: unknown[][] } }>>;
  };

  test.each([
    ['nul.csv', 3, 'the file holds binary data (a NUL byte at offset 16), not text'],
    ['latin1.csv', 3, 'the file is not valid UTF-8 text; save it as UTF-8'],
    ['utf16.csv', 1, 'the file is UTF-16 text; save it as UTF-8'],
    ['nul.jsonl', 2, 'the file holds binary data (a NUL byte at offset 30), not text'],
    ['latin1.jsonl', 2, 'the file is not valid UTF-8 text; save it as UTF-8'],
  ])('%s is refused at line %i', async (name, line, message) => {
    // pandas refuses each of them too, or reads it differently with its two CSV engines.
    const readings = Object.values(pandas.files[name]);
    const agree = readings.every((r) => r.values && JSON.stringify(r.values) === JSON.stringify(readings[0].values));
    expect(agree).toBe(false);
    const path = fixture(`bad-bytes/${name}`);
    for (const read of [readTable, visit]) {
      const e = await failure(path, read);
      expect([e.line, e.message]).toEqual([line, message]);
    }
  });

  test('far into a file and inside a gzip stream, the line is still the right one', async () => {
    const text = `a,b\n${'1,2\n'.repeat(600000)}3,caf\xe9\n`;
    const bytes = Buffer.from(text, 'latin1');
    for (const path of [file('late.csv', bytes), file('late.csv.gz', gzipSync(bytes))]) {
      const e = await failure(path);
      expect([e.line, e.message]).toEqual([600002, 'the file is not valid UTF-8 text; save it as UTF-8']);
    }
  });
});

describe('compressed data is not trusted for sizes', () => {
  test('a gzip bomb is refused once it expands past its budget', async () => {
    const bomb = gzipSync(Buffer.from(`a\n${'0\n'.repeat(GZIP_MIN_BUDGET)}`)); // 16 MB from ~16 kB
    const e = await failure(file('bomb.csv.gz', bomb));
    expect(e.message).toBe(
      'the gzip file expands to more than 8.0 MB (the limit for compressed data: 16 times its size, at least 8.0 MB); decompress it first',
    );
  });

  test('a Parquet footer claiming 10^11 rows is refused before anything is allocated', async () => {
    const cols = [{ name: 'a', type: 'INT32' as const, values: [1, 2, 3] }];
    const lie = await failure(file('lie.parquet', writeParquet(cols, { numRows: 10n ** 11n })));
    expect(lie.message).toMatch(
      /^the Parquet footer claims 100000000000 rows × 1 columns, more than 16 cells per byte of this \d+ B file/,
    );
    const chunk = await failure(file('chunk.parquet', writeParquet(cols, { chunkValues: 10n ** 11n })));
    expect(chunk.message).toMatch(/^the Parquet footer claims 100000000000 values in its column chunks/);
    const sum = await failure(file('sum.parquet', writeParquet(cols, { numRows: 3n, groupRows: 2n ** 40n })));
    expect(sum.message).toBe('corrupt Parquet file (its row groups hold 1099511627776 rows, its footer claims 3)');
    for (const lies of [{ pageValues: 2 ** 31 - 1 }, { uncompressedSize: 2 ** 31 - 1 }, { numRows: 5n }]) {
      expect((await failure(file('page.parquet', writeParquet(cols, lies)))).message).toMatch(/Parquet/);
    }
    // The same file, honest, reads.
    const t = await readTable(file('ok.parquet', writeParquet(cols)));
    expect([t.rowCount, t.columns[0].kind]).toEqual([3, 'numeric']);
  });

  test('Parquet cells and names are bounded like text cells', async () => {
    const big = await failure(
      file('big.parquet', writeParquet([{ name: 's', type: 'STRING', values: ['x'.repeat(MAX_CELL_BYTES + 1)] }])),
    );
    expect(big.message).toBe('a cell of column "s" is 1.0 MB; the limit is 1.0 MB');
    const name = 'n'.repeat(MAX_COLUMN_NAME_LENGTH + 1);
    const e = await failure(file('name.parquet', writeParquet([{ name, type: 'INT32', values: [1] }])));
    expect(e.message).toMatch(/^a column name is 1025 characters long/);
  });
});
