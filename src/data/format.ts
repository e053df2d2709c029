/** Format detection from the file name: `.csv`, `.tsv`, `.jsonl`/`.ndjson`, `.parquet`, each optionally `.gz`. */
import { UserError } from '../errors.js';
import type { DataFormat, ReadOptions } from './types.js';

const EXTENSIONS: Record<string, DataFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
};

export function detectFormat(file: string, opts: ReadOptions = {}): { format: DataFormat; gzip: boolean } {
  const parts = file.toLowerCase().split(/[\\/]/).pop()!.split('.');
  const gzipExt = parts.length > 1 && parts[parts.length - 1] === 'gz';
  if (gzipExt) parts.pop();
  const gzip = opts.compressed ?? gzipExt;
  const format = opts.format ?? (parts.length > 1 ? EXTENSIONS[parts[parts.length - 1]] : undefined);
  if (!format)
    throw new UserError(
      `unknown data format; use a .csv, .tsv, .jsonl, .ndjson or .parquet file (optionally .gz), or set the format`,
      file,
    );
  if (format === 'parquet' && gzip)
    throw new UserError(`gzip-compressed Parquet is not supported (Parquet compresses internally)`, file);
  return { format, gzip };
}
