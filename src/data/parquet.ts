/**
 * Parquet reader (https://parquet.apache.org/docs/file-format/) on hyparquet: reads one row group
 * at a time, column chunk by column chunk, into the same column builders as the text formats.
 * Typing follows the schema: INT32/INT64/FLOAT/DOUBLE (and DECIMAL) columns are numerical unless
 * they hold dates or times; every other column (strings, booleans, dates, nested values as JSON
 * text) is categorical. Nulls are missing.
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
import { ColumnBuilder } from './builder.js';
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
  await checkFile(file);
  const buffer = await asyncBufferFromFile(file);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new UserError(`not a valid Parquet file (${(e as Error).message})`, file);
  }
  const fields = parquetSchema(metadata).children;
  const rowCount = Number(metadata.num_rows);
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
      for (let r = Math.max(c.rowStart, b.length); r < Math.min(c.rowEnd, groupEnd); r++)
        b.pushValue(c.columnData[r - c.rowStart]);
    }
    groupStart = groupEnd;
  }
  for (const b of builders) {
    if (b.length !== rowCount)
      throw new UserError(`corrupt Parquet file (column "${b.name}" has ${b.length} of ${rowCount} rows)`, file);
  }
  return { names: builders.map((b) => b.name), builders, rowCount, anchors: new Int32Array(0) };
}

function isNumeric(e: SchemaElement, children: number): boolean {
  if (children > 0 || !e.type || !NUMBER_TYPES.has(e.type)) return false;
  return (
    !(e.converted_type && TIME_TYPES.has(e.converted_type)) && !(e.logical_type && TIME_TYPES.has(e.logical_type.type))
  );
}
