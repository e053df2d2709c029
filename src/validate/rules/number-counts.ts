/**
 * Occurrence counts of the values of a numerical column, for `unique` and
 * `distinct-count-between`: an open-addressing hash table keyed by the values' bits (at least
 * 12 bytes per distinct value, two passes over the column, no sort). Missing cells are skipped;
 * 0 and -0 count as one value.
 */
export class NumberCounts {
  private readonly keys: Float64Array;
  private readonly counts: Int32Array;
  private readonly mask: number;
  private readonly bits: Int32Array;
  private readonly scratch = new Float64Array(1);
  distinct = 0;

  constructor(values: Float64Array) {
    let size = 16;
    while (size < values.length * 2) size <<= 1;
    this.keys = new Float64Array(size);
    this.counts = new Int32Array(size);
    this.mask = size - 1;
    this.bits = new Int32Array(this.scratch.buffer);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      const s = this.slot(v);
      if (this.counts[s]++ === 0) {
        this.keys[s] = v;
        this.distinct++;
      }
    }
  }

  /** How many rows hold `v`. */
  count(v: number): number {
    return this.counts[this.slot(v)];
  }

  private slot(v: number): number {
    this.scratch[0] = v + 0; // -0 + 0 = 0
    let h = Math.imul(this.bits[0] ^ Math.imul(this.bits[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const { keys, counts, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      if (counts[s] === 0 || keys[s] === v) return s;
    }
  }
}
