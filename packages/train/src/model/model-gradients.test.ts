import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder, createRng, inferShapes, scalar, type Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { initTraining } from '../fit/init-training.js';
import { maxRelativeError } from '../kernels/finite-difference.js';
import { sparseCategoricalCrossentropy } from '../losses/sparse-categorical-crossentropy.js';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { randomParam } from '../test-support/fixtures.js';
import { convReluPairs } from './conv-relu-fusion.js';
import { exportGraph } from './export-graph.js';
import { createModel, type TrainableModel } from './model.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

const neurons = createNeuronRegistry();
const rng = createRng(11);

// Max pooling is checked behind a positive per-channel affine: perturbing the affine's scale or
// bias never moves a window's argmax, so central differences never straddle a kink there.

/** 2-D net: pad, conv (explicit padding, stride 2), affine, SoftLIFRate (numeric derivative), avg pool 'same', upsample, 1x1 conv, Sigmoid, add, concat, global avg/max pool, max pool, dense. */
function net2d(): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [6, 6, 2]);
  const p = b.pad(x, { id: 'pad', padding: [[1, 0], [0, 1]] });
  let h = b.conv(p, { id: 'conv', kernel: randomParam(rng, [3, 3, 2, 3]), bias: randomParam(rng, [3]), strides: [2, 2], padding: [[1, 1], [1, 1]] });
  h = b.affine(h, { id: 'affine', scale: randomParam(rng, [3], 0.5, 1.5), bias: randomParam(rng, [3]) });
  const n = b.shapeOf(h).reduce((a, c) => a * c, 1);
  h = b.neurons(h, { id: 'softlif', neuronType: 'SoftLIFRate', params: { amplitude: 0.01 }, gain: randomParam(rng, [n], 1, 3), bias: scalar(1.2) });
  const pooled = b.pool(h, { id: 'avg', op: 'avg', window: [2, 2], strides: [2, 2], padding: 'same' });
  const up = b.upsample(pooled, { id: 'up', size: [2, 2] });
  let g = b.conv(up, { id: 'conv1x1', kernel: randomParam(rng, [1, 1, 3, 3]), padding: 'same' });
  g = b.neurons(g, { id: 'sigmoid', neuronType: 'Sigmoid', params: { tauRef: 1 }, bias: randomParam(rng, b.shapeOf(g)) });
  const sum = b.add([h, g], { id: 'add', scale: 0.5 });
  const cat = b.concat([sum, h], { id: 'concat', axis: -1 });
  const gap = b.globalPool(cat, { id: 'gap', op: 'avg' });
  const monotone = b.affine(x, { id: 'xaffine', scale: randomParam(rng, [2], 0.5, 1.5), bias: randomParam(rng, [2]) });
  const maxed = b.pool(monotone, { id: 'max', op: 'max', window: [2, 2], strides: [2, 2] });
  const gmax = b.globalPool(maxed, { id: 'gmax', op: 'max' });
  const both = b.concat([gap, gmax, b.flatten(maxed, { id: 'maxflat' })], { id: 'features', axis: 0 });
  const y = b.dense(both, { id: 'dense', weights: randomParam(rng, [26, 4]), bias: randomParam(rng, [4]) });
  b.output(y, 'out');
  return b.build();
}

