import { AvgPool, AvgPoolGrad, MaxPool, MaxPoolGrad, engine } from '@tensorflow/tfjs-core';
import type { AvgPoolAttrs, GradConfig, MaxPoolAttrs, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

/** Gradients of 2-D average and max pooling through the pool-gradient kernels by name. */
export const poolGrads: GradConfig[] = [
  {
    kernelName: AvgPool,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as AvgPoolAttrs;
      const a = { filterSize, strides, pad, dimRoundingMode } as unknown as NamedAttrMap;
      return { x: () => engine().runKernel(AvgPoolGrad, { dy: dy as Tensor, input: saved[0] }, a) as Tensor };
    },
  },
  {
    kernelName: MaxPool,
    inputsToSave: ['x'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, y] = saved;
      const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolAttrs;
      const a = { filterSize, strides, pad, dimRoundingMode } as unknown as NamedAttrMap;
      return { x: () => engine().runKernel(MaxPoolGrad, { dy: dy as Tensor, input: x, output: y }, a) as Tensor };
    },
  },
];
