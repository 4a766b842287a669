import type { ConvGeometry } from './conv-geometry.js';

/**
 * Transposed im2col for output pixels `p0 <= p < p1` (p = (n * outH + oh) * outW + ow):
 * `out[r * (p1 - p0) + (p - p0)] = x[n, oh * strideH + kh - padTop, ow * strideW + kw - padLeft, ci]`
 * with r = (kh * kW + kw) * inC + ci (the row order of a [kH, kW, inC, outC] filter), and 0
 * where the window reaches into the padding. `x` is [batch, inH, inW, inC]. Allocation-free.
 *
 * Only taps with kh < strideH and kw < strideW are gathered from `x`: a tap (kh, kw) with
 * kw >= strideW reads what tap (kh, kw - strideW) reads one output column later, and one with
 * kh >= strideH what tap (kh - strideH, kw) reads one output row later, so its rows are a
 * shifted copy (memmove) of rows already built, fixed up where the shift crosses a row or
 * image edge. For a 3x3 stride-1 kernel that gathers 1 tap in 9, for stride 2, 4 in 9.
 */
export function im2colTransposed(x: Float32Array, g: ConvGeometry, p0: number, p1: number, out: Float32Array): void {
  const { inC, kH, kW, strideH, strideW, outW } = g;
  const pc = p1 - p0;
  const tapRows = inC * pc;
  for (let kh = 0; kh < kH; kh++) {
    for (let kw = 0; kw < kW; kw++) {
      const base = (kh * kW + kw) * tapRows;
      if (kw >= strideW) {
        const from = base - strideW * tapRows;
        for (let ci = 0; ci < inC; ci++) out.copyWithin(base + ci * pc, from + ci * pc + 1, from + (ci + 1) * pc);
        gatherColumns(x, g, kh, kw, p0, p1, out, base, 1);
      } else if (kh >= strideH) {
        const from = base - strideH * kW * tapRows;
        for (let ci = 0; ci < inC; ci++) out.copyWithin(base + ci * pc, from + ci * pc + outW, from + (ci + 1) * pc);
        gatherColumns(x, g, kh, kw, p0, p1, out, base, 2);
      } else {
        gatherColumns(x, g, kh, kw, p0, p1, out, base, 0);
      }
    }
  }
}

/**
 * Gather the rows of tap (kh, kw) straight from `x`: every column (`only` 0), or only the
 * columns a one-column shift got wrong (`only` 1: last column of an output row, and the chunk's
 * last column), or those a one-row shift got wrong (`only` 2: last output row of an image, and
 * the chunk's last outW columns).
 */
function gatherColumns(
  x: Float32Array,
  g: ConvGeometry,
  kh: number,
  kw: number,
  p0: number,
  p1: number,
  out: Float32Array,
  base: number,
  only: 0 | 1 | 2,
): void {
  const { inH, inW, inC, outH, outW, strideH, strideW, padTop, padLeft } = g;
  const pc = p1 - p0;
  let ow = p0 % outW;
  let oh = Math.floor(p0 / outW) % outH;
  let n = Math.floor(p0 / (outW * outH));
  for (let col = 0; col < pc; col++) {
    const needed =
      only === 0 ||
      (only === 1 && (ow === outW - 1 || col >= pc - 1)) ||
      (only === 2 && (oh === outH - 1 || col >= pc - outW));
    if (needed) {
      const ih = oh * strideH + kh - padTop;
      const iw = ow * strideW + kw - padLeft;
      let dst = base + col;
      if (ih < 0 || ih >= inH || iw < 0 || iw >= inW) {
        for (let ci = 0; ci < inC; ci++, dst += pc) out[dst] = 0;
      } else {
        const src = ((n * inH + ih) * inW + iw) * inC;
        for (let ci = 0; ci < inC; ci++, dst += pc) out[dst] = x[src + ci];
      }
    }
    if (++ow === outW) {
      ow = 0;
      if (++oh === outH) {
        oh = 0;
        n++;
      }
    }
  }
}
