import { normalisePair } from './jensen-shannon.js';

/**
 * Total variation distance ½ Σ |p_i - q_i| between two discrete distributions given as
 * aligned counts or probabilities (normalised to sum 1); in [0, 1].
 */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  const [pn, qn] = normalisePair(p, q, 'totalVariation');
  let s = 0;
  for (let i = 0; i < pn.length; i++) s += Math.abs(pn[i] - qn[i]);
  return s / 2;
}
