import { Conv2DBackpropFilter, Conv2DBackpropInput, engine, getBackend, getKernel, mul, step, sum, zerosLike } from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import { Conv2DBackpropFilterDemand } from '../conv2d-backprop-filter.js';
import { Conv2DBackpropInputDemand } from '../conv2d-backprop-input.js';
import { Conv2DBiasRelu, Conv2DBiasReluDemand, Conv2DBiasReluFirst, Conv2DBiasReluFirstLumped } from '../conv2d-bias-relu.js';
import { Conv2DBiasReluFirstGrad, firstConvGradApplies } from '../conv-first-grad.js';
import type { Conv2DBiasReluAttrs } from '../conv2d-bias-relu.js';
import { ReluGrad } from '../relu-grad.js';

/**
 * Gradient of snn's conv2d + bias + relu: the relu gradient once (computed when tfjs asks for
 * this node's gradients, so it outlives the per-input scopes), then each input's only if needed.
 */
export const conv2dBiasReluGrad: GradConfig = {
  kernelName: Conv2DBiasRelu,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => gradients(dy as Tensor, saved as Tensor[], attrs as unknown as Conv2DBiasReluAttrs),
};

/**
 * Gradient of {@link Conv2DBiasReluDemand}: as {@link conv2dBiasReluGrad}, x's and the filter's
 * through `SnnConv2DBackpropInputDemand` and `SnnConv2DBackpropFilterDemand` with the saved
 * demand; none for the demand itself.
 */
export const conv2dBiasReluDemandGrad: GradConfig = {
  kernelName: Conv2DBiasReluDemand,
  inputsToSave: ['x', 'filter', 'demand'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, demand, y] = saved as Tensor[];
    return { ...gradients(dy as Tensor, [x, filter, y], attrs as unknown as Conv2DBiasReluAttrs, demand), demand: () => zerosLike(demand) };
  },
};

/**
 * Gradient of {@link Conv2DBiasReluFirst}: the filter's and the bias's from one pass over dy and
 * y ({@link Conv2DBiasReluFirstGrad}) where it takes the filter, else as {@link conv2dBiasReluGrad};
 * none for x (the network's input: asking for it is an error).
 */
export const conv2dBiasReluFirstGradConfig = firstGradConfig(Conv2DBiasReluFirst, false);

/** Gradient of {@link Conv2DBiasReluFirstLumped}: as {@link conv2dBiasReluFirstGradConfig}, reading dy only where its demand map says it may be nonzero. */
export const conv2dBiasReluFirstLumpedGradConfig = firstGradConfig(Conv2DBiasReluFirstLumped, true);

/** Throw the error for a gradient with respect to a first conv's input after a pass that promised none (`where`: the op). */
export function refuseFirstConvInputGradient(where: string): never {
  throw new SnnError(
    'TRAIN_INTERNAL',
    'a first conv run with { inputGradients: false } has no gradient with respect to its input; run the forward pass without that option',
    { where },
  );
}

function firstGradConfig(kernelName: string, lumped: boolean): GradConfig {
  return {
    kernelName,
    inputsToSave: lumped ? ['x', 'filter', 'demand'] : ['x', 'filter'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs): Record<string, () => Tensor> => {
      const [x, filter] = saved as Tensor[];
      const demand = lumped ? (saved[2] as Tensor) : undefined;
      const y = saved[saved.length - 1] as Tensor;
      const { strides, pad } = attrs as unknown as Conv2DBiasReluAttrs;
      const noInput = (): Tensor => refuseFirstConvInputGradient(kernelName);
      const none: Record<string, () => Tensor> = demand ? { demand: () => zerosLike(demand) } : {};
      if (!getKernel(Conv2DBiasReluFirstGrad, getBackend()) || !firstConvGradApplies(filter.shape)) {
        return { ...gradients(dy as Tensor, [x, filter, y], { strides, pad }), x: noInput, ...none };
      }
      const attrsFirst = { strides, pad, filterShape: filter.shape } as unknown as NamedAttrMap;
      const inputs: Record<string, Tensor> = demand ? { x, dy: dy as Tensor, y, demand } : { x, dy: dy as Tensor, y };
      const [dw, db] = engine().runKernel(Conv2DBiasReluFirstGrad, inputs, attrsFirst) as Tensor[];
      return { x: noInput, filter: () => dw, bias: () => db, ...none };
    },
  };
}

function gradients(dy: Tensor, [x, filter, y]: Tensor[], attrs: Conv2DBiasReluAttrs, demand?: Tensor): Record<string, () => Tensor> {
  return activeGradients(reluGradient(dy, y), x, filter, attrs, demand);
}

/** The gradient through a ReLU with output `y`: dy where y > 0, else 0 (one pass where snn's kernel is registered). */
export function reluGradient(dy: Tensor, y: Tensor): Tensor {
  return getKernel(ReluGrad, getBackend()) ? (engine().runKernel(ReluGrad, { dy, x: y }) as Tensor) : mul(dy, step(y));
}

/**
 * A conv's input, filter and bias gradients (each computed when called) from its output's
 * gradient `active` (after the ReLU), its input `x` and `filter`; with `demand`, x's and the
 * filter's through the demand kernels (see `Conv2DBiasReluDemand`).
 */
export function activeGradients(
  active: Tensor,
  x: Tensor,
  filter: Tensor,
  { strides, pad }: Conv2DBiasReluAttrs,
  demand?: Tensor,
): Record<'x' | 'filter' | 'bias', () => Tensor> {
  const common = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
  const run = (name: string, inputs: Record<string, Tensor>, more: object): Tensor =>
    engine().runKernel(name, inputs, { ...common, ...more } as unknown as NamedAttrMap) as Tensor;
  return {
    x: () =>
      demand && getKernel(Conv2DBackpropInputDemand, getBackend())
        ? run(Conv2DBackpropInputDemand, { dy: active, filter, demand }, { inputShape: x.shape })
        : run(Conv2DBackpropInput, { dy: active, filter }, { inputShape: x.shape }),
    filter: () =>
      demand && getKernel(Conv2DBackpropFilterDemand, getBackend())
        ? run(Conv2DBackpropFilterDemand, { x, dy: active, demand }, { filterShape: filter.shape })
        : run(Conv2DBackpropFilter, { x, dy: active }, { filterShape: filter.shape }),
    bias: () => sum(active, [0, 1, 2]),
  };
}
