import { Sum, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, SumAttrs, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, dispose, heapF32, heapOffset, runWasmKernel } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/**
 * Sum that reduces leading axes (a bias gradient: sum over batch and space of [N, H, W, C])
 * with one streaming pass; tfjs-wasm transposes the whole tensor first for that case. Other
 * reductions go to tfjs's own kernel.
 */
export const sum: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Sum);
  const { x } = inputs as { x: TensorInfo };
  const { axis, keepDims } = attrs as unknown as SumAttrs;
  const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
  const k = axes.length;
  const leading = k > 0 && k < x.shape.length && axes.every((a, i) => a === i);
  if (!leading || x.dtype !== 'float32') return runWasmKernel(wasm, Sum, { x }, attrs);
  const rows = util.sizeFromShape(x.shape.slice(0, k));
  const cols = util.sizeFromShape(x.shape.slice(k));
  const outShape = keepDims ? x.shape.map((d, i) => (i < k ? 1 : d)) : x.shape.slice(k);
  const out = wasm.makeOutput(outShape, 'float32');
  const simd = trainWasm(wasm);
  if (simd) {
    const scratch = wasm.makeOutput([cols], 'float32');
    simd.sumRows(heapOffset(wasm, x), rows, cols, heapOffset(wasm, out), heapOffset(wasm, scratch));
    dispose(wasm, scratch);
  } else {
    sumRows(heapF32(wasm, x), rows, cols, heapF32(wasm, out));
  }
  return out;
};

/** out[c] = sum over r of x[r * cols + c], accumulated in float64. */
export function sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array): void {
  const acc = new Float64Array(cols);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) acc[c] += x[i];
  }
  out.set(acc);
}

/** Registration record for {@link sum}. */
export const sumConfig: KernelConfig = { kernelName: Sum, backendName: 'wasm', kernelFunc: sum };
