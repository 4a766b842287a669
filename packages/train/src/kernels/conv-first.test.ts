import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { patchDemand } from './patch-demand.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

/** Float64 relu(conv2d(x, w) + b) of an unpadded conv, x [n, inH, inW, inC], w [kH, kW, inC, outC]. */
function convBiasRelu64(x: Float32Array, shape: number[], w: Float32Array, kernel: number[], b: Float32Array, stride: number): Float64Array {
  const [n, inH, inW, inC] = shape;
  const [kH, kW, , outC] = kernel;
  const outH = Math.floor((inH - kH) / stride) + 1;
  const outW = Math.floor((inW - kW) / stride) + 1;
  const y = new Float64Array(n * outH * outW * outC);
  for (let i = 0; i < n; i++)
    for (let oh = 0; oh < outH; oh++)
      for (let ow = 0; ow < outW; ow++)
        for (let co = 0; co < outC; co++) {
          let s = b[co];
          for (let kh = 0; kh < kH; kh++)
            for (let kw = 0; kw < kW; kw++)
              for (let ci = 0; ci < inC; ci++)
                s += x[((i * inH + oh * stride + kh) * inW + ow * stride + kw) * inC + ci] * w[((kh * kW + kw) * inC + ci) * outC + co];
          y[((i * outH + oh) * outW + ow) * outC + co] = Math.max(0, s);
        }
  return y;
}

const IMAGES = 10;

describe("a first conv's forward pass from its patches' nonzero values (SnnConv2DBiasReluFirst, -Lumped)", () => {
  // keras-to-snn's conv0 (with and without its demand map), then three channels, a stride of 2 and 20 filters (16 + 4)
  const cases: Array<[number, number, number, boolean]> = [
    [1, 1, 32, true],
    [1, 1, 32, false],
    [3, 2, 20, false],
  ];
  for (const [channels, stride, outC, withDemand] of cases) {
    it(`equals a float64 conv + bias + ReLU on MNIST (${channels} channel(s), stride ${stride}, ${outC} filters${withDemand ? ', demand map' : ''})`, () => {
      const rng = createRng(channels * 7 + outC);
      const uniform = (n: number, r: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-r, r));
      const pixels = loadMnist('test', IMAGES).images;
      const images = Float32Array.from({ length: IMAGES * 784 * channels }, (_, i) => pixels[Math.floor(i / channels)] * (1 + (i % channels)) / channels);
      const shape = [IMAGES, 28, 28, channels];
      const kernel = [3, 3, channels, outC];
      const w = uniform(9 * channels * outC, 0.5);
      // a negative bias for some filters: relu(bias) is zero for them on the background
      const b = uniform(outC, 0.2);
      const x = tf.tensor4d(images, shape as [number, number, number, number]);
      const inputs: Record<string, tf.Tensor> = { x, filter: tf.tensor4d(w, kernel as [number, number, number, number]), bias: tf.tensor1d(b) };
      if (withDemand) inputs.demand = patchDemand(x, 3, 3, [stride, stride], 'valid');
      const kernelName = withDemand ? 'SnnConv2DBiasReluFirstLumped' : 'SnnConv2DBiasReluFirst';
      const got = (tf.engine().runKernel(kernelName, inputs, { strides: [stride, stride], pad: 'valid' } as unknown as tf.NamedAttrMap) as tf.Tensor).dataSync();
      const want = convBiasRelu64(images, shape, w, kernel, b, stride);
      expect(got.length).toBe(want.length);
      let worst = 0;
      let background = 0;
      for (let i = 0; i < want.length; i++) {
        worst = Math.max(worst, Math.abs(got[i] - want[i]));
        if (got[i] === Math.max(0, Math.fround(b[i % outC]))) background++;
      }
      // nine products and a bias in float32: within a few roundings of values below ~5
      expect(worst).toBeLessThan(1e-5);
      expect(background).toBeGreaterThan(want.length / 4);
    });
  }
});
