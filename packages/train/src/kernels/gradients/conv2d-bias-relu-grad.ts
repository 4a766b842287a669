import { Conv2DBackpropFilter, Conv2DBackpropInput, engine, getBackend, getKernel, mul, step, sum } from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';
import { Conv2DBiasRelu } from '../conv2d-bias-relu.js';
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
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved;
    const { strides, pad } = attrs as unknown as Conv2DBiasReluAttrs;
    const active = getKernel(ReluGrad, getBackend())
      ? (engine().runKernel(ReluGrad, { dy: dy as Tensor, x: y }) as Tensor)
      : mul(dy as Tensor, step(y));
    const common = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
    const run = (name: string, inputs: Record<string, Tensor>, more: object): Tensor =>
      engine().runKernel(name, inputs, { ...common, ...more } as unknown as NamedAttrMap) as Tensor;
    return {
      x: () => run(Conv2DBackpropInput, { dy: active, filter }, { inputShape: x.shape }),
      filter: () => run(Conv2DBackpropFilter, { x, dy: active }, { filterShape: filter.shape }),
      bias: () => sum(active, [0, 1, 2]),
    };
  },
};
