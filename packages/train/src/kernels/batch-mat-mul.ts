import { BatchMatMul, util } from '@tensorflow/tfjs-core';
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-access.js';
import { asWasm, dispose, heapF32, makeView, releaseView, runWasmKernel, transpose } from './wasm-access.js';
import { narrowProduct, narrowRightTransposedProduct, narrowTransposedProduct } from './narrow-product.js';

/**
 * Matrix product on tfjs's wasm backend that always reaches XNNPACK's fast GEMM: tfjs-wasm
 * runs transposed operands and batches through a scalar loop (10-25x slower). Transposed
 * operands are transposed explicitly first (A^T B^T is computed as (B A)^T when the output is
 * the smaller thing to move); a batch runs as one 2-D product per matrix on zero-copy views.
 */
export const batchMatMul: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, BatchMatMul);
  const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
  const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const batchA = util.sizeFromShape(outerA);
  const batchB = util.sizeFromShape(outerB);
  const plain = (x: TensorInfo, y: TensorInfo, tx: boolean, ty: boolean): TensorInfo =>
    runWasmKernel(wasm, BatchMatMul, { a: x, b: y }, { transposeA: tx, transposeB: ty });
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || (batchA !== batchB && batchA !== 1 && batchB !== 1)) {
    return plain(a, b, transposeA, transposeB);
  }
  if (transposeA && transposeB && batchA === 1 && batchB === 1 && outSize(a, b) < size(a) + size(b)) {
    // A^T B^T = (B A)^T: one transpose of the (smaller) product instead of both operands.
    const ba = plain(b, a, false, false);
    const out = transposeLast2(wasm, ba);
    dispose(wasm, ba);
    return out;
  }
  if (batchA === 1 && batchB === 1 && !(transposeA && transposeB)) {
    // a dense layer's three products (x w, dy wᵀ, xᵀ dy) when its outputs are few
    const narrow = transposeA ? narrowTransposedProduct(wasm, a, b) : transposeB ? narrowRightTransposedProduct(wasm, a, b) : narrowProduct(wasm, a, b);
    if (narrow) return narrow;
  }
  const an = transposeA ? transposeLast2(wasm, a) : a;
  const bn = transposeB ? transposeLast2(wasm, b) : b;
  const out = batchA === 1 && batchB === 1 ? plain(an, bn, false, false) : perMatrix(wasm, an, bn, batchA, batchB);
  if (an !== a) dispose(wasm, an);
  if (bn !== b) dispose(wasm, bn);
  return out;
};

function size(t: TensorInfo): number {
  return util.sizeFromShape(t.shape);
}

function outSize(a: TensorInfo, b: TensorInfo): number {
  return a.shape[a.shape.length - 1] * b.shape[b.shape.length - 2];
}

function transposeLast2(wasm: WasmBackend, x: TensorInfo): TensorInfo {
  const r = x.shape.length;
  const perm = x.shape.map((_, i) => (i < r - 2 ? i : i === r - 2 ? r - 1 : r - 2));
  return transpose(wasm, x, perm);
}

/** One fast 2-D product per matrix of the batch (a batch of 1 on either side is broadcast). */
function perMatrix(wasm: WasmBackend, a: TensorInfo, b: TensorInfo, batchA: number, batchB: number): TensorInfo {
  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.shape.length - 1];
  const outer = (batchA >= batchB ? a : b).shape.slice(0, -2);
  const out = wasm.makeOutput([...outer, m, n], 'float32');
  for (let i = 0; i < Math.max(batchA, batchB); i++) {
    const av = makeView(wasm, a, batchA === 1 ? 0 : i * m * k, [m, k]);
    const bv = makeView(wasm, b, batchB === 1 ? 0 : i * k * n, [k, n]);
    const part = runWasmKernel(wasm, BatchMatMul, { a: av, b: bv }, { transposeA: false, transposeB: false });
    heapF32(wasm, out).set(heapF32(wasm, part), i * m * n);
    dispose(wasm, part);
    releaseView(wasm, av);
    releaseView(wasm, bv);
  }
  return out;
}

/** Registration record for {@link batchMatMul}. */
export const batchMatMulConfig: KernelConfig = { kernelName: BatchMatMul, backendName: 'wasm', kernelFunc: batchMatMul };
