/**
 * Streaming CSV/TSV reader (RFC 4180): fields separated by `,` (or tab), records by LF or CRLF;
 * a field in double quotes may hold delimiters, line breaks and doubled quotes (`""` = `"`). A
 * UTF-8 byte-order mark is skipped. The first record is the header. Blank lines are skipped when
 * there are several columns (with one column a blank line is a missing cell). Quotes inside an
 * unquoted field are kept as text, as most readers do.
 *
 * Works on bytes: numerical cells are parsed straight from the buffer (number.ts) and text cells
 * dictionary-encoded from their bytes (dictionary.ts), so no string is made per cell. Bounded by
 * limits.ts: text cells of at most MAX_CELL_BYTES, records of MAX_RECORD_BYTES, MAX_COLUMNS
 * columns with names of MAX_COLUMN_NAME_LENGTH characters.
 */
import { UserError } from '../errors.js';
import { ColumnBuilder } from './builder.js';
import { checkCellBytes, checkColumnCount, checkColumnName, MAX_CELL_BYTES, recordTooLong } from './limits.js';
import { parsedEnd, parseNumberAt } from './number.js';
import { readBlocks } from './source.js';
import type { RawTable } from './raw.js';
import type { CellSink, SinkFactory } from './sink.js';

const LF = 0x0a,
  CR = 0x0d,
  QUOTE = 0x22;

/**
 * Line feeds in `buf[start..end)` by native searches; past 65 536 of them, extrapolated from the
 * bytes they took (a file of one-byte rows does not pay a search per row).
 */
function lineCount(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, start); i >= 0 && i < end; i = buf.indexOf(LF, i + 1))
    if (++n === 65536) return Math.ceil((n * (end - start)) / (i + 1 - start));
  return n;
}

/** Result of scanField for a field that is not a plain number. */
const OK = 0,
  INCOMPLETE = 1;

