/**
 * Benjamini–Hochberg adjusted p-values (J. R. Stat. Soc. B 57, 1995) — statsmodels
 * `multipletests(p, method='fdr_bh')[1]`: with p_(1) <= … <= p_(m),
 * q_(i) = min_{j >= i} min(1, m·p_(j)/j), returned in the input order. Reject H_i when
 * q_i <= α to control the false discovery rate at α (independent or PRDS tests).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (pValues[i] * m) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}
