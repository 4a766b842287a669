import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../model/custom-op.js';

/**
 * Sparse categorical cross-entropy from logits (Keras `SparseCategoricalCrossentropy(from_logits=True)`):
 * `mean_b(logsumexp(logits_b) - logits_b[label_b])`. `logits` is `[batch, classes]`,
 * `labels` an int32 `[batch]`. One fused op whose gradient is `(softmax - onehot) / batch`.
 */
export function sparseCategoricalCrossentropy(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  const classes = logits.shape[logits.shape.length - 1];
  const onehot = tf.oneHot(tf.reshape(labels, [-1]), classes);
  const f = customOp((z: tf.Tensor, save: tf.GradSaveFunc) => {
    const z2 = tf.reshape(z, [-1, classes]);
    const shifted = tf.sub(z2, tf.max(z2, -1, true));
    const logp = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), -1, true)));
    save([logp, onehot]);
    const batch = z2.shape[0];
    return {
      value: tf.div(tf.neg(tf.sum(tf.mul(onehot, logp))), tf.scalar(batch)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const g = tf.mul(tf.sub(tf.exp(saved[0]), saved[1]), tf.div(dy, tf.scalar(batch)));
        return tf.reshape(g, z.shape);
      },
    };
  });
  return f(logits) as tf.Scalar;
}

/** How many rows of `logits` (`[batch, classes]`) have their argmax at the label, as a scalar. */
export function correctCount(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  const classes = logits.shape[logits.shape.length - 1];
  const predicted = tf.argMax(tf.reshape(logits, [-1, classes]), -1);
  return tf.sum(tf.cast(tf.equal(predicted, tf.cast(tf.reshape(labels, [-1]), 'int32')), 'float32'));
}
