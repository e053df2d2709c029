/**
 * Fuzzing the data readers (CSV, TSV, JSON Lines, gzip, Parquet; readTable and the streaming
 * visitTable the profile stage uses) and the profile reader. Inputs are the data fixtures and
 * Parquet files from the test writer, mutated (harness.ts). Bounds: see harness.ts. A table that
 * is read must be well-formed: every column has one value per row.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { ColumnBuilder } from '../../src/data/builder.js';
import { readTable } from '../../src/data/read.js';
import type { Table } from '../../src/data/types.js';
import { visitTable } from '../../src/data/visit.js';
import { UserError } from '../../src/errors.js';
import { profileFile } from '../../src/profile/build.js';
import { readProfile } from '../../src/profile/io.js';
import { Profile } from '../../src/profile/profile.js';
import { writeParquet } from '../data/parquet-writer.js';
import { MAX_TREE_DEPTH } from '../../src/tree/limits.js';
import { filesUnder, fuzz, mutated, resultOrUserError, scratch } from './harness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TIMEOUT = 120_000;

function wellFormed(result: unknown): void {
  if (result instanceof UserError) return;
  const t = result as Table;
  for (const c of t.columns) {
    const n = c.kind === 'numeric' ? c.values.length : c.codes.length;
    if (n !== t.rowCount) throw new Error(`column ${c.name} has ${n} values for ${t.rowCount} rows`);
  }
}

describe('fuzz: data readers end in a well-formed table or a UserError', () => {
  const tmp = scratch();
  const fixtures = filesUnder(join(ROOT, '__tests__/fixtures/data'), /\.(csv|tsv|jsonl)$/).map((f) => ({
    name: basename(f),
    bytes: readFileSync(f),
  }));
  const seeds = fc
    .constantFrom(...fixtures)
    .chain((seed) => mutated([seed.bytes]).map((bytes) => ({ name: seed.name, bytes })));
  const read = (path: string, streaming: boolean) =>
    streaming ? visitTable(path, (name, text) => new ColumnBuilder(name, text)) : readTable(path);

  test(
    'CSV, TSV and JSON Lines, plain and gzipped, read whole and streamed',
    async () => {
      expect(fixtures.length).toBeGreaterThan(10);
      await fuzz(
        fc.tuple(seeds, fc.boolean(), fc.boolean()),
        ([{ name, bytes }, gzip, streaming]) =>
          read(tmp.write(gzip ? `${name}.gz` : name, gzip ? gzipSync(bytes) : bytes), streaming),
        400,
        (result, [, , streaming]) => (streaming ? undefined : wellFormed(result)),
      );
    },
    TIMEOUT,
  );

  test(
    'Parquet: real files and written ones, mutated (footers, page headers, data)',
    async () => {
      const written = writeParquet([
        { name: 'a', type: 'INT32', values: [1, 2, 3, 4] },
        { name: 'x', type: 'DOUBLE', values: [0.5, -1, 2.25, 1e300] },
        { name: 's', type: 'STRING', values: ['p', 'q', 'é', ''] },
      ]);
      const real = filesUnder(join(ROOT, '__tests__/fixtures'), /\.parquet$/).map((f) => readFileSync(f));
      expect(real.length).toBeGreaterThan(1);
      await fuzz(
        fc.tuple(mutated([written, ...real]), fc.boolean()),
        ([bytes, streaming]) => read(tmp.write('t.parquet', bytes), streaming),
        400,
        (result, [, streaming]) => (streaming ? undefined : wellFormed(result)),
      );
    },
    TIMEOUT,
  );
});

describe('fuzz: profiles', () => {
  const tmp = scratch();

  test('a profile nested 100 000 deep is refused before JSON.parse, at its position', async () => {
    const path = tmp.write(
      'deep.json',
      `{"format": "ml-quality-gate/profile",\n "x": ${'['.repeat(100000)}${']'.repeat(100000)}}`,
    );
    const e = (await resultOrUserError(() => readProfile(path))) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect([e.line, e.column, e.message]).toEqual([
      2,
      6 + MAX_TREE_DEPTH,
      `nested deeper than ${MAX_TREE_DEPTH} levels (the limit)`,
    ]);
  });

  test(
    'readProfile on mutated profiles ends in a profile or a UserError',
    async () => {
      const profiles = await Promise.all(
        ['types.csv', 'mixed.csv', 'rows.jsonl'].map(async (f) =>
          Buffer.from(JSON.stringify(await profileFile(join(ROOT, '__tests__/fixtures/data', f)))),
        ),
      );
      await fuzz(mutated(profiles), (bytes) => readProfile(tmp.write('p.json', bytes)), 300);
    },
    TIMEOUT,
  );

  test(
    'Profile.fromJSON on JSON values shaped like profiles throws nothing but a RangeError',
    async () => {
      const base = (await profileFile(join(ROOT, '__tests__/fixtures/data/types.csv'))).toJSON() as unknown as Record<
        string,
        unknown
      >;
      // A real profile with one field replaced by any JSON value, at the top or in a column.
      const arb = fc.tuple(
        fc.constantFrom(...Object.keys(base), 'columns.0'),
        fc.jsonValue({ maxDepth: 4 }),
        fc.string(),
      );
      await fuzz(
        arb,
        ([field, value, key]) => {
          const j = structuredClone(base) as Record<string, unknown> & { columns: Record<string, unknown>[] };
          if (field === 'columns.0') j.columns[0] = { ...j.columns[0], [key]: value };
          else j[field] = value;
          try {
            return Profile.fromJSON(j);
          } catch (e) {
            // readProfile turns a RangeError into a UserError naming the file.
            if (e instanceof RangeError) return new UserError(e.message);
            throw e;
          }
        },
        300,
      );
    },
    TIMEOUT,
  );
});
