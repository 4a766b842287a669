import { describe, expect, it } from 'vitest';
import { failure } from '../test-support/failure.js';
import { conv1d, conv2d, dense, map, toChannelsLast, type KTensor } from '../test-support/keras-naive.js';
import { maxRelDiff, runModel } from '../test-support/run-model.js';
import { sequential, tfjsModel, values } from '../test-support/tfjs-model.js';
import type { KerasModelJson } from '../wire/types.js';

const relu = (v: number): number => Math.max(0, v);
const L = (class_name: string, config: Record<string, unknown>): { class_name: string; config: Record<string, unknown> } => ({ class_name, config });

describe('channels_first models become channels-last at the border', () => {
  // Input (C=2, H=5, W=4); Conv2D 3x3 x3 relu -> (3, 3, 2); Flatten -> 18; Dense 4.
  const kernel = values(3 * 3 * 2 * 3, 7);
  const bias = values(3, 8);
  const dk = values(18 * 4, 9);
  const db = values(4, 10);
  const x: KTensor = { shape: [2, 5, 4], data: Array.from(values(40, 11)) };
  const build = (flatten: Record<string, unknown>): ReturnType<typeof tfjsModel> =>
    tfjsModel(
      sequential([
        L('Conv2D', { name: 'conv', filters: 3, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_first', activation: 'relu', batch_input_shape: [null, 2, 5, 4] }),
        L('Flatten', { name: 'flatten', ...flatten }),
        L('Dense', { name: 'dense', units: 4, activation: 'linear' }),
      ]),
      [
        { name: 'conv/kernel', shape: [3, 3, 2, 3], data: kernel },
        { name: 'conv/bias', shape: [3], data: bias },
        { name: 'dense/kernel', shape: [18, 4], data: dk },
        { name: 'dense/bias', shape: [4], data: db },
      ],
    );
  const conv = map(conv2d(x, kernel, [3, 3, 2, 3], bias, [1, 1], 'valid', 'channels_first'), relu);
  const irInput = toChannelsLast(x).data;

  it('Flatten without data_format (Keras < 2.2, TF.js) flattens (C, H, W): the Dense kernel rows are permuted', async () => {
    const want = dense(conv.data, dk, db, 4);
    const { out } = await runModel(build({}), irInput);
    expect(maxRelDiff(out, want)).toBeLessThan(1e-12);
  });

  it("Flatten(data_format='channels_first') (Keras >= 2.2) flattens (H, W, C): no permutation", async () => {
    const want = dense(toChannelsLast(conv).data, dk, db, 4);
    const { out, meta } = await runModel(build({ data_format: 'channels_first' }), irInput);
    expect(maxRelDiff(out, want)).toBeLessThan(1e-12);
    expect(meta.inputs[0]).toMatchObject({ kerasShape: [2, 5, 4], dataFormat: 'channels_first' });
  });
});

describe('layers', () => {
  it('Conv1D with causal and strided same padding, AveragePooling1D and GlobalAveragePooling1D', async () => {
    const k1 = values(3 * 2 * 4, 1);
    const b1 = values(4, 2);
    const k2 = values(2 * 4 * 3, 3);
    const b2 = values(3, 4);
    const x: KTensor = { shape: [9, 2], data: Array.from(values(18, 5)) };
    const model = tfjsModel(
      sequential([
        L('Conv1D', { name: 'c1', filters: 4, kernel_size: [3], strides: [1], padding: 'causal', activation: 'relu', batch_input_shape: [null, 9, 2] }),
        L('Conv1D', { name: 'c2', filters: 3, kernel_size: 2, strides: 2, padding: 'same', activation: 'linear' }),
        L('AveragePooling1D', { name: 'p', pool_size: [2], strides: [1], padding: 'valid' }),
        L('GlobalAveragePooling1D', { name: 'g' }),
      ]),
      [
        { name: 'c1/kernel', shape: [3, 2, 4], data: k1 },
        { name: 'c1/bias', shape: [4], data: b1 },
        { name: 'c2/kernel', shape: [2, 4, 3], data: k2 },
        { name: 'c2/bias', shape: [3], data: b2 },
      ],
    );
    const h = conv1d(map(conv1d(x, k1, [3, 2, 4], b1, 1, 'causal'), relu), k2, [2, 4, 3], b2, 2, 'same');
    // h is (5, 3); average pool 2/1 -> (4, 3); then the mean over steps.
    const pooled = Array.from({ length: 4 * 3 }, (_, i) => (h.data[i] + h.data[i + 3]) / 2);
    const want = [0, 1, 2].map((c) => (pooled[c] + pooled[3 + c] + pooled[6 + c] + pooled[9 + c]) / 4);
    const { out } = await runModel(model, x.data);
    expect(maxRelDiff(out, want)).toBeLessThan(1e-12);
  });

  it('ZeroPadding2D (asymmetric), MaxPooling2D with same padding, UpSampling2D and GlobalMaxPooling2D', async () => {
    const x: KTensor = { shape: [3, 3, 1], data: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
    const model = tfjsModel(
      sequential([
        L('ZeroPadding2D', { name: 'pad', padding: [[1, 0], [0, 2]], batch_input_shape: [null, 3, 3, 1] }),
        L('MaxPooling2D', { name: 'pool', pool_size: [2, 2], strides: [2, 2], padding: 'same' }),
        L('UpSampling2D', { name: 'up', size: [2, 1] }),
        L('Flatten', { name: 'flat' }),
      ]),
      [],
    );
    // Padded (4, 5): rows [0 0 0 0 0], [1 2 3 0 0], [4 5 6 0 0], [7 8 9 0 0]; 2x2/2 same -> (2, 3).
    const pooled = [2, 3, 0, 8, 9, 0];
    const want = [...pooled.slice(0, 3), ...pooled.slice(0, 3), ...pooled.slice(3), ...pooled.slice(3)];
    const { out } = await runModel(model, x.data);
    expect(out).toEqual(want);
    const gmax = tfjsModel(sequential([L('GlobalMaxPooling2D', { name: 'g', batch_input_shape: [null, 3, 3, 1] })]), []);
    expect((await runModel(gmax, x.data)).out).toEqual([9]);
  });

  it('BatchNormalization becomes an affine node scale = gamma/sqrt(var+eps), bias = beta - scale*mean, folded into the Dense before it', async () => {
    const gamma = [2, 0.5];
    const beta = [1, -1];
    const mean = [0.5, -2];
    const variance = [3, 0.25];
    const eps = 0.001;
    const k = [1, -2, 3, 4, 0.5, -1];
    const topology = sequential([
      L('Dense', { name: 'd', units: 2, batch_input_shape: [null, 3] }),
      L('BatchNormalization', { name: 'bn', axis: -1, epsilon: eps, trainable: false }),
      L('Activation', { name: 'act', activation: 'relu' }),
    ]);
    const weights = [
      { name: 'd/kernel', shape: [3, 2], data: k },
      { name: 'd/bias', shape: [2], data: [0.25, -0.5] },
      { name: 'bn/gamma', shape: [2], data: gamma },
      { name: 'bn/beta', shape: [2], data: beta },
      { name: 'bn/moving_mean', shape: [2], data: mean },
      { name: 'bn/moving_variance', shape: [2], data: variance },
    ];
    const x = [0.3, -0.7, 1.1];
    const d = dense(x, Float32Array.from(k), [0.25, -0.5], 2);
    const want = d.map((v, c) => relu(((v - mean[c]) / Math.sqrt(variance[c] + eps)) * gamma[c] + beta[c]));
    const folded = await runModel(tfjsModel(topology, weights), x);
    expect(maxRelDiff(folded.out, want)).toBeLessThan(1e-6);
    expect(folded.graph.nodes.map((n) => n.kind)).toEqual(['input', 'dense', 'neurons', 'output']);
    const kept = await runModel(tfjsModel(topology, weights), x, { foldBatchNorm: false });
    const affine = kept.graph.nodes.find((n) => n.kind === 'affine');
    expect(affine?.kind === 'affine' && Array.from(affine.scale.data)).toEqual([0, 1].map((c) => Math.fround(gamma[c] / Math.sqrt(variance[c] + eps))));
    expect(affine?.kind === 'affine' && Array.from(affine.bias.data)).toEqual(
      [0, 1].map((c) => Math.fround(beta[c] - (gamma[c] / Math.sqrt(variance[c] + eps)) * mean[c])),
    );
    expect(maxRelDiff(kept.out, want)).toBeLessThan(1e-6);
  });

  it('BatchNormalization after a ReLU is not folded backwards across it (it folds forwards into the next Dense)', async () => {
    const topology = sequential([
      L('Dense', { name: 'd', units: 2, activation: 'relu', batch_input_shape: [null, 2] }),
      L('BatchNormalization', { name: 'bn', trainable: false, center: false }),
      L('Dense', { name: 'd2', units: 1 }),
    ]);
    const weights = [
      { name: 'd/kernel', shape: [2, 2], data: [1, -1, -1, 1] },
      { name: 'd/bias', shape: [2], data: [0, 0] },
      { name: 'bn/gamma', shape: [2], data: [3, 5] },
      { name: 'bn/moving_mean', shape: [2], data: [1, 2] },
      { name: 'bn/moving_variance', shape: [2], data: [0.999, 3.999] },
      { name: 'd2/kernel', shape: [2, 1], data: [1, 1] },
      { name: 'd2/bias', shape: [1], data: [0] },
    ];
    // x = (2, 1): relu -> (1, 0); bn (eps 1e-3): (3*(1-1)/1, 5*(0-2)/2) = (0, -5); sum -5.
    const { out, graph } = await runModel(tfjsModel(topology, weights), [2, 1]);
    expect(out[0]).toBeCloseTo(-5, 5);
    expect(graph.nodes.map((n) => n.kind)).toEqual(['input', 'dense', 'neurons', 'dense', 'output']);
  });

  it('BatchNormalization that is trainable converts for inference only (NengoDL needs inference_only) and is listed in metadata.inferenceOnly', async () => {
    const topology = sequential([L('BatchNormalization', { name: 'bn', batch_input_shape: [null, 2] })]);
    const weights = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((r) => ({ name: `bn/${r}`, shape: [2], data: [1, 1] }));
    const { out, meta } = await runModel(tfjsModel(topology, weights), [1, 2]);
    // (x - 1) / sqrt(1 + 1e-3) + 1
    [1, 2].forEach((x, i) => expect(out[i]).toBeCloseTo((x - 1) / Math.sqrt(1.001) + 1, 6));
    expect(meta.inferenceOnly).toEqual([{ layer: 'bn', node: 'bn', reason: "converted batch normalization 'bn' with its moving mean and variance" }]);
    const frozen = sequential([L('BatchNormalization', { name: 'bn', batch_input_shape: [null, 2], trainable: false })]);
    expect((await runModel(tfjsModel(frozen, weights), [1, 2])).meta.inferenceOnly).toBeUndefined();
  });

  it('activations: tanh and sigmoid map to Tanh/Sigmoid with tauRef 1, LeakyReLU and ReLU(negative_slope) to LeakyReLU', async () => {
    const topology = sequential([
      L('Dense', { name: 'a', units: 2, activation: 'tanh', batch_input_shape: [null, 2] }),
      L('Dense', { name: 'b', units: 2, activation: 'sigmoid' }),
      L('LeakyReLU', { name: 'leaky', alpha: 0.2 }),
      L('Dense', { name: 'c', units: 2 }),
      L('ReLU', { name: 'r', negative_slope: 0.1 }),
    ]);
    const w = (n: string, seed: number): { name: string; shape: number[]; data: Float32Array }[] => [
      { name: `${n}/kernel`, shape: [2, 2], data: values(4, seed) },
      { name: `${n}/bias`, shape: [2], data: values(2, seed + 1) },
    ];
    const x = [0.4, -0.9];
    const k = (seed: number): Float32Array => values(4, seed);
    const bb = (seed: number): Float32Array => values(2, seed + 1);
    let h = dense(x, k(1), bb(1), 2).map(Math.tanh);
    h = dense(h, k(3), bb(3), 2).map((v) => 1 / (1 + Math.exp(-v)));
    h = h.map((v) => (v >= 0 ? v : 0.2 * v));
    h = dense(h, k(5), bb(5), 2).map((v) => (v >= 0 ? v : 0.1 * v));
    const { out, graph } = await runModel(tfjsModel(topology, [...w('a', 1), ...w('b', 3), ...w('c', 5)]), x);
    expect(maxRelDiff(out, h)).toBeLessThan(1e-12);
    const neurons = graph.nodes.filter((n) => n.kind === 'neurons').map((n) => (n.kind === 'neurons' ? [n.neuronType, n.params] : []));
    expect(neurons).toEqual([
      ['Tanh', { tauRef: 1 }],
      ['Sigmoid', { tauRef: 1 }],
      ['LeakyReLU', { negativeSlope: 0.2 }],
      ['LeakyReLU', { negativeSlope: 0.1 }],
    ]);
  });

  it('a dense-only model that declares no input shape gets it from the first Dense kernel', async () => {
    const topology = sequential([L('Dropout', { name: 'drop', rate: 0.5 }), L('Dense', { name: 'd', units: 2, activation: 'relu' })]);
    const { graph, meta, out } = await runModel(tfjsModel(topology, [
      { name: 'd/kernel', shape: [3, 2], data: [1, 0, 0, 1, 1, 1] },
      { name: 'd/bias', shape: [2], data: [0, -10] },
    ]), [1, 2, 3]);
    expect(meta.inputs[0].kerasShape).toEqual([3]);
    expect(graph.nodes[0]).toMatchObject({ kind: 'input', shape: [3] });
    expect(out).toEqual([4, 0]);
  });
});

describe('Keras 3 config details', () => {
  it('accepts dtype-policy objects, module/registered_name fields, batch_shape and serialized activation functions', async () => {
    const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    const topology = {
      module: 'keras',
      class_name: 'Sequential',
      config: {
        name: 'seq',
        dtype: policy,
        layers: [
          { module: 'keras.layers', class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 2], dtype: 'float32' }, registered_name: null },
          {
            module: 'keras.layers',
            class_name: 'Dense',
            config: { name: 'd', units: 2, dtype: policy, activation: { module: 'keras.activations', class_name: 'function', config: 'relu', registered_name: 'function' } },
            registered_name: null,
            build_config: { input_shape: [null, 2] },
          },
        ],
      },
      registered_name: null,
    } as unknown as KerasModelJson;
    const { out, graph } = await runModel(tfjsModel(topology, [{ name: 'd/kernel', shape: [2, 2], data: [1, -1, 1, -1] }, { name: 'd/bias', shape: [2], data: [0, 0] }]), [2, 1]);
    expect(out).toEqual([3, 0]);
    expect(graph.nodes.map((n) => n.kind)).toEqual(['input', 'dense', 'neurons', 'output']);
  });
});

describe('functional models', () => {
  /** Keras 3 call record for `layer` with its input tensors. */
  const call = (...from: string[]): unknown => ({
    args: [from.length === 1 ? tensor(from[0]) : from.map(tensor)],
    kwargs: {},
  });
  const tensor = (name: string): unknown => ({ class_name: '__keras_tensor__', config: { shape: [null, 3], dtype: 'float32', keras_history: [name, 0, 0] } });
  const layer = (class_name: string, config: Record<string, unknown>, inbound: unknown[]): Record<string, unknown> => ({ class_name, name: config.name, config, inbound_nodes: inbound });

  it('Keras 3 dict-form inbound nodes; Add, Average and Concatenate', async () => {
    const topology: KerasModelJson = {
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [
          layer('InputLayer', { name: 'in', batch_shape: [null, 3] }, []),
          layer('Dense', { name: 'a', units: 3, activation: 'relu' }, [call('in')]),
          layer('Dense', { name: 'b', units: 3 }, [call('in')]),
          layer('Add', { name: 'sum' }, [call('a', 'b')]),
          layer('Average', { name: 'avg' }, [call('a', 'b')]),
          layer('Concatenate', { name: 'cat', axis: -1 }, [call('sum', 'avg')]),
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['cat', 0, 0]],
      },
    };
    const ka = values(9, 1);
    const kb = values(9, 2);
    const model = tfjsModel(topology, [
      { name: 'a/kernel', shape: [3, 3], data: ka },
      { name: 'a/bias', shape: [3], data: [0, 0, 0] },
      { name: 'b/kernel', shape: [3, 3], data: kb },
      { name: 'b/bias', shape: [3], data: [0.5, 0.5, 0.5] },
    ]);
    const x = [0.2, -0.4, 0.9];
    const a = dense(x, ka, [0, 0, 0], 3).map(relu);
    const b = dense(x, kb, [0.5, 0.5, 0.5], 3);
    const want = [...a.map((v, i) => v + b[i]), ...a.map((v, i) => (v + b[i]) / 2)];
    const { out, graph } = await runModel(model, x);
    expect(maxRelDiff(out, want)).toBeLessThan(1e-12);
    expect(graph.nodes.find((n) => n.id === 'avg')).toMatchObject({ kind: 'add', scale: 0.5 });
  });

  it('a nested Sequential model inside a Functional model (Keras 2 list-form inbound nodes)', async () => {
    const inner = {
      class_name: 'Sequential',
      name: 'inner',
      config: { name: 'inner', layers: [L('Dense', { name: 'd1', units: 2, activation: 'relu', batch_input_shape: [null, 2] }), L('Dense', { name: 'd2', units: 1 })] },
      inbound_nodes: [[['in', 0, 0, {}]]],
    };
    const topology: KerasModelJson = {
      class_name: 'Model',
      config: {
        name: 'outer',
        layers: [layer('InputLayer', { name: 'in', batch_input_shape: [null, 2] }, []), inner, layer('Activation', { name: 'act', activation: 'sigmoid' }, [[['inner', 0, 0, {}]]])],
        input_layers: [['in', 0, 0]],
        output_layers: [['act', 0, 0]],
      },
    };
    const model = tfjsModel(topology, [
      { name: 'inner/d1/kernel', shape: [2, 2], data: [1, 2, 3, 4] },
      { name: 'inner/d1/bias', shape: [2], data: [0, -20] },
      { name: 'inner/d2/kernel', shape: [2, 1], data: [0.5, 1] },
      { name: 'inner/d2/bias', shape: [1], data: [0.25] },
    ]);
    // x = (1, 1): d1 = relu(4, -14) = (4, 0); d2 = 2.25; sigmoid.
    const { out, graph } = await runModel(model, [1, 1]);
    expect(out[0]).toBeCloseTo(1 / (1 + Math.exp(-2.25)), 12);
    expect(graph.nodes.map((n) => n.id)).toEqual(['in', 'inner/d1', 'inner/d1/activation', 'inner/d2', 'act', 'output']);
  });

  it('a weighted layer applied twice: KERAS_SHARED_LAYER', async () => {
    const topology: KerasModelJson = {
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [layer('InputLayer', { name: 'in', batch_shape: [null, 2] }, []), layer('Dense', { name: 'd', units: 2 }, [call('in'), { args: [{ class_name: '__keras_tensor__', config: { keras_history: ['d', 0, 0] } }], kwargs: {} }])],
        input_layers: [['in', 0, 0]],
        output_layers: [['d', 1, 0]],
      },
    };
    const e = await failure(() => runModel(tfjsModel(topology, [{ name: 'd/kernel', shape: [2, 2], data: [1, 0, 0, 1] }, { name: 'd/bias', shape: [2], data: [0, 0] }]), [1, 2]));
    expect(e.code).toBe('KERAS_SHARED_LAYER');
    expect(e.message).toContain("Multiple applications of layer 'd' (Dense)");
  });
});
