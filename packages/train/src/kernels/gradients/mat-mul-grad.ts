import { BatchMatMul, matMul } from '@tensorflow/tfjs-core';
import type { BatchMatMulAttrs, GradConfig, Tensor } from '@tensorflow/tfjs-core';
import { reduceToShape } from './reduce-to-shape.js';

/** Gradient of a (batched) matrix product, for all four transpose flags. */
export const matMulGrad: GradConfig = {
  kernelName: BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved;
    const g = dy as Tensor;
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    const da = (): Tensor =>
      !transposeA
        ? transposeB
          ? matMul(g, b, false, false)
          : matMul(g, b, false, true)
        : transposeB
          ? matMul(b, g, true, true)
          : matMul(b, g, false, true);
    const db = (): Tensor =>
      !transposeA
        ? transposeB
          ? matMul(g, a, true, false)
          : matMul(a, g, true, false)
        : transposeB
          ? matMul(g, a, true, true)
          : matMul(a, g, false, false);
    return { a: () => reduceToShape(da(), a.shape), b: () => reduceToShape(db(), b.shape) };
  },
};
