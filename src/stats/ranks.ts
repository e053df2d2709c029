/**
 * Distinct values (tie groups) of the pooled sample of two sorted arrays, visited in ascending order with the
 * counts from each side; each group occupies pooled ranks start+1 … start+refCount+curCount
 * (so its midrank is start + (t+1)/2, `scipy.stats.rankdata(method='average')`).
 */
export function forEachTieGroup(
  refSorted: Float64Array,
  curSorted: Float64Array,
  visit: (value: number, start: number, refCount: number, curCount: number) => void,
): void {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  let i = 0;
  let j = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && refSorted[i] <= curSorted[j]) ? refSorted[i] : curSorted[j];
    const i0 = i;
    const j0 = j;
    while (i < n1 && refSorted[i] === v) i++;
    while (j < n2 && curSorted[j] === v) j++;
    visit(v, i0 + j0, i - i0, j - j0);
  }
}
