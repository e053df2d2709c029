import { normalisePair } from './jensen-shannon.js';

/**
 * Population stability index PSI = Σ (r_i - c_i) · ln(r_i / c_i) over aligned bins, with r, c
 * the reference and current proportions (counts are normalised).
 *
 * Empty bins would make the log infinite; as Evidently (`get_binned_data`, feel_zeroes=True),
 * a zero proportion is replaced, per side, by 0.0001 — or by (smallest non-zero proportion)/1e6
 * when that smallest proportion is itself <= 0.0001, so the floor stays below every real bin.
 * Common reading: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift.
 */
export function psi(refCounts: readonly number[], curCounts: readonly number[]): number {
  const [r, c] = normalisePair(refCounts, curCounts, 'psi').map(floorEmptyBins);
  let s = 0;
  for (let i = 0; i < r.length; i++) s += (r[i] - c[i]) * Math.log(r[i] / c[i]);
  return s;
}

function floorEmptyBins(p: number[]): number[] {
  let minPositive = Infinity;
  for (const x of p) if (x > 0 && x < minPositive) minPositive = x;
  const floor = minPositive <= EMPTY_BIN_FLOOR ? minPositive / 1e6 : EMPTY_BIN_FLOOR;
  return p.map((x) => (x === 0 ? floor : x));
}

/** Evidently's replacement for an empty bin's proportion. */
export const EMPTY_BIN_FLOOR = 0.0001;
