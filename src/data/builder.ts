/**
 * Builds one column from its cells in row order. A column starts numerical and stays so while
 * every non-missing cell is a finite number. A text cell turns it categorical on the spot when no
 * number came before (the usual case: text from the first row); after numbers it turns "mixed":
 * its values are no longer kept and the reader reads the file again with this column as text
 * (see read.ts), so categorical values keep their exact raw text ("1.50", "007") rather than a
 * number printed back.
 */
import { ByteDictionary } from './dictionary.js';
import { isMissingBytes, isMissingText } from './missing.js';
import { parseCellNumber } from './number.js';
import { pushTypedValue, type CellSink } from './sink.js';
import { NUMERIC_DISTINCT_CAP, type Column } from './types.js';
import { isBooleanText } from './boolean.js';
import { sortFloat64Using } from '../stats/sort.js';

/**
 * The buffer the sorts of a table's numeric columns work in, at least as long as the table (one
 * for all columns); a sort may leave its result there and take the column's own buffer instead.
 */
export interface SortScratch {
  buffer: Float64Array;
}

export type BuilderMode = 'numeric' | 'categorical' | 'mixed';

export class ColumnBuilder implements CellSink {
  mode: BuilderMode;
  length = 0;
  values: Float64Array;
  codes: Int32Array;
  private readonly dict = new ByteDictionary();
  /**
   * Without codes (`keepCodes` false), categorical cells are counted per code here instead, the
   * last one held back in `pendingCode` (NO_CODE: none) until the next cell: the CSV reader may
   * drop the last, incomplete record (truncate).
   */
  private codeCounts: Int32Array | null = null;
  private pendingCode = NO_CODE;
  private countedMissing = 0;

  /** `keepCodes` false: a categorical column keeps its counts only (ReadOptions.samples). */
  constructor(
    readonly name: string,
    text: boolean,
    capacity = 64,
    private readonly keepCodes = true,
  ) {
    this.mode = text ? 'categorical' : 'numeric';
    this.values = new Float64Array(text ? 0 : capacity);
    this.codes = new Int32Array(text && keepCodes ? capacity : 0);
    if (text && !keepCodes) this.codeCounts = new Int32Array(16);
  }

  /** Rows there is room for without growing: Infinity when nothing is kept per row (mixed, counted). */
  get capacity(): number {
    if (this.mode === 'numeric') return this.values.length;
    return this.mode === 'mixed' || this.codeCounts ? Infinity : this.codes.length;
  }

  /** Makes room for `capacity` rows in total (readers call it with their estimate of the row count). */
  reserve(capacity: number): void {
    if (this.mode === 'numeric' && capacity > this.values.length) {
      const v = new Float64Array(capacity);
      v.set(this.values.subarray(0, this.length));
      this.values = v;
    } else if (this.mode === 'categorical' && capacity > this.codes.length) {
      const c = new Int32Array(capacity);
      c.set(this.codes.subarray(0, this.length));
      this.codes = c;
    }
  }

  /** Drops rows from `length` on (a record cut by the end of a read chunk is parsed again). */
  truncate(length: number): void {
    if (this.codeCounts && this.length > length) {
      // Counted cells cannot be taken back: only the held-back last one can.
      if (this.length - length > 1 || this.pendingCode === NO_CODE)
        throw new RangeError(`truncate: only the last cell of a counted column can be dropped`);
      this.pendingCode = NO_CODE;
    }
    this.length = length;
  }

  /** A number parsed by the caller (numeric mode only). */
  pushNumber(v: number): void {
    if (this.length === this.values.length) this.reserve(this.length * 2 + 16);
    this.values[this.length++] = v;
  }

  pushMissing(): void {
    if (this.mode === 'numeric') this.pushNumber(NaN);
    else this.pushCode(-1);
  }

