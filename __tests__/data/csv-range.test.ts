/**
 * readDelimitedRange (a worker's part of a CSV file) parses exactly the records that start in its
 * byte range, following the last one past the range's end, and says where that record ends;
 * readDelimitedHeader gives the names and where the first record starts (after a byte-order mark).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ColumnBuilder } from '../../src/data/builder.js';
import { readDelimitedHeader, readDelimitedRange } from '../../src/data/csv.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mqg-csv-range-'));
const text = '\ufeffa,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n3,"w"\r\n';
const file = path.join(dir, 'r.csv');
writeFileSync(file, text);
const offset = (s: string) => Buffer.byteLength(text.slice(0, text.indexOf(s)));
const range = (names: string[], start: number, stop: number) =>
  readDelimitedRange(file, ',', names, new Set(), (n, t) => new ColumnBuilder(n, t), {
    start,
    stop,
    maxRecordBytes: 1 << 20,
  });

test('the header: names, and the offset after it (byte-order mark included)', async () => {
  expect(await readDelimitedHeader(file, ',')).toEqual({ names: ['a', 'b'], end: offset('1,"x') });
});

test('records starting in the range, the last one followed to its end', async () => {
  const names = ['a', 'b'];
  // [start of record 1, a byte into it): record 1 only, which runs past the stop to its end.
  const first = await range(names, offset('1,"x'), offset('1,"x') + 1);
  expect([first.rowCount, first.end]).toEqual([1, offset('\r\n2,z')]);
  // From the blank line to the end: records 2 and 3.
  const rest = await range(names, offset('\r\n2,z'), Buffer.byteLength(text));
  expect([rest.rowCount, rest.end]).toEqual([2, Buffer.byteLength(text)]);
  const b = rest.builders[1].finish(rest.rowCount);
  expect(b.kind === 'categorical' && b.dictionary).toEqual(['z', 'w']);
  // An empty range parses nothing.
  const none = await range(names, offset('3,'), offset('3,'));
  expect([none.rowCount, none.end]).toEqual([0, offset('3,')]);
});

test('a part that starts inside a quoted field is refused or ends elsewhere: its caller checks where it started', async () => {
  // From "y" (inside record 1's quoted field) the part reads `y"` as an unquoted one-field record;
  // split.ts never reports this error: the part did not start where the previous one ended.
  const inside = await range(['a', 'b'], offset('y"'), Buffer.byteLength(text)).catch((e: Error) => e);
  expect(inside).toMatchObject({ message: 'expected 2 fields (as in the header), found 1', line: 1 });
});
