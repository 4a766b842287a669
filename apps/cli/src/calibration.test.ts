import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphBuilder, decodeSnn, encodeSnn, param, type NeuronsNode } from '@snn/ir';
import { lastJsonLine, runSnn as snn } from './testing/run-snn.js';
import { fixtureDir, fixtureModels } from './fixture-check/fixtures.js';
import type { EvaluateSummary } from './commands/evaluate.js';

const fixtures = fixtureDir();
const tmp = mkdtempSync(join(tmpdir(), 'snn-calibrate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const lastJson = (out: string): EvaluateSummary => lastJsonLine<EvaluateSummary>(out);

describe('snn convert --calibrate', () => {
  // every fixture: calibrated on 300 training images, 30 spiking steps on 300 test images within a point of
  // the model's own rate-mode accuracy on them (the full 10,000-image figures are in docs/results.md)
  it.each(fixtureModels(fixtures).map((m) => [m.id, m.file]))('is general: %s converts and keeps its accuracy', async (id, file) => {
    const net = join(tmp, `${id}.snn`);
    const c = await snn('convert', join(fixtures, file), '--calibrate', '--calibration-images', '300', '-o', net);
    expect(c.code, c.err).toBe(0);
    const ann = lastJson((await snn('evaluate', join(fixtures, file), '--data', 'mnist-test', '--limit', '300', '--mode', 'rate', '--json')).out);
    const spiking = lastJson((await snn('evaluate', net, '--data', 'mnist-test', '--limit', '300', '--steps', '30', '--json')).out);
    expect(spiking.readout).toBe('mean');
    expect(spiking.accuracy).toBeGreaterThanOrEqual(ann.accuracy - 0.01);
  });

  it('calibrates a Keras LeNet with max pooling; 30 spiking steps, read as the mean, are within a point of the ANN', async () => {
    const model = join(fixtures, 'snn_lenet5_channels_first_k224.h5');
    const net = join(tmp, 'lenet5.snn');
    const c = await snn('convert', model, '--calibrate', '--calibration-images', '300', '-o', net);
    expect(c.code, c.err).toBe(0);
    expect(c.out).toMatch(/calibrated on 300 training images \(percentile 99\.9\)/);
    expect(c.out).toMatch(/conv2d_1\/activation\s+RectifiedLinear -> IntegrateAndFire\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+p99\.9/);
    const graph = decodeSnn(readFileSync(net));
    expect(graph.metadata?.readout).toBe('mean');
    expect(graph.nodes.filter((n) => n.kind === 'neurons').every((n) => (n as NeuronsNode).neuronType === 'IntegrateAndFire')).toBe(true);
    const ann = lastJson((await snn('evaluate', model, '--data', 'mnist-test', '--limit', '400', '--mode', 'rate', '--json')).out);
    const r = await snn('evaluate', net, '--data', 'mnist-test', '--limit', '400', '--steps', '30', '--accuracy-curve', '--json');
    expect(r.code, r.err).toBe(0);
    const spiking = lastJson(r.out);
    expect(spiking.readout).toBe('mean');
    expect(spiking.annAccuracy).toBe(ann.accuracy);
    expect(spiking.accuracy).toBeGreaterThanOrEqual(ann.accuracy - 0.01);
    expect(spiking.accuracyByStep).toHaveLength(30);
    expect(spiking.accuracyByStep![29]).toBe(spiking.accuracy);
    expect(spiking.accuracyByStep![0]).toBeLessThan(spiking.accuracy); // one step is not enough
    for (const hz of Object.values(spiking.rates)) expect(hz).toBeLessThan(250);
    expect(r.out).toMatch(/accuracy \(%\) after T steps \(mean over steps 1\.\.T\); the ANN \(rate mode\) gets/);
    expect(r.out).toMatch(/^ {2}21-30(\s+\d+\.\d\d){10}\s+-?\d+\.\d\d$/m);
  });

  it('caps mean rates with --target-rate, and evaluate --calibrate does the same in one go', async () => {
    const model = join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5');
    const r = await snn('evaluate', model, '--calibrate', '--calibration-images', '200', '--target-rate', '60', '--data', 'mnist-test', '--limit', '300', '--steps', '40', '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/target rate 60 Hz/);
    expect(r.out).toMatch(/target rate\n/);
    const json = lastJson(r.out);
    for (const hz of Object.values(json.rates)) expect(hz).toBeLessThan(75); // the test images fire about as the training images do
    expect(json.readout).toBe('mean');
  });

  it('--accuracy-curve compares with the ANN without the synapses (in rate mode they would only delay the output)', async () => {
    const model = join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5');
    const ann = lastJson((await snn('evaluate', model, '--data', 'mnist-test', '--limit', '200', '--mode', 'rate', '--json')).out);
    const r = await snn('evaluate', model, '--data', 'mnist-test', '--limit', '200', '--steps', '5', '--neuron', 'SpikingRectifiedLinear', '--scale', '10', '--synapse', '0.005', '--accuracy-curve', '--json');
    expect(r.code, r.err).toBe(0);
    expect(lastJson(r.out).annAccuracy).toBe(ann.accuracy);
  });

  it('names the flag or the problem for bad input, and writes no file', async () => {
    const model = join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5');
    const out = join(tmp, 'bad', 'never.snn');
    const usage = async (args: string[], text: RegExp): Promise<void> => {
      const r = await snn('convert', model, '--calibrate', '-o', out, ...args);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(text);
    };
    await usage(['--percentile', '0'], /--percentile.*expected a percentile in \(0, 100\]/);
    await usage(['--percentile', '100.1'], /--percentile.*'100\.1'/);
    await usage(['--target-rate', '1000', '--calibration-images', '20'], /--target-rate: target rate 1000 Hz cannot be reached.*1\/dt = 1000 Hz/);
    await usage(['--scale', '10'], /--scale cannot be combined with --calibrate/);
    await usage(['--neuron', 'LIF', '--calibration-images', '20'], /--neuron: neuronType 'LIF' is not a spiking type with ReLU rates/);
    await usage(['--initial-voltage', '2', '--calibration-images', '20'], /--initial-voltage: initialVoltage 2 is not allowed for IntegrateAndFire/);
    const b = new GraphBuilder();
    b.output(b.dense(b.reshape(b.input('image', [28, 28, 1]), [784]), { id: 'linear', weights: param(new Float32Array(7840), [784, 10]) }), 'out');
    const linear = join(tmp, 'linear.snn');
    writeFileSync(linear, encodeSnn(b.build()));
    const r = await snn('convert', linear, '--calibrate', '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^snn: SIM_NO_NEURONS: calibrate: the network has no neuron layers/);
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
  });
});