  /** A raw cell given as UTF-8 bytes `buf[start..end)`. */
  pushBytes(buf: Uint8Array, start: number, end: number): void {
    if (isMissingBytes(buf, start, end)) return this.pushMissing();
    if (this.mode === 'categorical') return this.pushCode(this.dict.code(buf, start, end));
    if (this.mode === 'numeric') {
      const v = parseCellNumber(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
      if (!Number.isNaN(v)) return this.pushNumber(v);
      if (this.leaveNumeric()) this.pushCode(this.dict.code(buf, start, end));
    } else this.length++; // mixed
  }

  /** A raw cell given as text (quoted cell with escapes, JSON string). */
  pushText(text: string): void {
    if (isMissingText(text)) return this.pushMissing();
    if (this.mode === 'categorical') {
      const bytes = Buffer.from(text, 'utf8');
      return this.pushCode(this.dict.code(bytes, 0, bytes.length));
    }
    if (this.mode === 'numeric') {
      const v = parseCellNumber(text);
      if (!Number.isNaN(v)) return this.pushNumber(v);
      if (this.leaveNumeric()) this.pushText(text);
    } else this.length++; // mixed
  }

  /** A typed value (JSON Lines, Parquet): see pushTypedValue. */
  pushValue(v: unknown): void {
    pushTypedValue(this, v);
  }

  /**
   * The finished column of `rowCount` rows (pads missing rows at the end, e.g. JSONL keys). With
   * `sortScratch` (shared by the columns), a numeric column comes out `sorted`: its present values
   * ascending (see NumericColumn).
   */
  finish(rowCount: number, sortScratch?: SortScratch): Column {
    while (this.length < rowCount) this.pushMissing();
    if (this.mode !== 'numeric') return this.finishCategorical(rowCount);
    return sortScratch ? this.finishSorted(rowCount, sortScratch) : this.finishNumeric(rowCount);
  }

  private pushCode(code: number): void {
    if (this.mode === 'mixed') {
      this.length++;
      return;
    } // only counted: the column is re-read
    if (this.codeCounts) {
      this.countPending();
      this.pendingCode = code;
      this.length++;
      return;
    }
    if (this.length === this.codes.length) this.reserve(this.length * 2 + 16);
    this.codes[this.length++] = code;
  }

  /** Counts the held-back cell of a column without codes. */
  private countPending(): void {
    const c = this.pendingCode;
    if (c === NO_CODE) return;
    this.pendingCode = NO_CODE;
    if (c < 0) {
      this.countedMissing++;
      return;
    }
    let counts = this.codeCounts!;
    if (c >= counts.length) {
      counts = new Int32Array(Math.max(c + 1, counts.length * 2));
      counts.set(this.codeCounts!);
      this.codeCounts = counts;
    }
    counts[c]++;
  }

  /**
   * A numeric column met a text cell: true when it became categorical (the caller then pushes
   * the cell), false when it became mixed (the cell is counted here).
   */
  private leaveNumeric(): boolean {
    const n = this.length;
    const hadNumbers = this.values.subarray(0, n).some((v) => v === v);
    if (hadNumbers) {
      this.mode = 'mixed';
      this.length++;
    } else {
      // only missing cells so far: nothing is lost by becoming categorical now
      this.mode = 'categorical';
      if (this.keepCodes) {
        this.codes = new Int32Array(Math.max(this.values.length, 16));
        this.codes.fill(-1, 0, n);
      } else {
        this.codeCounts = new Int32Array(16);
        this.countedMissing = n;
      }
    }
    this.values = new Float64Array(0);
    return !hadNumbers;
  }

  private finishNumeric(n: number): Column {
    const values = fit(this.values, n);
    let missing = 0,
      integerLike = true;
    const seen: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== v) {
        missing++;
        continue;
      }
      if (integerLike && !Number.isInteger(v)) integerLike = false;
      if (seen.length <= NUMERIC_DISTINCT_CAP && !seen.includes(v)) seen.push(v);
    }
    return { kind: 'numeric', name: this.name, values, missing, integerLike, distinct: seen.length };
  }

  /** finishNumeric's column with its present values sorted, its statistics read off the sorted values. */
  private finishSorted(n: number, scratch: SortScratch): Column {
    const all = fit(this.values, n);
    let present = 0;
    for (let i = 0; i < n; i++) {
      const v = all[i];
      if (v === v) all[present++] = v;
    }
    const unsorted = all.subarray(0, present);
    const values = sortFloat64Using(unsorted, scratch.buffer);
    // Sorted into the scratch buffer: this column's buffer (n values) is the next sort's scratch.
    if (values !== unsorted) scratch.buffer = all;
    let integerLike = true;
    for (let i = 0; i < present && integerLike; i++) integerLike = Number.isInteger(values[i]);
    // Distinct values are the changes along the sorted values (-0 === 0, as finishNumeric counts).
    let distinct = 0;
    for (let i = 0; i < present && distinct <= NUMERIC_DISTINCT_CAP; i++)
      if (i === 0 || values[i] !== values[i - 1]) distinct++;
    return { kind: 'numeric', name: this.name, values, sorted: true, missing: n - present, integerLike, distinct };
  }

  private finishCategorical(n: number): Column {
    let dictionary = this.dict.texts();
    let counts = new Int32Array(dictionary.length);
    let codes: Int32Array;
    let missing = 0;
    if (this.codeCounts) {
      this.countPending();
      codes = new Int32Array(0);
      counts.set(this.codeCounts.subarray(0, dictionary.length));
      missing = this.countedMissing;
    } else {
      codes = fit(this.codes, n);
      for (let i = 0; i < n; i++) {
        const c = codes[i];
        if (c < 0) missing++;
        else counts[c]++;
      }
    }
    // Entries added by a record that was later re-read are unused: drop them, renumbering codes.
    if (counts.includes(0)) ({ codes, dictionary, counts } = compact(codes, dictionary, counts));
    const boolean = dictionary.length > 0 && dictionary.every((t) => isBooleanText(t));
    return {
      kind: 'categorical',
      name: this.name,
      codes,
      dictionary,
      counts,
      missing,
      distinct: dictionary.length,
      boolean,
    };
  }
}

/** pendingCode when no cell is held back (codes are ≥ -1). */
const NO_CODE = -2;

/** `a` cut to `n` items; copied when the spare capacity is worth freeing (over 1/8). */
function fit<T extends Float64Array | Int32Array>(a: T, n: number): T {
  return (a.length - n > n / 8 ? a.slice(0, n) : a.subarray(0, n)) as T;
}

function compact(codes: Int32Array, dictionary: string[], counts: Int32Array) {
  const map = new Int32Array(dictionary.length).fill(-1);
  const kept: string[] = [];
  const keptCounts: number[] = [];
  dictionary.forEach((t, k) => {
    if (counts[k] > 0) {
      map[k] = kept.length;
      kept.push(t);
      keptCounts.push(counts[k]);
    }
  });
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = map[codes[i]];
  return { codes, dictionary: kept, counts: Int32Array.from(keptCounts) };
}
