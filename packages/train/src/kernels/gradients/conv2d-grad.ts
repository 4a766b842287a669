import { Conv2D, Conv2DBackpropFilter, Conv2DBackpropInput, engine } from '@tensorflow/tfjs-core';
import type { Conv2DAttrs, GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';

/** Gradient of conv2d (channels-last, dilation 1) through the backprop kernels by name. */
export const conv2dGrad: GradConfig = {
  kernelName: Conv2D,
  inputsToSave: ['x', 'filter'],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter] = saved;
    const { dilations, strides, pad, dataFormat, dimRoundingMode } = attrs as unknown as Conv2DAttrs;
    const d = typeof dilations === 'number' ? [dilations, dilations] : (dilations ?? [1, 1]);
    if (d[0] !== 1 || d[1] !== 1) {
      throw new SnnError('GRADIENT_UNSUPPORTED', `conv2d gradient needs dilation 1; got ${d.join('x')}`, { where: Conv2D });
    }
    const common = { strides, pad, dataFormat, dimRoundingMode };
    const run = (name: string, inputs: Record<string, Tensor>, more: NamedAttrMap): Tensor =>
      engine().runKernel(name, inputs, { ...common, ...more } as unknown as NamedAttrMap) as Tensor;
    return {
      x: () => run(Conv2DBackpropInput, { dy: dy as Tensor, filter }, { inputShape: x.shape }),
      filter: () => run(Conv2DBackpropFilter, { x, dy: dy as Tensor }, { filterShape: filter.shape }),
    };
  },
};
