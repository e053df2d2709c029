/**
 * Binary searches of an ascending array: where a value would go before its equals
 * (`lowerBound`: how many items are < x) or after them (`upperBound`: how many are ≤ x), searching
 * from index `from` on (everything before it is known to be below).
 */

/**
 * First index ≥ `from` whose item is ≥ x (`sorted.length` if none): the count of items < x.
 *
 * @example
 * lowerBound([1, 2, 2, 3], 2) // 1
 */
export function lowerBound(sorted: ArrayLike<number>, x: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First index ≥ `from` whose item is > x (`sorted.length` if none): the count of items ≤ x.
 *
 * @example
 * upperBound([1, 2, 2, 3], 2) // 3
 */
export function upperBound(sorted: ArrayLike<number>, x: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
