import type { ConvGeometry } from './conv-geometry.js';

/**
 * Scatter-add patch gradients back to the input (the adjoint of im2col) for output pixels
 * `p0 <= p < p1`: `dx[n, ih, iw, ci] += cols[(p - p0) * R + (kh * kW + kw) * inC + ci]` with
 * ih = oh * strideH + kh - padTop, iw = ow * strideW + kw - padLeft, skipping the padding;
 * R = kH * kW * inC. `dx` is [batch, inH, inW, inC]. Allocation-free.
 */
export function col2im(cols: Float32Array, g: ConvGeometry, p0: number, p1: number, dx: Float32Array): void {
  const { inH, inW, inC, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const r = kH * kW * inC;
  let ow = p0 % outW;
  let oh = Math.floor(p0 / outW) % outH;
  let n = Math.floor(p0 / (outW * outH));
  for (let p = p0; p < p1; p++) {
    const rowBase = (p - p0) * r;
    for (let kh = 0; kh < kH; kh++) {
      const ih = oh * strideH + kh - padTop;
      if (ih < 0 || ih >= inH) continue;
      for (let kw = 0; kw < kW; kw++) {
        const iw = ow * strideW + kw - padLeft;
        if (iw < 0 || iw >= inW) continue;
        const dst = ((n * inH + ih) * inW + iw) * inC;
        const src = rowBase + (kh * kW + kw) * inC;
        for (let ci = 0; ci < inC; ci++) dx[dst + ci] += cols[src + ci];
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
