/**
 * Where a format reader puts the cells of one column, in row order. Two kinds exist: the
 * ColumnBuilder (builder.ts), which keeps every cell in a typed column for `readTable`, and
 * streaming visitors (visit.ts) that fold each cell into a summary and keep nothing per row.
 * The tokenizers (csv.ts, jsonl.ts, parquet.ts) only see this interface.
 *
 * Typing follows ColumnBuilder's rules: a column starts numerical; a text cell turns it
 * categorical when no number came before, otherwise "mixed", and the caller reads the file again
 * with that column as text.
 */
export interface CellSink {
  readonly name: string;
  mode: 'numeric' | 'categorical' | 'mixed';
  /** Cells received so far (rows of the column). */
  length: number;
  /** Rows the sink has room for; the CSV reader grows sinks ahead of a chunk (Infinity: never). */
  readonly capacity: number;
  reserve(capacity: number): void;
  /**
   * Drops the cells from row `length` on: a CSV record cut by the end of a read block is parsed
   * again with the next block. Only the last, incomplete record is ever dropped.
   */
  truncate(length: number): void;
  /** A number parsed by the caller (numeric mode only). */
  pushNumber(v: number): void;
  pushMissing(): void;
  /** A raw cell given as UTF-8 bytes `buf[start..end)`. */
  pushBytes(buf: Uint8Array, start: number, end: number): void;
  /** A raw cell given as text (quoted cell with escapes, JSON string). */
  pushText(text: string): void;
  /** A typed value (JSON Lines, Parquet). */
  pushValue(v: unknown): void;
}

/** Makes the sink of a column; `text`: read it as text from the start. */
export type SinkFactory<S extends CellSink> = (name: string, text: boolean) => S;

/**
 * A typed value (JSON Lines, Parquet) given to a sink: numbers (and bigints) are numbers while the
 * column is numeric, booleans the text `true`/`false`, null/undefined missing, strings raw cells,
 * dates ISO text, anything else its JSON text. Both kinds of sink implement pushValue with it.
 */
export function pushTypedValue(sink: CellSink, v: unknown): void {
  if (v === null || v === undefined) return sink.pushMissing();
  if (typeof v === 'string') return sink.pushText(v);
  if (typeof v === 'number' || typeof v === 'bigint') {
    const n = Number(v);
    if (sink.mode === 'numeric' && Number.isFinite(n)) return sink.pushNumber(n);
    return sink.pushText(String(v));
  }
  if (typeof v === 'boolean') return sink.pushText(String(v));
  if (v instanceof Date) return sink.pushText(v.toISOString());
  sink.pushText(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)));
}
