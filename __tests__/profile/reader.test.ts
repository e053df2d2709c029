/**
 * The streaming visitor and the column builder type and count cells alike: the profile of a file
 * agrees with readTable's columns on the same file, including quoted fields with line breaks
 * across 1 MB read blocks (the reader drops and re-parses a record cut by a block end), a column
 * that turns text after numbers (read again as text), missing tokens and JSON Lines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable } from '../../src/data/read.js';
import type { CategoricalColumn, NumericColumn } from '../../src/data/types.js';
import { profileFile } from '../../src/profile/build.js';
import type { CategoricalSummary } from '../../src/profile/categorical.js';
import type { NumericSummary } from '../../src/profile/numeric.js';
import { rng } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mqg-profile-reader-'));

async function agree(file: string) {
  const [table, profile] = [await readTable(file), await profileFile(file)];
  expect(profile.rows).toBe(table.rowCount);
  expect([...profile.columns.keys()]).toEqual(table.columns.map((c) => c.name));
  for (const col of table.columns) {
    const s = profile.columns.get(col.name)!;
    expect(s.kind).toBe(col.kind);
    expect(s.missing).toBe(col.missing);
    if (col.kind === 'numeric') {
      const n = s as NumericSummary;
      const v = Array.from((col as NumericColumn).values).filter((x) => !Number.isNaN(x));
      expect(n.count).toBe(v.length);
      expect(n.moments.min).toBe(v.reduce((a, b) => Math.min(a, b), Infinity));
      expect(n.moments.max).toBe(v.reduce((a, b) => Math.max(a, b), -Infinity));
      expect(n.integerLike).toBe((col as NumericColumn).integerLike);
    } else {
      const c = col as CategoricalColumn;
      const expected = c.dictionary
        .map((label, k) => [label, c.counts[k]] as [string, number])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      expect((s as CategoricalSummary).counts.entries()).toEqual(expected);
    }
  }
}

test('CSV over several read blocks, with multi-line quoted cells, missing tokens and a mixed column', async () => {
  const r = rng(4);
  const lines = ['num,text,mixed,late'];
  for (let i = 0; i < 150_000; i++) {
    const text = r.u() < 0.3 ? `"line ${r.int(50)}\nnext, ""quoted"""` : ['a', 'b', 'NA', ''][r.int(4)];
    const mixed = i === 45_000 ? 'oops' : String(r.int(100));
    const late = i < 100 ? '' : ['x', 'y'][r.int(2)];
    lines.push(`${(r.normal() * 1000).toFixed(2)},${text},${mixed},${late}`);
  }
  const file = path.join(dir, 'big.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  await agree(file);
  const p = await profileFile(file);
  expect(p.columns.get('mixed')!.kind).toBe('categorical'); // re-read as text
  expect(p.columns.get('late')!.kind).toBe('categorical'); // missing first, then text
});

test('JSON Lines: absent keys are missing, strings that are numbers count as numbers', async () => {
  const file = path.join(dir, 'rows.jsonl');
  writeFileSync(
    file,
    ['{"a": 1, "b": "x"}', '{"a": "2.5"}', '', '{"b": null, "c": true}', '{"a": 4, "c": false}'].join('\n') + '\n',
  );
  await agree(file);
});

test.each(['small.parquet', 'small.csv.gz', 'small.jsonl.gz', 'types.csv', 'quoted.csv'])(
  'fixture %s: the profile agrees with readTable',
  async (name) => {
    await agree(fileURLToPath(new URL(`../fixtures/data/${name}`, import.meta.url)));
  },
);
