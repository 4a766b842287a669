import { add, backend_util, conv2d, engine, getBackend, getKernel, relu } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, Tensor1D, Tensor4D, TensorInfo } from '@tensorflow/tfjs-core';
import { convGeometry } from './conv-geometry.js';
import { sparseFirstConvBiasRelu } from './conv-first.js';
import { sparseConvBiasRelu } from './conv-sparse.js';
import { asWasm, runWasmKernel } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

/** Name of snn's trainable conv2d + bias + relu kernel: inputs `x`, `filter`, `bias`; attrs `strides`, `pad`. */
export const Conv2DBiasRelu = 'SnnConv2DBiasRelu';

/** What the caller of {@link conv2dBiasRelu} knows about its input. */
export interface Conv2DBiasReluOptions {
  /**
   * Where x's gradient is needed, `[batch, inH, inW, 1]`, zero where x is the output of a first
   * conv + ReLU over an all-zero patch (kernel `SnnConv2DBiasReluDemand`).
   */
  readonly demand?: Tensor4D;
  /** False when no gradient with respect to x will be taken: x is the network's input (kernel `SnnConv2DBiasReluFirst`). */
  readonly inputGradient?: boolean;
  /**
   * With `inputGradient` false: where the output's gradient is zero except at each image's
   * first zero of the map (the first conv feeds only a conv given this map as its `demand`;
   * kernel `SnnConv2DBiasReluFirstLumped`).
   */
  readonly outputGradientDemand?: Tensor4D;
}

/** Attributes of {@link Conv2DBiasRelu}. */
export interface Conv2DBiasReluAttrs {
  readonly strides: number | [number, number];
  readonly pad: 'same' | 'valid';
}

/** Forward pass: tfjs-wasm's FusedConv2D (bias and relu inside XNNPACK's convolution). */
export const conv2dBiasReluKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, Conv2DBiasRelu);
  const { x, filter, bias } = inputs as { x: TensorInfo; filter: TensorInfo; bias: TensorInfo };
  const { strides, pad } = attrs as unknown as Conv2DBiasReluAttrs;
  const fused = { strides, pad, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined, activation: 'relu' };
  return runWasmKernel(wasm, 'FusedConv2D', { x, filter, bias }, fused as unknown as NamedAttrMap);
};

/** Registration record for {@link conv2dBiasReluKernel}. */
export const conv2dBiasReluConfig: KernelConfig = { kernelName: Conv2DBiasRelu, backendName: 'wasm', kernelFunc: conv2dBiasReluKernel };

/**
 * {@link Conv2DBiasRelu} with a fourth input, `demand` ([batch, inH, inW, 1]), that the forward
 * pass ignores and the gradient hands to `SnnConv2DBackpropInputDemand`: x's gradient is needed
 * only where demand is nonzero (see there).
 */
export const Conv2DBiasReluDemand = 'SnnConv2DBiasReluDemand';

/**
 * {@link Conv2DBiasRelu}'s forward pass given `demand`: from x's nonzero entries, the pixels
 * lying wholly on an image's background computed once (`sparseConvBiasRelu`) where that kernel
 * applies, else XNNPACK's as {@link conv2dBiasReluKernel}.
 */
export const conv2dBiasReluDemandKernel: KernelFunc = (args) => {
  const wasm = asWasm(args.backend, Conv2DBiasReluDemand);
  const simd = trainWasm(wasm);
  const { x, filter, bias, demand } = args.inputs as { x: TensorInfo; filter: TensorInfo; bias: TensorInfo; demand: TensorInfo };
  const { strides, pad } = args.attrs as unknown as Conv2DBiasReluAttrs;
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filter.shape as [number, number, number, number], strides, 1, pad);
  const sparse = simd && sparseConvBiasRelu(wasm, simd, x, filter, bias, convGeometry(info, Conv2DBiasReluDemand), demand);
  return sparse ?? conv2dBiasReluKernel(args);
};

/** Registration record of {@link conv2dBiasReluDemandKernel}. */
export const conv2dBiasReluDemandConfig: KernelConfig = { kernelName: Conv2DBiasReluDemand, backendName: 'wasm', kernelFunc: conv2dBiasReluDemandKernel };

