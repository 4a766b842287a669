import type { ConvGeometry } from './conv-geometry.js';

/**
 * im2col for output pixels `p0 <= p < p1` (p = (n * outH + oh) * outW + ow): row p - p0 of
 * `out` [p1 - p0, R] holds the patch `x[n, oh * strideH + kh - padTop, ow * strideW + kw - padLeft, ci]`
 * in (kh, kw, ci) order (R = kH * kW * inC), 0 in the padding. Copies runs of inC floats.
 * Allocation-free.
 */
export function im2col(x: Float32Array, g: ConvGeometry, p0: number, p1: number, out: Float32Array): void {
  const { inH, inW, inC, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  let ow = p0 % outW;
  let oh = Math.floor(p0 / outW) % outH;
  let n = Math.floor(p0 / (outW * outH));
  let dst = 0;
  for (let p = p0; p < p1; p++) {
    for (let kh = 0; kh < kH; kh++) {
      const ih = oh * strideH + kh - padTop;
      for (let kw = 0; kw < kW; kw++) {
        const iw = ow * strideW + kw - padLeft;
        if (ih < 0 || ih >= inH || iw < 0 || iw >= inW) {
          for (let ci = 0; ci < inC; ci++) out[dst++] = 0;
        } else {
          const src = ((n * inH + ih) * inW + iw) * inC;
          for (let ci = 0; ci < inC; ci++) out[dst++] = x[src + ci];
        }
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
