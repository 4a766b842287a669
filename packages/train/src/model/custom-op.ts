import * as tf from '@tensorflow/tfjs-core';

/** Forward pass of a one-input custom op: its value and the gradient with respect to the input. */
export type CustomOpBody = (x: tf.Tensor, save: tf.GradSaveFunc) => {
  value: tf.Tensor;
  gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor;
};

/** `tf.customGrad` for a one-input op, with the input typed as a tensor. */
export function customOp(body: CustomOpBody): (x: tf.Tensor) => tf.Tensor {
  const f = tf.customGrad(body as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(x);
}