export async function readDelimited(
  file: string,
  gzip: boolean,
  delimiter: ',' | '\t',
  textColumns: ReadonlySet<string>,
): Promise<RawTable>;
export async function readDelimited<S extends CellSink>(
  file: string,
  gzip: boolean,
  delimiter: ',' | '\t',
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<S>,
): Promise<RawTable<S>>;
export async function readDelimited(
  file: string,
  gzip: boolean,
  delimiter: ',' | '\t',
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<CellSink> = (name, text) => new ColumnBuilder(name, text),
): Promise<RawTable<CellSink>> {
  const p = new DelimitedParser(file, delimiter.charCodeAt(0), textColumns, makeSink);
  let bom = true;
  await readBlocks(
    file,
    gzip,
    (buf, end, final, progress) => {
      let pos = 0;
      if (bom) {
        bom = false;
        if (end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      }
      if (!p.builders) pos = p.parseHeader(buf, pos, end, final);
      if (!p.builders) return pos;
      p.reserveFor(buf, pos, end, progress);
      const parsed = p.parseRecords(buf, pos, end, final);
      p.bytesParsed += parsed - pos;
      return parsed;
    },
    () => recordTooLong('a record', file, p.line),
  );
  return { names: p.names, builders: p.builders ?? [], rowCount: p.rowCount, anchors: p.anchors() };
}

/**
 * The header of a CSV/TSV file (not gzip): its column names and the byte offset where the first
 * record starts (after a byte-order mark and the header's line break).
 */
export async function readDelimitedHeader(
  file: string,
  delimiter: ',' | '\t',
): Promise<{ names: string[]; end: number }> {
  const p = new DelimitedParser(file, delimiter.charCodeAt(0), new Set(), () => {
    throw new Error('no sink for a header');
  });
  let end = 0;
  await readBlocks(
    file,
    false,
    (buf, limit, final) => {
      const bom = limit >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      p.names = [];
      const pos = p.parseHeader(buf, bom, limit, final, false);
      if (pos > bom || final) end = pos;
      return end;
    },
    () => recordTooLong('a record', file, 1),
    { start: 0, stop: 1 },
  );
  return { names: p.names, end };
}

/** What readDelimitedRange parsed: the records starting in its range, and where the last one ends. */
export interface DelimitedRange<S extends CellSink> {
  builders: S[];
  rowCount: number;
  /** Offset after the last record parsed (its line break included): where the next record starts. */
  end: number;
}

/**
 * Parses the records of a CSV/TSV file (not gzip) that start in `[start, stop)`, with the columns
 * `names` (from readDelimitedHeader): `start` must be the start of a record (or of a blank line),
 * the last record is followed past `stop` to its end. The same parser and bounds as readDelimited,
 * except records over `maxRecordBytes`. Line numbers in errors count from `start` as line 1: the
 * caller (src/workers/split.ts) reads the file again in one piece to report an error.
 */
export async function readDelimitedRange<S extends CellSink>(
  file: string,
  delimiter: ',' | '\t',
  names: string[],
  textColumns: ReadonlySet<string>,
  makeSink: SinkFactory<S>,
  range: { start: number; stop: number; maxRecordBytes: number },
): Promise<DelimitedRange<S>> {
  const p = new DelimitedParser(file, delimiter.charCodeAt(0), textColumns, makeSink);
  p.names = names;
  p.builders = names.map((n) => makeSink(n, textColumns.has(n)));
  let end = range.start;
  await readBlocks(
    file,
    false,
    (buf, limit, final, _progress, offset) => {
      const used = p.parseRecords(buf, 0, limit, final, range.stop - offset);
      end = offset + used;
      return used;
    },
    () => recordTooLong('a record', file, p.line),
    range,
  );
  return { builders: p.builders as S[], rowCount: p.rowCount, end };
}

class DelimitedParser {
  names: string[] = [];
  builders: CellSink[] | null = null;
  rowCount = 0;
  /** Bytes of records parsed so far (kept by the caller: see parseRecords). */
  bytesParsed = 0;
  /** 1-based line number of the record being parsed. */
  line = 1;
  private anchorList: number[] = [];
  private lineDelta = NaN;
  // Output of scanField.
  private fStart = 0;
  private fEnd = 0;
  private fNext = 0;
  private fText: string | null = null;
  private fLines = 0;

  constructor(
    private readonly file: string,
    private readonly delim: number,
    private readonly textColumns: ReadonlySet<string>,
    private readonly makeSink: SinkFactory<CellSink>,
  ) {}

  anchors(): Int32Array {
    return Int32Array.from(this.anchorList);
  }

  /**
   * Grows the columns ahead of the chunk `buf[pos..end)` (`progress`: the fraction of the file read
   * with it), so that they are allocated about once: to the row count guessed from the rows per
   * byte so far (before any row, the chunk's line count) and the fraction of the file read.
   */
  reserveFor(buf: Buffer, pos: number, end: number, progress: number): void {
    const b = this.builders!;
    if (b.length === 0) return;
    const rows = this.rowCount > 0 ? ((end - pos) * this.rowCount) / this.bytesParsed : lineCount(buf, pos, end);
    const need = this.rowCount + Math.ceil(rows * 1.1) + 1;
    let cap = Infinity; // columns that keep nothing per row have no capacity to grow
    for (const c of b) cap = Math.min(cap, c.capacity);
    if (need <= cap) return;
    const guess = progress > 0 ? Math.ceil(((this.rowCount + rows) / progress) * 1.02) : 0;
    // Where the guess says nothing (a gzip file's compressed bytes are all read long before its
    // rows are), grow geometrically by 2 rather than 1.25, so rows are copied ~2 times, not ~5.
    const factor = guess <= cap ? 2 : 1.25;
    for (const c of b) c.reserve(Math.max(need, guess, Math.floor(cap * factor)));
  }

  /**
   * Parses the header record; returns the position after it (unchanged when incomplete). Makes the
   * columns' sinks unless `sinks` is false.
   */
  parseHeader(buf: Buffer, pos: number, limit: number, final: boolean, sinks = true): number {
    if (pos >= limit) {
      if (final) throw new UserError(`the file is empty`, this.file);
      return pos;
    }
    const names: string[] = [];
    let p = pos;
    for (;;) {
      if (this.scanField(buf, p, limit, final) === INCOMPLETE) return pos;
      checkColumnCount(names.length + 1, { file: this.file, line: 1 });
      const name = this.fText ?? buf.toString('utf8', this.fStart, this.fEnd);
      checkColumnName(name, { file: this.file, line: 1 });
      names.push(name);
      this.line += this.fLines;
      p = this.fNext;
      if (buf[p] === this.delim) {
        p++;
        continue;
      }
      p = this.endOfRecord(buf, p);
      break;
    }
    if (names.length === 1 && names[0] === '') {
      if (final && p >= limit) throw new UserError(`the file is empty`, this.file);
      throw new UserError(`the header line is empty`, this.file, 1);
    }
    const seen = new Map<string, number>();
    names.forEach((n, i) => {
      const j = seen.get(n);
      if (j !== undefined)
        throw new UserError(`duplicate column name "${n}" (columns ${j + 1} and ${i + 1})`, this.file, 1);
      seen.set(n, i);
    });
    this.names = names;
    if (sinks) this.builders = names.map((n) => this.makeSink(n, this.textColumns.has(n)));
    this.line++;
    return p;
  }

  /**
   * Parses records in `buf[pos..limit)`, where `buf[limit - 1]` is a line feed; returns the
   * position after the last complete record. Only a quoted field can run past `limit`: when not
   * `final` its record is dropped, to be parsed again with the next chunk. No record starting at
   * or after `stop` is parsed.
   *
   * Hot: V8 compiles its loop while the first block is parsed (on-stack replacement), before the
   * code after the loop ever ran, so that code must not read a property (a deoptimization each
   * time it is first reached, measured: five per file).
   */
  parseRecords(buf: Buffer, pos: number, limit: number, final: boolean, stop = Infinity): number {
    const cols = this.builders!;
    const n = cols.length,
      delim = this.delim;
    const until = Math.min(limit, stop);
    while (pos < until) {
      const recStart = pos,
        recLine = this.line;
      let b = buf[pos];
      if ((b === LF || b === CR) && n > 1) {
        // blank line
        pos = this.endOfRecord(buf, pos);
        this.line++;
        continue;
      }
      let lines = 0;
      for (let c = 0; c < n; c++) {
        const col = cols[c];
        let done = false;
        if (col.mode === 'numeric') {
          // fast path: a plain number
          const v = parseNumberAt(buf, pos);
          const e = parsedEnd;
          if (e >= 0) {
            const t = buf[e];
            if (t === delim || t === LF || t === CR) {
              col.pushNumber(v);
              pos = e;
              done = true;
            }
          }
        }
        if (!done && buf[pos] !== QUOTE) {
          // an unquoted cell (scanField's first case, inline: most text cells are)
          let e = pos;
          for (let t; (t = buf[e]) !== delim && t !== LF && t !== CR; e++);
          if (e - pos > MAX_CELL_BYTES) checkCellBytes(e - pos, col.name, { file: this.file, line: recLine + lines });
          col.pushBytes(buf, pos, e);
          pos = e;
          done = true;
        }
        if (!done) {
          this.line = recLine + lines; // for the unterminated-quote message
          if (this.scanField(buf, pos, limit, final) === INCOMPLETE) {
            for (const k of cols) k.truncate(this.rowCount);
            this.line = recLine;
            return recStart;
          }
          if (this.fEnd - this.fStart > MAX_CELL_BYTES)
            checkCellBytes(this.fEnd - this.fStart, col.name, { file: this.file, line: recLine + lines });
          if (this.fText === null) col.pushBytes(buf, this.fStart, this.fEnd);
          else col.pushText(this.fText);
          lines += this.fLines;
          pos = this.fNext;
        }
        b = buf[pos];
        if (b === delim) {
          if (c === n - 1) this.ragged(buf, recStart, limit, recLine);
          pos++;
        } else if (b === LF || b === CR) {
          if (c < n - 1) this.ragged(buf, recStart, limit, recLine);
        } else {
          throw new UserError(
            `unexpected character after the closing quote of field ${c + 1}`,
            this.file,
            recLine + lines,
          );
        }
      }
      pos = this.endOfRecord(buf, pos);
      if (recLine - this.rowCount !== this.lineDelta) {
        this.lineDelta = recLine - this.rowCount;
        this.anchorList.push(this.rowCount, recLine);
      }
      this.rowCount++;
      this.line = recLine + lines + 1;
    }
    return pos;
  }

  /** Skips a line break (LF, CRLF or CR) at `pos`, if any. */
  private endOfRecord(buf: Buffer, pos: number): number {
    if (buf[pos] === CR) pos++;
    if (buf[pos] === LF) pos++;
    return pos;
  }

  /**
   * Finds the field starting at `pos`: its bytes `[fStart, fEnd)` (or `fText` when it had doubled
   * quotes), the position after it `fNext`, and the line breaks inside it `fLines`.
   */
  private scanField(buf: Buffer, pos: number, limit: number, final: boolean): number {
    this.fText = null;
    this.fLines = 0;
    const delim = this.delim;
    if (buf[pos] !== QUOTE) {
      // ends at the latest at the line feed before limit
      let e = pos;
      for (let b; (b = buf[e]) !== delim && b !== LF && b !== CR; e++);
      this.fStart = pos;
      this.fEnd = this.fNext = e;
      return OK;
    }
    const parts: string[] = [];
    let seg = pos + 1;
    for (let p = seg; ;) {
      let q = buf.indexOf(QUOTE, p);
      if (q < 0 || q >= limit) q = limit;
      for (let i = p; i < q; i++) if (buf[i] === LF) this.fLines++;
      if (q === limit) {
        if (!final) return INCOMPLETE;
        throw new UserError(
          `unterminated quoted field (opened on line ${this.line}, the file ends inside it)`,
          this.file,
          this.line,
        );
      }
      if (buf[q + 1] === QUOTE) {
        // "" stands for one quote
        parts.push(buf.toString('utf8', seg, q + 1));
        p = seg = q + 2;
        continue;
      }
      if (parts.length > 0) {
        parts.push(buf.toString('utf8', seg, q));
        this.fText = parts.join('');
      }
      this.fStart = pos + 1;
      this.fEnd = q;
      this.fNext = q + 1;
      return OK;
    }
  }

  /** Throws the error for a record whose field count differs from the header's. */
  private ragged(buf: Buffer, start: number, limit: number, line: number): never {
    let count = 0;
    for (let p = start; ;) {
      if (this.scanField(buf, p, limit, true) === INCOMPLETE) break;
      count++;
      p = this.fNext;
      if (buf[p] === this.delim) {
        p++;
        continue;
      }
      break;
    }
    const n = this.builders!.length;
    throw new UserError(`expected ${n} field${n === 1 ? '' : 's'} (as in the header), found ${count}`, this.file, line);
  }
}
