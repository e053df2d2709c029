/**
 * Streaming JSON Lines reader (https://jsonlines.org/, also called NDJSON): one JSON object per
 * line, UTF-8, LF or CRLF; blank lines are skipped. Columns are the union of the objects' keys in
 * order of first appearance; an absent key or `null` is a missing cell. Values are typed as in
 * ColumnBuilder.pushValue (JSON strings are read like CSV cells, so "3.5" counts as a number).
 * Bounded by limits.ts: lines of MAX_RECORD_BYTES, nesting of MAX_TREE_DEPTH (checked before
 * JSON.parse), cells of MAX_CELL_BYTES, MAX_COLUMNS keys with names of MAX_COLUMN_NAME_LENGTH, and
 * at most MAX_CELLS_PER_BYTE cells (rows × keys) per byte, since a key absent from a row costs a
 * cell but no byte.
 */
import { UserError } from '../errors.js';
import { jsonDepthExcess } from '../tree/json.js';
import { tooDeep } from '../tree/limits.js';
import { ColumnBuilder } from './builder.js';
import {
  cellBudget,
  checkCellText,
  checkColumnCount,
  checkColumnName,
  MAX_CELL_BYTES,
  MAX_CELLS_PER_BYTE,
  recordTooLong,
} from './limits.js';
import { readBlocks } from './source.js';
import type { RawTable } from './raw.js';
import type { CellSink, SinkFactory } from './sink.js';

const LF = 0x0a;

export async function readJsonLines(file: string, gzip: boolean, textColumns: ReadonlySet<string>): Promise<RawTable>;
export async function readJsonLines<S extends CellSink>(
  file: string,
  gzip: boolean,
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<S>,
): Promise<RawTable<S>>;
export async function readJsonLines(
  file: string,
  gzip: boolean,
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<CellSink> = (name, text) => new ColumnBuilder(name, text),
): Promise<RawTable<CellSink>> {
  const byName = new Map<string, CellSink>();
  const builders: CellSink[] = [];
  const anchors: number[] = [];
  let rowCount = 0,
    line = 1,
    lineDelta = NaN,
    bytes = 0;
  let first = true;

  const parseLine = (buf: Buffer, start: number, end: number): void => {
    if (first) {
      first = false;
      if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    }
    bytes += end - start + 1;
    const text = buf.toString('utf8', start, end).trim();
    if (text !== '') {
      const deep = jsonDepthExcess(text);
      if (deep >= 0) throw tooDeep({ file, line, column: deep + 1 });
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (e) {
        throw new UserError(`invalid JSON (${(e as Error).message})`, file, line);
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw new UserError(
          `expected a JSON object, found ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}`,
          file,
          line,
        );
      }
      const at = { file, line };
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'string') checkCellText(value, key, at);
        else if (typeof value === 'object' && value !== null && text.length > MAX_CELL_BYTES)
          checkCellText(JSON.stringify(value), key, at);
        let b = byName.get(key);
        if (!b) {
          checkColumnName(key, at);
          checkColumnCount(builders.length + 1, at);
          if ((builders.length + 1) * (rowCount + 1) > cellBudget(bytes)) {
            throw new UserError(
              `the rows share too few keys: ${rowCount + 1} rows × ${builders.length + 1} keys make more than ` +
                `${MAX_CELLS_PER_BYTE} cells per byte of the file (the limit); write rows with the same keys`,
              at,
            );
          }
          b = makeSink(key, textColumns.has(key));
          byName.set(key, b);
          builders.push(b);
        }
        while (b.length < rowCount) b.pushMissing(); // key absent from earlier rows
        b.pushValue(value);
      }
      rowCount++;
      if (line - rowCount !== lineDelta) {
        // anchor for row rowCount - 1
        lineDelta = line - rowCount;
        anchors.push(rowCount - 1, line);
      }
      for (const b of builders) if (b.length < rowCount) b.pushMissing();
    }
    line++;
  };

  await readBlocks(
    file,
    gzip,
    (buf, end) => {
      for (let start = 0; start < end;) {
        const nl = buf.indexOf(LF, start);
        parseLine(buf, start, nl);
        start = nl + 1;
      }
      return end;
    },
    () => recordTooLong('a line', file, line),
  );
  return { names: builders.map((b) => b.name), builders, rowCount, anchors: Int32Array.from(anchors) };
}