/** 1-D net: conv1d 'same', Tanh (numeric derivative), 1-D max pool with explicit padding, global max pool, reshape, concat, dense, LIF through its SoftLIF surrogate. */
function net1d(): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [7, 2]);
  let h = b.conv(x, { id: 'conv1d', kernel: randomParam(rng, [3, 2, 4]), bias: randomParam(rng, [4]), padding: 'same' });
  h = b.neurons(h, { id: 'tanh', neuronType: 'Tanh', params: { tauRef: 1 } });
  const monotone = b.affine(x, { id: 'xaffine', scale: randomParam(rng, [2], 0.5, 1.5), bias: randomParam(rng, [2]) });
  const pooled = b.pool(monotone, { id: 'max1d', op: 'max', window: [2], strides: [2], padding: [[1, 0]] });
  const gmax = b.globalPool(pooled, { id: 'gmax', op: 'max' });
  const flat = b.reshape(h, [28], { id: 'flat' });
  const both = b.concat([flat, b.flatten(pooled), gmax], { id: 'both', axis: 0 });
  let y = b.dense(both, { id: 'dense', weights: randomParam(rng, [38, 5]) });
  y = b.neurons(y, { id: 'lif', neuronType: 'LIF', params: { amplitude: 0.01 }, gain: scalar(2), bias: randomParam(rng, [5], 0.5, 1.5) });
  b.output(y, 'out');
  return b.build();
}

/** Largest |analytic - numeric| / (atol + |numeric|) over every parameter of the model. */
function gradientError(model: TrainableModel, inputShape: number[]): number {
  const batch = 3;
  const x = tf.tensor(rng.fillUniform(new Float32Array(batch * inputShape.reduce((a, b) => a * b, 1)), -1, 1), [batch, ...inputShape]);
  const outShape = [batch, ...model.shapes.get('out')!];
  const r = tf.tensor(rng.fillUniform(new Float32Array(outShape.reduce((a, b) => a * b, 1)), -1, 1), outShape);
  const loss = (): tf.Scalar => tf.sum(tf.mul(model.forward({ x }, ['out'])[0], r));
  const vars = model.trainableVariables();
  const { grads } = tf.variableGrads(loss, vars);
  const value = (): number => tf.tidy(() => loss().dataSync()[0]);
  let worst = 0;
  for (const v of vars) {
    const analytic = grads[v.name].dataSync();
    const data = Float32Array.from(v.dataSync());
    for (let i = 0; i < data.length; i++) {
      const keep = data[i];
      const eps = 1e-2 * Math.max(1, Math.abs(keep));
      data[i] = keep + eps;
      v.assign(tf.tensor(data, v.shape));
      const up = value();
      data[i] = keep - eps;
      v.assign(tf.tensor(data, v.shape));
      const down = value();
      data[i] = keep;
      v.assign(tf.tensor(data, v.shape));
      const numeric = (up - down) / (2 * eps);
      const err = Math.abs(analytic[i] - numeric) / (2e-2 + Math.abs(numeric));
      worst = Math.max(worst, err);
    }
  }
  tf.dispose([x, r, ...Object.values(grads)]);
  return worst;
}

