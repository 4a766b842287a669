/**
 * The p-th percentile (0 <= p <= 100) of `values` with linear interpolation between the two
 * nearest order statistics (numpy's default `linear` method). Reorders `values` in place
 * (quickselect: linear time, no allocation); NaN for an empty array.
 */
export function percentileInPlace(values: Float32Array, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const position = (Math.min(Math.max(p, 0), 100) / 100) * (n - 1);
  const k = Math.floor(position);
  const low = selectInPlace(values, k, 0, n - 1);
  if (k + 1 >= n || position === k) return low;
  // after selecting k, every value right of k is >= it: the next order statistic is their minimum
  let high = Infinity;
  for (let i = k + 1; i < n; i++) if (values[i] < high) high = values[i];
  return low + (high - low) * (position - k);
}

/** Move the k-th smallest value of `a[left..right]` to index k (Hoare partition, median of three); returns it. */
function selectInPlace(a: Float32Array, k: number, left: number, right: number): number {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as the pivot, which keeps sorted and constant runs linear
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
