import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, heapF32, heapOffset } from './wasm-access.js';
import { backendMemory, trainWasm } from './wasm/train-wasm.js';
import { THREAD_SLOTS, WORK_CHUNKS } from './threads/chunk-range.js';
import { runParts } from './threads/kernel-thread.js';
import { encodeReluGradRange } from './threads/relu-grad-range.js';

/** Floats from which the relu gradient is split between two threads (below, waking the helper costs more). */
const MIN_SPLIT_FLOATS = 1 << 18;

/** Name of snn's fused relu-gradient kernel (tfjs has none): inputs `dy`, `x`. */
export const ReluGrad = 'SnnReluGrad';

/**
 * `dx = x > 0 ? dy : 0` in one pass (SIMD where available), instead of tfjs's
 * `mul(dy, step(x))`, which makes two passes and an intermediate tensor.
 */
export const reluGrad: KernelFunc = ({ inputs, backend }) => {
  const wasm = asWasm(backend, ReluGrad);
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const out = wasm.makeOutput([...x.shape], 'float32');
  const simd = trainWasm(wasm);
  const memory = backendMemory(wasm);
  if (simd && memory) {
    // large tensors in chunks on both threads (elementwise: the same numbers either way)
    const n = heapF32(wasm, x).length;
    const chunks = n >= MIN_SPLIT_FLOATS ? WORK_CHUNKS : 1;
    const args = encodeReluGradRange(heapOffset(wasm, dy), heapOffset(wasm, x), heapOffset(wasm, out), n, chunks);
    runParts(memory, simd, 'reluGradRange', chunks > 1 ? THREAD_SLOTS.map(() => args) : [args]);
    return out;
  }
  const g = heapF32(wasm, dy);
  const v = heapF32(wasm, x);
  const o = heapF32(wasm, out);
  for (let i = 0; i < o.length; i++) o[i] = v[i] > 0 ? g[i] : 0;
  return out;
};

/** Registration record for {@link reluGrad}. */
export const reluGradConfig: KernelConfig = { kernelName: ReluGrad, backendName: 'wasm', kernelFunc: reluGrad };
