import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder, createRng, type Graph, type NeuronsNode } from '@snn/ir';
import { NeuronRegistry, QCFS, registerAll, type NeuronType } from '@snn/neurons';
import { fit } from '../fit/fit.js';
import { initTraining } from '../fit/init-training.js';
import { toQcfs } from '../quantize/to-qcfs.js';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { randomParam } from '../test-support/fixtures.js';
import { exportGraph } from './export-graph.js';
import { createModel, type TrainableModel } from './model.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

/** A user's own type with a trainable sharpness: `softplus(beta J) / beta`; d/d beta given only when `analytic`. */
function betaSoftplus(name: string, analytic: boolean): NeuronType {
  const rates = (J: Float32Array, out: Float32Array, p: Readonly<Record<string, number>>): number => {
    for (let i = 0; i < J.length; i++) out[i] = Math.log1p(Math.exp(p.beta * J[i])) / p.beta;
    return J.length;
  };
  return {
    name,
    params: { beta: { default: 1, min: 0.01, doc: 'sharpness (> 0)' } },
    spiking: false,
    negative: false,
    stateNames: [],
    initState: () => ({}),
    rates,
    step: (_dt, J, out, _s, p) => rates(J, out, p),
    trainableParams: ['beta'],
    ...(analytic
      ? {
          ratesParamDerivative: (_name: string, J: Float32Array, out: Float32Array, p: Readonly<Record<string, number>>) => {
            for (let i = 0; i < J.length; i++) {
              const s = 1 / (1 + Math.exp(-p.beta * J[i]));
              out[i] = (J[i] * s) / p.beta - Math.log1p(Math.exp(p.beta * J[i])) / (p.beta * p.beta);
            }
          },
        }
      : {}),
  };
}

const neurons = registerAll(new NeuronRegistry())
  .register(betaSoftplus('MyBetaSoftplus', true))
  .register(betaSoftplus('MyNumericBetaSoftplus', false))
  .register({ ...QCFS, name: 'MySpikingQcfs', spiking: true, trainableParams: undefined, surrogate: { type: 'QCFS', params: (p) => p } });

function net(neuronType: string, params: Record<string, number> = {}): Graph {
  const rng = createRng(3);
  const b = new GraphBuilder();
  const x = b.input('x', [4]);
  let h = b.dense(x, { id: 'd1', weights: randomParam(rng, [4, 6]), bias: randomParam(rng, [6]) });
  h = b.neurons(h, { id: 'hidden', neuronType, params });
  b.output(b.dense(h, { id: 'd2', weights: randomParam(rng, [6, 2]) }), 'out');
  return b.build();
}

/** d loss / d variable of `key` on node `id` for loss = sum(out * r), analytic and by a float32 central difference. */
function paramGradient(model: TrainableModel, id: string, key: string): { analytic: number; numeric: number } {
  const rng = createRng(8);
  const x = tf.tensor(rng.fillUniform(new Float32Array(5 * 4), -2, 2), [5, 4]);
  const r = tf.tensor(rng.fillUniform(new Float32Array(5 * 2), -1, 1), [5, 2]);
  const loss = (): tf.Scalar => tf.sum(tf.mul(model.forward({ x }, ['out'])[0], r));
  const v = model.variables.get(id)![key];
  const { grads } = tf.variableGrads(loss, [v]);
  const analytic = grads[v.name].dataSync()[0];
  const keep = v.dataSync()[0];
  const at = (value: number): number => {
    v.assign(tf.scalar(value));
    return tf.tidy(() => loss().dataSync()[0]);
  };
  const eps = 1e-2;
  const numeric = (at(keep + eps) - at(keep - eps)) / (2 * eps);
  v.assign(tf.scalar(keep));
  tf.dispose([x, r, ...Object.values(grads)]);
  return { analytic, numeric };
}

