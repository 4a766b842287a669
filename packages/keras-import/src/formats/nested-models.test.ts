import { zipSync } from 'fflate';
import h5wasm from 'h5wasm';
import { describe, expect, it } from 'vitest';
import { writeKerasHdf5 } from '../test-support/h5-writer.js';
import { runModel } from '../test-support/run-model.js';
import { tfjsModel } from '../test-support/tfjs-model.js';
import type { KerasModelJson } from '../wire/types.js';

// inner = Sequential[Dense d1 (2->2, relu), BatchNormalization bn (frozen), Dense d2 (2->1)]; outer = Input(2) -> inner -> Dense head (1->1).
const W = {
  d1k: [1, 2, 3, 4],
  d1b: [0, -20],
  gamma: [2, 1],
  beta: [0.5, 0],
  mean: [1, 0],
  variance: [3.999, 0.999],
  d2k: [0.5, 1],
  d2b: [0.25],
  headk: [3],
  headb: [-1],
};
// x = (1, 1): d1 = relu(4, -14) = (4, 0); bn = (2*(4-1)/2 + 0.5, (0-0)/1) = (3.5, 0); d2 = 2; head = 3*2 - 1 = 5.
const X = [1, 1];
const WANT = 5;

function topology(keras3: boolean): KerasModelJson {
  const ref = (name: string): unknown =>
    keras3 ? { args: [{ class_name: '__keras_tensor__', config: { keras_history: [name, 0, 0] } }], kwargs: {} } : [[name, 0, 0, {}]];
  return {
    class_name: keras3 ? 'Functional' : 'Model',
    config: {
      name: 'outer',
      layers: [
        { class_name: 'InputLayer', name: 'in', config: { name: 'in', [keras3 ? 'batch_shape' : 'batch_input_shape']: [null, 2] }, inbound_nodes: [] },
        {
          class_name: 'Sequential',
          name: 'inner',
          config: {
            name: 'inner',
            layers: [
              { class_name: 'Dense', config: { name: 'd1', units: 2, activation: 'relu', batch_input_shape: [null, 2] } },
              { class_name: 'BatchNormalization', config: { name: 'bn', axis: -1, epsilon: 0.001, trainable: false } },
              { class_name: 'Dense', config: { name: 'd2', units: 1 } },
            ],
          },
          inbound_nodes: [ref('in')],
        },
        { class_name: 'Dense', name: 'head', config: { name: 'head', units: 1 }, inbound_nodes: [ref('inner')] },
      ],
      input_layers: keras3 ? ['in', 0, 0] : [['in', 0, 0]],
      output_layers: keras3 ? ['head', 0, 0] : [['head', 0, 0]],
    },
  };
}

const f32 = (a: number[]): Float32Array => Float32Array.from(a);

describe('nested models', () => {
  it('Keras 2 HDF5: the nested model stores all its weights under one group, trainable ones first', async () => {
    const bytes = await writeKerasHdf5({
      modelConfig: topology(false),
      layers: [
        { name: 'in', weights: [] },
        {
          name: 'inner',
          weights: [
            { name: 'd1/kernel:0', shape: [2, 2], data: f32(W.d1k) },
            { name: 'd1/bias:0', shape: [2], data: f32(W.d1b) },
            { name: 'd2/kernel:0', shape: [2, 1], data: f32(W.d2k) },
            { name: 'd2/bias:0', shape: [1], data: f32(W.d2b) },
            { name: 'bn/gamma:0', shape: [2], data: f32(W.gamma) },
            { name: 'bn/beta:0', shape: [2], data: f32(W.beta) },
            { name: 'bn/moving_mean:0', shape: [2], data: f32(W.mean) },
            { name: 'bn/moving_variance:0', shape: [2], data: f32(W.variance) },
          ],
        },
        { name: 'head', weights: [{ name: 'head/kernel:0', shape: [1, 1], data: f32(W.headk) }, { name: 'head/bias:0', shape: [1], data: f32(W.headb) }] },
      ],
    });
    const { out, graph } = await runModel({ bytes, fileName: 'nested.h5' }, X);
    expect(out[0]).toBeCloseTo(WANT, 5);
    expect(graph.nodes.map((n) => n.id)).toEqual(['in', 'inner/d1', 'inner/d1/activation', 'inner/d2', 'head', 'output']);
  });

  it('Keras 3 .keras archive: weights keyed by class name per container, one level deeper for the nested model', async () => {
    const module = await h5wasm.ready;
    const f = new h5wasm.File('/nested3.h5', 'w');
    const put = (path: string, vars: number[][], shapes: number[][]): void => {
      let g = f as InstanceType<typeof h5wasm.Group>;
      for (const part of [...path.split('/'), 'vars']) g = g.keys().includes(part) ? (g.get(part) as typeof g) : g.create_group(part);
      vars.forEach((v, i) => g.create_dataset({ name: String(i), data: f32(v), shape: shapes[i] }));
    };
    // What Keras 3 writes: `sequential` for the inner model, `dense`, `batch_normalization`, `dense_1` inside it.
    put('layers/sequential/layers/dense', [W.d1k, W.d1b], [[2, 2], [2]]);
    put('layers/sequential/layers/batch_normalization', [W.gamma, W.beta, W.mean, W.variance], [[2], [2], [2], [2]]);
    put('layers/sequential/layers/dense_1', [W.d2k, W.d2b], [[2, 1], [1]]);
    put('layers/dense', [W.headk, W.headb], [[1, 1], [1]]);
    f.close();
    const weights = module.FS.readFile('/nested3.h5');
    module.FS.unlink('/nested3.h5');
    const archive = zipSync({
      'metadata.json': new TextEncoder().encode(JSON.stringify({ keras_version: '3.3.3' })),
      'config.json': new TextEncoder().encode(JSON.stringify(topology(true))),
      'model.weights.h5': weights,
    });
    const { out, meta } = await runModel({ bytes: archive, fileName: 'nested.keras' }, X);
    expect(out[0]).toBeCloseTo(WANT, 5);
    expect(meta.source).toMatchObject({ format: 'keras3-archive', kerasVersion: '3.3.3' });
  });

  it('Keras <= 2.1 Sequential config written as a bare layer list', async () => {
    const model = tfjsModel({ class_name: 'Sequential', config: [{ class_name: 'Dense', config: { name: 'd', units: 1, batch_input_shape: [null, 2] } }] as unknown as Record<string, unknown> }, [
      { name: 'd/kernel', shape: [2, 1], data: [2, 3] },
      { name: 'd/bias', shape: [1], data: [1] },
    ]);
    expect((await runModel(model, [1, 1])).out).toEqual([6]);
  });
});
