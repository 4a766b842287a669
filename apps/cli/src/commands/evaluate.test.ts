import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnist } from '@snn/mnist/node';
import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';
import { fixtureDir, referenceLabels } from '../fixture-check/fixtures.js';
import type { EvaluateSummary } from './evaluate.js';

const fixtures = fixtureDir();

async function snn(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Accuracy Keras itself has on the first n test images (its predicted labels vs the true ones). */
function kerasAccuracy(id: string, n: number): number {
  const predicted = referenceLabels(id, fixtures);
  const truth = loadMnist('test', n).labels;
  let correct = 0;
  for (let i = 0; i < n; i++) if (predicted[i] === truth[i]) correct++;
  return correct / n;
}

describe('snn evaluate', () => {
  it('--json: the last line is one JSON object with accuracy, steps, images, rates per neuron layer and SynOps', async () => {
    const r = await snn('evaluate', join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5'), '--data', 'mnist-test', '--limit', '500', '--steps', '1', '--mode', 'rate', '--json', '--workers', '1');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const json = JSON.parse(lines[lines.length - 1]) as EvaluateSummary;
    expect(Object.keys(json).slice(0, 5)).toEqual(['accuracy', 'steps', 'images', 'rates', 'synops']);
    expect(json.accuracy).toBe(kerasAccuracy('deepconcolic_tecs_mlp1_k224', 500));
    expect(json.steps).toBe(1);
    expect(json.images).toBe(500);
    expect(Object.keys(json.rates)).toEqual(['dense_1/activation', 'dense_2/activation', 'dense_3/activation']);
    for (const hz of Object.values(json.rates)) expect(hz).toBeGreaterThan(0);
    expect(json.synops).toBeGreaterThan(0);
    expect(json.synopsPerImage).toBeCloseTo(json.synops / 500, 9);
    // the human report comes first: accuracy, then a table row per neuron layer
    expect(r.out).toMatch(new RegExp(`accuracy: ${(json.accuracy * 100).toFixed(2)}% \\(${Math.round(json.accuracy * 500)}/500\\)`));
    expect(r.out).toMatch(/^ {2}dense_1\/activation +[\d,]+ +\d+\.\d\d +[\d.e+-]+$/m);
  });

  it('feeds a channels-first 1x28x28 model the same flat images (IR input 28x28x1)', async () => {
    const r = await snn('evaluate', join(fixtures, 'snn_lenet5_channels_first_k224.h5'), '--data', 'mnist-test', '--limit', '300', '--steps', '1', '--mode', 'rate', '--json', '--workers', '1');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out.trimEnd().split('\n').pop() as string) as EvaluateSummary).accuracy).toBe(kerasAccuracy('snn_lenet5_channels_first_k224', 300));
  });

  it('spiking conversion: the first layer fires at --scale times its rate-mode rate, and the accuracy holds', async () => {
    const model = join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5');
    const common = ['--data', 'mnist-test', '--limit', '200', '--json', '--workers', '1'];
    const rate = await snn('evaluate', model, ...common, '--steps', '1', '--mode', 'rate');
    const spiking = await snn('evaluate', model, ...common, '--steps', '40', '--mean-last', '20', '--neuron', 'SpikingRectifiedLinear', '--scale', '50', '--synapse', '0.005');
    expect(rate.code).toBe(0);
    expect(spiking.code).toBe(0);
    const r = JSON.parse(rate.out.trimEnd().split('\n').pop() as string) as EvaluateSummary;
    const s = JSON.parse(spiking.out.trimEnd().split('\n').pop() as string) as EvaluateSummary;
    expect(s.steps).toBe(40);
    expect(s.mode).toBe('spiking');
    // dense_1 sees the constant image (no synapse before it): its spike rate is 50x its ReLU rate,
    // up to the count of whole spikes in 40 ms (seeded initial voltages make that unbiased)
    const first = 'dense_1/activation';
    expect(Math.abs(s.rates[first] - 50 * r.rates[first])).toBeLessThan(0.05 * 50 * r.rates[first]);
    expect(s.synops).toBeGreaterThan(0);
    expect(Number.isInteger(s.synops)).toBe(true); // spikes x fan-out: whole operations
    expect(s.accuracy).toBeGreaterThan(r.accuracy - 0.05);
  });

  it('names the outputs when --output-layer is not one of them (exit 1)', async () => {
    const r = await snn('evaluate', join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5'), '--data', 'mnist-test', '--limit', '10', '--steps', '1', '--output-layer', 'nothing');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^snn: CLI_OUTPUT: --output-layer nothing is not an output of the model; its outputs: output \(10 values\)\n$/);
  });
});
