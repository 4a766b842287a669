/**
 * The nonzero entries of `out[start..n)` in increasing order, appended from position `count`:
 * indices into `activeIndex`, values into `activeValue`. Returns the new count.
 */
export function listNonzero(
  out: Float32Array, n: number, activeIndex: Int32Array, activeValue: Float32Array, start = 0, count = 0,
): number {
  for (let i = start; i < n; i++) {
    const x = out[i];
    if (x !== 0) {
      activeIndex[count] = i;
      activeValue[count++] = x;
    }
  }
  return count;
}
