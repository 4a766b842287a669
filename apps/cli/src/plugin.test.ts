import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSnn, setSynapses } from '@snn/ir';
import { createLayerConverterRegistry, importKeras, readKerasModel } from '@snn/keras-import';
import { loadMnist } from '@snn/mnist/node';
import { createNeuronRegistry } from '@snn/neurons';
import { initBackend } from '@snn/sim';
import { evaluateClassifier } from '@snn/sim/node';
import { createSynapseRegistry } from '@snn/synapses';
import { register } from '@snn/example-adaptive-lif';
import { withSquaredReLU } from '@snn/example-adaptive-lif/testing';
import { fixtureDir } from './fixture-check/fixtures.js';
import { lastJsonLine, runSnn } from './testing/run-snn.js';
import type { EvaluateSummary } from './commands/evaluate.js';

const PLUGIN = '@snn/example-adaptive-lif';
/** The example's built module, given as a path. */
const PLUGIN_PATH = fileURLToPath(import.meta.resolve(PLUGIN));
const model = join(fixtureDir(), 'deepconcolic_tecs_mlp1_k224.h5');
const bytes = new Uint8Array(readFileSync(model));
const tmp = mkdtempSync(join(tmpdir(), 'snn-plugin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const architecture = join(tmp, 'squared-relu.json');
const network = join(tmp, 'adaptive.snn');
const N = 200;
const test = loadMnist('test', N);

function pluginRegistries() {
  const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry(), converters: createLayerConverterRegistry() };
  register(registries);
  return registries;
}

beforeAll(async () => {
  await initBackend();
  // the fixture MLP with a custom SquaredReLU layer after dense_3 (its weights stay in the .h5)
  const source = await readKerasModel({ bytes, fileName: model });
  writeFileSync(architecture, JSON.stringify(withSquaredReLU(source.model, 'dense_3')));
  // the fixture MLP with AdaptiveLIF neurons (rates x 100) and double-exponential synapses, as a network file
  const { neurons } = pluginRegistries();
  const { graph } = await importKeras({ bytes, fileName: model }, { swapActivations: { relu: 'AdaptiveLIF' }, scaleFiringRates: 100, neuronTypes: neurons });
  const filtered = setSynapses(graph, { type: 'doubleExponential', params: { tauRise: 0.001, tauDecay: 0.005 } }, { where: 'fromNeurons' });
  writeFileSync(network, encodeSnn(filtered));
});

describe('snn --plugin MODULE', () => {
  it('evaluate: a Keras model with a custom layer converts through the plugin\'s rule, on worker threads, as the library does', async () => {
    const predictions = join(tmp, 'squared.txt');
    const r = await runSnn('evaluate', model, '--architecture', architecture, '--data', 'mnist-test', '--limit', String(N), '--mode', 'rate', '--workers', '2', '--plugin', PLUGIN, '--predictions', predictions, '--json');
    expect(r.err).not.toMatch(/snn: [A-Z_]+:/);
    expect(r.code).toBe(0);
    expect(r.out).toContain('dense_3_squared_relu');
    const registries = pluginRegistries();
    const { graph } = await importKeras({ bytes, fileName: model, architecture: JSON.parse(readFileSync(architecture, 'utf8')) }, { converters: registries.converters, neuronTypes: registries.neurons });
    const library = await evaluateClassifier(graph, test.images, test.labels, { registries, mode: 'rate', steps: 1, workers: 1 });
    expect(readFileSync(predictions, 'utf8').trim()).toBe(Array.from(library.predicted).join(''));
    expect(lastJsonLine<EvaluateSummary>(r.out).accuracy).toBe(library.accuracy);
  });

  it('without the plugin, says which layer and class are unknown and to pass --plugin', async () => {
    const r = await runSnn('evaluate', model, '--architecture', architecture, '--data', 'mnist-test', '--limit', '10', '--mode', 'rate');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/KERAS_UNSUPPORTED_LAYER: layer 'dense_3_squared_relu' \(SquaredReLU\).*pass --plugin MODULE/);
  });

  it('evaluate: a network of AdaptiveLIF neurons and doubleExponential synapses runs spiking on worker threads (plugin given as a path)', async () => {
    const predictions = join(tmp, 'adaptive.txt');
    const args = ['evaluate', network, '--data', 'mnist-test', '--limit', String(N), '--steps', '40', '--seed', '3', '--predictions', predictions, '--json'];
    const r = await runSnn(...args, '--workers', '1', '--plugin', PLUGIN_PATH);
    expect(r.code).toBe(0);
    const summary = lastJsonLine<EvaluateSummary>(r.out);
    expect(Object.keys(summary.rates).length).toBe(3);
    const registries = pluginRegistries();
    const graph = (await import('@snn/ir')).decodeSnn(new Uint8Array(readFileSync(network)));
    const library = await evaluateClassifier(graph, test.images, test.labels, { registries, mode: 'spiking', steps: 40, seed: 3, precision: 'float32', readout: 'last', workers: 1 });
    expect(readFileSync(predictions, 'utf8').trim()).toBe(Array.from(library.predicted).join(''));
    expect(summary.accuracy).toBe(library.accuracy);
    // the same run split across two worker threads, which load the plugin themselves
    const threaded = await runSnn('--plugin', PLUGIN_PATH, ...args, '--workers', '2');
    expect(threaded.code).toBe(0);
    console.log(`AdaptiveLIF network: 1 worker ${summary.accuracy}, 2 workers ${lastJsonLine<EvaluateSummary>(threaded.out).accuracy}; ${JSON.stringify(summary.rates)}`);
    expect(readFileSync(predictions, 'utf8').trim()).toBe(Array.from(library.predicted).join(''));
  });

  it('without the plugin, the network\'s unknown neuron type is named, with the --plugin hint', async () => {
    const r = await runSnn('evaluate', network, '--data', 'mnist-test', '--limit', '10', '--steps', '5', '--workers', '1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/AdaptiveLIF.*pass --plugin MODULE/);
  });

  it('train: a Keras model swapped to AdaptiveLIF trains through its SoftLIFRate surrogate; the network file keeps AdaptiveLIF', async () => {
    const out = join(tmp, 'trained.snn');
    const r = await runSnn('train', model, '--plugin', PLUGIN, '--neuron', 'AdaptiveLIF', '--limit', '2000', '--test-limit', '500', '--epochs', '2', '-o', out, '--json');
    expect(r.err).not.toMatch(/snn: [A-Z_]+:/);
    expect(r.code).toBe(0);
    const { epochs } = lastJsonLine<{ epochs: Array<{ loss: number }> }>(r.out);
    expect(epochs[1].loss).toBeLessThan(epochs[0].loss);
    const trained = (await import('@snn/ir')).decodeSnn(new Uint8Array(readFileSync(out)));
    expect(trained.nodes.filter((n) => n.kind === 'neurons').map((n) => n.neuronType)).toEqual(['AdaptiveLIF', 'AdaptiveLIF', 'AdaptiveLIF']);
  });

  it('inspect without the plugin marks the layer and says to pass --plugin', async () => {
    const r = await runSnn('inspect', model, '--architecture', architecture);
    expect(r.out).toMatch(/dense_3_squared_relu\s+SquaredReLU.*no \(no converter for Keras class 'SquaredReLU'\)/);
    expect(r.out).toMatch(/the model does not convert: KERAS_UNSUPPORTED_LAYER: .*pass --plugin MODULE/);
  });

  it('inspect lists the custom layer as converted; a missing module or one without register() fails with CLI_PLUGIN', async () => {
    const inspected = await runSnn('inspect', model, '--architecture', architecture, '--plugin', PLUGIN);
    expect(inspected.code).toBe(0);
    expect(inspected.out).toMatch(/dense_3_squared_relu\s+SquaredReLU/);
    expect(inspected.out).not.toMatch(/no converter/);
    const missing = await runSnn('inspect', model, '--plugin', './no-such-plugin.js');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/CLI_PLUGIN: --plugin \.\/no-such-plugin\.js: .*no-such-plugin\.js does not exist/);
    const notAPlugin = join(tmp, 'not-a-plugin.mjs');
    writeFileSync(notAPlugin, 'export const x = 1;\n');
    const bad = await runSnn('inspect', model, '--plugin', notAPlugin);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/CLI_PLUGIN: .*exports no register function/);
    const twice = await runSnn('inspect', model, '--plugin', PLUGIN, '--plugin', PLUGIN_PATH);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/CLI_PLUGIN: --plugin .*register\(\) failed: NEURON_DUPLICATE.*AdaptiveLIF/);
  });
});
