/**
 * Which input positions each output position of a pooling window reads: output position `o`
 * reads spatial input positions `taps[start[o] .. start[o + 1])` (flat indices over the
 * input's spatial axes; padded cells are left out).
 */
export interface PoolTaps {
  readonly taps: Int32Array;
  readonly start: Int32Array;
  /** Spatial positions of the input and of the output; channels. */
  readonly inSpatial: number;
  readonly outSpatial: number;
  readonly channels: number;
}

/**
 * Tap tables of a 1-D or 2-D pooling window (`spatial`: the input's spatial axes; `padBefore`:
 * the cells padded before each axis), or of a global pool when `window` covers the input.
 */
export function poolTaps(
  spatial: readonly number[],
  channels: number,
  window: readonly number[],
  strides: readonly number[],
  padBefore: readonly number[],
  outSpatialShape: readonly number[],
): PoolTaps {
  const twoD = spatial.length === 2;
  const [h, w] = twoD ? spatial : [1, spatial[0]];
  const [kh, kw] = twoD ? window : [1, window[0]];
  const [sh, sw] = twoD ? strides : [1, strides[0]];
  const [ph, pw] = twoD ? padBefore : [0, padBefore[0]];
  const [outH, outW] = twoD ? outSpatialShape : [1, outSpatialShape[0]];
  const taps: number[] = [];
  const start = new Int32Array(outH * outW + 1);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let dy = 0; dy < kh; dy++) {
        const y = oy * sh + dy - ph;
        if (y < 0 || y >= h) continue;
        for (let dx = 0; dx < kw; dx++) {
          const x = ox * sw + dx - pw;
          if (x >= 0 && x < w) taps.push(y * w + x);
        }
      }
      start[oy * outW + ox + 1] = taps.length;
    }
  }
  return { taps: Int32Array.from(taps), start, inSpatial: h * w, outSpatial: outH * outW, channels };
}

/**
 * One step of max pooling over time (after Rueckauer et al. 2017, "spiking max-pooling"): pass
 * on, per window and channel, this step's input `x` of the input whose running total before
 * this step is largest (ties: the larger `x`, then the first), then add `x` to the `totals`.
 * On spike trains this passes the spikes of the input that has fired most so far, which is
 * the input the ANN's max pool of rates selects. Selecting on the totals *before* this step
 * matters: with this step's spikes included, every spiking input would lead at the moment
 * it spikes, and inputs of equal rates would all pass their spikes (twice the max rate).
 * For inputs constant in time it is the plain max. Allocation-free.
 */
export function gatedMaxPoolStep(x: Float32Array, totals: Float64Array, out: Float32Array, t: PoolTaps, batch: number): void {
  const c = t.channels;
  const inSize = t.inSpatial * c;
  const { taps, start } = t;
  for (let b = 0; b < batch; b++) {
    const inBase = b * inSize;
    let o = b * t.outSpatial * c;
    for (let p = 0; p < t.outSpatial; p++) {
      const first = start[p];
      const last = start[p + 1];
      for (let ch = 0; ch < c; ch++, o++) {
        let bestTotal = -Infinity;
        let value = -Infinity;
        for (let k = first; k < last; k++) {
          const i = inBase + taps[k] * c + ch;
          const total = totals[i];
          if (total > bestTotal || (total === bestTotal && x[i] > value)) {
            bestTotal = total;
            value = x[i];
          }
        }
        out[o] = last > first ? value : 0;
      }
    }
  }
  const n = batch * inSize;
  for (let i = 0; i < n; i++) totals[i] += x[i];
}
