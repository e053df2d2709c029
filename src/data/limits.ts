/**
 * Bounds on the data readers (CSV/TSV, JSON Lines, Parquet, gzip), so that a small hostile data
 * file cannot make the action allocate far more than the data it holds. docs/limits.md lists them
 * with the reason for each value. Nothing here limits the number of rows: memory stays
 * proportional to the data (a typed array per column), and streaming stages keep none of it.
 */
import { UserError, type Location } from '../errors.js';
import { formatBytes } from '../files/read-text.js';
import { MAX_KEY_LENGTH } from '../tree/limits.js';

/** Largest cell, in bytes of UTF-8 (a Parquet or JSON string, a CSV field, a nested JSON value as text). */
export const MAX_CELL_BYTES = 1024 * 1024;

/**
 * Longest record (a CSV/TSV record, quoted line breaks included, or a JSON Lines line), in bytes.
 * The reader holds one record at a time besides its 1 MB read block.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * The error for a record over MAX_RECORD_BYTES that starts at `line`.
 *
 * @example
 * recordTooLong('a line', 'd.jsonl', 3).message // 'a line is longer than 16 MB (the limit)'
 */
export function recordTooLong(kind: 'a record' | 'a line', file: string, line: number): UserError {
  return new UserError(`${kind} is longer than ${formatBytes(MAX_RECORD_BYTES)} (the limit)`, file, line);
}

/** Longest column name, in characters: the same bound as a key in a metrics or configuration file. */
export const MAX_COLUMN_NAME_LENGTH = MAX_KEY_LENGTH;

/**
 * Most columns in one file. Every column costs a few kB before its first row (a builder, and in
 * the profile stage sketches of ~10 kB), so a one-line header of a million names would otherwise
 * take gigabytes.
 */
export const MAX_COLUMNS = 10_000;

/**
 * A gzip stream may expand to at most this many times its compressed size (or to
 * GZIP_MIN_BUDGET, whichever is larger). Numerical and categorical CSVs compress 2–15×, one-hot
 * columns up to ~75×, a decompression bomb ~1000×. A table costs up to ~20 bytes of memory per
 * byte of CSV while it is read (a one-digit column: 8 bytes per 2-byte row, and its growth), so
 * 16× keeps a 1 MB bomb under ~300 MB, and matches the MAX_CELLS_PER_BYTE of other compressed
 * data; data that compresses better must be decompressed first.
 */
export const MAX_GZIP_RATIO = 16;
export const GZIP_MIN_BUDGET = 8 * 1024 * 1024;

/**
 * Cells a sparse file may hold per byte of it (JSON Lines keys absent from a row, which cost
 * memory but no bytes; Parquet cells, which RLE and dictionary encoding can shrink to bits), or
 * SPARSE_MIN_CELLS, whichever is larger. Dense JSON Lines hold under 1 cell per 6 bytes; columnar
 * files of real data a few per byte.
 */
export const MAX_CELLS_PER_BYTE = 16;
export const SPARSE_MIN_CELLS = 1 << 20;

/** Refuses a cell over MAX_CELL_BYTES. */
export function checkCellBytes(bytes: number, column: string, at: Location): void {
  if (bytes > MAX_CELL_BYTES) {
    throw new UserError(
      `a cell of column "${clip(column)}" is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_CELL_BYTES)}`,
      at,
    );
  }
}

/** Refuses a text cell over MAX_CELL_BYTES (counting UTF-8 bytes only when it could matter). */
export function checkCellText(text: string, column: string, at: Location): void {
  if (text.length * 3 > MAX_CELL_BYTES) checkCellBytes(Buffer.byteLength(text), column, at);
}

/** Refuses a column name over MAX_COLUMN_NAME_LENGTH characters. */
export function checkColumnName(name: string, at: Location): void {
  if (name.length > MAX_COLUMN_NAME_LENGTH) {
    throw new UserError(
      `a column name is ${name.length} characters long ("${clip(name)}"); the limit is ${MAX_COLUMN_NAME_LENGTH}`,
      at,
    );
  }
}

/** Refuses a column count over MAX_COLUMNS. */
export function checkColumnCount(count: number, at: Location): void {
  if (count > MAX_COLUMNS) throw new UserError(`the file has more than ${MAX_COLUMNS} columns (the limit)`, at);
}

/** The budget of cells for a sparse file of `bytes` bytes (see MAX_CELLS_PER_BYTE). */
export function cellBudget(bytes: number): number {
  return Math.max(SPARSE_MIN_CELLS, MAX_CELLS_PER_BYTE * bytes);
}

/** A name cut to 40 characters, for messages. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
