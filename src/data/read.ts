/**
 * Reads one data file into a column-oriented Table, in the calling thread. Format from the
 * extension (format.ts) unless given. When a column that started numerical meets a text cell, the
 * file is read a second time with such columns as text (at most once more), so that categorical
 * values keep their exact text; files without such columns are read once.
 */
import { UserError } from '../errors.js';
import { ColumnBuilder } from './builder.js';
import { readDelimited } from './csv.js';
import { detectFormat } from './format.js';
import { readJsonLines } from './jsonl.js';
import type { RawTable } from './raw.js';
import type { DataFormat, ReadOptions, Table } from './types.js';

export async function readTable(file: string, opts: ReadOptions = {}): Promise<Table> {
  const { format, gzip } = detectFormat(file, opts);
  const samples = opts.samples ?? false;
  let raw = await readRaw(file, format, gzip, new Set(), samples);
  const mixed = raw.builders.filter((b) => b.mode === 'mixed').map((b) => b.name);
  if (mixed.length > 0) raw = await readRaw(file, format, gzip, new Set(mixed), samples);
  if (raw.rowCount === 0 && !opts.allowEmpty) {
    throw new UserError(
      format === 'csv' || format === 'tsv' ? 'the file has a header but no data rows' : 'the file has no data rows',
      file,
    );
  }
  // One scratch buffer serves every column's sort.
  const scratch = samples ? { buffer: new Float64Array(raw.rowCount) } : undefined;
  const columns = raw.builders.map((b) => b.finish(raw.rowCount, scratch));
  return { file, format, rowCount: raw.rowCount, columns, lineAnchors: raw.anchors };
}

async function readRaw(
  file: string,
  format: DataFormat,
  gzip: boolean,
  text: Set<string>,
  samples: boolean,
): Promise<RawTable> {
  // As samples, categorical columns are only counted (no code per row).
  const sink = (name: string, isText: boolean) => new ColumnBuilder(name, isText, 64, !samples);
  if (format === 'parquet') {
    const { readParquet } = await import('./parquet.js'); // hyparquet only loads for Parquet files
    return readParquet(file, text, sink);
  }
  if (format === 'jsonl') return readJsonLines(file, gzip, text, sink);
  return readDelimited(file, gzip, format === 'tsv' ? '\t' : ',', text, sink);
}

/** 1-based data row number of row index `i` (the header is not a data row). */
export function dataRowNumber(i: number): number {
  return i + 1;
}

/** 1-based line of the file where row index `i` starts; undefined for Parquet. */
export function fileLine(table: Table, i: number): number | undefined {
  const a = table.lineAnchors;
  if (a.length === 0) return undefined;
  // Last anchor whose row is ≤ i (anchors are sorted pairs row, line).
  let lo = 0,
    hi = a.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid * 2] <= i) lo = mid;
    else hi = mid - 1;
  }
  return a[lo * 2 + 1] + (i - a[lo * 2]);
}
