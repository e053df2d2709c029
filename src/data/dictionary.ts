/**
 * Dictionary of distinct cell texts keyed by their UTF-8 bytes, so that text cells can be encoded
 * straight from the read buffer without making a string per cell. Open addressing with FNV-1a
 * hashes; the bytes of all entries live in one growing arena.
 */
export class ByteDictionary {
  private arena = new Uint8Array(1024);
  private arenaUsed = 0;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private hashes = new Int32Array(16);
  private slots = new Int32Array(64); // entry index + 1; 0 = empty
  size = 0;

  /** The code of `buf[start..end)`, adding it when new. */
  code(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return this.add(buf, start, end, h, s);
      if (this.hashes[e] !== h || this.ends[e] - this.starts[e] !== len) continue;
      const a = this.arena,
        o = this.starts[e] - start;
      let i = start;
      while (i < end && a[i + o] === buf[i]) i++;
      if (i === end) return e;
    }
  }

  /** The entries' texts, decoded as UTF-8, in code order. */
  texts(): string[] {
    const arena = Buffer.from(this.arena.buffer, 0, this.arenaUsed);
    const out = new Array<string>(this.size);
    for (let e = 0; e < this.size; e++) out[e] = arena.toString('utf8', this.starts[e], this.ends[e]);
    return out;
  }

  private add(buf: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const e = this.size++;
    if (e === this.starts.length) {
      this.starts = grow(this.starts, e * 2);
      this.ends = grow(this.ends, e * 2);
      this.hashes = grow(this.hashes, e * 2);
    }
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      a.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = a;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    this.starts[e] = this.arenaUsed;
    this.arenaUsed += len;
    this.ends[e] = this.arenaUsed;
    this.hashes[e] = h;
    this.slots[slot] = e + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return e;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let s = this.hashes[e] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
  }
}

function grow(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
