import { engine, getBackend, getKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { SoftLIFRate } from '@snn/neurons';
import { asWasm, heapF32, heapOffset } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/** Name of snn's SoftLIFRate kernel: input `x` (the current J); outputs the rates and dRate/dJ. */
export const SoftLifRate = 'SnnSoftLifRate';

/** Attributes of {@link SoftLifRate}: the SoftLIFRate parameters. */
export interface SoftLifRateAttrs {
  readonly sigma: number;
  readonly tauRc: number;
  readonly tauRef: number;
  readonly amplitude: number;
}

/**
 * NengoDL's SoftLIFRate and its derivative in one pass: float32 WebAssembly SIMD with
 * polynomial exp/log (relative error ~1e-6 against the float64 curve), or the float64 JS
 * kernels of @snn/neurons where the SIMD module is not available.
 */
export const softLifRateKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, SoftLifRate);
  const { x } = inputs as { x: TensorInfo };
  const { sigma, tauRc, tauRef, amplitude } = attrs as unknown as SoftLifRateAttrs;
  const rate = wasm.makeOutput([...x.shape], 'float32');
  const deriv = wasm.makeOutput([...x.shape], 'float32');
  const n = heapF32(wasm, x).length;
  const simd = trainWasm(wasm);
  if (simd) simd.softLif(heapOffset(wasm, x), heapOffset(wasm, rate), heapOffset(wasm, deriv), n, sigma, tauRc, tauRef, amplitude);
  else {
    const params = { sigma, tauRc, tauRef, amplitude };
    SoftLIFRate.rates(heapF32(wasm, x), heapF32(wasm, rate), params);
    SoftLIFRate.ratesDerivative!(heapF32(wasm, x), heapF32(wasm, deriv), params);
  }
  return [rate, deriv];
};

/** Registration record for {@link softLifRateKernel}. */
export const softLifRateConfig: KernelConfig = { kernelName: SoftLifRate, backendName: 'wasm', kernelFunc: softLifRateKernel };

/**
 * SoftLIFRate rates of `J` and their derivative with respect to `J`, as two tensors, through
 * the registered kernel (check {@link hasSoftLifRateKernel} first).
 */
export function softLifRateWithDerivative(J: Tensor, attrs: SoftLifRateAttrs): [Tensor, Tensor] {
  return engine().runKernel(SoftLifRate, { x: J }, attrs as unknown as NamedAttrMap) as unknown as [Tensor, Tensor];
}

/** Whether the current backend has the {@link SoftLifRate} kernel. */
export function hasSoftLifRateKernel(): boolean {
  return getKernel(SoftLifRate, getBackend()) !== undefined;
}
