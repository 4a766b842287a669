/**
 * Collect the nonzero entries of `values[0..n)`: their flat indices into `index` and their
 * values into `value`. Returns how many there are. Allocation-free; `index`/`value` must
 * hold `n` entries in the worst case.
 */
export function collectActive(values: Float32Array, n: number, index: Int32Array, value: Float32Array): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== 0) {
      index[count] = i;
      value[count] = v;
      count++;
    }
  }
  return count;
}
