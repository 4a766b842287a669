import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, createRng, heUniform, param, scaleFiringRates, setSynapses, swapNeurons, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { calibrate, compile, evaluate as evaluateSim, initBackend } from '@snn/sim';
import { createModel, exportGraph, fit, initTraining } from '@snn/train';
import { convToDense } from '../emulator/conv-dense.js';
import { discretizeSynapse } from '../discretize/discretize-synapse.js';
import { createLoihiRegistries } from '../registries.js';
import { emulateClassifier } from './emulate-classifier.js';
import type { ChainLayer } from './chain.js';
import { amplitudeOf, currentPerSpike } from './current-per-spike.js';
import { mapToLoihi } from './map-to-loihi.js';
import { toEmulatorNetwork } from './to-emulator-network.js';

let trained: Graph;
beforeAll(async () => {
  await initTraining({ threads: 1 });
  await initBackend();
  const train = loadMnist('train', 2000);
  const model = createModel(convNet(5), { neurons: createLoihiRegistries().neurons });
  fit(model, { x: { data: train.images, shape: [2000, 28, 28, 1] }, y: { out: train.labels }, losses: { out: 'sparseCategoricalCrossentropy' }, optimizer: { type: 'adam', learningRate: 3e-3 }, batchSize: 50, epochs: 2, seed: 1 });
  trained = exportGraph(model);
  model.dispose();
});

/** 28x28x1 -> conv 3x3x4 stride 2 ReLU (host) -> conv 3x3x8 stride 2 same ReLU (chip) -> dense 10. */
function convNet(seed: number): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  let h = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heUniform([3, 3, 1, 4], 9, rng), bias: param(new Float32Array(4), [4]), strides: [2, 2] });
  h = b.neurons(h, { id: 'relu0', neuronType: 'RectifiedLinear' });
  h = b.conv(h, { id: 'conv1', kernel: heUniform([3, 3, 4, 8], 36, rng), bias: param(new Float32Array(8), [8]), strides: [2, 2], padding: 'same' });
  h = b.neurons(h, { id: 'relu1', neuronType: 'RectifiedLinear' });
  b.output(b.dense(b.flatten(h), { id: 'dense', weights: heUniform([392, 10], 392, rng), bias: param(new Float32Array(10), [10]) }), 'out');
  return b.build();
}

describe('conv connections on the emulator (ConvSynapse, one kernel shared by every pixel)', () => {
  it('map the kernel to the same integers as its dense expansion, and classify as the float simulator does', () => {
    const registries = createLoihiRegistries();
    let graph = swapNeurons(trained, { RectifiedLinear: 'LoihiSpikingRectifiedLinear' });
    graph = setSynapses(scaleFiringRates(graph, 100), { type: 'lowpass', params: { tau: 0.005 } });

    // the chip layer's synapse is a conv kernel; discretizing its dense expansion gives the same W_int, expanded
    const mapping = mapToLoihi(graph);
    const layer = mapping.layers[0]!;
    expect(layer.conv).toEqual({ inputShape: [13, 13, 4], kernelSize: [3, 3], filters: 8, strides: [2, 2], padding: 'same' });
    const net = toEmulatorNetwork(mapping);
    const syn = net.synapses[0]!;
    expect(syn).toMatchObject({ kind: 'conv2d', source: 'relu0', target: 'relu1' });
    const kernelW = layer.block.synapses[0]!.weights;
    expect(kernelW.length).toBe(3 * 3 * 4 * 8);
    const conv = (kernel: Float64Array | Int32Array) => ({ kind: 'conv2d' as const, source: 'relu0', target: 'relu1', ...layer.conv!, kernel });
    const [hostLayer, chipLayer] = mapping.chain.layers as [ChainLayer, ChainLayer];
    const denseCurrent = convToDense(conv(currentPerSpike(chipLayer, amplitudeOf(hostLayer.neurons), mapping.dt))) as Float64Array;
    const { block } = layer;
    const viaDense = discretizeSynapse({ weights: denseCurrent }, block.wMax, block.wScale, block.wExp, {});
    expect(Array.from(viaDense.weights)).toEqual(Array.from(convToDense(conv(kernelW))));

    const test = loadMnist('test', 200);
    const steps = 30;
    const floatAccuracy = evaluateSim(compile(graph, { ...registries, mode: 'spiking' }), { image: test.images }, test.labels, { nSteps: steps }).accuracy;
    const chip = emulateClassifier(graph, test.images, test.labels, { steps, registries });
    const gap = Math.round(Math.abs(chip.accuracy - floatAccuracy) * 200);
    console.log(`conv MNIST net, LoihiSRL x100, ${steps} steps, 200 images: float sim ${floatAccuracy}, emulator ${chip.accuracy} (gap ${gap} images); rates ${JSON.stringify(chip.firingRateHz)}`);
    // the trained network: measured 0.785 on these 200 images (seeded, one thread; repeats exactly), pinned within
    // 3 binomial standard errors on 200 images, 3 * sqrt(0.785 * 0.215 / 200) = 0.087, both sides;
    // the emulator's integers cost at most a few images (measured: see the log)
    expect(Math.abs(floatAccuracy - 0.785)).toBeLessThan(3 * Math.sqrt((0.785 * 0.215) / 200));
    expect(gap).toBeLessThanOrEqual(6);
    expect(chip.warnings).toEqual([]);
  }, 240_000);

  it('a calibrated network (mean readout) classifies on the emulator as in the float simulator', () => {
    const registries = createLoihiRegistries();
    const train = loadMnist('train', 500);
    const { graph } = calibrate(trained, { image: train.images }, { ...registries, neuronType: 'LoihiSpikingRectifiedLinear' });
    expect(graph.metadata?.readout).toBe('mean');
    const test = loadMnist('test', 200);
    const floatAccuracy = evaluateSim(compile(graph, { ...registries, mode: 'spiking' }), { image: test.images }, test.labels, { nSteps: 30, meanLast: 30 }).accuracy;
    const mean = emulateClassifier(graph, test.images, test.labels, { steps: 30, registries });
    const last = emulateClassifier(graph, test.images, test.labels, { steps: 30, registries, readout: 'last' });
    console.log(`calibrated conv net on LoihiSRL, 200 images, 30 steps: float (mean) ${floatAccuracy}, emulator mean ${mean.accuracy}, emulator last step ${last.accuracy}`);
    expect(Math.round(Math.abs(mean.accuracy - floatAccuracy) * 200)).toBeLessThanOrEqual(4);
    expect(mean.accuracy).toBeGreaterThanOrEqual(last.accuracy);
  }, 240_000);
});
