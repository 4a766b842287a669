import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { maxRelativeError } from './finite-difference.js';
import { patchDemand } from './patch-demand.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

/** Float64 filter gradient [kH, kW, inC, outC] of an unpadded conv: x [n, inH, inW, inC], dy [n, outH, outW, outC]. */
function filterGradient64(x: Float32Array, xShape: number[], dy: Float32Array, dyShape: number[], k: number, stride: number): Float64Array {
  const [n, inH, inW, inC] = xShape;
  const [, outH, outW, outC] = dyShape;
  const dw = new Float64Array(k * k * inC * outC);
  for (let i = 0; i < n; i++)
    for (let oh = 0; oh < outH; oh++)
      for (let ow = 0; ow < outW; ow++)
        for (let kh = 0; kh < k; kh++)
          for (let kw = 0; kw < k; kw++)
            for (let ci = 0; ci < inC; ci++) {
              const v = x[((i * inH + oh * stride + kh) * inW + ow * stride + kw) * inC + ci];
              if (v === 0) continue;
              const row = ((kh * k + kw) * inC + ci) * outC;
              const d = ((i * outH + oh) * outW + ow) * outC;
              for (let co = 0; co < outC; co++) dw[row + co] += v * dy[d + co];
            }
  return dw;
}

const IMAGES = 16;

describe("SnnConv2DBackpropFilterDemand: a conv's filter gradient from the nonzero entries of a first conv's output", () => {
  // keras-to-snn's conv1 on a first conv's output (16 + 4 filters there: a 4-channel tail), stride 2; and stride 1
  for (const [stride, inC, outC] of [
    [2, 16, 36],
    [1, 8, 16],
  ]) {
    it(`equals a float64 filter gradient on MNIST (stride ${stride}, ${inC} -> ${outC} channels, biases of both signs)`, () => {
      const rng = createRng(stride * 100 + inC);
      const uniform = (n: number, r: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-r, r));
      const images = tf.tensor4d(loadMnist('test', IMAGES).images, [IMAGES, 28, 28, 1]);
      // x: a first conv + ReLU; where its patch is all zero x is relu(bias), nonzero in the channels whose bias is positive
      const x = tf.relu(tf.add(tf.conv2d(images, tf.tensor4d(uniform(9 * inC, 0.5), [3, 3, 1, inC]), 1, 'valid'), tf.tensor1d(uniform(inC, 0.2)))) as tf.Tensor4D;
      const demand = patchDemand(images, 3, 3, [1, 1], 'valid');
      const out = Math.floor((26 - 3) / stride) + 1;
      const dyShape = [IMAGES, out, out, outC];
      // a ReLU-like dy, 85% nonzero: more than x, so the kernel lists x's entries (as while keras-to-snn trains)
      const dyValues = uniform(IMAGES * out * out * outC, 1).map((v) => Math.max(0, v + 0.7));
      const dy = tf.tensor4d(dyValues, dyShape as [number, number, number, number]);
      const filterShape = [3, 3, inC, outC];
      const attrs = { strides: [stride, stride], pad: 'valid', dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape };
      const got = (tf.engine().runKernel('SnnConv2DBackpropFilterDemand', { x, dy, demand }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor).dataSync();
      const want = filterGradient64(x.dataSync() as Float32Array, x.shape, dyValues, dyShape, 3, stride);
      expect(got.length).toBe(want.length);
      // sums of ~1,000-10,000 products in another order: float32 rounding
      expect(maxRelativeError(got, want, 1e-2)).toBeLessThan(1e-4);
      // MNIST's background covers over a third of x's positions: its taps' sums (times relu(bias)) weigh in
      const background = Array.from(demand.dataSync()).filter((v) => v === 0).length;
      expect(background).toBeGreaterThan(demand.size / 3);
    });
  }
});
