import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal, scalar, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { compile } from './compile.js';
import { initBackend } from './backend/init.js';
import { registries } from './test-support/fixtures.js';

beforeAll(async () => {
  await initBackend();
});

/** conv 3x3x8 -> spiking ReLU -> (lowpass) conv 3x3x16 s2 with a bias -> spiking ReLU -> dense 10. */
function network(): Graph {
  const rng = createRng(21);
  const synapse = { type: 'lowpass', params: { tau: 0.005 } };
  const b = new GraphBuilder();
  const neuron = (h: string, id: string) =>
    b.neurons(h, { id, neuronType: 'SpikingRectifiedLinear', gain: scalar(40), bias: scalar(0.5), params: { amplitude: 1 / 40 } });
  let h = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heNormal([3, 3, 1, 8], 9, rng) });
  h = neuron(h, 'n0');
  const bias = { shape: [16], data: rng.fillUniform(new Float32Array(16), -0.3, 0.3) };
  h = b.conv(h, { id: 'conv1', kernel: heNormal([3, 3, 8, 16], 72, rng), bias, strides: [2, 2], synapse });
  h = neuron(h, 'n1');
  h = b.dense(b.flatten(h), { id: 'dense', weights: heNormal([12 * 12 * 16, 10], 2304, rng), synapse });
  b.output(h, 'out');
  return b.build();
}

describe('a population fed only by a filtered transform with a bias', () => {
  it('computes its current from the filter state and the bias in one pass, bit for bit as from the transform output', () => {
    const images = loadMnist('test', 20).images;
    for (const precision of ['float32', 'float64'] as const) {
      const sim = compile(network(), { ...registries(), batchSize: 10, precision });
      const fused = sim.run({ image: images }, { nSteps: 25, probes: { out: { node: 'out', keep: 'all' }, s1: { node: 'n1', keep: 'all' } } });
      // probing conv1 keeps its output in `value`, so n1 reads that instead (the unfused path)
      const plain = sim.run({ image: images }, {
        nSteps: 25,
        probes: { out: { node: 'out', keep: 'all' }, s1: { node: 'n1', keep: 'all' }, c1: { node: 'conv1', keep: 'all' } },
      });
      expect(fused.stats.n1.spikes).toBeGreaterThan(100);
      expect(Array.from(fused.probes.s1.data)).toEqual(Array.from(plain.probes.s1.data));
      expect(Array.from(fused.probes.out.data)).toEqual(Array.from(plain.probes.out.data));
      // the probed transform output is the filter state plus the bias, not left at zero
      expect(plain.probes.c1.data.some((v) => v !== 0)).toBe(true);
    }
  });
});
