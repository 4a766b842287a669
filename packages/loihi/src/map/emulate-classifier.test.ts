import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, createRng, heUniform, param, scaleFiringRates, setSynapses, swapNeurons, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { compile, evaluate as evaluateSim, initBackend } from '@snn/sim';
import { createModel, exportGraph, fit, initTraining } from '@snn/train';
import { createLoihiRegistries } from '../registries.js';
import { emulateClassifier } from './emulate-classifier.js';
import { graphToLoihiLayers } from './graph-to-layers.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
  await initBackend();
});

/** 784 -> dense 64 ReLU (the host "to-spikes" layer) -> dense 64 ReLU -> dense 10. */
function mlp(seed: number): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  let h = b.flatten(b.input('image', [28, 28, 1]), { id: 'flatten' });
  h = b.neurons(b.dense(h, { id: 'dense0', weights: heUniform([784, 64], 784, rng), bias: param(new Float32Array(64), [64]) }), { id: 'relu0', neuronType: 'RectifiedLinear' });
  h = b.neurons(b.dense(h, { id: 'dense1', weights: heUniform([64, 64], 64, rng), bias: param(new Float32Array(64), [64]) }), { id: 'relu1', neuronType: 'RectifiedLinear' });
  b.output(b.dense(h, { id: 'dense2', weights: heUniform([64, 10], 64, rng), bias: param(new Float32Array(10), [10]) }), 'out');
  return b.build();
}

describe('emulateClassifier: a trained MNIST MLP on the integer emulator vs the float simulator', () => {
  it('200 test images give the same accuracy within a few images', () => {
    const registries = createLoihiRegistries();
    const train = loadMnist('train', 2000);
    const model = createModel(mlp(3), { neurons: registries.neurons });
    fit(model, {
      x: { data: train.images, shape: [2000, 28, 28, 1] },
      y: { out: train.labels },
      losses: { out: 'sparseCategoricalCrossentropy' },
      optimizer: { type: 'adam', learningRate: 1e-3 },
      batchSize: 50,
      epochs: 3,
      seed: 1,
    });
    let graph = swapNeurons(exportGraph(model), { RectifiedLinear: 'LoihiSpikingRectifiedLinear' });
    graph = setSynapses(scaleFiringRates(graph, 100), { type: 'lowpass', params: { tau: 0.005 } });
    const test = loadMnist('test', 200);
    const steps = 30;

    const sim = compile(graph, { ...registries, mode: 'spiking' });
    const float = evaluateSim(sim, { image: test.images }, test.labels, { nSteps: steps }).accuracy;
    const chip = emulateClassifier(graph, test.images, test.labels, { steps, registries });
    const gap = Math.round(Math.abs(chip.accuracy - float) * 200);
    console.log(`MNIST 784-64-64-10 LoihiSRL x100, ${steps} steps, 200 images: float sim ${float}, emulator ${chip.accuracy} (gap ${gap} images); rates ${JSON.stringify(chip.firingRateHz)}; quantization ${chip.mapping.layers.map((l) => l.quantization?.relativeError.toFixed(4)).join(', ')}; warnings ${chip.warnings.join('; ') || 'none'}`);
    expect(float).toBeGreaterThan(0.8);
    expect(gap).toBeLessThanOrEqual(6);
    expect(chip.warnings).toEqual([]);
    expect(chip.firingRateHz.relu1).toBeGreaterThan(5);
    expect(graphToLoihiLayers(graph).map((l) => [l.name, l.offChip ?? false])).toEqual([['relu0', true], ['relu1', false], ['dense2', true]]);
  }, 240_000);
});
