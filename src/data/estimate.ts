/**
 * The shape (rows × columns) of a data file, estimated without reading it whole: Parquet from its
 * footer (exact), text formats from the file's size and a sample of its first bytes (gunzipped
 * for `.gz`): header or first records give the columns, the sample's bytes per line the rows.
 * Best effort: undefined when the file cannot be sampled (the reader then reports why).
 */
import { debug, reason } from '../debug.js';
import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import { detectFormat } from './format.js';
import { checkFile } from './source.js';
import type { ReadOptions } from './types.js';

/** Bytes of the file sampled. */
const SAMPLE_BYTES = 1 << 20;
/** Compressed bytes sampled from a `.gz` file, and at most this much text gunzipped from them. */
const GZIP_SAMPLE_BYTES = 1 << 18;
const MAX_SAMPLE_TEXT = 64 << 20;

export interface ShapeEstimate {
  rows: number;
  columns: number;
  /**
   * True when the rows are the file's count (Parquet footer). Otherwise line-based: lines, not
   * records, are counted (blank lines and line feeds inside quotes count), scaled when the file is
   * larger than the sample.
   */
  exact: boolean;
}

/**
 * @example
 * await tryEstimateShape('data/current.csv') // { rows: 998713, columns: 20, exact: false }
 */
export async function tryEstimateShape(file: string, opts: ReadOptions = {}): Promise<ShapeEstimate | undefined> {
  try {
    const { format, gzip } = detectFormat(file, opts);
    const size = await checkFile(file);
    if (format === 'parquet') return await parquetShape(file);
    // 1. The sample: the first bytes, as text, and the file size in the sample's units.
    const { bytes, whole } = await readStart(file, gzip ? GZIP_SAMPLE_BYTES : SAMPLE_BYTES);
    const text = gzip
      ? gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_SAMPLE_TEXT })
      : bytes;
    const textSize = (size * text.length) / bytes.length;
    const lines = lineEnds(text);
    if (lines.length === 0) return undefined;
    // 2. Columns: the header's fields, or the keys of the first records.
    const header = format === 'jsonl' ? 0 : 1;
    const columns =
      format === 'jsonl'
        ? jsonKeys(text, lines)
        : fieldCount(text.subarray(0, lines[0]), format === 'tsv' ? 0x09 : 0x2c);
    // 3. Rows: whole lines in the sample, scaled to the file's size.
    const sampled = lines[lines.length - 1] + 1;
    const all = whole && (!gzip || text.length < MAX_SAMPLE_TEXT);
    const rows = all
      ? lines.length - header + (text.length > sampled ? 1 : 0)
      : Math.round((textSize * lines.length) / sampled) - header;
    return { rows: Math.max(0, rows), columns, exact: false };
  } catch (e) {
    // The reader reports what is wrong with the file; the estimate only sizes the work.
    debug(`the shape of ${file} could not be estimated: ${reason(e)}`);
    return undefined;
  }
}

async function parquetShape(file: string): Promise<ShapeEstimate> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } = await import('hyparquet');
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  return { rows: Number(metadata.num_rows), columns: parquetSchema(metadata).children.length, exact: true };
}

/** The first `max` bytes of the file; `whole` when that is all of it. */
async function readStart(file: string, max: number): Promise<{ bytes: Buffer; whole: boolean }> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(max + 1);
    const { bytesRead } = await fh.read(buf, 0, max + 1, 0);
    return { bytes: buf.subarray(0, Math.min(bytesRead, max)), whole: bytesRead <= max };
  } finally {
    await fh.close();
  }
}

/** Offsets of the line feeds. */
function lineEnds(text: Buffer): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(0x0a); i !== -1; i = text.indexOf(0x0a, i + 1)) out.push(i);
  return out;
}

/** Fields of one delimited line, delimiters inside double quotes not counted. */
function fieldCount(line: Buffer, delimiter: number): number {
  let n = 1;
  let quoted = false;
  for (const b of line) {
    if (b === 0x22) quoted = !quoted;
    else if (b === delimiter && !quoted) n++;
  }
  return n;
}

/** Distinct keys of the sample's first 100 records (those that parse as objects). */
function jsonKeys(text: Buffer, lines: number[]): number {
  const keys = new Set<string>();
  let start = 0;
  for (const end of lines.slice(0, 100)) {
    try {
      const record: unknown = JSON.parse(text.subarray(start, end).toString('utf8'));
      if (record && typeof record === 'object') for (const k of Object.keys(record)) keys.add(k);
    } catch {
      // a record the reader will report
    }
    start = end + 1;
  }
  return Math.max(1, keys.size);
}
