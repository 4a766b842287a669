import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { conv2dBiasRelu } from './conv2d-bias-relu.js';
import { sparseConvBiasRelu } from './conv-sparse.js';
import { maxRelativeError } from './finite-difference.js';
import { asWasm } from './wasm-access.js';
import { trainWasm } from './wasm/train-wasm.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

const IMAGES = 20;

describe('sparseConvBiasRelu: a strided conv + bias + ReLU from the nonzero entries of its input', () => {
  it("equals XNNPACK's on a first conv + ReLU's output of MNIST images, with and without the background computed once", () => {
    const rng = createRng(11);
    const uniform = (n: number, r: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-r, r));
    const mnist = loadMnist('test', IMAGES);
    const image = tf.tensor4d(mnist.images, [IMAGES, 28, 28, 1]);
    // the first conv + ReLU (biases of both signs: the background is a nonzero vector)
    const x = conv2dBiasRelu(image, tf.tensor4d(uniform(9 * 16, 0.8), [3, 3, 1, 16]), tf.tensor1d(uniform(16, 0.2).map((v) => v - 0.1)), 1, 'valid');
    const demand = tf.maxPool(tf.max(tf.abs(image), 3, true) as tf.Tensor4D, [3, 3], 1, 'valid');
    const filter = tf.tensor4d(uniform(9 * 16 * 32, 0.3), [3, 3, 16, 32]);
    const bias = tf.tensor1d(uniform(32, 0.1));
    const want = conv2dBiasRelu(x, filter, bias, 2, 'valid').dataSync();
    const wasm = asWasm(tf.backend(), 'test');
    const g = { batch: IMAGES, inH: 26, inW: 26, inC: 16, outH: 12, outW: 12, outC: 32, kH: 3, kW: 3, strideH: 2, strideW: 2, padTop: 0, padLeft: 0 };
    const density = x.dataSync().filter((v) => v !== 0).length / x.size;
    expect(density).toBeLessThan(0.6);
    for (const d of [demand, undefined]) {
      const y = sparseConvBiasRelu(wasm, trainWasm(wasm)!, x, filter, bias, g, d);
      // the sparse kernel took it (it returns undefined where it does not apply): the conv's output shape
      expect(y?.shape).toEqual([IMAGES, 12, 12, 32]);
      const got = tf.engine().makeTensorFromTensorInfo(y!).dataSync() as Float32Array;
      // sums in another order: float32 rounding of outputs of magnitude ~1
      expect(maxRelativeError(got, want as Float32Array, 1)).toBeLessThan(1e-6);
      expect(got.filter((v) => v > 0).length).toBeGreaterThan(got.length / 10);
    }
    // a dense input goes to XNNPACK
    const dense = tf.add(x, 1) as tf.Tensor4D;
    expect(sparseConvBiasRelu(wasm, trainWasm(wasm)!, dense, filter, bias, g)).toBeUndefined();
  });
});
