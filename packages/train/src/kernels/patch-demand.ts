import { abs, engine, getBackend, getKernel, maxPool, sum, zerosLike } from '@tensorflow/tfjs-core';
import type { GradConfig, KernelConfig, KernelFunc, NamedAttrMap, Tensor, Tensor4D, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, heapOffset } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/** Name of snn's demand-map kernel: input `x` (one channel), attrs `kH`, `kW`. */
export const PatchDemand = 'SnnPatchDemand';

/** Attributes of {@link PatchDemand}. */
interface PatchDemandAttrs {
  readonly kH: number;
  readonly kW: number;
}

/** The largest |x| over each kH x kW patch of a one-channel x, stride 1, unpadded (`patch_demand`). */
export const patchDemandKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, PatchDemand);
  const { x } = inputs as { x: TensorInfo };
  const { kH, kW } = attrs as unknown as PatchDemandAttrs;
  const [batch, inH, inW] = x.shape;
  const out = wasm.makeOutput([batch, inH - kH + 1, inW - kW + 1, 1], 'float32');
  trainWasm(wasm)!.patchDemand(heapOffset(wasm, x), heapOffset(wasm, out), batch, inH, inW, kH, kW);
  return out;
};

/** Registration record of {@link patchDemandKernel}. */
export const patchDemandConfig: KernelConfig = { kernelName: PatchDemand, backendName: 'wasm', kernelFunc: patchDemandKernel };

/**
 * The map's gradient is zero: it only says where a first conv's input patch is all zero, which
 * selects work, not values (the first conv refuses a gradient with respect to its input itself).
 */
export const patchDemandGradConfig: GradConfig = {
  kernelName: PatchDemand,
  inputsToSave: ['x'],
  gradFunc: (_dy, saved) => ({ x: () => zerosLike(saved[0] as Tensor) }),
};

/**
 * `[batch, outH, outW, 1]`: the largest channel-summed |x| over each output position's kH x kW
 * patch of `x` (`[batch, inH, inW, C]`) for a conv with these strides and padding: zero exactly
 * where the patch is. One wasm pass ({@link PatchDemand}) for a one-channel input, stride 1 and
 * 'valid' padding (MNIST's first conv) when snn's kernels are registered; else tfjs's abs, sum
 * and max-pool ops.
 */
export function patchDemand(x: Tensor4D, kH: number, kW: number, strides: [number, number], pad: 'same' | 'valid'): Tensor4D {
  const oneChannelValid = x.shape[3] === 1 && strides[0] === 1 && strides[1] === 1 && pad === 'valid' && x.dtype === 'float32';
  if (oneChannelValid && getKernel(PatchDemand, getBackend()) && trainWasm(asWasm(engine().backend, PatchDemand))) {
    return engine().runKernel(PatchDemand, { x }, { kH, kW } as unknown as NamedAttrMap) as Tensor4D;
  }
  const magnitude = abs(x);
  const channels = (x.shape[3] === 1 ? magnitude : sum(magnitude, 3, true)) as Tensor4D;
  return maxPool(channels, [kH, kW], strides, pad);
}
