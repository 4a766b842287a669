import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTraining } from '../fit/init-training.js';
import { createOptimizer, type OptimizerSpec } from './optimizer.js';

let backend = '';
beforeAll(async () => {
  backend = await initTraining({ threads: 1 });
});

/** Steps of the optimizer on f(v) = sum((v - 3)^2) from v = [0, 10]; returns v after each step. */
function run(spec: OptimizerSpec, steps: number): number[][] {
  const v = tf.variable(tf.tensor1d([0, 10]));
  const opt = createOptimizer(spec);
  const out: number[][] = [];
  for (let i = 0; i < steps; i++) {
    opt.minimize(() => tf.sum(tf.square(tf.sub(v, 3))), false, [v]);
    out.push(Array.from(v.dataSync()));
  }
  opt.dispose();
  v.dispose();
  return out;
}

describe('optimizers on the wasm backend', () => {
  it('run on wasm', () => {
    expect(backend).toBe('wasm');
  });

  it('Adam: the first step moves each value by the learning rate against its gradient sign', () => {
    const [first] = run({ type: 'adam', learningRate: 0.1 }, 1);
    expect(first[0]).toBeCloseTo(0.1, 5);
    expect(first[1]).toBeCloseTo(9.9, 5);
    const last = run({ type: 'adam', learningRate: 0.1 }, 300).at(-1)!;
    expect(last[0]).toBeCloseTo(3, 2);
    expect(last[1]).toBeCloseTo(3, 2);
  });

  it('SGD with momentum: two steps follow v -= lr * (m * accum + g)', () => {
    // g0 = 2(v - 3) = [-6, 14]; accum = g0; v1 = v0 - 0.1 g0 = [0.6, 8.6]
    // g1 = [-4.8, 11.2]; accum = 0.9 g0 + g1 = [-10.2, 23.8]; v2 = v1 - 0.1 accum = [1.62, 6.22]
    const [a, b] = run({ type: 'sgd', learningRate: 0.1, momentum: 0.9 }, 2);
    expect(a[0]).toBeCloseTo(0.6, 5);
    expect(b[0]).toBeCloseTo(1.62, 5);
    expect(b[1]).toBeCloseTo(6.22, 4);
    const plain = run({ type: 'sgd', learningRate: 0.1 }, 1)[0];
    expect(plain[1]).toBeCloseTo(8.6, 5);
  });

  it('RMSprop: the first step is lr / sqrt(1 - rho) against the gradient sign', () => {
    const [first] = run({ type: 'rmsprop', learningRate: 0.01 }, 1);
    expect(first[0]).toBeCloseTo(0.01 / Math.sqrt(0.1), 4);
    expect(first[1]).toBeCloseTo(10 - 0.01 / Math.sqrt(0.1), 4);
    const last = run({ type: 'rmsprop', learningRate: 0.01 }, 2000).at(-1)!;
    expect(last[0]).toBeCloseTo(3, 1);
  });
});
