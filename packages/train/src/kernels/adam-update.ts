import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, heapF32, heapOffset } from './wasm-access.js';
import { trainWasm, type AdamConstants } from './wasm/train-wasm.js';

/** Name of snn's one-pass Adam step: inputs `value`, `m`, `v`, `gradient`; attrs {@link AdamConstants}; outputs the new value, m and v. */
export const AdamUpdate = 'SnnAdamUpdate';

/**
 * One Adam step of a variable in one pass (`adam_update`, or the same float32 operations in
 * JS where the SIMD kernels are missing), with tfjs's AdamOptimizer's operations in its order,
 * so the same bits, instead of about a dozen tensor ops (each a kernel call and a tensor).
 */
export const adamUpdate: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, AdamUpdate);
  const { value, m, v, gradient } = inputs as { value: TensorInfo; m: TensorInfo; v: TensorInfo; gradient: TensorInfo };
  const k = attrs as unknown as AdamConstants;
  const outs = [value, m, v].map((t) => wasm.makeOutput([...t.shape], 'float32'));
  const simd = trainWasm(wasm);
  if (simd) {
    const n = heapF32(wasm, value).length;
    const [pw, pm, pv, pg] = [value, m, v, gradient].map((t) => heapOffset(wasm, t));
    simd.adamUpdate(pw, pm, pv, pg, heapOffset(wasm, outs[0]), heapOffset(wasm, outs[1]), heapOffset(wasm, outs[2]), n, k);
    return outs;
  }
  const [w, m0, v0, g] = [value, m, v, gradient].map((t) => heapF32(wasm, t));
  const [w1, m1, v1] = outs.map((t) => heapF32(wasm, t));
  adamStepLoop(w, m0, v0, g, w1, m1, v1, k);
  return outs;
};

/** The step of `adam_update` in JS float32 arithmetic (exported for its test). */
export function adamStepLoop(w: Float32Array, m0: Float32Array, v0: Float32Array, g: Float32Array, w1: Float32Array, m1: Float32Array, v1: Float32Array, k: AdamConstants): void {
  const f = Math.fround;
  for (let i = 0; i < w.length; i++) {
    m1[i] = f(f(m0[i] * k.beta1) + f(g[i] * k.oneMinusBeta1));
    v1[i] = f(f(v0[i] * k.beta2) + f(f(g[i] * g[i]) * k.oneMinusBeta2));
    const step = f(f(m1[i] / k.oneMinusAccBeta1) / f(f(Math.sqrt(f(v1[i] / k.oneMinusAccBeta2))) + k.epsilon));
    w1[i] = f(f(step * k.negLearningRate) + w[i]);
  }
}

/** Registration record for {@link adamUpdate}. */
export const adamUpdateConfig: KernelConfig = { kernelName: AdamUpdate, backendName: 'wasm', kernelFunc: adamUpdate };
