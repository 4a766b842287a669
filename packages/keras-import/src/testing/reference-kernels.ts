/**
 * Float64 reference kernels on channels-last data, one example at a time. Plain loops,
 * written for clarity first and speed second (zero inputs are skipped: after ReLU most are).
 */

/** Spatial geometry of a window op on (spatial..., C) data; 1-D ops use h = 1. */
export interface Window {
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  /** Padding before (top, left). */
  readonly ph: number;
  readonly pw: number;
}

/** `out[o] = bias[o] + Σ_i x[i] W[i, o]`, applied to each of the `rows` vectors of length `nIn`. */
export function denseForward(x: Float64Array, w: Float64Array, bias: Float64Array | undefined, nIn: number, nOut: number, out: Float64Array): void {
  const rows = x.length / nIn;
  for (let r = 0; r < rows; r++) {
    const o0 = r * nOut;
    for (let o = 0; o < nOut; o++) out[o0 + o] = bias ? bias[o] : 0;
    for (let i = 0; i < nIn; i++) {
      const v = x[r * nIn + i];
      if (v === 0) continue;
      const wi = i * nOut;
      for (let o = 0; o < nOut; o++) out[o0 + o] += v * w[wi + o];
    }
  }
}

/** Cross-correlation with kernel (kh, kw, cIn/groups, cOut); zero padding outside the input. */
export function convForward(x: Float64Array, k: Float64Array, bias: Float64Array | undefined, g: Window, cIn: number, cOut: number, groups: number, out: Float64Array): void {
  const cInG = cIn / groups;
  const cOutG = cOut / groups;
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      const o0 = (oy * g.outW + ox) * cOut;
      for (let o = 0; o < cOut; o++) out[o0 + o] = bias ? bias[o] : 0;
      for (let ky = 0; ky < g.kh; ky++) {
        const iy = oy * g.sh + ky - g.ph;
        if (iy < 0 || iy >= g.inH) continue;
        for (let kx = 0; kx < g.kw; kx++) {
          const ix = ox * g.sw + kx - g.pw;
          if (ix < 0 || ix >= g.inW) continue;
          const i0 = (iy * g.inW + ix) * cIn;
          const k0 = (ky * g.kw + kx) * cInG * cOut;
          if (groups === 1) {
            for (let ci = 0; ci < cIn; ci++) {
              const v = x[i0 + ci];
              if (v === 0) continue;
              const kRow = k0 + ci * cOut;
              for (let o = 0; o < cOut; o++) out[o0 + o] += v * k[kRow + o];
            }
            continue;
          }
          for (let ci = 0; ci < cIn; ci++) {
            const v = x[i0 + ci];
            if (v === 0) continue;
            const grp = Math.floor(ci / cInG);
            const kRow = k0 + (ci - grp * cInG) * cOut;
            for (let o = grp * cOutG; o < (grp + 1) * cOutG; o++) out[o0 + o] += v * k[kRow + o];
          }
        }
      }
    }
  }
}

/** Max or average pooling; cells outside the input are left out (TensorFlow's 'same' semantics). */
export function poolForward(x: Float64Array, g: Window, c: number, op: 'avg' | 'max', out: Float64Array): void {
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      for (let ch = 0; ch < c; ch++) {
        let acc = op === 'max' ? -Infinity : 0;
        let n = 0;
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.sh + ky - g.ph;
          if (iy < 0 || iy >= g.inH) continue;
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = ox * g.sw + kx - g.pw;
            if (ix < 0 || ix >= g.inW) continue;
            const v = x[(iy * g.inW + ix) * c + ch];
            acc = op === 'max' ? Math.max(acc, v) : acc + v;
            n++;
          }
        }
        out[(oy * g.outW + ox) * c + ch] = op === 'max' ? acc : acc / n;
      }
    }
  }
}

/** Mean or max over all positions of (positions, C) data. */
export function globalPoolForward(x: Float64Array, c: number, op: 'avg' | 'max', out: Float64Array): void {
  const n = x.length / c;
  for (let ch = 0; ch < c; ch++) {
    let acc = op === 'max' ? -Infinity : 0;
    for (let p = 0; p < n; p++) acc = op === 'max' ? Math.max(acc, x[p * c + ch]) : acc + x[p * c + ch];
    out[ch] = op === 'max' ? acc : acc / n;
  }
}

/** Zero padding of (h, w, C) data to (h + top + bottom, w + left + right, C). */
export function padForward(x: Float64Array, inH: number, inW: number, c: number, top: number, left: number, outW: number, out: Float64Array): void {
  out.fill(0);
  for (let y = 0; y < inH; y++) out.set(x.subarray(y * inW * c, (y + 1) * inW * c), ((y + top) * outW + left) * c);
}

/** Nearest-neighbour upsampling of (h, w, C) data by (sh, sw). */
export function upsampleForward(x: Float64Array, inW: number, c: number, sh: number, sw: number, outH: number, outW: number, out: Float64Array): void {
  for (let y = 0; y < outH; y++) {
    for (let xx = 0; xx < outW; xx++) {
      const src = (Math.floor(y / sh) * inW + Math.floor(xx / sw)) * c;
      out.set(x.subarray(src, src + c), (y * outW + xx) * c);
    }
  }
}
