import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { patchDemand } from './patch-demand.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

describe('patchDemand: the largest |x| over each patch of a first conv input', () => {
  it("equals tfjs's abs + max-pool on MNIST images and on signed data, with row tails, and is zero exactly on all-zero patches", () => {
    const rng = createRng(3);
    const mnist = loadMnist('test', 8).images;
    // signed values with zeros, 28 x 30: a row of 28 or 26 outputs ends in a tail
    const signed = Float32Array.from({ length: 3 * 28 * 30 }, () => (rng.uniform(0, 1) < 0.6 ? 0 : rng.uniform(-2, 2)));
    for (const [data, shape] of [
      [mnist, [8, 28, 28, 1]],
      [signed, [3, 28, 30, 1]],
    ] as const) {
      for (const [kH, kW] of [
        [3, 3],
        [5, 2],
      ]) {
        const x = tf.tensor4d(data, [...shape]);
        const got = patchDemand(x, kH, kW, [1, 1], 'valid');
        const want = tf.maxPool(tf.abs(x) as tf.Tensor4D, [kH, kW], 1, 'valid');
        expect(got.shape).toEqual(want.shape);
        expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
        expect(got.dataSync().some((v) => v === 0)).toBe(true);
      }
    }
  });

  it('has a zero gradient (the map selects work, not values)', () => {
    const x = tf.tensor4d(loadMnist('test', 2).images, [2, 28, 28, 1]);
    const g = tf.grad((a: tf.Tensor) => tf.sum(patchDemand(a as tf.Tensor4D, 3, 3, [1, 1], 'valid')))(x);
    expect(g.dataSync().every((v) => v === 0)).toBe(true);
  });
});
