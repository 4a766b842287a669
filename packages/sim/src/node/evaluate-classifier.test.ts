import { describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal, param, scalar } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { argmaxRows } from '../evaluate.js';
import { compile } from '../compile.js';
import { registries } from '../test-support/fixtures.js';
import { evaluateClassifier } from './evaluate-classifier.js';

function lifNet() {
  const rng = createRng(4);
  const b = new GraphBuilder();
  let h = b.conv(b.input('image', [28, 28, 1]), { kernel: heNormal([5, 5, 1, 6], 25, rng), strides: [2, 2] });
  h = b.neurons(h, { id: 'lif', neuronType: 'LIF', gain: scalar(4), bias: scalar(0.8) });
  b.output(b.dense(b.flatten(h), { weights: heNormal([864, 10], 864, rng) }), 'out');
  return b.build();
}

describe('evaluateClassifier', () => {
  const data = loadMnist('test', 40);

  it('classifies as a direct simulator run does, with each layer\'s mean and max rate and the curve', async () => {
    const graph = lifNet();
    const r = await evaluateClassifier(graph, data.images, data.labels, { mode: 'spiking', steps: 20, readout: 'mean', curve: true, workers: 2, seed: 3, batchSize: 16 });
    const direct = compile(graph, { ...registries(), mode: 'spiking', seed: 3, batchSize: 16 }).run({ image: data.images }, { nSteps: 20, probes: { out: { node: 'out', keep: { meanLast: 20 } } } });
    const predicted = argmaxRows(direct.probes.out.data, 10);
    expect(Array.from(r.predicted)).toEqual(Array.from(predicted));
    expect(r.correct).toBe(predicted.filter((p, i) => p === data.labels[i]).length);
    expect(r.accuracyByStep?.[19]).toBe(r.accuracy);
    const lif = r.layers.find((l) => l.node === 'lif')!;
    expect(lif.neurons).toBe(864);
    expect(lif.firingRateHz).toBeCloseTo(direct.stats.lif.firingRateHz, 6);
    expect(lif.maxRateHz).toBe(Math.max(...direct.stats.lif.perNeuronHz));
    expect(lif.maxRateHz).toBeGreaterThan(lif.firingRateHz);
  });

  it('refuses samples that do not match the input, naming it and the sizes', async () => {
    await expect(evaluateClassifier(lifNet(), data.images.subarray(0, 783 * 40), data.labels, { mode: 'rate', steps: 1, workers: 1 })).rejects.toThrow(
      /31320 sample values for 40 labels are not 40 samples of input 'image' \(784 values each\)/,
    );
    await expect(evaluateClassifier(lifNet(), data.images, data.labels, { mode: 'rate', steps: 1, workers: 1, input: 'pixels' })).rejects.toThrow(/input 'pixels' is not an input of the graph; its inputs: image/);
  });
});

/** input (2) -> dense (identity) -> output: class k wins when input k is larger. */
function identityClassifier() {
  const b = new GraphBuilder();
  const x = b.input('x', [2]);
  b.output(b.dense(x, { id: 'd', weights: param(Float32Array.of(1, 0, 0, 1), [2, 2]) }), 'out');
  return b.build();
}

describe('evaluateClassifier outputSynapse', () => {
  it('filters the output probe: a lowpass delays the output one step (Nengo), so step 1 reads zeros and later steps the filtered value', async () => {
    const samples = Float32Array.of(0, 1, 0, 2, 0, 3);
    const labels = Uint8Array.of(1, 1, 1);
    const settings = { mode: 'spiking' as const, steps: 3, classes: 2, curve: true, workers: 1 };
    const plain = await evaluateClassifier(identityClassifier(), samples, labels, settings);
    expect(Array.from(plain.accuracyByStep!)).toEqual([1, 1, 1]);
    const filtered = await evaluateClassifier(identityClassifier(), samples, labels, { ...settings, outputSynapse: { type: 'lowpass', params: { tau: 0.1 } } });
    // all-zero output at step 1: argmax picks class 0, every label is 1
    expect(Array.from(filtered.accuracyByStep!)).toEqual([0, 1, 1]);
    expect(filtered.accuracy).toBe(1);
  });
});
