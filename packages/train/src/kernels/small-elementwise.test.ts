import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { SMALL_ELEMENTWISE_MAX } from './small-elementwise.js';
import { originalKernels } from './wasm-access.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

/** MNIST pixels scaled and shifted to both signs (and some exact zeros), `n` of them from `offset`. */
function values(n: number, offset: number): Float32Array {
  const pixels = loadMnist('test', Math.ceil((offset + n) / 784) + 1).images;
  return Float32Array.from({ length: n }, (_, i) => (pixels[offset + i] - 0.37) * 3.1 + (i % 7) * 1e-3);
}

/** The kernel's output and tfjs's own kernel's (XNNPACK) on the same inputs. */
function both(name: string, inputs: Record<string, tf.Tensor>): { ours: tf.Tensor; theirs: tf.Tensor } {
  const ours = tf.engine().runKernel(name, inputs, {}) as tf.Tensor;
  const original = originalKernels.get(name)!;
  const info = original.kernelFunc({ inputs, backend: tf.backend(), attrs: {} }) as tf.TensorInfo;
  return { ours, theirs: tf.engine().makeTensorFromTensorInfo(info) };
}

describe('small float32 elementwise ops computed on the calling thread', () => {
  const shapes: Array<[number[], number[]]> = [
    [[200, 10], [10]], // a dense layer's bias
    [[200, 10], [200, 1]], // a loss's row maximum
    [[200, 10], []], // a scalar
    [[3, 1, 10], [1, 7, 1]], // both sides broadcast
    [[40, 25], [40, 25]],
  ];
  for (const name of ['Add', 'Sub', 'Multiply', 'RealDiv']) {
    it(`${name} gives XNNPACK's bits, broadcasting as tfjs does`, () => {
      for (const [[aShape, bShape], k] of shapes.map((s, i) => [s, i] as const)) {
        const a = tf.tensor(values(aShape.reduce((p, d) => p * d, 1), 1000 * k + 150), aShape);
        const b = tf.tensor(values(bShape.reduce((p, d) => p * d, 1), 1000 * k + 420), bShape);
        const { ours, theirs } = both(name, { a, b });
        expect(ours.shape).toEqual(theirs.shape);
        expect(Array.from(ours.dataSync())).toEqual(Array.from(theirs.dataSync()));
        tf.dispose([a, b, ours, theirs]);
      }
    });
  }

  for (const name of ['Neg', 'Abs', 'Square']) {
    it(`${name} gives XNNPACK's bits`, () => {
      const x = tf.tensor(values(2000, 300), [200, 10]);
      const { ours, theirs } = both(name, { x });
      expect(Array.from(ours.dataSync())).toEqual(Array.from(theirs.dataSync()));
      tf.dispose([x, ours, theirs]);
    });
  }

  it('leaves larger tensors and other dtypes to tfjs', () => {
    const big = tf.tensor(values(SMALL_ELEMENTWISE_MAX + 4, 0), [SMALL_ELEMENTWISE_MAX + 4]);
    const sum = tf.add(big, big);
    expect(sum.dataSync()[5]).toBe(2 * big.dataSync()[5]);
    const ints = tf.add(tf.tensor1d([1, 2, 3], 'int32'), tf.tensor1d([4, 5, 6], 'int32'));
    expect(ints.dtype).toBe('int32');
    expect(Array.from(ints.dataSync())).toEqual([5, 7, 9]);
    tf.dispose([big, sum, ints]);
  });
});
