import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../model/custom-op.js';

/**
 * Mean squared error over every element: `mean((prediction - target)^2)`. `target` is a
 * tensor of the prediction's shape or a number (e.g. a target firing rate of 250 Hz). With
 * a number, it is one fused op whose gradient is `2 (prediction - target) / n` in a single
 * element-wise pass (the regularized layers are the network's largest tensors).
 */
export function meanSquaredError(prediction: tf.Tensor, target: tf.Tensor | number): tf.Scalar {
  if (typeof target !== 'number') return tf.mean(tf.square(tf.sub(prediction, tf.reshape(target, prediction.shape))));
  const f = customOp((p: tf.Tensor, save: tf.GradSaveFunc) => {
    const diff = tf.sub(p, tf.scalar(target));
    save([diff]);
    return {
      value: tf.mean(tf.square(diff)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(saved[0], tf.mul(dy, tf.scalar(2 / p.size))),
    };
  });
  return f(prediction) as tf.Scalar;
}
