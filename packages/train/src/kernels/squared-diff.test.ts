import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { meanSquaredError } from '../losses/mse.js';
import { SquaredDiffGrad, SquaredDiffMean } from './squared-diff.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

describe('the mean squared difference from a constant (a firing-rate loss) in one pass', () => {
  // MNIST pixels as rates in Hz (0-300), some exact zeros; 3,003 values: blocks of 1,024, a partial one and a 3-value tail
  const rates = (n: number): Float32Array => {
    const pixels = loadMnist('test', Math.ceil(n / 784)).images;
    return Float32Array.from({ length: n }, (_, i) => pixels[i] * 300 + (i % 11) * 0.37);
  };
  for (const [rows, cols] of [[3, 1001], [200, 784]]) {
    it(`equals a float64 sum, and gives tfjs's gradient bit for bit (${rows} x ${cols} values)`, () => {
      const n = rows * cols;
      const values = rates(n);
      const target = 250;
      const x = tf.tensor2d(values, [rows, cols]);
      const attrs = { target } as unknown as tf.NamedTensorMap & Record<string, never>;
      const got = (tf.engine().runKernel(SquaredDiffMean, { x }, attrs) as tf.Tensor).dataSync()[0];
      let want = 0;
      for (const v of values) want += (v - target) ** 2;
      want /= n;
      expect(Math.abs(got - want) / want).toBeLessThan(1e-6);
      const dy = tf.scalar(0.731);
      const grad = (tf.engine().runKernel(SquaredDiffGrad, { x, dy }, attrs) as tf.Tensor).dataSync();
      const tfGrad = tf.mul(tf.sub(x, tf.scalar(target)), tf.mul(dy, tf.scalar(2 / n))).dataSync();
      expect(Array.from(grad)).toEqual(Array.from(tfGrad));
      // through meanSquaredError, as a firing-rate loss term
      const g = tf.grad((p: tf.Tensor) => meanSquaredError(p, target))(x).dataSync();
      const ops = tf.mul(tf.sub(x, tf.scalar(target)), tf.scalar(2 / n)).dataSync();
      expect(Array.from(g)).toEqual(Array.from(ops));
      tf.dispose([x, dy]);
    });
  }
});
