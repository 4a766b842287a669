/**
 * The nonzero entries of `out[0..n)` in increasing order: indices into `activeIndex`,
 * values into `activeValue`. Returns how many.
 */
export function listNonzero(out: Float32Array, n: number, activeIndex: Int32Array, activeValue: Float32Array): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = out[i];
    if (x !== 0) {
      activeIndex[count] = i;
      activeValue[count++] = x;
    }
  }
  return count;
}
