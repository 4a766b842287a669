import { describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, param } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { argmaxRows } from '../evaluate.js';
import { compile } from '../compile.js';
import { lifClassifier, registries } from '../test-support/fixtures.js';
import { evaluateClassifier } from './evaluate-classifier.js';

describe('evaluateClassifier', () => {
  const data = loadMnist('test', 40);

  it('classifies as a direct simulator run does, with each layer\'s mean and max rate and the curve', async () => {
    const graph = lifClassifier();
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
    await expect(evaluateClassifier(lifClassifier(), data.images.subarray(0, 783 * 40), data.labels, { mode: 'rate', steps: 1, workers: 1 })).rejects.toThrow(
      /samples for input 'image' has 31320 values, not 40 samples of 784 \(samples x 28 x 28 x 1\)/,
    );
    await expect(evaluateClassifier(lifClassifier(), data.images, data.labels, { mode: 'rate', steps: 1, workers: 1, input: 'pixels' })).rejects.toThrow(/input 'pixels' is not an input of the graph; its inputs: image/);
  });
});

describe('evaluateClassifier refuses bad data before it simulates', () => {
  const data = loadMnist('test', 6);
  const settings = { mode: 'spiking' as const, steps: 5, workers: 2 };
  const refused = (samples: unknown, labels: unknown, code: string, text: RegExp) =>
    expect(evaluateClassifier(lifClassifier(), samples as Float32Array, labels as Uint8Array, settings)).rejects.toSatisfy((e: unknown) => isSnnError(e, code) && text.test((e as Error).message));

  it('other array types, channel counts, NaN pixels, empty sets, label counts and values', async () => {
    await refused(Uint8Array.from(data.images, (v) => v * 255), data.labels, 'SIM_BAD_ARGUMENT', /must be a Float32Array \(samples x 28 x 28 x 1\); got Uint8Array of 4704 values/);
    await refused(Array.from(data.images), data.labels, 'SIM_BAD_ARGUMENT', /got Array of 4704 values/);
    await refused(new Float32Array(6 * 784 * 3), data.labels, 'SIM_BAD_ARGUMENT', /3 channels per pixel given, 1 expected/);
    const nan = data.images.slice();
    nan[2 * 784 + 7] = Number.NaN;
    await refused(nan, data.labels, 'SIM_BAD_ARGUMENT', /holds NaN at sample 2, value 7/);
    await refused(new Float32Array(0), new Uint8Array(0), 'SIM_BAD_ARGUMENT', /is empty; give at least one sample/);
    await refused(data.images, data.labels.subarray(0, 5), 'SIM_BAD_ARGUMENT', /has 4704 values, not 5 samples of 784/);
    await refused(data.images, Uint8Array.of(0, 1, 2, 3, 4, 12), 'SIM_BAD_ARGUMENT', /labels\[5\] is 12; a label must be a class index from 0 to 9/);
    await refused(data.images, undefined, 'SIM_BAD_ARGUMENT', /labels must be an array of class indices/);
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
