/** Geometry of a 2-D convolution on channels-last data (1-D convolutions use h = kh = 1). */
export interface ConvGeometry {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly outH: number;
  readonly outW: number;
  readonly outC: number;
  readonly kh: number;
  readonly kw: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/**
 * Event-driven convolution (cross-correlation): every active input `(b, y, x, c)` with
 * value `v` adds `v * kernel[ky, kx, c, :]` to each output position whose window covers it.
 * Kernel layout (kh, kw, c, outC). `out` is (batch, outH, outW, outC) and is not cleared.
 */
export function scatterConv(
  index: Int32Array,
  value: Float32Array,
  nActive: number,
  kernel: Float32Array,
  g: ConvGeometry,
  out: Float32Array,
): void {
  const { h, w, c, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft } = g;
  const inSize = h * w * c;
  for (let a = 0; a < nActive; a++) {
    const flat = index[a];
    const b = (flat / inSize) | 0;
    let rest = flat - b * inSize;
    const y = (rest / (w * c)) | 0;
    rest -= y * w * c;
    const x = (rest / c) | 0;
    const ci = rest - x * c;
    const v = value[a];
    const outBase = b * outH;
    for (let ky = 0; ky < kh; ky++) {
      const ty = y + padTop - ky;
      if (ty < 0) break;
      const oy = (ty / strideH) | 0;
      if (oy * strideH !== ty || oy >= outH) continue;
      for (let kx = 0; kx < kw; kx++) {
        const tx = x + padLeft - kx;
        if (tx < 0) break;
        const ox = (tx / strideW) | 0;
        if (ox * strideW !== tx || ox >= outW) continue;
        const k = ((ky * kw + kx) * c + ci) * outC;
        const o = ((outBase + oy) * outW + ox) * outC;
        for (let j = 0; j < outC; j++) out[o + j] += v * kernel[k + j];
      }
    }
  }
}

/** Number of outputs each input position feeds (its fan-out), per input element (h*w*c). */
export function convFanOut(g: ConvGeometry): Float32Array {
  const fan = new Float32Array(g.h * g.w * g.c);
  for (let y = 0; y < g.h; y++)
    for (let x = 0; x < g.w; x++) {
      let n = 0;
      for (let ky = 0; ky < g.kh; ky++) {
        const ty = y + g.padTop - ky;
        if (ty < 0 || ty % g.strideH !== 0 || ty / g.strideH >= g.outH) continue;
        for (let kx = 0; kx < g.kw; kx++) {
          const tx = x + g.padLeft - kx;
          if (tx < 0 || tx % g.strideW !== 0 || tx / g.strideW >= g.outW) continue;
          n++;
        }
      }
      fan.fill(n * g.outC, (y * g.w + x) * g.c, (y * g.w + x + 1) * g.c);
    }
  return fan;
}