describe('model gradients', () => {
  it('match central differences on a 2-D net with every 2-D node kind', () => {
    const model = createModel(net2d(), { neurons });
    expect(model.trainableVariables().length).toBe(12);
    expect(gradientError(model, [6, 6, 2])).toBeLessThan(2e-2);
    model.dispose();
  });

  it('match central differences on a 1-D net (conv1d, 1-D pooling, global max, LIF via SoftLIF)', () => {
    const model = createModel(net1d(), { neurons });
    expect(gradientError(model, [7, 2])).toBeLessThan(2e-2);
    model.dispose();
  });

  it('train LIF through SoftLIFRate: the forward pass gives SoftLIF rates (spec 2.6 checks)', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [3]);
    b.output(b.neurons(x, { id: 'lif', neuronType: 'LIF' }), 'out');
    const model = createModel(b.build(), { neurons });
    const y = tf.tidy(() => model.forward({ x: tf.tensor([[0, 1, 10]]) }, ['out'])[0].dataSync());
    // SoftLIFRate sigma=1: J=0 -> 32.6108879002, J=1 -> 50.3472979409, J=10 -> 243.4758876306
    expect(y[0]).toBeCloseTo(32.6108879002, 3);
    expect(y[1]).toBeCloseTo(50.3472979409, 3);
    expect(y[2]).toBeCloseTo(243.4758876306, 2);
    model.dispose();
  });

  it("trains LIF through SoftLIFRate with NengoDL's lif_smoothing given as surrogateParams (spec 2.6, sigma 0.02)", () => {
    const b = new GraphBuilder();
    const x = b.input('x', [3]);
    b.output(b.neurons(x, { id: 'lif', neuronType: 'LIF' }), 'out');
    const model = createModel(b.build(), { neurons, surrogateParams: { LIF: { sigma: 0.02 } } });
    const y = tf.tidy(() => model.forward({ x: tf.tensor([[1, 2, 10]]) }, ['out'])[0].dataSync());
    // SoftLIFRate sigma=0.02: J=1 -> 11.3835481, J=2 -> 63.0400022, J=10 -> 243.4742620
    expect(y[0]).toBeCloseTo(11.3835481, 3);
    expect(y[1]).toBeCloseTo(63.0400022, 3);
    expect(y[2]).toBeCloseTo(243.474262, 2);
    model.dispose();
    expect(() => createModel(b.build(), { neurons, surrogateParams: { LIF: { smoothing: 0.02 } } })).toThrow(/SoftLIFRate has no parameter "smoothing" \(node "lif"\)/);
  });

  it('export the trained values as a new graph, leaving the source graph untouched; an absent bias stays absent', () => {
    const g = net1d();
    const dense = (graph: Graph): Float32Array => (graph.nodes.find((n) => n.id === 'dense') as { weights: { data: Float32Array } }).weights.data;
    const before = Float32Array.from(dense(g));
    const model = createModel(g, { neurons });
    const w = model.variables.get('dense')!.weights;
    w.assign(tf.mul(w, tf.scalar(2)));
    expect(Object.keys(model.variables.get('dense')!)).toEqual(['weights']);
    const exported = exportGraph(model, { note: 'x' });
    expect(dense(g)).toEqual(before);
    expect(dense(exported)).toEqual(before.map((v) => v * 2));
    expect(exported.metadata?.note).toBe('x');
    expect(exported.nodes.find((n) => n.id === 'dense')).not.toHaveProperty('bias');
    expect(inferShapes(exported).get('out')).toEqual([5]);
    model.dispose();
  });
});

describe('conv + ReLU fusion', () => {
  it('gives the same outputs and gradients as the unfused ops on the keras-to-snn network', () => {
    const graph = kerasToSnnGraph(3);
    expect([...convReluPairs(graph, neurons)]).toEqual([['conv0', 'conv0_neurons'], ['conv1', 'conv1_neurons']]);
    const fused = createModel(graph, { neurons });
    const plain = createModel(graph, { neurons, fuse: false });
    const x = tf.tensor(rng.fillUniform(new Float32Array(4 * 784), 0, 1), [4, 28, 28, 1]);
    const labels = tf.tensor1d([1, 7, 3, 0], 'int32');
    const run = (m: TrainableModel): { out: Float32Array; grads: Float32Array[] } => {
      const vars = m.trainableVariables();
      const { grads } = tf.variableGrads(() => sparseCategoricalCrossentropy(m.forward({ image: x }, ['out'])[0], labels), vars);
      const out = tf.tidy(() => m.forward({ image: x }, ['out'])[0].dataSync() as Float32Array);
      return { out, grads: vars.map((v) => grads[v.name].dataSync() as Float32Array) };
    };
    const a = run(fused);
    const b = run(plain);
    expect(maxRelativeError(a.out, b.out, 1e-4)).toBeLessThan(1e-3);
    a.grads.forEach((g, i) => expect(maxRelativeError(g, b.grads[i], 1e-4)).toBeLessThan(1e-3));
    // probing the conv itself (pre-activation) still gives the unfused value
    const pre = tf.tidy(() => [fused, plain].map((m) => m.forward({ image: x }, ['conv0'])[0].dataSync()));
    expect(Array.from(pre[0])).toEqual(Array.from(pre[1]));
    expect(Math.min(...pre[0])).toBeLessThan(0);
    fused.dispose();
    plain.dispose();
  });
});
