/**
 * Jensen–Shannon distance √JSD(P‖Q) between two discrete distributions given as aligned
 * counts or probabilities (each normalised to sum 1): with M = (P+Q)/2,
 * JSD = (KL(P‖M) + KL(Q‖M))/2 / ln(base). Natural log by default, as Evidently's
 * "jensenshannon" stat test; `scipy.spatial.distance.jensenshannon(p, q, base)`.
 * 0·log 0 = 0, so empty categories need no floor. Bounded by √(ln 2) (natural) or 1 (base 2).
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[], base?: number): number {
  const [pn, qn] = normalisePair(p, q, 'jensenShannonDistance');
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    if (pn[i] > 0) left += pn[i] * Math.log(pn[i] / m);
    if (qn[i] > 0) right += qn[i] * Math.log(qn[i] / m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  // Rounding can leave a -1e-17 for identical inputs.
  return Math.sqrt(Math.max(js / 2, 0));
}

/** Divides each array by its sum; throws on length mismatch, negative entries or a zero total. */
export function normalisePair(p: readonly number[], q: readonly number[], who: string): [number[], number[]] {
  if (p.length !== q.length) throw new RangeError(`${who}: arrays differ in length`);
  const norm = (xs: readonly number[]): number[] => {
    let s = 0;
    for (const x of xs) {
      if (!(x >= 0)) throw new RangeError(`${who}: entries must be non-negative`);
      s += x;
    }
    if (!(s > 0)) throw new RangeError(`${who}: distribution sums to zero`);
    return xs.map((x) => x / s);
  };
  return [norm(p), norm(q)];
}
