/**
 * Streaming visit of a data file: the same tokenizers as `readTable` (CSV/TSV, JSON Lines,
 * Parquet, gzip), but each cell goes to a caller's CellSink as it is read, and nothing per row is
 * kept, so memory does not grow with the number of rows (a CSV block of 1 MB, a Parquet row
 * group). Like `readTable`, a column that meets text after numbers is "mixed": the file is then
 * visited a second time, with fresh sinks and such columns as text, so that their categories are
 * the exact raw texts.
 */
import { UserError } from '../errors.js';
import { readDelimited } from './csv.js';
import { detectFormat } from './format.js';
import { readJsonLines } from './jsonl.js';
import type { RawTable } from './raw.js';
import type { CellSink, SinkFactory } from './sink.js';
import type { DataFormat, ReadOptions } from './types.js';

export interface Visited<S extends CellSink> {
  file: string;
  format: DataFormat;
  rowCount: number;
  /** One sink per column, in file order (JSON Lines: order of first appearance). */
  sinks: S[];
}

export async function visitTable<S extends CellSink>(
  file: string,
  makeSink: SinkFactory<S>,
  opts: ReadOptions & { textColumns?: Iterable<string> } = {},
): Promise<Visited<S>> {
  const { format, gzip } = detectFormat(file, opts);
  const text = new Set(opts.textColumns ?? []);
  let raw = await visitRaw(file, format, gzip, text, makeSink);
  const mixed = raw.builders.filter((b) => b.mode === 'mixed').map((b) => b.name);
  if (mixed.length > 0) raw = await visitRaw(file, format, gzip, new Set([...text, ...mixed]), makeSink);
  if (raw.rowCount === 0) {
    throw new UserError(
      format === 'csv' || format === 'tsv' ? 'the file has a header but no data rows' : 'the file has no data rows',
      file,
    );
  }
  // JSON Lines: a key absent from the last rows is missing there.
  for (const s of raw.builders) while (s.length < raw.rowCount) s.pushMissing();
  return { file, format, rowCount: raw.rowCount, sinks: raw.builders };
}

async function visitRaw<S extends CellSink>(
  file: string,
  format: DataFormat,
  gzip: boolean,
  text: Set<string>,
  makeSink: SinkFactory<S>,
): Promise<RawTable<S>> {
  if (format === 'parquet') {
    const { readParquet } = await import('./parquet.js');
    return readParquet(file, text, makeSink);
  }
  if (format === 'jsonl') return readJsonLines(file, gzip, text, makeSink);
  return readDelimited(file, gzip, format === 'tsv' ? '\t' : ',', text, makeSink);
}
