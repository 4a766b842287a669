import { Add, Maximum, Minimum, Multiply, RealDiv, Sub } from '@tensorflow/tfjs-core';
import { cast, div, greater, greaterEqual, less, lessEqual, mul, neg, square } from '@tensorflow/tfjs-core';
import type { GradConfig, Tensor } from '@tensorflow/tfjs-core';
import { reduceToShape } from './reduce-to-shape.js';

type Binary = (dy: Tensor, a: Tensor, b: Tensor) => [Tensor, Tensor];

function binary(kernelName: string, grads: Binary): GradConfig {
  return {
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved;
      const g = dy as Tensor;
      return {
        a: () => reduceToShape(grads(g, a, b)[0], a.shape),
        b: () => reduceToShape(grads(g, a, b)[1], b.shape),
      };
    },
  };
}

const mask = (t: Tensor): Tensor => cast(t, 'float32');

/** Gradients of the broadcasting element-wise binary ops (broadcast axes summed back). */
export const binaryGrads: GradConfig[] = [
  binary(Add, (dy) => [dy, dy]),
  binary(Sub, (dy) => [dy, neg(dy)]),
  binary(Multiply, (dy, a, b) => [mul(dy, b), mul(dy, a)]),
  binary(RealDiv, (dy, a, b) => [div(dy, b), neg(div(mul(dy, a), square(b)))]),
  binary(Maximum, (dy, a, b) => [mul(dy, mask(greaterEqual(a, b))), mul(dy, mask(less(a, b)))]),
  binary(Minimum, (dy, a, b) => [mul(dy, mask(lessEqual(a, b))), mul(dy, mask(greater(a, b)))]),
];
