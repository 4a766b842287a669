import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder, createRng, heUniform, param, scaleInputs, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { createNeuronRegistry } from '@snn/neurons';
import { initTraining } from '../fit/init-training.js';
import { maxRelativeError } from '../kernels/finite-difference.js';
import { sparseCategoricalCrossentropy } from '../losses/sparse-categorical-crossentropy.js';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { convReluPairs, firstConvFeeds, inputDemand } from './conv-relu-fusion.js';
import { createModel, type TrainableModel } from './model.js';

const neurons = createNeuronRegistry();
const IMAGES = 24;

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

/** A first conv with 'same' or 'valid' padding, then a strided conv, then a classifier; biases of both signs. */
function twoConvGraph(seed: number, pad: 'same' | 'valid'): Graph {
  const rng = createRng(seed);
  const bias = (n: number, r: number): ReturnType<typeof param> => param(Float32Array.from({ length: n }, () => rng.uniform(-r, r)), [n]);
  const side = pad === 'same' ? 28 : 26;
  const out1 = Math.floor((side - 3) / 2) + 1;
  const b = new GraphBuilder();
  const x = b.input('image', [28, 28, 1]);
  let h = b.conv(x, { id: 'conv0', kernel: heUniform([3, 3, 1, 16], 9, rng), bias: bias(16, 0.2), padding: pad });
  h = b.neurons(h, { id: 'conv0_neurons', neuronType: 'RectifiedLinear' });
  h = b.conv(h, { id: 'conv1', kernel: heUniform([3, 3, 16, 32], 144, rng), bias: bias(32, 0.1), strides: [2, 2] });
  h = b.neurons(h, { id: 'conv1_neurons', neuronType: 'RectifiedLinear' });
  h = b.flatten(h, { id: 'flatten' });
  h = b.dense(h, { id: 'dense', weights: heUniform([out1 * out1 * 32, 10], out1 * out1 * 32, rng), bias: bias(10, 0.1) });
  b.output(h, 'out');
  return b.build();
}

/** Every trainable variable's gradient of the loss on real MNIST images, and the kernels the pass ran. */
async function gradients(model: TrainableModel, inputGradients: boolean): Promise<{ grads: Float32Array[]; kernels: string[] }> {
  return variableGradients(model, model.trainableVariables(), inputGradients);
}

/** The gradients of `vars` (the forward pass told so), and the kernels the pass ran. */
async function variableGradients(model: TrainableModel, vars: tf.Variable[], inputGradients: boolean): Promise<{ grads: Float32Array[]; kernels: string[] }> {
  const mnist = loadMnist('test', IMAGES);
  const x = tf.tensor(mnist.images, [IMAGES, 28, 28, 1]);
  const labels = tf.tensor1d(Array.from(mnist.labels), 'int32');
  let grads: Float32Array[] = [];
  const { kernelNames } = await tf.profile(() => {
    const g = tf.variableGrads(() => sparseCategoricalCrossentropy(model.forward({ image: x }, ['out'], { inputGradients, variables: vars })[0], labels), vars);
    grads = vars.map((v) => g.grads[v.name].dataSync() as Float32Array);
    tf.dispose([...Object.values(g.grads), g.value]);
  });
  tf.dispose([x, labels]);
  return { grads, kernels: kernelNames };
}

