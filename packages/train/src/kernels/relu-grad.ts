import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, heapF32, heapOffset } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

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
  if (simd) {
    simd.reluGrad(heapOffset(wasm, dy), heapOffset(wasm, x), heapOffset(wasm, out), heapF32(wasm, x).length);
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
