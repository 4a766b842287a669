import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnn } from '@snn/ir';
import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';
import { fixtureDir, kerasAccuracy } from '../fixture-check/fixtures.js';
import type { EvaluateSummary } from './evaluate.js';

const fixtures = fixtureDir();
const tmp = mkdtempSync(join(tmpdir(), 'snn-evaluate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const lastJson = (out: string): EvaluateSummary => JSON.parse(out.trimEnd().split('\n').pop() as string) as EvaluateSummary;

async function snn(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
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
    expect(r.err).toMatch(/^snn: SIM_OUTPUT: output .nothing. is not an output of the model; its outputs: output \(10 values\)\n$/);
  });

  it('rate mode needs no --steps: one step is the ANN', async () => {
    const r = await snn('evaluate', join(fixtures, 'deepconcolic_small_k240.h5'), '--data', 'mnist-test', '--limit', '200', '--mode', 'rate', '--json', '--workers', '1');
    expect(r.code).toBe(0);
    expect(lastJson(r.out)).toMatchObject({ steps: 1, mode: 'rate', accuracy: kerasAccuracy('deepconcolic_small_k240', 200) });
    expect(r.out).toContain('rate mode, 1 step of 1 ms');
  });

  it('an .snn network takes the conversion flags: the same spikes as converting the Keras model with them', async () => {
    const model = join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5');
    const net = join(tmp, 'mlp.snn');
    expect((await snn('convert', model, '-o', net)).code).toBe(0);
    const flags = ['--data', 'mnist-test', '--limit', '100', '--steps', '30', '--json', '--workers', '1', '--neuron', 'SpikingRectifiedLinear', '--scale', '100', '--synapse', '0.005'];
    const fromModel = await snn('evaluate', model, ...flags);
    const fromNet = await snn('evaluate', net, ...flags);
    expect([fromModel.code, fromNet.code]).toEqual([0, 0]);
    const [m, n] = [lastJson(fromModel.out), lastJson(fromNet.out)];
    expect([n.accuracy, n.rates, n.synops]).toEqual([m.accuracy, m.rates, m.synops]);
    expect(n.accuracy).toBeGreaterThan(kerasAccuracy('deepconcolic_tecs_mlp1_k224', 100) - 0.05);
  });

  it('trainable BatchNormalization and a kernel regularizer convert without --inference-only: one note, metadata.inferenceOnly, the same accuracy', async () => {
    // The TensorFlow.js fixture with an identity, trainable BatchNormalization between conv2d_Conv2D2 and its relu,
    // and an L2 regularizer on dense_Dense1: inference must not change.
    const src = join(fixtures, 'tensorspace_lenet_tfjs075');
    const json = JSON.parse(readFileSync(join(src, 'mnist.json'), 'utf8')) as {
      modelTopology: { config: { layers: { name: string; class_name: string; config: Record<string, unknown>; inbound_nodes: unknown[] }[]; output_layers: [string, number, number][] } };
      weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
    };
    const layers = json.modelTopology.config.layers;
    const at = layers.findIndex((l) => l.name === 'conv2d_Conv2D2');
    layers[at].config.activation = 'linear';
    layers.find((l) => l.name === 'dense_Dense1')!.config.kernel_regularizer = { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } };
    layers.find((l) => l.name === 'max_pooling2d_MaxPooling2D2')!.inbound_nodes = [[['relu_1', 0, 0, {}]]];
    // the model outputs its hidden layers too: the relu after the batch norm takes the convolution's place
    json.modelTopology.config.output_layers = json.modelTopology.config.output_layers.map((o) => (o[0] === 'conv2d_Conv2D2' ? ['relu_1', 0, 0] : o));
    layers.splice(
      at + 1,
      0,
      { name: 'bn_1', class_name: 'BatchNormalization', config: { name: 'bn_1', axis: -1, epsilon: 0.001, trainable: true }, inbound_nodes: [[['conv2d_Conv2D2', 0, 0, {}]]] },
      { name: 'relu_1', class_name: 'Activation', config: { name: 'relu_1', activation: 'relu' }, inbound_nodes: [[['bn_1', 0, 0, {}]]] },
    );
    const roles = { gamma: 1, beta: 0, moving_mean: 0, moving_variance: 1 - 0.001 };
    json.weightsManifest.push({ paths: ['./bn.bin'], weights: Object.keys(roles).map((r) => ({ name: `bn_1/${r}`, shape: [16], dtype: 'float32' })) });
    const dir = join(tmp, 'bn-model');
    (await import('node:fs')).mkdirSync(dir);
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    copyFileSync(join(src, 'mnist.weights.bin'), join(dir, 'mnist.weights.bin'));
    writeFileSync(join(dir, 'bn.bin'), new Uint8Array(Float32Array.from(Object.values(roles).flatMap((v) => new Array<number>(16).fill(v))).buffer));

    const note = "snn: note: folded batch normalization 'bn_1' into 'conv2d_Conv2D2'; ignored kernel_regularizer of 'dense_Dense1' (inference only)\n";
    const r = await snn('evaluate', join(dir, 'model.json'), '--data', 'mnist-test', '--limit', '300', '--mode', 'rate', '--json', '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.err).toBe(note);
    expect(lastJson(r.out).accuracy).toBe(kerasAccuracy('tensorspace_lenet_tfjs075', 300));
    const net = join(tmp, 'bn.snn');
    const c = await snn('convert', join(dir, 'model.json'), '-o', net, '--inference-only');
    expect([c.code, c.err]).toEqual([0, note]);
    expect(decodeSnn(readFileSync(net)).metadata?.inferenceOnly).toEqual([
      { layer: 'bn_1', node: 'conv2d_Conv2D2', reason: "folded batch normalization 'bn_1' into 'conv2d_Conv2D2'" },
      { layer: 'dense_Dense1', node: 'dense_Dense1', reason: "ignored kernel_regularizer of 'dense_Dense1'" },
    ]);
    // only training refuses them, naming the layer
    const t = await snn('train', join(dir, 'model.json'), '--limit', '200', '--epochs', '1', '-o', join(tmp, 'never.snn'));
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/^snn: TRAIN_INFERENCE_ONLY: .*layer 'bn_1'/m);
    expect(existsSync(join(tmp, 'never.snn'))).toBe(false);
  });
});
