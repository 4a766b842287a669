import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, createRng, heUniform, isSnnError, param, scaleFiringRates, setSynapses, swapNeurons, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { compile, evaluate as evaluateSim, initBackend } from '@snn/sim';
import { createModel, exportGraph, fit, initTraining } from '@snn/train';
import { createLoihiRegistries } from '../registries.js';
import { emulateClassifierParallel } from '../node/emulate-classifier-parallel.js';
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

/** The MLP trained 3 epochs on 2000 MNIST images, ReLU -> LoihiSpikingRectifiedLinear x100, lowpass 5 ms (trained once). */
let trained: Graph | undefined;
function trainedLoihiMlp(): Graph {
  if (trained) return trained;
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
  const graph = swapNeurons(exportGraph(model), { RectifiedLinear: 'LoihiSpikingRectifiedLinear' });
  trained = setSynapses(scaleFiringRates(graph, 100), { type: 'lowpass', params: { tau: 0.005 } });
  return trained;
}

describe('emulateClassifier: a trained MNIST MLP on the integer emulator vs the float simulator', () => {
  it('200 test images give the same accuracy within a few images', () => {
    const registries = createLoihiRegistries();
    const graph = trainedLoihiMlp();
    const test = loadMnist('test', 200);
    const steps = 30;

    const sim = compile(graph, { ...registries, mode: 'spiking' });
    const float = evaluateSim(sim, { image: test.images }, test.labels, { nSteps: steps }).accuracy;
    const chip = emulateClassifier(graph, test.images, test.labels, { steps, registries });
    const gap = Math.round(Math.abs(chip.accuracy - float) * 200);
    console.log(`MNIST 784-64-64-10 LoihiSRL x100, ${steps} steps, 200 images: float sim ${float}, emulator ${chip.accuracy} (gap ${gap} images); rates ${JSON.stringify(chip.firingRateHz)}; quantization ${chip.mapping.layers.map((l) => l.quantization?.relativeError.toFixed(4)).join(', ')}; warnings ${chip.warnings.join('; ') || 'none'}`);
    // measured 0.84 on these 200 images (seeded, one thread; repeats exactly), pinned within 3 binomial
    // standard errors on 200 images, 3 * sqrt(0.84 * 0.16 / 200) = 0.078, both sides
    expect(Math.abs(float - 0.84)).toBeLessThan(3 * Math.sqrt((0.84 * 0.16) / 200));
    expect(gap).toBeLessThanOrEqual(6);
    expect(chip.warnings).toEqual([]);
    expect(chip.firingRateHz.relu1).toBeGreaterThan(5);
    expect(graphToLoihiLayers(graph).map((l) => [l.name, l.offChip ?? false])).toEqual([['relu0', true], ['relu1', false], ['dense2', true]]);
  }, 240_000);

  it('on 2 worker threads gives exactly the single-threaded result (210 images: shards of 100 and 110)', async () => {
    const graph = trainedLoihiMlp();
    const test = loadMnist('test', 210);
    const options = { steps: 30, batchSize: 50 };
    const single = emulateClassifier(graph, test.images, test.labels, options);
    const seen: number[] = [];
    const parallel = await emulateClassifierParallel(graph, test.images, test.labels, { ...options, workers: 2, onProgress: (done, total) => seen.push(done, total) });
    expect(parallel.predictions).toEqual(single.predictions);
    expect(parallel.accuracy).toBe(single.accuracy);
    expect(parallel.firingRateHz).toEqual(single.firingRateHz);
    expect(parallel.saturation).toEqual(single.saturation);
    expect(parallel.warnings).toEqual(single.warnings);
    expect(parallel.mapping.layers.map((l) => l.name)).toEqual(['relu1']);
    expect(seen.slice(-2)).toEqual([210, 210]);
    expect(Math.max(...seen.filter((_, i) => i % 2 === 0))).toBe(210);
  }, 240_000);

  it('a failing worker rejects with LOIHI_WORKER naming its shard', async () => {
    const graph = trainedLoihiMlp();
    const test = loadMnist('test', 100);
    const registryModule = 'data:text/javascript,export const createRegistries = () => { throw new Error("no registry here") }';
    const run = emulateClassifierParallel(graph, test.images, test.labels, { steps: 2, workers: 2, registryModule });
    await expect(run).rejects.toThrow(/^shard [12]\/2 \(images (0-49|50-99) of 100\) failed: no registry here$/);
    await run.catch((e: unknown) => expect(isSnnError(e, 'LOIHI_WORKER')).toBe(true));
  }, 60_000);
});

describe('emulateClassifier: neurons at one spike per step', () => {
  /** 4 inputs -> host ReLU (silent on zero images) -> chip Loihi ReLU driven by biases `bias` (Hz) -> 2 classes. */
  function biased(bias: number[]): Graph {
    const b = new GraphBuilder();
    const n = bias.length;
    let h = b.neurons(b.dense(b.input('x', [4]), { id: 'dense0', weights: param(new Float32Array(16).fill(0.5), [4, 4]) }), { id: 'relu0', neuronType: 'SpikingRectifiedLinear' });
    h = b.neurons(b.dense(h, { id: 'dense1', weights: param(new Float32Array(4 * n).fill(0.001), [4, n]), bias: param(Float32Array.from(bias), [n]) }), { id: 'relu1', neuronType: 'LoihiSpikingRectifiedLinear' });
    const w = new Float32Array(2 * n);
    w[0] = 1;
    b.output(b.dense(h, { id: 'dense2', weights: param(w, [n, 2]) }), 'out');
    return b.build();
  }

  it('counts the neurons that spiked on every step and warns naming the layer', () => {
    // J = 1500 and 2500 pass the threshold (1/dt) every step; 800 every 2nd step, 400 every 3rd, 0 never
    const graph = biased([1500, 2500, 800, 0, 400]);
    const images = new Float32Array(3 * 4);
    const result = emulateClassifier(graph, images, [0, 0, 0], { steps: 30, batchSize: 2 });
    expect(result.saturation.relu1).toEqual({ neurons: 5, saturatedNeurons: 2, fraction: 0.4, saturated: Uint8Array.from([1, 1, 0, 0, 0]) });
    expect(result.firingRateHz.relu1).toBe((3 * (30 + 30 + 15 + 0 + 10)) / (3 * 5 * 30 * 0.001));
    expect(result.firingRateHz.relu0).toBe(0);
    expect(result.warnings).toEqual([
      'relu1: 2 of 5 neurons spiked on every step from their first spike on (40.00% of neuron-image pairs over 3 images x 30 steps), saturated at the inverse time step (1000.000 Hz): a Loihi neuron spikes at most once per step, so larger inputs are clipped; lower the firing-rate scale of relu1',
    ]);
  });

  it('has no saturation warning below one spike per step', () => {
    const result = emulateClassifier(biased([900, 400]), new Float32Array(4), [0], { steps: 20 });
    expect(result.saturation.relu1).toEqual({ neurons: 2, saturatedNeurons: 0, fraction: 0, saturated: new Uint8Array(2) });
    expect(result.warnings).toEqual([]);
  });
});
