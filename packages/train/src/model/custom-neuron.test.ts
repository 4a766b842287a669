import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder, createRng } from '@snn/ir';
import { NeuronRegistry, registerAll, resolveParams, type NeuronType } from '@snn/neurons';
import { fit } from '../fit/fit.js';
import { initTraining } from '../fit/init-training.js';
import { randomParam } from '../test-support/fixtures.js';
import { createModel } from './model.js';
import { rateOp } from './rate-op.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

/** A user's own neuron type, defined outside snn: softplus rates, no ratesDerivative (the trainer differentiates numerically). */
const Softplus: NeuronType = {
  name: 'MySoftplus',
  params: { amplitude: { default: 1, min: 0, doc: 'output scale' } },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    for (let i = 0; i < J.length; i++) out[i] = p.amplitude * Math.log1p(Math.exp(J[i]));
  },
  step: (_dt, J, out, _s, p) => {
    for (let i = 0; i < J.length; i++) out[i] = p.amplitude * Math.log1p(Math.exp(J[i]));
    return J.length;
  },
};

/** A spiking type whose training surrogate is the custom rate type above. */
const SpikingSoftplus: NeuronType = { ...Softplus, name: 'MySpikingSoftplus', spiking: true, surrogate: { type: 'MySoftplus', params: (p) => ({ amplitude: p.amplitude }) } };

describe('a neuron type defined outside snn', () => {
  const neurons = registerAll(new NeuronRegistry()).register(Softplus).register(SpikingSoftplus);

  it('differentiates through its rates: d softplus / dJ = amplitude * sigmoid(J), numerically', () => {
    const op = rateOp(Softplus, resolveParams(Softplus, { amplitude: 2 }));
    const J = tf.tensor1d([-3, -0.5, 0, 0.7, 4]);
    const g = tf.grad((x: tf.Tensor) => tf.sum(op(x)))(J).dataSync();
    const y = op(J).dataSync();
    [-3, -0.5, 0, 0.7, 4].forEach((j, i) => {
      expect(y[i]).toBeCloseTo(2 * Math.log1p(Math.exp(j)), 5);
      expect(g[i]).toBeCloseTo(2 / (1 + Math.exp(-j)), 3);
    });
  });

  it('trains a network (through the surrogate of a spiking wrapper) with no change to any package', () => {
    const rng = createRng(4);
    const b = new GraphBuilder();
    const x = b.input('x', [3]);
    let h = b.dense(x, { id: 'd1', weights: randomParam(rng, [3, 8], -0.5, 0.5) });
    h = b.neurons(h, { id: 'hidden', neuronType: 'MySpikingSoftplus' });
    b.output(b.dense(h, { id: 'd2', weights: randomParam(rng, [8, 1], -0.5, 0.5) }), 'out');
    const model = createModel(b.build(), { neurons });
    const n = 256;
    const xs = rng.fillUniform(new Float32Array(n * 3), -1, 1);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) ys[i] = Math.sin(2 * xs[3 * i]) + xs[3 * i + 1] * xs[3 * i + 2];
    const { history } = fit(model, {
      x: { data: xs, shape: [n, 3] },
      y: { out: { data: ys, shape: [n, 1] } },
      losses: { out: 'mse' },
      optimizer: { type: 'adam', learningRate: 0.02 },
      batchSize: 32,
      epochs: 40,
    });
    expect(history[0].loss).toBeGreaterThan(0.2);
    expect(history[39].loss).toBeLessThan(history[0].loss / 5);
    model.dispose();
  });
});