describe("the gradients of a conv fed by a first conv + ReLU, told where that conv's input patches are all zero", () => {
  it('pairs the first conv of keras-to-snn with the conv its ReLU feeds', () => {
    const graph = kerasToSnnGraph(1);
    expect([...firstConvFeeds(graph, convReluPairs(graph, neurons))]).toEqual([['conv0', 'conv1']]);
  });

  for (const pad of ['valid', 'same'] as const) {
    it(`gives every variable the gradient of the plain ops on MNIST images (first conv '${pad}', biases of both signs)`, async () => {
      const graph = twoConvGraph(3, pad);
      const fused = createModel(graph, { neurons });
      const plain = createModel(graph, { neurons, fuse: false });
      const a = await gradients(fused, false);
      const b = await gradients(plain, true);
      // the two convs as one op: conv1's input gradient goes straight into conv0's gradients
      expect(a.kernels).toContain('SnnConv2DBackpropInputFirstGrad');
      expect(a.kernels).not.toContain('SnnConv2DBackpropInputDemand');
      expect(a.kernels).toContain('SnnConv2DBackpropFilterDemand');
      expect(a.kernels).toContain('SnnConv2DBiasReluFirstLumped');
      expect(a.kernels).toContain('SnnConv2DBiasReluDemand');
      expect(b.kernels).not.toContain('SnnConv2DBackpropInputDemand');
      expect(b.kernels).not.toContain('SnnConv2DBackpropInputFirstGrad');
      expect(a.grads.length).toBe(6);
      a.grads.forEach((g, i) => {
        expect(g.some((v) => v !== 0)).toBe(true);
        expect(maxRelativeError(g, b.grads[i], 1e-4)).toBeLessThan(1e-3);
      });
      fused.dispose();
      plain.dispose();
    });
  }

  it('treats a conv behind a frozen input scaling as a first conv, and not once the scaling trains', async () => {
    // an input scaling in front (a frozen affine node; the keras-to-snn walkthrough's stage 5 has x255)
    const graph = scaleInputs(twoConvGraph(6, 'valid'), { scale: 2 });
    const affine = graph.nodes.find((n) => n.kind === 'affine')!.id;
    const fused = createModel(graph, { neurons });
    const plain = createModel(graph, { neurons, fuse: false });
    const a = await gradients(fused, false);
    const b = await gradients(plain, true);
    expect(a.kernels).toContain('SnnConv2DBackpropInputFirstGrad');
    expect(a.grads.length).toBe(6);
    const close = (g: Float32Array, want: Float32Array): number => maxRelativeError(g, want, 1e-4);
    a.grads.forEach((g, i) => expect(close(g, b.grads[i])).toBeLessThan(1e-3));
    // the scaling trains: its gradient needs conv0's input gradient, so no first-conv path
    const withAffine = [...fused.trainableVariables(), ...Object.values(fused.variables.get(affine)!)];
    const c = await variableGradients(fused, withAffine, false);
    const d = await variableGradients(plain, [...plain.trainableVariables(), ...Object.values(plain.variables.get(affine)!)], true);
    expect(c.kernels).not.toContain('SnnConv2DBackpropInputFirstGrad');
    expect(c.kernels).not.toContain('SnnConv2DBiasReluFirstGrad');
    expect(c.grads.length).toBe(8);
    c.grads.forEach((g, i) => {
      expect(g.some((v) => v !== 0)).toBe(true);
      expect(close(g, d.grads[i])).toBeLessThan(1e-3);
    });
    fused.dispose();
    plain.dispose();
  });

  it('refuses a gradient with respect to the input after a pass that promised none', () => {
    const model = createModel(kerasToSnnGraph(2), { neurons });
    const x = tf.tensor(loadMnist('test', 2).images, [2, 28, 28, 1]);
    const grad = (): unknown => tf.grad((image: tf.Tensor) => tf.sum(model.forward({ image }, ['out'], { inputGradients: false })[0]))(x);
    expect(grad).toThrow(expect.objectContaining({ code: 'TRAIN_INTERNAL', message: expect.stringMatching(/inputGradients: false/) }));
    const plain = tf.grad((image: tf.Tensor) => tf.sum(model.forward({ image }, ['out'])[0]))(x);
    expect(plain.dataSync().some((v) => v !== 0)).toBe(true);
    model.dispose();
  });

  it('is not used when the forward pass may be differentiated with respect to its inputs', async () => {
    const model = createModel(kerasToSnnGraph(2), { neurons });
    const { kernels } = await gradients(model, true);
    expect(kernels).not.toContain('SnnConv2DBackpropInputDemand');
    expect(kernels).toContain('SnnConv2DBiasRelu');
    model.dispose();
  });

  for (const dense of [false, true]) it(`keeps dx where demanded and, per image and channel, the total of the rest in the first undemanded position (${dense ? 'dense dy: the true dx moved into that form' : 'sparse dy: the sparse kernel'})`, () => {
    const mnist = loadMnist('test', IMAGES);
    const rng = createRng(5);
    const conv0 = twoConvGraph(4, 'valid').nodes.find((n) => n.id === 'conv0')!;
    const result = tf.tidy(() => {
      const x = tf.tensor4d(mnist.images, [IMAGES, 28, 28, 1]);
      const demand = inputDemand(conv0 as Extract<typeof conv0, { kind: 'conv' }>, [28, 28, 1], x);
      // a ReLU-like dy (about half zero) and a filter of the strided conv fed by the first one
      const raw = tf.tensor4d(Float32Array.from({ length: IMAGES * 12 * 12 * 32 }, () => rng.uniform(-1, 1)), [IMAGES, 12, 12, 32]);
      const dy = dense ? raw : tf.relu(raw);
      const filter = tf.tensor4d(Float32Array.from({ length: 3 * 3 * 16 * 32 }, () => rng.uniform(-0.3, 0.3)), [3, 3, 16, 32]);
      const attrs = { strides: [2, 2], pad: 'valid', dataFormat: 'NHWC', dimRoundingMode: undefined, inputShape: [IMAGES, 26, 26, 16] };
      const run = (name: string, inputs: Record<string, tf.Tensor>): Float32Array =>
        (tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedTensorMap & Record<string, never>) as tf.Tensor).dataSync() as Float32Array;
      return {
        lumped: run('SnnConv2DBackpropInputDemand', { dy, filter, demand }),
        truth: run('Conv2DBackpropInput', { dy, filter }),
        demand: demand.dataSync() as Float32Array,
      };
    });
    const { lumped, truth, demand } = result;
    const positions = 26 * 26;
    let skipped = 0;
    let worst = 0;
    for (let n = 0; n < IMAGES; n++) {
      const first = demand.subarray(n * positions, (n + 1) * positions).findIndex((d) => d === 0);
      const restTruth = new Float64Array(16);
      const restGot = new Float64Array(16);
      for (let p = 0; p < positions; p++) {
        const at = (n * positions + p) * 16;
        for (let c = 0; c < 16; c++) {
          if (demand[n * positions + p] !== 0) {
            expect(Math.abs(lumped[at + c] - truth[at + c])).toBeLessThan(1e-5 * (1 + Math.abs(truth[at + c])));
          } else {
            restTruth[c] += truth[at + c];
            restGot[c] += lumped[at + c];
            if (p !== first) expect(lumped[at + c]).toBe(0);
          }
        }
        if (demand[n * positions + p] === 0) skipped++;
      }
      for (let c = 0; c < 16; c++) worst = Math.max(worst, Math.abs(restGot[c] - restTruth[c]) / (1 + Math.abs(restTruth[c])));
      expect(restTruth.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    }
    expect(worst).toBeLessThan(1e-4);
    // MNIST: most 3x3 patches of the image are all zero
    expect(skipped / (IMAGES * positions)).toBeGreaterThan(0.5);
  });
});
