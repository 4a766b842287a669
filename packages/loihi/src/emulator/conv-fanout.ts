import type { ConvGeometry } from './conv-geometry.js';

/**
 * Where one source pixel's spikes go, for every pixel: entries `start[p] .. start[p + 1]` pair a
 * kernel position (offset of `kernel[kr, kc, 0, 0]`) with an output pixel (offset of its first
 * filter's compartment). A spike of channel c adds `filters` kernel values from
 * `kernelOffset + c * filters` to the compartments from `outputOffset`.
 */
export interface ConvFanout {
  readonly start: Int32Array;
  readonly kernelOffset: Int32Array;
  readonly outputOffset: Int32Array;
}

/** Output positions (and kernel taps) reached by input index `i` along one axis. */
function reach(i: number, g: { pad: number; k: number; s: number; out: number }): [number, number][] {
  const hits: [number, number][] = [];
  for (let tap = 0; tap < g.k; tap++) {
    const at = i + g.pad - tap; // = y * stride
    if (at >= 0 && at % g.s === 0 && at / g.s < g.out) hits.push([at / g.s, tap]);
  }
  return hits;
}

/** Builds the per-pixel fan-out table of a convolution (once, at emulator construction). */
export function convFanout(g: ConvGeometry): ConvFanout {
  const rowAxis = { pad: g.padRow, k: g.kernelRows, s: g.strideRow, out: g.outRows };
  const colAxis = { pad: g.padCol, k: g.kernelCols, s: g.strideCol, out: g.outCols };
  const colHits = Array.from({ length: g.cols }, (_, j) => reach(j, colAxis));
  const start = new Int32Array(g.rows * g.cols + 1);
  const kernelOffset: number[] = [];
  const outputOffset: number[] = [];
  for (let i = 0; i < g.rows; i++) {
    const rowHits = reach(i, rowAxis);
    for (let j = 0; j < g.cols; j++) {
      for (const [y, kr] of rowHits) {
        for (const [x, kc] of colHits[j]!) {
          kernelOffset.push((kr * g.kernelCols + kc) * g.channels * g.filters);
          outputOffset.push((y * g.outCols + x) * g.filters);
        }
      }
      start[i * g.cols + j + 1] = kernelOffset.length;
    }
  }
  return { start, kernelOffset: Int32Array.from(kernelOffset), outputOffset: Int32Array.from(outputOffset) };
}
