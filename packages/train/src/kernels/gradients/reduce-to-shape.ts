import { broadcast_util, reshape, sum } from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';

/** Sum a broadcast gradient back down to the operand's shape (the adjoint of broadcasting). */
export function reduceToShape(dx: Tensor, shape: number[]): Tensor {
  const axes = broadcast_util.getReductionAxes(shape, dx.shape);
  return axes.length > 0 ? reshape(sum(dx, axes), shape) : dx;
}
