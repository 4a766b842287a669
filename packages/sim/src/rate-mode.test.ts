import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, scalar, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { compile } from './compile.js';
import { initBackend } from './backend/init.js';
import { normwiseRelativeError, randomData, randomParam, registries } from './test-support/fixtures.js';

/**
 * Rate mode must equal a plain tfjs forward pass of the same network within 1e-5
 * (relative). The reference runs on tfjs's plain-JS CPU backend; the simulator on WebAssembly.
 */
const batch = 8;

function reference(fn: () => tf.Tensor): Float32Array {
  const current = tf.getBackend();
  tf.setBackend('cpu');
  const out = tf.tidy(fn).dataSync() as Float32Array;
  tf.setBackend(current);
  return out;
}

function simulate(graph: Graph, inputs: Record<string, Float32Array>): Float32Array {
  const sim = compile(graph, { ...registries(), mode: 'rate', batchSize: 5 });
  const run = sim.run(inputs, { nSteps: 1 });
  sim.dispose();
  return Object.values(run.probes)[0].data;
}

beforeAll(async () => {
  await initBackend();
});

describe('rate mode equals a plain tfjs forward pass', () => {
  const rng = createRng(7);
  const mnist = loadMnist('test', batch);

  for (const [strides, padding] of [[1, 'valid'], [1, 'same'], [2, 'valid'], [2, 'same']] as const) {
    it(`conv 3x3 stride ${strides} ${padding} + ReLU + dense on MNIST`, () => {
      const k = randomParam(rng, [3, 3, 1, 8]);
      const kb = randomParam(rng, [8]);
      const b = new GraphBuilder();
      const x = b.input('image', [28, 28, 1]);
      let h = b.conv(x, { kernel: k, bias: kb, strides: [strides, strides], padding });
      h = b.neurons(h, { neuronType: 'RectifiedLinear' });
      const n = b.shapeOf(h).reduce((a, c) => a * c, 1);
      const w = randomParam(rng, [n, 10]);
      const wb = randomParam(rng, [10]);
      h = b.dense(b.flatten(h), { weights: w, bias: wb });
      b.output(h, 'out');
      const got = simulate(b.build(), { image: mnist.images });
      const want = reference(() => {
        const xi = tf.tensor4d(mnist.images, [batch, 28, 28, 1]);
        const c = tf.relu(tf.add(tf.conv2d(xi, tf.tensor4d(k.data, [3, 3, 1, 8]), strides, padding), tf.tensor1d(kb.data)));
        return tf.add(tf.matMul(tf.reshape(c, [batch, n]), tf.tensor2d(w.data, [n, 10])), tf.tensor1d(wb.data));
      });
      expect(normwiseRelativeError(got, want)).toBeLessThan(1e-5);
    });
  }

  it('average and max pooling (valid and same), global pooling', () => {
    for (const op of ['avg', 'max'] as const) {
      for (const padding of ['valid', 'same'] as const) {
        const b = new GraphBuilder();
        const x = b.input('x', [9, 9, 3]);
        const p = b.pool(x, { op, window: [2, 2], strides: [2, 2], padding });
        b.output(p, 'pooled');
        const data = randomData(3, batch * 243);
        const got = simulate(b.build(), { x: data });
        const want = reference(() => {
          const xi = tf.tensor4d(data, [batch, 9, 9, 3]);
          return op === 'avg' ? tf.avgPool(xi, 2, 2, padding) : tf.maxPool(xi, 2, 2, padding);
        });
        expect(normwiseRelativeError(got, want)).toBeLessThan(1e-5);
      }
    }
    const b = new GraphBuilder();
    b.output(b.globalPool(b.input('x', [5, 4, 6]), { op: 'avg' }), 'g');
    const data = randomData(4, batch * 120);
    const want = reference(() => tf.mean(tf.tensor4d(data, [batch, 5, 4, 6]), [1, 2]));
    expect(normwiseRelativeError(simulate(b.build(), { x: data }), want)).toBeLessThan(1e-5);
  });

  it('add and concat of two branches with LIFRate neurons', () => {
    const w1 = randomParam(rng, [20, 16]);
    const w2 = randomParam(rng, [20, 16]);
    const w3 = randomParam(rng, [32, 4]);
    const b = new GraphBuilder();
    const x = b.input('x', [20]);
    const a1 = b.dense(x, { weights: w1 });
    const a2 = b.dense(x, { weights: w2 });
    const sum = b.add([a1, a2]);
    const lif = b.neurons(sum, { neuronType: 'LIFRate', gain: scalar(3), bias: scalar(1.5) });
    const cat = b.concat([lif, a1], { axis: -1 });
    b.output(b.dense(cat, { weights: w3 }), 'y');
    const data = randomData(5, batch * 20);
    const got = simulate(b.build(), { x: data });
    const want = reference(() => {
      const xi = tf.tensor2d(data, [batch, 20]);
      const h1 = tf.matMul(xi, tf.tensor2d(w1.data, [20, 16]));
      const h2 = tf.matMul(xi, tf.tensor2d(w2.data, [20, 16]));
      const j = tf.sub(tf.add(tf.mul(tf.add(h1, h2), 3), 1.5), 1);
      // LIFRate: 1 / (tauRef + tauRc * log1p(1 / j)) where j > 0, else 0
      const safe = tf.maximum(j, 1e-30);
      const rate = tf.where(tf.greater(j, 0), tf.div(1, tf.add(0.002, tf.mul(0.02, tf.log1p(tf.div(1, safe))))), tf.zerosLike(j));
      return tf.matMul(tf.concat([rate, h1], 1), tf.tensor2d(w3.data, [32, 4]));
    });
    expect(normwiseRelativeError(got, want)).toBeLessThan(1e-5);
  });

  it('stride-2 same conv on an odd size, 1-D conv, pad, upsample, affine', () => {
    const k = randomParam(rng, [3, 4, 5]);
    const b = new GraphBuilder();
    const x = b.input('x', [11, 4]);
    const c = b.conv(x, { kernel: k, strides: [2], padding: 'same' });
    const p = b.pad(c, { padding: [[1, 2]] });
    const u = b.upsample(p, { size: [2] });
    const s = randomParam(rng, [5]);
    const o = randomParam(rng, [5]);
    b.output(b.affine(u, { scale: s, bias: o }), 'y');
    const data = randomData(6, batch * 44);
    const got = simulate(b.build(), { x: data });
    const want = reference(() => {
      const conv = tf.conv1d(tf.tensor3d(data, [batch, 11, 4]), tf.tensor3d(k.data, [3, 4, 5]), 2, 'same');
      const padded = tf.pad(conv, [[0, 0], [1, 2], [0, 0]]);
      const up = tf.reshape(tf.tile(tf.reshape(padded, [batch, 9, 1, 5]), [1, 1, 2, 1]), [batch, 18, 5]);
      return tf.add(tf.mul(up, tf.tensor1d(s.data)), tf.tensor1d(o.data));
    });
    expect(got.length).toBe(batch * 18 * 5);
    expect(normwiseRelativeError(got, want)).toBeLessThan(1e-5);
  });
});
