/**
 * The exact rounding error of a product: a·b = fl(a·b) + twoProductError(a, b, fl(a·b)), exactly
 * (Dekker's TwoProduct with Veltkamp's splitting; no overflow checks, |a·b| < 2^996).
 *
 * @example
 * twoProductError(1e6, 0.1, 1e6 * 0.1); // 5.551115123125783e-12: 10^6 × 0.1 (the double) is 100000.0000000000055…
 */
export function twoProductError(a: number, b: number, product: number): number {
  const ca = 134217729 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - product + ah * bl + al * bh + al * bl;
}
