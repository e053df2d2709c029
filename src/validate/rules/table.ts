/** Table rules: `row-count`, `columns` and `no-duplicate-rows`. */
import { dataRowNumber } from '../../data/read.js';
import type { Column, Table } from '../../data/types.js';
import { bounds } from '../describe.js';
import { MAX_SAMPLES, type Outcome, type Sample } from '../types.js';
import { plainOutcome, rowOutcome, sample } from './outcome.js';

/** `row-count`: min defaults to 1, so an empty dataset fails it explicitly. */
export function checkRowCount(t: Table, min: number, max: number | undefined): Outcome {
  const n = t.rowCount;
  const ok = n >= min && (max === undefined || n <= max);
  return plainOutcome(
    ok,
    n === 0 ? 'the dataset is empty (no data rows)' : `${n} rows${ok ? '' : `, expected ${bounds(min, max)}`}`,
  );
}

/** `columns`: `exactly` — the same set of names (order free); `at-least` — these names, others allowed. */
export function checkColumns(t: Table, mode: 'exactly' | 'at-least', names: string[]): Outcome {
  const present = new Set(t.columns.map((c) => c.name));
  const wanted = new Set(names);
  const missing = names.filter((n) => !present.has(n));
  const extra = mode === 'exactly' ? t.columns.map((c) => c.name).filter((n) => !wanted.has(n)) : [];
  const parts = [
    missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
    extra.length > 0 ? `unexpected: ${extra.join(', ')}` : '',
  ].filter(Boolean);
  return plainOutcome(
    parts.length === 0,
    parts.length === 0 ? `${t.columns.length} columns as expected` : parts.join('; '),
  );
}

/**
 * `no-duplicate-rows`: a row fails when it repeats an earlier row cell for cell (pandas'
 * `duplicated(keep='first')`); two missing cells are equal. Each row gets a 32-bit hash over every
 * column's value bits or dictionary code (4 bytes per row) and goes into an open-addressing table
 * of row indexes (8 to 16 bytes per row); rows with equal hashes are compared cell by cell, so a
 * hash collision never makes a false duplicate.
 */
export function checkNoDuplicateRows(t: Table, mostly: number): Outcome {
  const n = t.rowCount;
  const h = new Int32Array(n).fill(0x811c9dc5 | 0);
  for (const c of t.columns) {
    if (c.kind === 'numeric') {
      const v = c.values;
      const w = new Int32Array(v.buffer, v.byteOffset, v.length * 2);
      for (let i = 0; i < n; i++) {
        // Every NaN (missing) hashes alike.
        // Both halves of the value folded into one word (collisions are checked cell by cell).
        h[i] = mix(h[i], v[i] === v[i] ? w[2 * i] ^ Math.imul(w[2 * i + 1], 0x9e3779b1) : 0x7ff80000);
      }
    } else {
      const k = c.codes;
      for (let i = 0; i < n; i++) h[i] = mix(h[i], k[i]);
    }
  }
  let size = 1;
  while (size < n * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  let failing = 0;
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const hi = h[i];
    for (let s = fmix(hi) & mask; ; s = (s + 1) & mask) {
      const j = slots[s];
      if (j < 0) {
        slots[s] = i;
        break;
      }
      if (h[j] === hi && sameRow(t.columns, i, j)) {
        if (failing++ < MAX_SAMPLES) samples.push(sample(i, `same as row ${dataRowNumber(j)}`));
        break;
      }
    }
  }
  return rowOutcome(failing, n, mostly, samples, 'rows');
}

/** One MurmurHash3 round: folds the 32-bit word `k` into `h`. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit affects every output bit (the table uses the low bits). */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameRow(columns: Column[], i: number, j: number): boolean {
  for (const c of columns) {
    if (c.kind === 'numeric') {
      const a = c.values[i],
        b = c.values[j];
      if (a !== b && (a === a || b === b)) return false;
    } else if (c.codes[i] !== c.codes[j]) return false;
  }
  return true;
}
