import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, locatedMessage } from '../../src/errors.js';
import { readTable } from '../../src/data/read.js';
import { fixture } from './helpers.js';

/** The UserError readTable throws for `file`. */
async function failure(file: string): Promise<UserError> {
  try {
    await readTable(file);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error(`${file} was read without error`);
}

describe('data reader errors', () => {
  test.each([
    // [fixture, message part, line]
    ['empty.csv', 'the file is empty', undefined],
    ['header_only.csv', 'has a header but no data rows', undefined],
    ['ragged.csv', 'expected 2 fields (as in the header), found 3', 5],
    ['ragged_short.csv', 'expected 2 fields (as in the header), found 1', 4],
    ['unterminated.csv', 'unterminated quoted field', 3],
    ['duplicate.csv', 'duplicate column name "a" (columns 1 and 3)', 1],
    ['invalid.jsonl', 'invalid JSON', 3],
    ['corrupt.parquet', 'not a valid Parquet file', undefined],
  ])('%s', async (name, message, line) => {
    const e = await failure(fixture(name));
    expect(locatedMessage(e)).toContain(message);
    expect(e.file).toBe(fixture(name));
    expect(e.line).toBe(line);
    if (line) expect(locatedMessage(e)).toContain(`${name}:${line}:`);
  });

  test('missing file', async () => {
    const e = await failure(fixture('no-such-file.csv'));
    expect(e.message).toContain('file not found');
  });

  test('unknown extension', async () => {
    const e = await failure(fixture('make-parquet.mjs'));
    expect(e.message).toContain('unknown data format');
  });

  test('a .gz file that is not gzip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlqg-data-'));
    const file = join(dir, 'x.csv.gz');
    writeFileSync(file, 'a,b\n1,2\n');
    expect((await failure(file)).message).toContain('not a valid gzip file');
  });

  test('a JSON Lines row that is not an object', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlqg-data-'));
    const file = join(dir, 'x.jsonl');
    writeFileSync(file, '{"a": 1}\n[1, 2]\n');
    const e = await failure(file);
    expect(e.message).toContain('expected a JSON object');
    expect(e.line).toBe(2);
  });
});
