/**
 * Column-oriented tables produced by the data readers (CSV/TSV, JSON Lines, Parquet). Values are
 * kept in typed arrays, never as row objects, so that a million-row file fits in a few hundred MB
 * and can be moved between worker threads without copying.
 */

/** File formats the readers understand; `.gz` compression is separate (see `compressed`). */
export type DataFormat = 'csv' | 'tsv' | 'jsonl' | 'parquet';

export interface ReadOptions {
  /** Overrides the format inferred from the file extension. */
  format?: DataFormat;
  /** Overrides gzip detection from a trailing `.gz` (CSV/TSV/JSONL only). */
  compressed?: boolean;
  /**
   * Columns as samples, for the drift tests, which need no row order: each numeric column's values
   * become its non-missing values in ascending order (NumericColumn.sorted), and categorical
   * columns keep their counts only (no `codes`). Done in the reading thread, so files read in
   * worker threads are also sorted in parallel, and no code per row is ever written.
   */
  samples?: boolean;
  /**
   * Return a table of zero rows (with the header's columns) for a file that has a header but no
   * data rows, instead of refusing it: the validate stage reports such a dataset as failing its
   * rules. An empty (0-byte) file is refused all the same.
   */
  allowEmpty?: boolean;
}

/** A numerical column: every non-missing cell parsed as a finite number. */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  /**
   * One value per row; NaN marks a missing cell. May be a view on a slightly larger buffer.
   * When `sorted`, instead: the rowCount − missing non-missing values, ascending.
   */
  values: Float64Array;
  /** Set when read as `samples`: row order is gone, values are sorted and NaN-free. */
  sorted?: true;
  /** Number of missing cells. */
  missing: number;
  /** True when every non-missing value is an integer (so it may be a code or a count). */
  integerLike: boolean;
  /**
   * Number of distinct non-missing values, exact up to NUMERIC_DISTINCT_CAP; the value
   * NUMERIC_DISTINCT_CAP + 1 means "more than NUMERIC_DISTINCT_CAP".
   */
  distinct: number;
}

/** A categorical (text) column, dictionary-encoded. */
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  /**
   * One code per row: an index into `dictionary`, or -1 for a missing cell. Empty when read as
   * `samples` (ReadOptions): only `counts` and `missing` are kept.
   */
  codes: Int32Array;
  /** The distinct raw cell texts, in order of first appearance. */
  dictionary: string[];
  /** `counts[k]` = number of rows whose code is k. */
  counts: Int32Array;
  missing: number;
  /** Exact number of distinct non-missing values (= dictionary.length). */
  distinct: number;
  /** True when every non-missing value is one of true/false, True/False, TRUE/FALSE. */
  boolean: boolean;
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  /** The path as given by the caller (used in messages). */
  file: string;
  format: DataFormat;
  rowCount: number;
  columns: Column[];
  /**
   * Where data rows sit in the file, for messages: pairs (row index, 1-based file line) at the
   * first row and wherever the line stops being "previous line + 1" (multi-line quoted fields,
   * skipped blank lines). Use `fileLine(table, i)`; empty for Parquet (no lines).
   */
  lineAnchors: Int32Array;
}

/** Numeric `distinct` counts are exact up to this many values (type inference needs ≤ 5). */
export const NUMERIC_DISTINCT_CAP = 20;
