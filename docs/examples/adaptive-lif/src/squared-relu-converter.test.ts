import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { createLayerConverterRegistry, importKeras, readKerasModel } from '@snn/keras-import';
import { loadMnist } from '@snn/mnist/node';
import { createNeuronRegistry } from '@snn/neurons';
import { compile, initBackend } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { register } from './register.js';
import { withSquaredReLU } from './testing/with-squared-relu.js';

/** A Keras 2.2.4 MNIST MLP (784-67-22-63-10, relu) from the shared fixtures (`$SNN_FIXTURES`, else beside the repository). */
const FIXTURE = join(process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures/keras/', import.meta.url)), 'deepconcolic_tecs_mlp1_k224.h5');
const bytes = new Uint8Array(readFileSync(FIXTURE));

function pluginRegistries() {
  const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry(), converters: createLayerConverterRegistry() };
  register(registries);
  return registries;
}

/** Float64 forward pass of the modified MLP from the file's weights: dense_3's relu replaced by relu(x)^2. */
async function referenceLogits(images: Float32Array, count: number): Promise<Float64Array[]> {
  const source = await readKerasModel({ bytes, fileName: FIXTURE });
  const layers = ['dense_1', 'dense_2', 'dense_3', 'dense_4'].map((name) => {
    const [kernel, bias] = source.weights.layer([name])!;
    return { kernel: kernel.data, bias: bias.data, nIn: kernel.shape[0], nOut: kernel.shape[1] };
  });
  const activations = [(x: number) => Math.max(x, 0), (x: number) => Math.max(x, 0), (x: number) => Math.max(x, 0) ** 2, (x: number) => x];
  const out: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    let h: ArrayLike<number> = images.subarray(i * 784, (i + 1) * 784);
    layers.forEach((l, k) => {
      const y = new Float64Array(l.nOut);
      for (let o = 0; o < l.nOut; o++) {
        let s = l.bias[o];
        for (let j = 0; j < l.nIn; j++) s += h[j] * l.kernel[j * l.nOut + o];
        y[o] = activations[k](s);
      }
      h = y;
    });
    out.push(h as Float64Array);
  }
  return out;
}

beforeAll(async () => {
  await initBackend();
});

describe('the SquaredReLU converter rule (registered from outside @snn/keras-import)', () => {
  it('converts a Keras model with a custom SquaredReLU layer; rate mode matches a float64 forward pass', async () => {
    const source = await readKerasModel({ bytes, fileName: FIXTURE });
    const architecture = withSquaredReLU(source.model, 'dense_3');
    const { neurons, synapses, converters } = pluginRegistries();
    const { graph } = await importKeras({ bytes, fileName: FIXTURE, architecture }, { converters, neuronTypes: neurons });
    const node = graph.nodes.find((n) => n.id === 'dense_3_squared_relu');
    expect(node).toMatchObject({ kind: 'neurons', neuronType: 'SquaredReLU' });
    const test = loadMnist('test', 20);
    const sim = compile(graph, { neurons, synapses, mode: 'rate' });
    const out = sim.run({ [graph.nodes[0].id]: test.images }).probes[graph.nodes.find((n) => n.kind === 'output')!.id].data;
    sim.dispose();
    const reference = await referenceLogits(test.images, 20);
    let worst = 0;
    for (let i = 0; i < 20; i++) {
      const scale = Math.max(...reference[i].map(Math.abs));
      for (let o = 0; o < 10; o++) worst = Math.max(worst, Math.abs(out[i * 10 + o] - reference[i][o]) / scale);
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('without the rule the import names the layer, its class and how to register a converter', async () => {
    const source = await readKerasModel({ bytes, fileName: FIXTURE });
    let error: unknown;
    try {
      await importKeras({ bytes, fileName: FIXTURE, architecture: withSquaredReLU(source.model, 'dense_3') });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error) && error.code).toBe('KERAS_UNSUPPORTED_LAYER');
    expect((error as Error).message).toMatch(/dense_3_squared_relu.*'SquaredReLU'.*registerLayerConverter/s);
  });
});
