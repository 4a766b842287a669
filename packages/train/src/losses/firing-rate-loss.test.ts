import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, createRng, isSnnError, param, type Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { evaluate, predict } from '../fit/evaluate.js';
import { fit } from '../fit/fit.js';
import { initTraining } from '../fit/init-training.js';
import { createModel } from '../model/model.js';
import { neuronLayerIds } from '../model/neuron-layers.js';
import { randomParam } from '../test-support/fixtures.js';
import { firingRateLosses } from './firing-rate-loss.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

const neurons = createNeuronRegistry();

/** x (6) -> d0 -> hidden0 (ReLU, amplitude 0.5) -> d1 -> hidden1 (ReLU) -> d2 -> out (3), with Keras-style layer metadata. */
function network(seed: number): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  let h = b.dense(b.input('x', [6]), { id: 'd0', weights: randomParam(rng, [6, 8]), bias: param(new Float32Array(8).fill(0.1), [8]) });
  h = b.neurons(h, { id: 'hidden0', neuronType: 'RectifiedLinear', params: { amplitude: 0.5 } });
  h = b.neurons(b.dense(h, { id: 'd1', weights: randomParam(rng, [8, 8]) }), { id: 'hidden1', neuronType: 'RectifiedLinear' });
  b.output(b.dense(h, { id: 'd2', weights: randomParam(rng, [8, 3]) }), 'out');
  return b.build({
    metadata: { layers: { dense: { className: 'Dense', nodes: ['d0', 'hidden0'] }, dense_1: { className: 'Dense', nodes: ['d1', 'hidden1'] }, logits: { className: 'Dense', nodes: ['d2'] } } },
  });
}

function inputs(n: number, seed: number): Float32Array {
  return createRng(seed).fillUniform(new Float32Array(n * 6), -1, 1);
}

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isSnnError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('neuronLayerIds', () => {
  const graph = network(0);
  it('maps neurons node ids and Keras layer names to neurons nodes, in graph order; all of them by default', () => {
    expect(neuronLayerIds(graph)).toEqual(['hidden0', 'hidden1']);
    expect(neuronLayerIds(graph, ['dense_1', 'hidden0'])).toEqual(['hidden0', 'hidden1']);
    expect(neuronLayerIds(graph, ['dense'])).toEqual(['hidden0']);
  });

  it('names what is wrong: an unknown name, a non-neuron node, a Keras layer without neurons', () => {
    expect(code(() => neuronLayerIds(graph, ['conv9'], '--rate-layer'))).toBe(
      "TRAIN_UNKNOWN_NODE: --rate-layer 'conv9' is neither a node nor a Keras layer of the model; neuron nodes: hidden0, hidden1; Keras layers with neurons: dense, dense_1",
    );
    expect(code(() => neuronLayerIds(graph, ['d1']))).toMatch(/^TRAIN_NOT_NEURONS: layer 'd1' is a dense node, not a neuron layer/);
    expect(code(() => neuronLayerIds(graph, ['logits']))).toMatch(/^TRAIN_NOT_NEURONS: layer 'logits' is a Keras layer without an activation, not a neuron layer/);
  });
});

describe('firingRateLosses', () => {
  it("is the MSE of each layer's rate in Hz (output / amplitude) against the target, weighted", () => {
    const graph = network(1);
    const x = inputs(50, 2);
    const model = createModel(graph, { neurons });
    const losses = firingRateLosses(graph, { targetHz: 3, weight: 1e-3, neurons });
    expect(Object.keys(losses)).toEqual(['hidden0', 'hidden1']);
    const result = evaluate(model, { x, losses });
    const out = predict(model, { x, outputs: ['hidden0', 'hidden1'] });
    const mse = (data: Float32Array, amplitude: number): number => data.reduce((s, v) => s + (v / amplitude - 3) ** 2, 0) / data.length;
    const want0 = mse(out.hidden0.data, 0.5);
    const want1 = mse(out.hidden1.data, 1);
    expect(result.losses.hidden0).toBeCloseTo(want0, 4);
    expect(result.losses.hidden1).toBeCloseTo(want1, 4);
    expect(result.loss).toBeCloseTo(1e-3 * (want0 + want1), 6);
    model.dispose();
  });

  it('only the named layers get a term; bad targets, weights and graphs without neurons are refused', () => {
    const graph = network(1);
    expect(Object.keys(firingRateLosses(graph, { targetHz: 250, weight: 1e-3, layers: ['dense_1'], neurons }))).toEqual(['hidden1']);
    expect(code(() => firingRateLosses(graph, { targetHz: -1, weight: 1e-3, neurons }))).toMatch(/^TRAIN_BAD_OPTION: the target firing rate is -1 Hz/);
    expect(code(() => firingRateLosses(graph, { targetHz: 250, weight: 0, neurons }))).toMatch(/^TRAIN_BAD_OPTION: the firing-rate loss weight is 0/);
    const b = new GraphBuilder();
    b.output(b.dense(b.input('x', [2]), { weights: param(new Float32Array(4), [2, 2]) }), 'out');
    expect(code(() => firingRateLosses(b.build(), { targetHz: 250, weight: 1, neurons }))).toMatch(/^TRAIN_NOT_NEURONS: the model has no neuron layers/);
  });

  it('training with a low target lowers the regularized layer\'s rate relative to the same run without it', () => {
    const x = inputs(200, 3);
    const y = Uint8Array.from({ length: 200 }, (_, i) => (x[6 * i] > 0 ? 1 : 0) + (x[6 * i + 1] > 0 ? 1 : 0));
    const meanRate = (regularize: boolean): number => {
      const graph = network(4);
      const model = createModel(graph, { neurons });
      const losses = { out: 'sparseCategoricalCrossentropy' as const, ...(regularize ? firingRateLosses(graph, { targetHz: 0, weight: 1, layers: ['hidden0'], neurons }) : {}) };
      fit(model, { x, y: { out: y }, losses, batchSize: 20, epochs: 5, seed: 1, optimizer: { type: 'adam', learningRate: 0.01 } });
      const rates = predict(model, { x, outputs: ['hidden0'] }).hidden0.data;
      model.dispose();
      return rates.reduce((s, v) => s + v / 0.5, 0) / rates.length;
    };
    const free = meanRate(false);
    const regularized = meanRate(true);
    expect(free).toBeGreaterThan(0.1);
    expect(regularized).toBeLessThan(0.5 * free);
  });
});
