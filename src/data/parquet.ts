/**
 * Parquet reader (https://parquet.apache.org/docs/file-format/) on hyparquet: reads one row group
 * at a time, column chunk by column chunk, into the same column builders as the text formats.
 * Typing follows the schema: INT32/INT64/FLOAT/DOUBLE (and DECIMAL) columns are numerical unless
 * they hold dates or times; every other column (strings, booleans, dates, nested values as JSON
 * text) is categorical. Nulls are missing.
 *
 * The footer is not trusted for sizes: its counts must agree (the row groups' rows sum to the
 * file's), and rows × columns must fit the cell budget of the file's size (limits.ts: a 1.5 kB
 * file cannot claim 10^11 rows and make the reader allocate for them). Cells over MAX_CELL_BYTES
 * and more than MAX_COLUMNS columns are refused as in the text formats.
 */
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type ColumnData,
  type FileMetaData,
  type SchemaElement,
} from 'hyparquet';
import { UserError } from '../errors.js';
import { formatBytes } from '../files/read-text.js';
import { ColumnBuilder } from './builder.js';
import { cellBudget, checkCellText, checkColumnCount, checkColumnName, MAX_CELLS_PER_BYTE } from './limits.js';
import type { RawTable } from './raw.js';
import type { CellSink, SinkFactory } from './sink.js';
import { checkFile } from './source.js';

const NUMBER_TYPES = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);
const TIME_TYPES = new Set([
  'DATE',
  'TIME',
  'TIMESTAMP',
  'TIME_MILLIS',
  'TIME_MICROS',
  'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS',
  'INTERVAL',
]);

export async function readParquet(file: string, textColumns: ReadonlySet<string>): Promise<RawTable>;
export async function readParquet<S extends CellSink>(
  file: string,
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<S>,
): Promise<RawTable<S>>;
export async function readParquet(
  file: string,
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<CellSink> = (name, text) => new ColumnBuilder(name, text),
): Promise<RawTable<CellSink>> {
  const size = await checkFile(file);
  const buffer = await asyncBufferFromFile(file);
  let metadata: FileMetaData;
  let fields: ReturnType<typeof parquetSchema>['children'];
  try {
    metadata = await parquetMetadataAsync(buffer);
    fields = parquetSchema(metadata).children;
  } catch (e) {
    throw new UserError(`not a valid Parquet file (${(e as Error).message})`, file);
  }
  checkColumnCount(fields.length, { file });
  for (const f of fields) checkColumnName(f.element.name, { file });
  const rowCount = checkedRowCount(metadata, fields.length, size, file);
  const builders = fields.map((f) =>
    makeSink(f.element.name, textColumns.has(f.element.name) || !isNumeric(f.element, f.children.length)),
  );
  const byName = new Map(builders.map((b) => [b.name, b]));
  for (const b of builders) b.reserve(rowCount);

  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    const chunks: ColumnData[] = [];
    try {
      await parquetRead({
        file: buffer,
        metadata,
        rowStart: groupStart,
        rowEnd: groupEnd,
        onChunk: (c) => chunks.push(c),
      });
    } catch (e) {
      throw new UserError(
        `cannot read Parquet row group starting at row ${groupStart + 1} (${(e as Error).message})`,
        file,
      );
    }
    // Chunks of one column arrive in row order; they may extend outside the group.
    for (const c of chunks) {
      const b = byName.get(c.columnName);
      if (!b) continue;
      for (let r = Math.max(c.rowStart, b.length); r < Math.min(c.rowEnd, groupEnd); r++) {
        const v = c.columnData[r - c.rowStart];
        if (typeof v === 'string') checkCellText(v, b.name, { file });
        else if (v instanceof Uint8Array || (typeof v === 'object' && v !== null && !(v instanceof Date)))
          checkCellText(
            JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)),
            b.name,
            { file },
          );
        b.pushValue(v);
      }
    }
    groupStart = groupEnd;
  }
  for (const b of builders) {
    if (b.length !== rowCount)
      throw new UserError(`corrupt Parquet file (column "${b.name}" has ${b.length} of ${rowCount} rows)`, file);
  }
  return { names: builders.map((b) => b.name), builders, rowCount, anchors: new Int32Array(0) };
}

/**
 * The rows the footer claims, once its counts agree with each other and rows × columns fits the
 * cell budget of a file of `size` bytes.
 */
function checkedRowCount(metadata: FileMetaData, columns: number, size: number, file: string): number {
  const rows = Number(metadata.num_rows);
  const groups = metadata.row_groups.map((g) => Number(g.num_rows));
  const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!isCount(rows))
    throw new UserError(`corrupt Parquet file (the footer claims ${String(metadata.num_rows)} rows)`, file);
  const sum = groups.reduce((a, n) => a + n, 0);
  if (!groups.every(isCount) || sum !== rows) {
    throw new UserError(`corrupt Parquet file (its row groups hold ${sum} rows, its footer claims ${rows})`, file);
  }
  const budget = cellBudget(size);
  const over = (what: string) =>
    new UserError(
      `the Parquet footer claims ${what}, more than ${MAX_CELLS_PER_BYTE} cells per byte of this ` +
        `${formatBytes(size)} file (the limit for compressed data)`,
      file,
    );
  if (rows * Math.max(columns, 1) > budget) throw over(`${rows} rows × ${columns} columns`);
  const values = metadata.row_groups.flatMap((g) => g.columns.map((c) => Number(c.meta_data?.num_values ?? 0)));
  if (!values.every(isCount)) throw new UserError(`corrupt Parquet file (a column chunk's value count)`, file);
  const total = values.reduce((a, n) => a + n, 0);
  if (total > budget) throw over(`${total} values in its column chunks`);
  return rows;
}

function isNumeric(e: SchemaElement, children: number): boolean {
  if (children > 0 || !e.type || !NUMBER_TYPES.has(e.type)) return false;
  return (
    !(e.converted_type && TIME_TYPES.has(e.converted_type)) && !(e.logical_type && TIME_TYPES.has(e.logical_type.type))
  );
}
