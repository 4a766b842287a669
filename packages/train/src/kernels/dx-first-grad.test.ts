import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../fit/init-training.js';
import { patchDemand } from './patch-demand.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

type Attrs = tf.NamedTensorMap & Record<string, never>;
const run = (name: string, inputs: Record<string, tf.Tensor>, attrs: object): tf.Tensor[] => {
  const out = tf.engine().runKernel(name, inputs, attrs as Attrs);
  return Array.isArray(out) ? out : [out as tf.Tensor];
};

describe("SnnConv2DBackpropInputFirstGrad: a conv's input gradient straight into the first conv's gradients", () => {
  // images; first conv padding, stride and channels; ReLU-like (sparse) or dense dy
  const cases: Array<[number, 'same' | 'valid', number, number, boolean]> = [
    [24, 'valid', 1, 16, true], // keras-to-snn's pair, narrower: dx summed image by image in cache
    [5, 'valid', 1, 8, true], // fewer images than work chunks
    [12, 'same', 2, 12, true], // a padded, strided first conv: its patches gathered
    [12, 'valid', 1, 16, false], // dy too dense for the sparse kernel: the two kernels run apart
  ];
  for (const [images, pad, stride, channels, sparse] of cases) {
    it(`gives the bits of SnnConv2DBackpropInputDemand + SnnConv2DBiasReluFirstGrad on MNIST (${images} images, first conv ${pad} stride ${stride}, ${sparse ? 'sparse' : 'dense'} dy)`, () => {
      const rng = createRng(images + channels);
      const uniform = (n: number, r: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-r, r));
      const got = tf.tidy(() => {
        const x = tf.tensor4d(loadMnist('test', images).images, [images, 28, 28, 1]);
        const w1 = tf.tensor4d(uniform(9 * channels, 0.5), [3, 3, 1, channels]);
        const b1 = tf.tensor1d(uniform(channels, 0.2)); // both signs: some channels on over the background
        const demand = patchDemand(x, 3, 3, [stride, stride], pad);
        const first = { strides: [stride, stride], pad };
        const [y] = run('SnnConv2DBiasReluFirstLumped', { x, filter: w1, bias: b1, demand }, first);
        const side = y.shape[1]!;
        const out = Math.floor((side - 3) / 2) + 1;
        const w2 = tf.tensor4d(uniform(9 * channels * 32, 0.3), [3, 3, channels, 32]);
        const raw = tf.tensor4d(uniform(images * out * out * 32, 1), [images, out, out, 32]);
        const dy = sparse ? tf.relu(raw) : raw;
        const second = { strides: [2, 2], pad: 'valid', inputShape: y.shape };
        const fused = run('SnnConv2DBackpropInputFirstGrad', { dy, filter: w2, demand, x, y }, {
          ...second,
          firstStrides: first.strides,
          firstPad: pad,
          firstFilterShape: w1.shape,
        });
        const [dx] = run('SnnConv2DBackpropInputDemand', { dy, filter: w2, demand }, { ...second, dataFormat: 'NHWC' });
        const apart = run('SnnConv2DBiasReluFirstGrad', { x, dy: dx, y, demand }, { ...first, filterShape: w1.shape });
        return { fused: fused.map((t) => t.dataSync()), apart: apart.map((t) => t.dataSync()), shapes: fused.map((t) => t.shape) };
      });
      expect(got.shapes).toEqual([[3, 3, 1, channels], [channels]]);
      expect(Array.from(got.fused[0])).toEqual(Array.from(got.apart[0]));
      expect(Array.from(got.fused[1])).toEqual(Array.from(got.apart[1]));
      expect(got.fused[0].some((v) => v !== 0) && got.fused[1].some((v) => v !== 0)).toBe(true);
    });
  }
});
