import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { convGeometry } from './conv-geometry.js';
import { firstGradLoops } from './conv-first-grad.js';
import { maxRelativeError } from './finite-difference.js';
import { asWasm } from './wasm-access.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

const IMAGES = 12;

describe("SnnConv2DBiasReluFirstGrad: a first conv's filter and bias gradients in one pass", () => {
  const cases: Array<[number, number, 'same' | 'valid', number, [number, number]]> = [
    [1, 1, 'valid', 32, [3, 3]], // keras-to-snn's conv0: patches read in place
    [3, 2, 'same', 12, [3, 3]], // three channels, strided, padded: patches gathered
    [2, 1, 'valid', 8, [2, 3]], // a 2 x 3 filter, two channels: row offsets in place
  ];
  for (const [channels, stride, pad, outC, [kH, kW]] of cases) {
    it(`equals ReLU gradient, filter gradient and bias sum on MNIST images (${channels} channel(s), stride ${stride}, ${pad}, ${kH}x${kW})`, () => {
      const rng = createRng(channels * 10 + stride);
      const uniform = (n: number, r: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-r, r));
      const mnist = loadMnist('test', IMAGES);
      const pixels = mnist.images;
      const images = Float32Array.from({ length: IMAGES * 784 * channels }, (_, i) => pixels[Math.floor(i / channels)] * (1 + (i % channels)) / channels);
      const x = tf.tensor4d(images, [IMAGES, 28, 28, channels]);
      const filterShape: [number, number, number, number] = [kH, kW, channels, outC];
      const filter = tf.tensor4d(uniform(kH * kW * channels * outC, 0.5), filterShape);
      const y = tf.relu(tf.add(tf.conv2d(x, filter, stride, pad), tf.tensor1d(uniform(outC, 0.2)))) as tf.Tensor4D;
      const dy = tf.tensor4d(uniform(y.size, 1), y.shape);
      const attrs = { strides: [stride, stride], pad, filterShape };
      const [dw, db] = tf.engine().runKernel('SnnConv2DBiasReluFirstGrad', { x, dy, y }, attrs as unknown as tf.NamedTensorMap & Record<string, never>) as tf.Tensor[];
      const active = tf.mul(dy, tf.step(y));
      const wantDw = (tf.engine().runKernel("Conv2DBackpropFilter", { x, dy: active }, { strides: [stride, stride], pad, dataFormat: "NHWC", dimRoundingMode: undefined, filterShape } as unknown as tf.NamedTensorMap & Record<string, never>) as tf.Tensor).dataSync() as Float32Array;
      const wantDb = tf.sum(active, [0, 1, 2]).dataSync() as Float32Array;
      // sums of ~8,000 terms of either sign in another order: float32 rounding (up to ~4e-5 seen;
      // 1.3e-4 for the 2 x 3 filter, the same before its patches were read in place)
      expect(maxRelativeError(dw.dataSync(), wantDw, 1e-2)).toBeLessThan(2e-4);
      expect(maxRelativeError(db.dataSync(), wantDb, 1e-2)).toBeLessThan(2e-4);
      expect(Array.from(db.dataSync()).some((v) => v !== 0)).toBe(true);
      // the plain loops used without WebAssembly SIMD give the same sums
      const wasm = asWasm(tf.backend(), 'test');
      const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, [stride, stride], 1, pad);
      const [loopDw, loopDb] = firstGradLoops(wasm, x, dy, y, convGeometry(info, 'test'), filterShape).map((t) => tf.engine().makeTensorFromTensorInfo(t));
      expect(maxRelativeError(loopDw.dataSync(), wantDw, 1e-2)).toBeLessThan(2e-4);
      expect(maxRelativeError(loopDb.dataSync(), wantDb, 1e-2)).toBeLessThan(2e-4);
    });
  }
});
