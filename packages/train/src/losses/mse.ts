import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean squared error over every element: `mean((prediction - target)^2)`. `target` is a
 * tensor of the prediction's shape or a number (e.g. a target firing rate of 250 Hz).
 */
export function meanSquaredError(prediction: tf.Tensor, target: tf.Tensor | number): tf.Scalar {
  const t = typeof target === 'number' ? tf.scalar(target) : tf.reshape(target, prediction.shape);
  return tf.mean(tf.square(tf.sub(prediction, t)));
}
