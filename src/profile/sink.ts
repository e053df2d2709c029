import { ByteDictionary } from '../data/dictionary.js';
import { isMissingBytes, isMissingText } from '../data/missing.js';
import { parseCellNumber } from '../data/number.js';
import { pushTypedValue, type CellSink } from '../data/sink.js';
import { CategoricalSummary } from './categorical.js';
import { KLL_BATCH } from './kll.js';
import { NumericSummary } from './numeric.js';
import type { ColumnSummary } from './profile.js';
import type { ProfileParams } from './params.js';

const NONE = 0,
  NUMBER = 1,
  MISSING = 2,
  CODE = 3,
  TEXT = 4;

/**
 * A CellSink (src/data/sink.ts) that folds one column into a NumericSummary or a
 * CategoricalSummary as the reader streams it, with the typing rules of ColumnBuilder: numeric
 * until a text cell; categorical when that comes before any number, "mixed" otherwise (the
 * visitor then reads the file again with the column as text).
 *
 * The last cell received is held back until the next one arrives: the CSV reader may drop the
 * record cut by a block end (`truncate`) and parse it again. Numbers are gathered in a buffer of
 * KLL_BATCH values and folded into the summary a buffer at a time (NumericSummary.addMany: typed
 * loops, and the KLL sketch's batch update); the held-back number is the buffer's last, which
 * `truncate` drops and which is folded only once a later cell has come. Categorical cells are counted by
 * dictionary code straight from the bytes (no string per cell) until the column has more than
 * `categoryCap` labels; from then on each cell goes to the heavy-hitter summary as text.
 */
export class ProfileSink implements CellSink {
  mode: 'numeric' | 'categorical' | 'mixed';
  length = 0;
  readonly capacity = Infinity;
  private missing = 0;
  private num: NumericSummary | null = null;
  private cat: CategoricalSummary | null = null;
  private dict: ByteDictionary | null = null;
  private codeCounts = new Float64Array(64);
  private pending = NONE;
  /** Numbers not yet folded into `num`; with `pending === NUMBER`, the last one is held back. */
  private nums: Float64Array | null = null;
  private numLen = 0;
  private pCode = 0;
  private pText = '';

  constructor(
    readonly name: string,
    text: boolean,
    private readonly params: ProfileParams,
  ) {
    this.mode = text ? 'categorical' : 'numeric';
    if (text) this.startCategorical();
    else {
      this.num = new NumericSummary(params);
      this.nums = new Float64Array(KLL_BATCH);
    }
  }

  reserve(): void {}

  truncate(length: number): void {
    if (this.length > length) {
      if (this.pending === NUMBER) this.numLen--;
      this.pending = NONE;
      this.length = length;
    }
  }

  pushNumber(v: number): void {
    this.commit();
    const nums = this.nums as Float64Array;
    if (this.numLen === nums.length) this.flushNumbers();
    nums[this.numLen++] = v;
    this.pending = NUMBER;
    this.length++;
  }

  pushMissing(): void {
    if (this.mode === 'mixed') {
      this.length++;
      return;
    }
    this.commit();
    this.pending = MISSING;
    this.length++;
  }

  pushBytes(buf: Uint8Array, start: number, end: number): void {
    if (isMissingBytes(buf, start, end)) return this.pushMissing();
    if (this.mode === 'categorical') return this.pushLabelBytes(buf, start, end);
    if (this.mode === 'numeric') {
      const v = parseCellNumber(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
      if (!Number.isNaN(v)) return this.pushNumber(v);
      if (this.leaveNumeric()) this.pushLabelBytes(buf, start, end);
    } else this.length++;
  }

  pushText(text: string): void {
    if (isMissingText(text)) return this.pushMissing();
    if (this.mode === 'categorical') return this.pushLabelText(text);
    if (this.mode === 'numeric') {
      const v = parseCellNumber(text);
      if (!Number.isNaN(v)) return this.pushNumber(v);
      if (this.leaveNumeric()) this.pushLabelText(text);
    } else this.length++;
  }

  /** A typed value (JSON Lines, Parquet): see pushTypedValue. */
  pushValue(v: unknown): void {
    pushTypedValue(this, v);
  }

  /** The column's summary; call once, after the reader is done (never on a mixed column). */
  finish(): ColumnSummary {
    if (this.mode === 'mixed') throw new Error(`column '${this.name}' is mixed: read it again as text`);
    this.commit();
    this.flushNumbers();
    this.flushDictionary();
    const s = (this.num ?? this.cat) as ColumnSummary;
    s.missing = this.missing;
    return s;
  }

  private commit(): void {
    switch (this.pending) {
      case MISSING:
        this.missing++;
        break;
      case CODE:
        this.codeCounts[this.pCode]++;
        break;
      case TEXT:
        (this.cat as CategoricalSummary).add(this.pText);
        break;
    }
    this.pending = NONE;
  }

  /** Folds the buffered numbers into the summary (after `commit`: none is held back). */
  private flushNumbers(): void {
    if (this.numLen === 0) return;
    (this.num as NumericSummary).addMany(this.nums as Float64Array, 0, this.numLen);
    this.numLen = 0;
  }

  private startCategorical(): void {
    this.cat = new CategoricalSummary(this.params);
    this.dict = new ByteDictionary();
  }

  /** A numeric column met text: true when it became categorical, false when mixed. */
  private leaveNumeric(): boolean {
    const hadNumbers = (this.num as NumericSummary).count > 0 || this.numLen > 0;
    this.num = null;
    this.nums = null;
    this.numLen = 0;
    if (hadNumbers) {
      this.mode = 'mixed';
      this.pending = NONE;
      this.length++;
      return false;
    }
    this.mode = 'categorical';
    this.startCategorical();
    return true;
  }

  private pushLabelBytes(buf: Uint8Array, start: number, end: number): void {
    const dict = this.dict;
    if (dict === null)
      return this.pushPendingText(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8', start, end));
    const code = dict.code(buf, start, end);
    if (dict.size > this.params.categoryCap) {
      this.flushDictionary();
      return this.pushPendingText(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8', start, end));
    }
    this.commit();
    if (code >= this.codeCounts.length) {
      const grown = new Float64Array(this.codeCounts.length * 2);
      grown.set(this.codeCounts);
      this.codeCounts = grown;
    }
    this.pending = CODE;
    this.pCode = code;
    this.length++;
  }

  private pushLabelText(text: string): void {
    if (this.dict === null) return this.pushPendingText(text);
    const bytes = Buffer.from(text, 'utf8');
    this.pushLabelBytes(bytes, 0, bytes.length);
  }

  private pushPendingText(text: string): void {
    this.commit();
    this.pending = TEXT;
    this.pText = text;
    this.length++;
  }

  /** Moves the dictionary counts into the summary; later cells are counted as text. */
  private flushDictionary(): void {
    const dict = this.dict;
    if (dict === null) return;
    let pendingText: string | undefined;
    const texts = dict.texts();
    if (this.pending === CODE) pendingText = texts[this.pCode];
    const cat = this.cat as CategoricalSummary;
    for (let c = 0; c < texts.length; c++) if (this.codeCounts[c] > 0) cat.add(texts[c], this.codeCounts[c]);
    this.dict = null;
    this.codeCounts = new Float64Array(0);
    if (pendingText !== undefined) {
      this.pending = TEXT;
      this.pText = pendingText;
    }
  }
}
