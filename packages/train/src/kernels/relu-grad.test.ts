import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { initTraining } from '../fit/init-training.js';
import { ReluGrad } from './relu-grad.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

describe('SnnReluGrad', () => {
  for (const n of [1003, 300_001]) {
    it(`dx = x > 0 ? dy : 0 exactly, ${n} floats (${n > 1 << 18 ? 'split between two threads' : 'one thread'})`, () => {
      const rng = createRng(9);
      const x = Float32Array.from({ length: n }, () => (rng.uniform(0, 1) < 0.3 ? 0 : rng.uniform(-1, 1)));
      const dy = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
      const got = (tf.engine().runKernel(ReluGrad, { dy: tf.tensor1d(dy), x: tf.tensor1d(x) }) as tf.Tensor).dataSync();
      expect(Array.from(got)).toEqual(Array.from(x, (v, i) => (v > 0 ? dy[i] : 0)));
    });
  }
});
