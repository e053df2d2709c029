/**
 * What the exact drift path needs in memory, estimated before reading: it keeps every cell of both
 * tables (8 bytes: a float, or a category code and its share of the counts) plus one sort buffer
 * of a column per side, with a tenth more for the readers' growth, and the process itself.
 */
import { tryEstimateShape, type ShapeEstimate } from '../data/estimate.js';
import type { ReadOptions } from '../data/types.js';

const BYTES_PER_CELL = 8;
const GROWTH = 1.1;
/** The process without data (Node, the bundle, buffers): about 64 MiB. */
const BASE_BYTES = 64 * 2 ** 20;

/** `memory-budget`: the bytes allowed, and how they were set (for the summary). */
export interface MemoryBudget {
  bytes: number;
  /** As given (`2GB`), or `auto (half of this machine's 7.0 GiB)`. */
  label: string;
}

export interface ExactPathEstimate {
  bytes: number;
  sides: ShapeEstimate[];
}

/**
 * @example
 * await tryEstimateExactPath(['ref.csv', 'cur.csv'], {})
 * // { bytes: 458000000, sides: [{ rows: 1000000, columns: 20, exact: false }, …] }
 */
export async function tryEstimateExactPath(files: string[], opts: ReadOptions): Promise<ExactPathEstimate | undefined> {
  const sides: ShapeEstimate[] = [];
  for (const file of files) {
    const shape = await tryEstimateShape(file, opts);
    if (!shape) return undefined;
    sides.push(shape);
  }
  const cells = sides.reduce((n, s) => n + s.rows * (s.columns + 1), 0);
  return { bytes: Math.round(BASE_BYTES + cells * BYTES_PER_CELL * GROWTH), sides };
}
