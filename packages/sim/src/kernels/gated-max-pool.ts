/**
 * Which input positions each output position of a pooling window reads: output position `o`
 * reads spatial input positions `taps[start[o] .. start[o + 1])` (flat indices over the
 * input's spatial axes; padded cells are left out).
 */
export interface PoolTaps {
  readonly taps: Int32Array;
  readonly start: Int32Array;
  /** The reverse map: input position `q` is read by output positions `windows[windowStart[q] .. windowStart[q + 1])`. */
  readonly windows: Int32Array;
  readonly windowStart: Int32Array;
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
  const windowStart = new Int32Array(h * w + 1);
  for (const q of taps) windowStart[q + 1]++;
  for (let q = 0; q < h * w; q++) windowStart[q + 1] += windowStart[q];
  const windows = new Int32Array(taps.length);
  const fill = windowStart.slice(0, h * w);
  for (let p = 0; p < outH * outW; p++) for (let k = start[p]; k < start[p + 1]; k++) windows[fill[taps[k]]++] = p;
  return { taps: Int32Array.from(taps), start, windows, windowStart, inSpatial: h * w, outSpatial: outH * outW, channels };
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
  for (let b = 0; b < batch; b++) {
    let o = b * t.outSpatial * c;
    for (let p = 0; p < t.outSpatial; p++) for (let ch = 0; ch < c; ch++, o++) out[o] = windowValue(x, totals, t, b * inSize, p, ch);
  }
  const n = batch * inSize;
  for (let i = 0; i < n; i++) totals[i] += x[i];
}

/**
 * {@link gatedMaxPoolStep} driven by the nonzero inputs only (`index[0..count)`, increasing,
 * into the batch's `x`): a window whose inputs are all zero this step passes on zero and its
 * totals do not change, so only the windows holding a nonzero input are evaluated. Same
 * result as the dense step; on spike trains (a few percent active) many times faster.
 */
export function gatedMaxPoolStepSparse(
  x: Float32Array,
  totals: Float64Array,
  out: Float32Array,
  t: PoolTaps,
  batch: number,
  index: Int32Array,
  count: number,
): void {
  const c = t.channels;
  const inSize = t.inSpatial * c;
  out.fill(0, 0, batch * t.outSpatial * c);
  const { windows, windowStart } = t;
  for (let k = 0; k < count; k++) {
    const i = index[k];
    const b = (i / inSize) | 0;
    const within = i - b * inSize;
    const q = (within / c) | 0;
    const ch = within - q * c;
    const outBase = b * t.outSpatial * c + ch;
    for (let w = windowStart[q]; w < windowStart[q + 1]; w++) {
      const p = windows[w];
      out[outBase + p * c] = windowValue(x, totals, t, b * inSize, p, ch);
    }
  }
  for (let k = 0; k < count; k++) totals[index[k]] += x[index[k]];
}

/** This step's input of the window's leader: largest total before the step, then largest input, then first. */
function windowValue(x: Float32Array, totals: Float64Array, t: PoolTaps, inBase: number, p: number, ch: number): number {
  const { taps, start } = t;
  const c = t.channels;
  let bestTotal = -Infinity;
  let value = -Infinity;
  for (let k = start[p], last = start[p + 1]; k < last; k++) {
    const i = inBase + taps[k] * c + ch;
    const total = totals[i];
    if (total > bestTotal || (total === bestTotal && x[i] > value)) {
      bestTotal = total;
      value = x[i];
    }
  }
  return start[p + 1] > start[p] ? value : 0;
}