describe('trainable neuron parameters', () => {
  it("a user's own type trains its declared parameter: one scalar variable, gradient = central difference (analytic or numerical ratesParamDerivative)", () => {
    for (const type of ['MyBetaSoftplus', 'MyNumericBetaSoftplus']) {
      const model = createModel(net(type, { beta: 1.5 }), { neurons });
      expect(Object.keys(model.variables.get('hidden')!)).toEqual(['params.beta']);
      expect(model.variables.get('hidden')!['params.beta'].shape).toEqual([]);
      const { analytic, numeric } = paramGradient(model, 'hidden', 'params.beta');
      expect(Math.abs(analytic)).toBeGreaterThan(0.05);
      expect(Math.abs(analytic - numeric)).toBeLessThan(2e-3 * (1 + Math.abs(numeric)));
      model.dispose();
    }
  });

  it('learns the parameter with fit and exports it into node.params; a frozen node keeps it', () => {
    const graph = net('MyNumericBetaSoftplus', { beta: 0.5 });
    const rng = createRng(4);
    const n = 128;
    const xs = rng.fillUniform(new Float32Array(n * 4), -1, 1);
    const ys = new Float32Array(n * 2);
    for (let i = 0; i < n * 2; i++) ys[i] = Math.max(0, xs[2 * i]) * 2;
    const run = (trainable?: Record<string, boolean>): Graph => {
      const model = createModel(graph, { neurons });
      fit(model, { x: { data: xs, shape: [n, 4] }, y: { out: { data: ys, shape: [n, 2] } }, losses: { out: 'mse' }, optimizer: { type: 'adam', learningRate: 0.05 }, batchSize: 32, epochs: 5, trainable });
      const out = exportGraph(model);
      model.dispose();
      return out;
    };
    const beta = (g: Graph): number => (g.nodes.find((n) => n.id === 'hidden') as NeuronsNode).params!.beta;
    const learned = run();
    expect(Math.abs(beta(learned) - 0.5)).toBeGreaterThan(0.05);
    expect(beta(graph)).toBe(0.5);
    expect(beta(run({ hidden: false }))).toBe(0.5);
  });

  it('QCFS on the keras-to-snn network: trains each population’s threshold, exports it, and keeps levels and amplitude', () => {
    const graph = toQcfs(kerasToSnnGraph(2), { levels: 4, threshold: { conv0_neurons: 0.8, conv1_neurons: 1.2 } });
    const model = createModel(graph, { neurons });
    expect(Object.keys(model.variables.get('conv0_neurons')!)).toEqual(['params.threshold']);
    const rng = createRng(6);
    const n = 40;
    fit(model, {
      x: { data: rng.fillUniform(new Float32Array(n * 784), 0, 1), shape: [n, 28, 28, 1] },
      y: { out: Float32Array.from({ length: n }, (_, i) => i % 10) },
      losses: { out: 'sparseCategoricalCrossentropy' },
      optimizer: { type: 'adam', learningRate: 0.01 },
      batchSize: 20,
      epochs: 2,
    });
    const exported = exportGraph(model);
    for (const [id, start] of [['conv0_neurons', 0.8], ['conv1_neurons', 1.2]] as const) {
      const node = exported.nodes.find((x) => x.id === id) as NeuronsNode;
      expect(node.params!.levels).toBe(4);
      expect(node.params!.threshold).toBe(model.variables.get(id)!['params.threshold'].dataSync()[0]);
      expect(node.params!.threshold).not.toBeCloseTo(start, 4);
    }
    model.dispose();
  });

  it('a type trained through a surrogate gets no parameter variables (nowhere to write them back)', () => {
    const model = createModel(net('MySpikingQcfs', { threshold: 2 }), { neurons });
    expect(model.variables.has('hidden')).toBe(false);
    expect(tf.tidy(() => model.forward({ x: tf.ones([1, 4]) }, ['hidden'])[0].shape)).toEqual([1, 6]);
    model.dispose();
  });
});
