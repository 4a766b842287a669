import type { Graph, NeuronsNode } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { applyConversion } from '@snn/ir';
import { conversionHooks, createNeuronRegistry } from '@snn/neurons';
import type { KerasGraphMetadata } from './convert-model.js';
import { kerasConversionOptions, type KerasConversionOptions } from './conversion-options.js';
import type { WeightToWrite } from '../test-support/h5-writer.js';
import { rewriteFixture } from '../test-support/rewrite.js';
import type { KerasModelJson } from '../wire/types.js';
import { importKeras } from '../import-keras.js';
import { failure } from '../test-support/failure.js';
import { FIXTURES, first20, fixtureInput, mnistTestImages } from '../test-support/fixtures.js';
import { maxRelDiff, runModel } from '../test-support/run-model.js';
import { sequential, tfjsModel } from '../test-support/tfjs-model.js';

const AVG = 'snn_lenet_avgpool_bias.h5';
const neurons = (g: Graph): NeuronsNode[] => g.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons');
const image0 = (): Float64Array => mnistTestImages(1);

describe('conversion options', () => {
  it('swapActivations by Keras name (and by neuron type name) changes every relu population; unused keys warn', async () => {
    const byKeras = await importKeras(fixtureInput(AVG), { swapActivations: { relu: 'SpikingRectifiedLinear', tanh: 'LIF' } });
    expect(neurons(byKeras.graph).map((n) => n.neuronType)).toEqual(['SpikingRectifiedLinear', 'SpikingRectifiedLinear', 'SpikingRectifiedLinear']);
    expect(byKeras.warnings).toEqual(['swapActivations contained tanh, but there were no layers in the model with that activation type']);
    const byType = await importKeras(fixtureInput(AVG), { swapActivations: { RectifiedLinear: { neuronType: 'LIF', params: { tauRc: 0.05 } } } });
    expect(neurons(byType.graph).map((n) => [n.neuronType, n.params])).toEqual(Array(3).fill(['LIF', { tauRc: 0.05 }]));
    const e = await failure(() => importKeras(fixtureInput(AVG), { swapActivations: { relu: 'NoSuchNeuron' } }));
    expect(e.code).toBe('KERAS_BAD_OPTION');
    expect(e.message).toContain('swapActivations.relu');
  });

  it('scaleFiringRates (global): gain s, amplitude 1/s, and the rate-mode output is unchanged for ReLU', async () => {
    const plain = await runModel(fixtureInput(AVG), image0());
    const scaled = await runModel(fixtureInput(AVG), image0(), { scaleFiringRates: 5 });
    for (const n of neurons(scaled.graph)) {
      expect(Array.from(n.gain?.data ?? [])).toEqual([5]);
      expect(n.params?.amplitude).toBeCloseTo(0.2, 15);
    }
    expect(maxRelDiff(scaled.out, plain.out)).toBeLessThan(1e-12);
    expect(scaled.meta.conversion.scaleFiringRates).toBe(5);
  });

  it('scaleFiringRates (per Keras layer): only the named layers change; unknown names are errors', async () => {
    const { graph } = await importKeras(fixtureInput(AVG), { scaleFiringRates: { conv2d_2: 10 } });
    const scaled = neurons(graph).filter((n) => n.gain !== undefined);
    expect(scaled.map((n) => n.id)).toEqual(['conv2d_2/activation']);
    const e = await failure(() => importKeras(fixtureInput(AVG), { scaleFiringRates: { conv9: 2 } }));
    expect(e.code).toBe('KERAS_BAD_OPTION');
    expect(e.message).toContain("names layer 'conv9'");
  });

  it('scaleFiringRates on Sigmoid (no amplitude) scales the gain only and warns, as NengoDL does', async () => {
    const model = tfjsModel(sequential([{ class_name: 'Dense', config: { name: 'd', units: 1, activation: 'sigmoid', batch_input_shape: [null, 1] } }]), [
      { name: 'd/kernel', shape: [1, 1], data: [1] },
      { name: 'd/bias', shape: [1], data: [0] },
    ]);
    const { out, warnings, graph } = await runModel(model, [0.5], { scaleFiringRates: 2 });
    expect(out[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(neurons(graph)[0].params).toEqual({ tauRef: 1 });
    expect(warnings[0]).toMatch(/does not support amplitude \(Sigmoid/);
  });

  it('synapse: a lowpass on every edge leaving a neurons node, none elsewhere', async () => {
    const { graph } = await importKeras(fixtureInput(AVG), { synapse: 0.005 });
    const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    for (const e of graph.edges) {
      if (kinds.get(e.source) === 'neurons') expect(e.synapse).toEqual({ type: 'lowpass', params: { tau: 0.005 } });
      else expect(e.synapse).toBeUndefined();
    }
    expect(graph.edges.filter((e) => e.synapse)).toHaveLength(3);
    const alpha = await importKeras(fixtureInput(AVG), { synapse: { type: 'alpha', params: { tau: 0.01 } } });
    expect(alpha.graph.edges.find((e) => e.synapse)?.synapse).toEqual({ type: 'alpha', params: { tau: 0.01 } });
    await expect(importKeras(fixtureInput(AVG), { synapse: -1 })).rejects.toThrow(/tau must be finite seconds > 0/);
  });

  it('maxToAvgPool turns max pooling into average pooling; by default max pooling stays exact', async () => {
    const file = 'snn_lenet5_channels_first_k224.h5';
    const ops = (g: Graph): string[] => g.nodes.flatMap((n) => (n.kind === 'pool' ? [n.op] : []));
    expect(ops((await importKeras(fixtureInput(file))).graph)).toEqual(['max', 'max']);
    expect(ops((await importKeras(fixtureInput(file), { maxToAvgPool: true })).graph)).toEqual(['avg', 'avg']);
  });

  it('inputScale/inputOffset add an affine node after the input: raw 0..255 pixels give the reference logits', async () => {
    const raw = mnistTestImages(1).map((v) => Math.round(v * 255));
    const { out, meta, graph } = await runModel(fixtureInput(AVG), raw, { inputScale: 1 / 255, foldBatchNorm: false });
    expect(maxRelDiff(out, first20('snn_lenet_avgpool_bias').logits[0])).toBeLessThan(1e-6);
    expect(meta.conversion.inputScaling).toEqual({ scale: 1 / 255, offset: 0 });
    expect(graph.nodes[1]).toMatchObject({ id: 'input/scaling', kind: 'affine', trainable: false });
    const folded = await runModel(fixtureInput(AVG), raw, { inputScale: 1 / 255, inputOffset: 0 });
    expect(folded.graph.nodes.some((n) => n.kind === 'affine')).toBe(false);
    expect(maxRelDiff(folded.out, first20('snn_lenet_avgpool_bias').logits[0])).toBeLessThan(1e-6);
    expect((await failure(() => importKeras(fixtureInput(AVG), { inputScale: Number.NaN }))).code).toBe('KERAS_BAD_OPTION');
  });

  it('outputs must name layers of the model', async () => {
    const e = await failure(() => importKeras(fixtureInput(AVG), { outputs: ['nope'] }));
    expect(e.code).toBe('KERAS_BAD_OPTION');
    expect(e.message).toContain('dense_1');
  });

  it('records the settings in graph metadata, in graph terms (node ids, neuron type names)', async () => {
    const { graph } = await importKeras(fixtureInput(AVG), { synapse: 0.01, maxToAvgPool: true, inferenceOnly: true, swapActivations: { relu: 'LIF' }, scaleFiringRates: { conv2d_2: 4 } });
    const m = graph.metadata as unknown as KerasGraphMetadata;
    expect(m.conversion).toEqual({
      dataFormat: 'channels_last',
      theanoKernels: false,
      foldBatchNorm: true,
      maxToAvgPool: true,
      swapNeurons: { byType: { RectifiedLinear: { neuronType: 'LIF', params: {} } } },
      scaleFiringRates: { 'conv2d_2/activation': 4 },
      synapse: { type: 'lowpass', params: { tau: 0.01 } },
    });
  });

  it('per-layer neuron types and synapses (Keras layer names or node ids)', async () => {
    const { graph } = await importKeras(fixtureInput(AVG), { swapActivations: { relu: 'SpikingRectifiedLinear' }, layerNeurons: { conv2d_3: 'LIF' }, synapse: 0.005, layerSynapses: { conv2d_1: null, 'conv2d_3/activation': 0.02 } });
    expect(neurons(graph).map((n) => `${n.id}:${n.neuronType}`)).toEqual(['conv2d_1/activation:SpikingRectifiedLinear', 'conv2d_2/activation:SpikingRectifiedLinear', 'conv2d_3/activation:LIF']);
    expect(graph.edges.filter((e) => e.synapse).map((e) => [e.source, e.synapse?.params?.tau])).toEqual([
      ['conv2d_2/activation', 0.005],
      ['conv2d_3/activation', 0.02],
    ]);
    const e = await failure(() => importKeras(fixtureInput(AVG), { layerSynapses: { nothing: 0.01 } }));
    expect(e.message).toContain("option layerSynapses names layer 'nothing', which the model does not have; layers: conv2d_1");
  });
});

describe('importing with options = importing without them, then the same options as @snn/ir passes', () => {
  const registry = createNeuronRegistry();
  const text = (g: Graph): string => JSON.stringify(g, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v));
  const optionSets = (input: string): KerasConversionOptions[] => [
    { swapActivations: { relu: 'SpikingRectifiedLinear' }, scaleFiringRates: 50, synapse: 0.005, maxToAvgPool: true },
    { swapActivations: { RectifiedLinear: 'LIF' }, inputScale: 1 / 255, inputOffset: 0.1, layerSynapses: { [input]: { type: 'alpha', params: { tau: 0.01 } } } },
  ];

  it.each(FIXTURES.map((f) => [f.id, f.file] as const))('%s: same nodes, edges, parameter bytes and metadata', async (_, file) => {
    const plain = (await importKeras(fixtureInput(file))).graph;
    for (const options of optionSets(plain.nodes[0].id)) {
      const direct = await importKeras(fixtureInput(file), options);
      const { options: ir } = kerasConversionOptions(plain, options, { neuronTypes: registry });
      const passes = applyConversion(plain, ir, conversionHooks(registry)).graph;
      expect(text(passes)).toBe(text(direct.graph));
    }
  });
});

describe('trainable BatchNormalization and regularizers convert for inference only', () => {
  /** snn_lenet_avgpool_bias.h5 with an L2 kernel regularizer on conv2d_1 and an identity, trainable BatchNormalization after it (then the relu). */
  async function withBatchNorm(): Promise<Uint8Array> {
    return rewriteFixture(AVG, (parts) => {
      const config = parts.model.config as { layers: { class_name: string; config: Record<string, unknown> }[] };
      const [conv, ...rest] = config.layers;
      const layers = [
        { ...conv, config: { ...conv.config, activation: 'linear', kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 0.001 } } } },
        { class_name: 'BatchNormalization', config: { name: 'bn_1', axis: -1, epsilon: 0.001, center: true, scale: true, trainable: true } },
        { class_name: 'Activation', config: { name: 'relu_1', activation: 'relu' } },
        ...rest,
      ];
      const c = 6;
      const bn = (role: string, v: number): WeightToWrite => ({ name: `bn_1/${role}:0`, shape: [c], data: new Float32Array(c).fill(v) });
      const weights = [bn('gamma', 1), bn('beta', 0), bn('moving_mean', 0), bn('moving_variance', 1 - 0.001)];
      return {
        modelConfig: { ...parts.model, config: { ...(parts.model.config as Record<string, unknown>), layers } } as KerasModelJson,
        layers: [parts.layers[0], { name: 'bn_1', weights }, { name: 'relu_1', weights: [] }, ...parts.layers.slice(1)],
      };
    });
  }

  it('import without inferenceOnly: the BN folds into conv2d_1, both layers are listed in metadata.inferenceOnly, the logits are the reference', async () => {
    const bytes = await withBatchNorm();
    const folded = await runModel({ bytes, fileName: 'bn.h5' }, image0());
    expect(folded.graph.nodes.some((n) => n.kind === 'affine')).toBe(false);
    expect(folded.meta.inferenceOnly).toEqual([
      { layer: 'conv2d_1', node: 'conv2d_1', reason: "ignored kernel_regularizer of 'conv2d_1'" },
      { layer: 'bn_1', node: 'conv2d_1', reason: "folded batch normalization 'bn_1' into 'conv2d_1'" },
    ]);
    expect(maxRelDiff(folded.out, first20('snn_lenet_avgpool_bias').logits[0])).toBeLessThan(1e-5);
    const kept = await runModel({ bytes, fileName: 'bn.h5' }, image0(), { foldBatchNorm: false });
    expect(kept.meta.inferenceOnly?.[1]).toEqual({ layer: 'bn_1', node: 'bn_1', reason: "converted batch normalization 'bn_1' with its moving mean and variance" });
  });
});
