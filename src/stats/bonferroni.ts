/**
 * Bonferroni-adjusted p-values min(1, m·p_i) for m tests — statsmodels
 * `multipletests(p, method='bonferroni')[1]`. Reject H_i when adjusted p_i < α (FWER <= α).
 */
export function bonferroni(pValues: readonly number[]): number[] {
  const m = pValues.length;
  return pValues.map((p) => Math.min(1, p * m));
}
