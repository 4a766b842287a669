import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, heapF32, heapOffset } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/** Name of snn's mean squared difference from a constant: input `x`, attr `target`; output a scalar. */
export const SquaredDiffMean = 'SnnSquaredDiffMean';
/** Name of its gradient: inputs `x` and `dy` (a scalar), attr `target`; output `(x - target) * (dy * 2 / n)` in float32. */
export const SquaredDiffGrad = 'SnnSquaredDiffGrad';

/** Attributes of {@link SquaredDiffMean} and {@link SquaredDiffGrad}. */
interface SquaredDiffAttrs {
  readonly target: number;
}

/**
 * mean((x - target)^2) in one pass (`squared_diff_sum`: each square in float32, summed in
 * float64 per block), where tfjs's ops write the difference and its square out first; plain
 * float64 loops without the SIMD kernels.
 */
export const squaredDiffMean: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, SquaredDiffMean);
  const { x } = inputs as { x: TensorInfo };
  const t = Math.fround((attrs as unknown as SquaredDiffAttrs).target);
  const xs = heapF32(wasm, x);
  const simd = trainWasm(wasm);
  let sum = 0;
  if (simd) sum = simd.squaredDiffSum(heapOffset(wasm, x), xs.length, t);
  else for (const v of xs) sum += Math.fround((v - t) * (v - t));
  const out = wasm.makeOutput([], 'float32');
  heapF32(wasm, out)[0] = sum / xs.length;
  return out;
};

/**
 * The gradient of {@link squaredDiffMean}, `(x - target) * k` with `k = dy * (2 / n)` in float32:
 * the bits of tfjs's `mul(x - target, mul(dy, 2 / n))`, in one pass.
 */
export const squaredDiffGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, SquaredDiffGrad);
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const t = Math.fround((attrs as unknown as SquaredDiffAttrs).target);
  const xs = heapF32(wasm, x);
  const k = Math.fround(heapF32(wasm, dy)[0] * Math.fround(2 / xs.length));
  const out = wasm.makeOutput([...x.shape], 'float32');
  const simd = trainWasm(wasm);
  if (simd) simd.scaledDiff(heapOffset(wasm, x), heapOffset(wasm, out), xs.length, t, k);
  else {
    const o = heapF32(wasm, out);
    for (let i = 0; i < xs.length; i++) o[i] = Math.fround(xs[i] - t) * k;
  }
  return out;
};

/** Registration records of {@link squaredDiffMean} and {@link squaredDiffGrad}. */
export const squaredDiffConfigs: KernelConfig[] = [
  { kernelName: SquaredDiffMean, backendName: 'wasm', kernelFunc: squaredDiffMean },
  { kernelName: SquaredDiffGrad, backendName: 'wasm', kernelFunc: squaredDiffGrad },
];
