import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import type { WasmBackend } from './wasm-access.js';
import { dispose, heapF32, heapOffset, runWasmKernel } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/** One stride phase of a conv2d input gradient: rows ih = strideH * q + a - padTop (likewise columns). */
interface Phase {
  readonly taps: number[]; // filter rows a, a + strideH, ... (or columns)
  readonly qMin: number;
  readonly count: number; // rows (columns) of dx in this phase
  readonly padBefore: number;
  readonly padAfter: number;
}

function phase(a: number, k: number, s: number, pad: number, inSize: number, outSize: number): Phase {
  const taps: number[] = [];
  for (let t = a; t < k; t += s) taps.push(t);
  const qMin = Math.ceil((pad - a) / s);
  const count = Math.floor((inSize - 1 + pad - a) / s) - qMin + 1;
  const padBefore = taps.length - 1 - qMin;
  return { taps, qMin, count, padBefore, padAfter: count - outSize + taps.length - 1 - padBefore };
}

/** False when some phase would need negative padding (explicit pads wider than the kernel). */
export function polyphaseApplies(g: ConvGeometry): boolean {
  for (let a = 0; a < g.strideH; a++) {
    const p = phase(a, g.kH, g.strideH, g.padTop, g.inH, g.outH);
    if (p.count > 0 && p.taps.length > 0 && (p.padBefore < 0 || p.padAfter < 0)) return false;
  }
  for (let b = 0; b < g.strideW; b++) {
    const p = phase(b, g.kW, g.strideW, g.padLeft, g.inW, g.outW);
    if (p.count > 0 && p.taps.length > 0 && (p.padBefore < 0 || p.padAfter < 0)) return false;
  }
  return true;
}

/**
 * Input gradient of a strided conv2d as strideH x strideW stride-1 convolutions on XNNPACK
 * (one per output phase): the rows of dx with (ih + padTop) % strideH == a only see filter rows
 * a, a + strideH, ...; each phase is a full correlation of `dy` with that flipped sub-filter,
 * then interleaved into dx. Same FLOPs as the direct form, no patch matrix.
 */
export function polyphaseBackpropInput(wasm: WasmBackend, dy: TensorInfo, filter: TensorInfo, g: ConvGeometry): TensorInfo {
  const dx = wasm.makeOutput([g.batch, g.inH, g.inW, g.inC], 'float32');
  let covered = 0;
  for (let a = 0; a < g.strideH; a++) {
    const ph = phase(a, g.kH, g.strideH, g.padTop, g.inH, g.outH);
    for (let b = 0; b < g.strideW; b++) {
      const pw = phase(b, g.kW, g.strideW, g.padLeft, g.inW, g.outW);
      if (ph.count <= 0 || pw.count <= 0 || ph.taps.length === 0 || pw.taps.length === 0) continue;
      const sub = flippedSubFilter(wasm, filter, g, ph.taps, pw.taps);
      const pad = [[0, 0], [ph.padBefore, ph.padAfter], [pw.padBefore, pw.padAfter], [0, 0]];
      const attrs = { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined };
      const part = runWasmKernel(wasm, 'Conv2D', { x: dy, filter: sub }, attrs as never);
      dispose(wasm, sub);
      if (g.strideH === 1 && g.strideW === 1) {
        dispose(wasm, dx);
        return part; // a single phase is dx itself
      }
      const ih0 = a - g.padTop + g.strideH * ph.qMin;
      const iw0 = b - g.padLeft + g.strideW * pw.qMin;
      const simd = trainWasm(wasm);
      if (simd) simd.interleave(heapOffset(wasm, part), heapOffset(wasm, dx), g, ih0, ph.count, iw0, pw.count);
      else interleave(heapF32(wasm, part), g, ih0, ph.count, iw0, pw.count, heapF32(wasm, dx));
      covered += ph.count * pw.count;
      dispose(wasm, part);
    }
  }
  if (covered < g.inH * g.inW) zeroUncovered(wasm, dx, g);
  return dx;
}

/** Sub-filter [taps, taps, outC, inC] = W[tapsH[last - i], tapsW[last - j], ci, co] (flipped, in/out swapped). */
function flippedSubFilter(wasm: WasmBackend, filter: TensorInfo, g: ConvGeometry, tapsH: number[], tapsW: number[]): TensorInfo {
  const jh = tapsH.length;
  const jw = tapsW.length;
  const out = wasm.makeOutput([jh, jw, g.outC, g.inC], 'float32');
  const w = heapF32(wasm, filter);
  const f = heapF32(wasm, out);
  for (let i = 0; i < jh; i++) {
    for (let j = 0; j < jw; j++) {
      const src = (tapsH[jh - 1 - i] * g.kW + tapsW[jw - 1 - j]) * g.inC * g.outC;
      const dst = (i * jw + j) * g.outC * g.inC;
      for (let ci = 0; ci < g.inC; ci++) {
        for (let co = 0; co < g.outC; co++) f[dst + co * g.inC + ci] = w[src + ci * g.outC + co];
      }
    }
  }
  return out;
}

/** dx[n, ih0 + strideH * i, iw0 + strideW * j, :] = part[n, i, j, :]. Allocation-free. */
export function interleave(part: Float32Array, g: ConvGeometry, ih0: number, rows: number, iw0: number, cols: number, dx: Float32Array): void {
  const c = g.inC;
  let src = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let i = 0; i < rows; i++) {
      let dst = ((n * g.inH + ih0 + g.strideH * i) * g.inW + iw0) * c;
      for (let j = 0; j < cols; j++, dst += g.strideW * c) {
        for (let ch = 0; ch < c; ch++) dx[dst + ch] = part[src++];
      }
    }
  }
}

/** Zero the dx pixels no phase wrote (filters smaller than the stride skip some inputs). */
function zeroUncovered(wasm: WasmBackend, dx: TensorInfo, g: ConvGeometry): void {
  const d = heapF32(wasm, dx);
  const c = g.inC;
  for (let ih = 0; ih < g.inH; ih++) {
    const rowHit = ((ih + g.padTop) % g.strideH) < g.kH;
    for (let iw = 0; iw < g.inW; iw++) {
      if (rowHit && ((iw + g.padLeft) % g.strideW) < g.kW) continue;
      for (let n = 0; n < g.batch; n++) d.fill(0, ((n * g.inH + ih) * g.inW + iw) * c, ((n * g.inH + ih) * g.inW + iw + 1) * c);
    }
  }
}
