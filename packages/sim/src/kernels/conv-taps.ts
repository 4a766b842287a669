import type { ConvGeometry } from './scatter-conv.js';

/**
 * For the event-driven convolution: which kernel rows cover each input row and which
 * output row they feed, and the same for columns. Row y's entry at `rows[y * rowStride]`
 * is a count k, then k pairs `(ky * kw, oy * outW)`; column x's entry at
 * `cols[x * colStride]` is a count, then pairs `(kx, ox)`. Computing them once removes
 * the per-spike divisions and bounds checks of the window arithmetic.
 */
export function convTapTables(g: ConvGeometry): { rows: Int32Array; cols: Int32Array; rowStride: number; colStride: number } {
  const rowStride = 1 + 2 * g.kh;
  const colStride = 1 + 2 * g.kw;
  const rows = new Int32Array(g.h * rowStride);
  const cols = new Int32Array(g.w * colStride);
  const fill = (table: Int32Array, stride: number, n: number, k: number, s: number, pad: number, outN: number, scaleK: number, scaleO: number): void => {
    for (let y = 0; y < n; y++) {
      let count = 0;
      for (let ky = 0; ky < k; ky++) {
        const t = y + pad - ky;
        if (t < 0 || t % s !== 0 || t / s >= outN) continue;
        table[y * stride + 1 + 2 * count] = ky * scaleK;
        table[y * stride + 2 + 2 * count] = (t / s) * scaleO;
        count++;
      }
      table[y * stride] = count;
    }
  };
  fill(rows, rowStride, g.h, g.kh, g.strideH, g.padTop, g.outH, g.kw, g.outW);
  fill(cols, colStride, g.w, g.kw, g.strideW, g.padLeft, g.outW, 1, 1);
  return { rows, cols, rowStride, colStride };
}