/**
 * {@link Conv2DBiasRelu} of a first conv whose input's gradient is not wanted (the network's
 * input): the same output (from each patch's nonzero values where that applies, see
 * {@link conv2dBiasReluFirstKernel}); the gradient computes the filter's and the bias's in one pass
 * (`SnnConv2DBiasReluFirstGrad`) where that kernel takes the filter.
 */
export const Conv2DBiasReluFirst = 'SnnConv2DBiasReluFirst';

/**
 * {@link Conv2DBiasReluFirst}'s forward pass (and {@link Conv2DBiasReluFirstLumped}'s, given its
 * `demand`): from each patch's nonzero values (`sparseFirstConvBiasRelu`) where that applies,
 * else XNNPACK's as {@link conv2dBiasReluKernel}.
 */
export const conv2dBiasReluFirstKernel: KernelFunc = (args) => {
  const wasm = asWasm(args.backend, Conv2DBiasReluFirst);
  const simd = trainWasm(wasm);
  const { x, filter, bias, demand } = args.inputs as { x: TensorInfo; filter: TensorInfo; bias: TensorInfo; demand?: TensorInfo };
  const { strides, pad } = args.attrs as unknown as Conv2DBiasReluAttrs;
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filter.shape as [number, number, number, number], strides, 1, pad);
  const sparse = simd && sparseFirstConvBiasRelu(wasm, simd, x, filter, bias, convGeometry(info, Conv2DBiasReluFirst), demand);
  return sparse ?? conv2dBiasReluKernel(args);
};

/** Registration record of {@link Conv2DBiasReluFirst}'s forward pass ({@link conv2dBiasReluFirstKernel}). */
export const conv2dBiasReluFirstConfig: KernelConfig = { kernelName: Conv2DBiasReluFirst, backendName: 'wasm', kernelFunc: conv2dBiasReluFirstKernel };

/**
 * {@link Conv2DBiasReluFirst} with a fourth input, `demand` ([batch, outH, outW, 1]): its output's
 * gradient is zero where demand is, except at each image's first such pixel (the form in which
 * `SnnConv2DBackpropInputDemand` gives it to a first conv that feeds nothing else), so the
 * gradient reads only the other pixels.
 */
export const Conv2DBiasReluFirstLumped = 'SnnConv2DBiasReluFirstLumped';

/** Registration record of {@link Conv2DBiasReluFirstLumped}'s forward pass ({@link conv2dBiasReluFirstKernel}). */
export const conv2dBiasReluFirstLumpedConfig: KernelConfig = { kernelName: Conv2DBiasReluFirstLumped, backendName: 'wasm', kernelFunc: conv2dBiasReluFirstKernel };

/**
 * `relu(conv2d(x, filter) + bias)` (channels-last) as one trainable op. tfjs's own fused conv
 * falls back to three ops whenever gradients are recorded; this one keeps the forward pass
 * fused on the wasm backend (no separate bias and relu passes over the activations), and its
 * registered gradient computes the relu gradient once and each input's gradient only when
 * needed. On other backends it runs the three ops. See {@link Conv2DBiasReluOptions} for the
 * cheaper gradients a caller may ask for.
 */
export function conv2dBiasRelu(
  x: Tensor4D,
  filter: Tensor4D,
  bias: Tensor1D,
  strides: number | [number, number],
  pad: 'same' | 'valid',
  options: Conv2DBiasReluOptions = {},
): Tensor4D {
  const attrs = { strides, pad } as unknown as NamedAttrMap;
  const { demand, inputGradient = true, outputGradientDemand } = options;
  if (demand && getKernel(Conv2DBiasReluDemand, getBackend())) {
    return engine().runKernel(Conv2DBiasReluDemand, { x, filter, bias, demand }, attrs) as Tensor4D;
  }
  if (!inputGradient && outputGradientDemand && getKernel(Conv2DBiasReluFirstLumped, getBackend())) {
    return engine().runKernel(Conv2DBiasReluFirstLumped, { x, filter, bias, demand: outputGradientDemand }, attrs) as Tensor4D;
  }
  if (!inputGradient && getKernel(Conv2DBiasReluFirst, getBackend())) {
    return engine().runKernel(Conv2DBiasReluFirst, { x, filter, bias }, attrs) as Tensor4D;
  }
  if (getKernel(Conv2DBiasRelu, getBackend())) return engine().runKernel(Conv2DBiasRelu, { x, filter, bias }, attrs) as Tensor4D;
  return relu(add(conv2d(x, filter, strides, pad), bias));
}
