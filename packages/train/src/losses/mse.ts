import * as tf from '@tensorflow/tfjs-core';
import { SquaredDiffGrad, SquaredDiffMean } from '../kernels/squared-diff.js';
import { customOp } from '../model/custom-op.js';

/**
 * Mean squared error over every element: `mean((prediction - target)^2)`. `target` is a
 * tensor of the prediction's shape or a number (e.g. a target firing rate of 250 Hz). With
 * a number, it is one fused op whose gradient is `2 (prediction - target) / n` in a single
 * element-wise pass (the regularized layers are the network's largest tensors); with snn's
 * kernels registered (`SnnSquaredDiffMean`, `SnnSquaredDiffGrad`) the loss is one pass too.
 */
export function meanSquaredError(prediction: tf.Tensor, target: tf.Tensor | number): tf.Scalar {
  if (typeof target !== 'number') return tf.mean(tf.square(tf.sub(prediction, tf.reshape(target, prediction.shape))));
  if (tf.getKernel(SquaredDiffMean, tf.getBackend()) && prediction.dtype === 'float32') {
    // snn's kernels: the loss and its gradient in one pass each, nothing full-size kept
    const attrs = { target } as unknown as tf.NamedTensorMap & Record<string, never>;
    const fused = customOp((p: tf.Tensor, save: tf.GradSaveFunc) => {
      save([p]);
      return {
        value: tf.engine().runKernel(SquaredDiffMean, { x: p }, attrs) as tf.Tensor,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.engine().runKernel(SquaredDiffGrad, { x: saved[0], dy }, attrs) as tf.Tensor,
      };
    });
    return fused(prediction) as tf.Scalar;
  }
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
