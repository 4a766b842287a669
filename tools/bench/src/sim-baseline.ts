import * as tf from '@tensorflow/tfjs-core';
import type { KerasToSnnWeights } from './networks.js';

/**
 * The naive way to run the spiking keras-to-snn network: every layer, every step, with
 * plain tfjs ops on the same backend (no constant folding, no event-driven propagation,
 * neuron updates as tensor ops). The baseline the simulator benchmark is compared with.
 * Returns the last-step outputs (samples x 10).
 */
export function naiveSpikingRun(
  w: KerasToSnnWeights,
  images: Float32Array,
  samples: number,
  options: { nSteps: number; batch: number; scale: number; tau: number; dt?: number },
): Float32Array {
  const dt = options.dt ?? 0.001;
  const s = options.scale;
  const a = Math.exp(-dt / options.tau);
  const out = new Float32Array(samples * 10);
  const k0 = tf.tensor4d(w.conv0.kernel.data, [3, 3, 1, 32]);
  const k1 = tf.tensor4d(w.conv1.kernel.data, [3, 3, 32, 64]);
  const b0 = tf.tensor1d(w.conv0.bias.data.map((x) => x * s));
  const b1 = tf.tensor1d(w.conv1.bias.data.map((x) => x * s));
  const wd = tf.tensor2d(w.dense.weights.data, [9216, 10]);
  const bd = tf.tensor1d(w.dense.bias.data);
  for (let start = 0; start < samples; start += options.batch) {
    const b = Math.min(options.batch, samples - start);
    const x = tf.tensor4d(images.subarray(start * 784, (start + b) * 784), [b, 28, 28, 1]);
    let v0: tf.Tensor = tf.zeros([b, 26, 26, 32]);
    let v1: tf.Tensor = tf.zeros([b, 12, 12, 64]);
    let z1: tf.Tensor = tf.zeros([b, 12, 12, 64]);
    let zd: tf.Tensor = tf.zeros([b, 10]);
    let y: tf.Tensor = tf.zeros([b, 10]);
    for (let t = 0; t < options.nSteps; t++) {
      const next = tf.tidy(() => {
        const J0 = tf.add(tf.mul(tf.conv2d(x, k0, 1, 'valid'), s), b0);
        const v0a = tf.add(v0, tf.mul(tf.relu(J0), dt));
        const n0 = tf.floor(v0a);
        const s0 = tf.mul(n0, 1 / s / dt);
        const J1 = tf.add(tf.mul(z1, s), b1);
        const v1a = tf.add(v1, tf.mul(tf.relu(J1), dt));
        const n1 = tf.floor(v1a);
        const s1 = tf.mul(n1, 1 / s / dt);
        const yNow = tf.add(zd, bd);
        const z1n = tf.add(tf.mul(z1, a), tf.mul(tf.conv2d(s0 as tf.Tensor4D, k1, 2, 'valid'), 1 - a));
        const zdn = tf.add(tf.mul(zd, a), tf.mul(tf.matMul(tf.reshape(s1, [b, 9216]), wd), 1 - a));
        return [tf.sub(v0a, n0), tf.sub(v1a, n1), z1n, zdn, yNow];
      });
      [v0, v1, z1, zd, y].forEach((t) => t.dispose());
      [v0, v1, z1, zd, y] = next;
    }
    out.set(y.dataSync() as Float32Array, start * 10);
    [x, v0, v1, z1, zd, y].forEach((t) => t.dispose());
  }
  [k0, k1, b0, b1, wd, bd].forEach((t) => t.dispose());
  return out;
}
