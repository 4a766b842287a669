import * as tf from '@tensorflow/tfjs-core';
import { customOp } from './custom-op.js';

/**
 * Constant padding with its gradient (a slice of the incoming gradient). tfjs-core has no
 * Pad gradient registered in Node, so padding in training goes through this op.
 */
export function padOp(x: tf.Tensor, paddings: ReadonlyArray<readonly [number, number]>, value = 0): tf.Tensor {
  const pads = paddings.map((p) => [p[0], p[1]] as [number, number]);
  const f = customOp((input: tf.Tensor) => ({
    value: tf.pad(input, pads, value),
    gradFunc: (dy: tf.Tensor) => tf.slice(dy, pads.map((p) => p[0]), input.shape),
  }));
  return f(x);
}

/**
 * Maximum over `axes` with its gradient, sent to every position equal to the maximum.
 * Used by global max pooling (tfjs-core registers no Max gradient in Node).
 */
export function maxOverAxes(x: tf.Tensor, axes: number[]): tf.Tensor {
  const f = customOp((input: tf.Tensor, save: tf.GradSaveFunc) => {
    const y = tf.max(input, axes);
    const kept = input.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    save([input, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const mask = tf.cast(tf.equal(saved[0], tf.reshape(saved[1], kept)), 'float32');
        return tf.mul(mask, tf.reshape(dy, kept));
      },
    };
  });
  return f(x);
}
