import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { initTraining } from '../fit/init-training.js';
import { adamStepLoop } from '../kernels/adam-update.js';
import { FusedAdam } from './fused-adam.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

/** Variables of odd and SIMD-sized lengths, trained for `steps` on a fixed random quadratic by `opt`; their values, moments and accumulators after. */
function train(opt: tf.Optimizer, steps: number): Float32Array[] {
  const rng = createRng(4);
  const shapes = [[3, 3, 1, 32], [10], [7]];
  const vars = shapes.map((s) => tf.variable(tf.tensor(rng.fillUniform(new Float32Array(s.reduce((a, b) => a * b, 1)), -1, 1), s)));
  const targets = vars.map((v) => tf.tensor(rng.fillUniform(new Float32Array(v.size), -2, 2), v.shape));
  for (let i = 0; i < steps; i++) {
    opt.minimize(() => vars.map((v, k) => tf.sum(tf.mul(tf.square(tf.sub(v, targets[k])), 1 + k))).reduce((a, b) => tf.add(a, b)) as tf.Scalar, false, vars);
  }
  const out = vars.map((v) => v.dataSync() as Float32Array);
  const state = opt as unknown as { accumulatedFirstMoment: Array<{ variable: tf.Variable }>; accumulatedSecondMoment: Array<{ variable: tf.Variable }>; accBeta1: tf.Variable; accBeta2: tf.Variable };
  out.push(...state.accumulatedFirstMoment.map((m) => m.variable.dataSync() as Float32Array));
  out.push(...state.accumulatedSecondMoment.map((m) => m.variable.dataSync() as Float32Array));
  out.push(state.accBeta1.dataSync() as Float32Array, state.accBeta2.dataSync() as Float32Array);
  tf.dispose([...vars, ...targets]);
  opt.dispose();
  return out;
}

describe('FusedAdam: an Adam step in one kernel per variable', () => {
  it("gives the very same bits as tfjs's AdamOptimizer: values, both moments and the beta powers, over 25 steps", () => {
    const fused = train(new FusedAdam(0.01, 0.9, 0.999, 1e-7), 25);
    const plain = train(tf.train.adam(0.01, 0.9, 0.999, 1e-7), 25);
    expect(fused.length).toBe(11);
    fused.forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(plain[i])));
    expect(fused[0].some((v, i) => v !== train(tf.train.adam(0.01), 0)[0][i])).toBe(true);
  });

  it('runs tfjs own step where the kernel is not registered (the cpu backend)', async () => {
    const fromWasm = await import('node:module').then((m) => m.createRequire(m.createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')));
    fromWasm('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    try {
      const fused = train(new FusedAdam(0.01, 0.9, 0.999, 1e-7), 5);
      const plain = train(tf.train.adam(0.01, 0.9, 0.999, 1e-7), 5);
      fused.forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(plain[i])));
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('the JS loop used without SIMD kernels gives the same bits as the kernel', () => {
    const rng = createRng(9);
    const n = 37;
    const [w, m, v, g] = [0, 1, 2, 3].map((k) => rng.fillUniform(new Float32Array(n), k === 2 ? 0 : -1, 1));
    const k = { beta1: Math.fround(0.9), oneMinusBeta1: Math.fround(0.1), beta2: Math.fround(0.999), oneMinusBeta2: Math.fround(1 - 0.999), oneMinusAccBeta1: Math.fround(1 - 0.729), oneMinusAccBeta2: Math.fround(1 - 0.997), epsilon: Math.fround(1e-7), negLearningRate: Math.fround(-0.01) };
    const kernel = tf.engine().runKernel('SnnAdamUpdate', { value: tf.tensor(w), m: tf.tensor(m), v: tf.tensor(v), gradient: tf.tensor(g) }, k as unknown as tf.NamedAttrMap) as tf.Tensor[];
    const out = [0, 1, 2].map(() => new Float32Array(n));
    adamStepLoop(w, m, v, g, out[0], out[1], out[2], k);
    kernel.forEach((t, i) => expect(Array.from(t.dataSync())).toEqual(Array.from(out[i])));
  });
});
