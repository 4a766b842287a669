import { engine, getBackend, getKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { QCFS } from '@snn/neurons';
import { asWasm, heapF32, heapOffset } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/** Name of snn's QCFS forward kernel: input `x` (the current J); output the rates. */
export const Qcfs = 'SnnQcfs';
/** Name of snn's QCFS backward kernel: inputs `dy`, `x`; outputs dJ and d threshold (a scalar). */
export const QcfsGrad = 'SnnQcfsGrad';

/** Attributes of {@link Qcfs} and {@link QcfsGrad}: the QCFS parameters (threshold as its current trained value). */
export interface QcfsAttrs {
  readonly levels: number;
  readonly threshold: number;
  readonly amplitude: number;
}

/** QCFS rates of the tensor's values in the WebAssembly heap (no copies): SIMD where available, else `QCFS.rates`. */
export const qcfsKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Qcfs);
  const { x } = inputs as { x: TensorInfo };
  const { levels, threshold, amplitude } = attrs as unknown as QcfsAttrs;
  const out = wasm.makeOutput([...x.shape], 'float32');
  const simd = trainWasm(wasm);
  if (simd) simd.qcfs(heapOffset(wasm, x), heapOffset(wasm, out), heapF32(wasm, x).length, levels, threshold, amplitude);
  else QCFS.rates(heapF32(wasm, x), heapF32(wasm, out), { levels, threshold, amplitude });
  return out;
};

/**
 * The straight-through gradients of QCFS in one pass over `dy` and J (the rules of
 * `QCFS.ratesDerivative` and `QCFS.ratesParamDerivative`): `dJ[i] = dy[i] * amplitude` where
 * the quantization step q = floor(J L/λ + 1/2) lies in [0, L], else 0; returns
 * `Σ dy[i] * d rate / dλ` (amplitude times q/L - J/λ in [0, L], 1 above, 0 below), in float64.
 */
export function qcfsBackward(dy: Float32Array, J: Float32Array, dJ: Float32Array, attrs: QcfsAttrs): number {
  const { levels, threshold, amplitude } = attrs;
  const scale = levels / threshold;
  const invLevels = 1 / levels;
  const invThreshold = 1 / threshold;
  let inRange = 0;
  let above = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    const g = dy[i];
    const q = Math.floor(j * scale + 0.5);
    if (q > levels) {
      dJ[i] = 0;
      above += g;
    } else if (q >= 0) {
      dJ[i] = g * amplitude;
      inRange += g * (q * invLevels - j * invThreshold);
    } else dJ[i] = 0;
  }
  return amplitude * (inRange + above);
}

/** dJ and d threshold of QCFS (see {@link qcfsBackward}) in the WebAssembly heap: SIMD where available, else the JS loop. */
export const qcfsGradKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, QcfsGrad);
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const a = attrs as unknown as QcfsAttrs;
  const dx = wasm.makeOutput([...x.shape], 'float32');
  const dThreshold = wasm.makeOutput([], 'float32');
  const simd = trainWasm(wasm);
  const n = heapF32(wasm, x).length;
  const sum = simd
    ? simd.qcfsGrad(heapOffset(wasm, dy), heapOffset(wasm, x), heapOffset(wasm, dx), n, a.levels, a.threshold, a.amplitude)
    : qcfsBackward(heapF32(wasm, dy), heapF32(wasm, x), heapF32(wasm, dx), a);
  heapF32(wasm, dThreshold)[0] = sum;
  return [dx, dThreshold];
};

/** Registration record for {@link qcfsKernel}. */
export const qcfsConfig: KernelConfig = { kernelName: Qcfs, backendName: 'wasm', kernelFunc: qcfsKernel };
/** Registration record for {@link qcfsGradKernel}. */
export const qcfsGradConfig: KernelConfig = { kernelName: QcfsGrad, backendName: 'wasm', kernelFunc: qcfsGradKernel };

/** QCFS rates of `J` through the registered kernel (check {@link hasQcfsKernels} first). */
export function qcfsRates(J: Tensor, attrs: QcfsAttrs): Tensor {
  return engine().runKernel(Qcfs, { x: J }, attrs as unknown as NamedAttrMap) as Tensor;
}

/** dJ and d threshold (a scalar) of QCFS for upstream gradient `dy`, through the registered kernel. */
export function qcfsGradients(dy: Tensor, J: Tensor, attrs: QcfsAttrs): [Tensor, Tensor] {
  return engine().runKernel(QcfsGrad, { dy, x: J }, attrs as unknown as NamedAttrMap) as unknown as [Tensor, Tensor];
}

/** Whether the current backend has the {@link Qcfs} and {@link QcfsGrad} kernels. */
export function hasQcfsKernels(): boolean {
  const backend = getBackend();
  return getKernel(Qcfs, backend) !== undefined && getKernel(QcfsGrad, backend) !== undefined;
}
