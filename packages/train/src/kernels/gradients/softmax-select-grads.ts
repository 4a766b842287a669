import { Select, Softmax } from '@tensorflow/tfjs-core';
import { cast, mul, sub, sum, where, zerosLike } from '@tensorflow/tfjs-core';
import type { GradConfig, SoftmaxAttrs, Tensor } from '@tensorflow/tfjs-core';

/** Gradients of softmax (from its output) and of `where` (to the chosen branch). */
export const softmaxSelectGrads: GradConfig[] = [
  {
    kernelName: Softmax,
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const y = saved[0];
      const { dim } = attrs as unknown as SoftmaxAttrs;
      const dyTimesY = mul(dy as Tensor, y);
      return { logits: () => sub(dyTimesY, mul(sum(dyTimesY, [dim], true), y)) };
    },
  },
  {
    kernelName: Select,
    inputsToSave: ['condition'],
    gradFunc: (dy, saved) => {
      const c = saved[0];
      const g = dy as Tensor;
      return {
        condition: () => cast(zerosLike(c), 'float32'),
        t: () => where(c, g, zerosLike(g)),
        e: () => where(c, zerosLike(g), g),
      };
    },
  },
];
