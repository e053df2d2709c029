/**
 * The exact path's representation: each side of a column as a sample (every value, missing ones
 * dropped), and what the methods and the report read of two samples.
 */
import type { Column } from '../data/types.js';
import { UserError } from '../errors.js';
import { alignedBins } from '../stats/histogram.js';
import { sortFloat64 } from '../stats/sort.js';
import type { ColumnKind } from './method.js';

/** One side of a numeric comparison: missing values dropped, sorted once. */
export interface NumericSample {
  kind: 'numeric';
  sorted: Float64Array;
  /** Rows in the file, missing included. */
  rows: number;
  missing: number;
}

/** One side of a categorical comparison: counts per category label. */
export interface CategoricalSample {
  kind: 'categorical';
  counts: Map<string, number>;
  rows: number;
  missing: number;
}

export type Sample = NumericSample | CategoricalSample;

/**
 * A column as the methods need it. A categorical column asked to be numeric must hold numbers
 * only (else a UserError naming the column and a bad value); a numeric column asked to be
 * categorical uses each value's decimal text as its label.
 */
export function toSample(column: Column, kind: ColumnKind, rows: number, file: string): Sample {
  if (kind === 'numeric') {
    if (column.kind === 'numeric') {
      const sorted = column.sorted ? column.values : sortFloat64(withoutNaN(column.values, rows));
      return { kind, sorted, rows, missing: column.missing };
    }
    const numbers = column.dictionary.map(Number);
    const bad = column.dictionary.findIndex((t, k) => !Number.isFinite(numbers[k]) || t.trim() === '');
    if (bad >= 0) {
      throw new UserError(`column '${column.name}' is listed as numerical but holds '${column.dictionary[bad]}'`, file);
    }
    // Each label's number as many times as it occurs (read as samples, the column has no codes).
    const values = new Float64Array(rows - column.missing);
    let j = 0;
    column.counts.forEach((c, k) => values.fill(numbers[k], j, (j += c)));
    return { kind, sorted: sortFloat64(values), rows, missing: column.missing };
  }
  const counts = new Map<string, number>();
  if (column.kind === 'categorical') {
    column.dictionary.forEach((label, k) => {
      if (column.counts[k] > 0) counts.set(label, (counts.get(label) ?? 0) + column.counts[k]);
    });
  } else {
    // Counted per value, then labelled once per distinct value (runs of equal values counted at once:
    // every value of a sorted column is in one run).
    const byValue = new Map<number, number>();
    const values = column.values;
    for (let i = 0; i < values.length;) {
      const v = values[i];
      let j = i + 1;
      while (j < values.length && values[j] === v) j++;
      if (v === v) byValue.set(v, (byValue.get(v) ?? 0) + j - i);
      i = j;
    }
    for (const [v, n] of byValue) counts.set(String(v), n);
  }
  return { kind, counts, rows, missing: column.missing };
}

function withoutNaN(values: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  let j = 0;
  for (let i = 0; i < rows; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out.subarray(0, j);
}

/** Number of non-missing values. */
export function present(s: Sample): number {
  return s.rows - s.missing;
}

/** The sample of a numeric-only method (the planner and the method choice make it one). */
export function numericSample(s: Sample): NumericSample {
  if (s.kind !== 'numeric') throw new Error('numeric method on a categorical sample');
  return s;
}

/** Counts per category seen on either side, in a fixed order: sorted labels, or ascending values. */
export function categoryCounts(ref: Sample, cur: Sample): [number[], number[]] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    const bins = alignedBins(ref.sorted, cur.sorted, Infinity);
    return [bins.ref, bins.cur];
  }
  const r = ref as CategoricalSample;
  const c = cur as CategoricalSample;
  const labels = [...new Set([...r.counts.keys(), ...c.counts.keys()])].sort();
  return [labels.map((l) => r.counts.get(l) ?? 0), labels.map((l) => c.counts.get(l) ?? 0)];
}

/**
 * Counts per bin for PSI and Jensen–Shannon, Evidently's binning (`alignedBins`) on numeric
 * samples: one bin per distinct value when the reference has at most 20, else Sturges equal-width
 * bins over both samples. Categories as they are.
 */
export function binnedCounts(ref: Sample, cur: Sample): [number[], number[]] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    const bins = alignedBins(ref.sorted, cur.sorted);
    return [bins.ref, bins.cur];
  }
  return categoryCounts(ref, cur);
}

/** Distinct values over both samples together, as Evidently counts them for its choice of test. */
export function distinctValues(ref: Sample, cur: Sample): number {
  if (ref.kind === 'categorical' && cur.kind === 'categorical')
    return new Set([...ref.counts.keys(), ...cur.counts.keys()]).size;
  if (ref.kind !== 'numeric' || cur.kind !== 'numeric') return 0;
  // Merge of two sorted arrays, stopping once past the largest count that matters (> 5).
  let i = 0;
  let j = 0;
  let k = 0;
  let last = NaN;
  while ((i < ref.sorted.length || j < cur.sorted.length) && k <= 6) {
    const v =
      j >= cur.sorted.length || (i < ref.sorted.length && ref.sorted[i] <= cur.sorted[j])
        ? ref.sorted[i++]
        : cur.sorted[j++];
    if (v !== last) k++;
    last = v;
  }
  return k;
}

/**
 * Categories only in the current sample (sorted, at most `max`), and the share of the current
 * non-missing rows they make up (all of them, not only those listed).
 */
export function newCategories(ref: Sample, cur: Sample, max: number): { labels: string[]; share: number } {
  if (ref.kind !== 'categorical' || cur.kind !== 'categorical') return { labels: [], share: 0 };
  let fresh = 0;
  let all = 0;
  const labels: string[] = [];
  for (const [k, n] of cur.counts) {
    all += n;
    if (ref.counts.has(k)) continue;
    fresh += n;
    labels.push(k);
  }
  return { labels: labels.sort().slice(0, max), share: all > 0 ? fresh / all : 0 };
}
