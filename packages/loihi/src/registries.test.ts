import { describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal, scaleFiringRates } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { argmaxRows, compile, initBackend } from '@snn/sim';
import { evaluateClassifier } from '@snn/sim/node';
import { createLoihiRegistries, loihiRegistryModule } from './registries.js';

/** 28x28 -> conv 5x5x6 stride 2 -> LoihiSpikingRectifiedLinear (scale 100) -> dense 10. */
function loihiNet() {
  const rng = createRng(3);
  const b = new GraphBuilder();
  let h = b.conv(b.input('image', [28, 28, 1]), { kernel: heNormal([5, 5, 1, 6], 25, rng), strides: [2, 2] });
  h = b.neurons(h, { id: 'srl', neuronType: 'LoihiSpikingRectifiedLinear' });
  b.output(b.dense(b.flatten(h), { weights: heNormal([864, 10], 864, rng) }), 'out');
  return scaleFiringRates(b.build(), 100);
}

describe('Loihi neuron types in worker threads', () => {
  it('evaluateClassifier on 2 workers with loihiRegistryModule equals one in-process run', async () => {
    await initBackend();
    const data = loadMnist('test', 40);
    const graph = loihiNet();
    const registries = createLoihiRegistries();
    const r = await evaluateClassifier(graph, data.images, data.labels, { mode: 'spiking', steps: 20, readout: 'mean', workers: 2, seed: 1, batchSize: 10, registries, registryModule: loihiRegistryModule });
    const direct = compile(graph, { ...registries, mode: 'spiking', seed: 1, batchSize: 10 }).run({ image: data.images }, { nSteps: 20, probes: { out: { node: 'out', keep: { meanLast: 20 } } } });
    expect(Array.from(r.predicted)).toEqual(Array.from(argmaxRows(direct.probes.out.data, 10)));
    const srl = r.layers.find((l) => l.node === 'srl')!;
    expect(srl.firingRateHz).toBeCloseTo(direct.stats.srl.firingRateHz, 6);
    // at most one spike per 1 ms step
    expect(srl.maxRateHz).toBeLessThanOrEqual(1000);
    expect(srl.firingRateHz).toBeGreaterThan(0);
    // the built package names the same module (the test target builds first)
    const built = (await import(new URL('../dist/index.js', import.meta.url).href)) as { loihiRegistryModule: string };
    expect(built.loihiRegistryModule).toBe(loihiRegistryModule);
    expect(loihiRegistryModule).toMatch(/\/packages\/loihi\/dist\/registries\.js$/);
  });

  it('without the registry module, the workers do not know the type and say so', async () => {
    const data = loadMnist('test', 4);
    await expect(evaluateClassifier(loihiNet(), data.images, data.labels, { mode: 'spiking', steps: 2, workers: 2, registries: createLoihiRegistries() })).rejects.toThrow(/LoihiSpikingRectifiedLinear/);
  });
});
