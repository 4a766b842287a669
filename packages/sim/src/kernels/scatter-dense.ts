/**
 * Event-driven dense transform: for each active input `(b, i)` (flat index `b*nIn + i`,
 * value `v`), add `v * weights[i, :]` to `out[b, :]`. Weights are (nIn, nOut), row-major.
 * `out` is not cleared. Cost is `nActive * nOut` multiply-adds instead of `batch*nIn*nOut`.
 */
export function scatterDense(
  index: Int32Array,
  value: Float32Array,
  nActive: number,
  weights: Float32Array,
  nIn: number,
  nOut: number,
  out: Float32Array,
): void {
  for (let a = 0; a < nActive; a++) {
    const flat = index[a];
    const b = (flat / nIn) | 0;
    const i = flat - b * nIn;
    const v = value[a];
    const w = i * nOut;
    const o = b * nOut;
    for (let j = 0; j < nOut; j++) out[o + j] += v * weights[w + j];
  }
}
