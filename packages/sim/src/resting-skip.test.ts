import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal, scalar, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { SpikingRectifiedLinear } from '@snn/neurons';
import { compile } from './compile.js';
import { initBackend } from './backend/init.js';
import { registries } from './test-support/fixtures.js';

beforeAll(async () => {
  await initBackend();
});

/** MNIST -> conv 3x3x8 (constant current) -> spiking neurons -> (lowpass) dense 10. */
function network(neuronType: string): Graph {
  const rng = createRng(4);
  const b = new GraphBuilder();
  const bias = { shape: [8], data: rng.fillUniform(new Float32Array(8), -0.4, 0.2) };
  let h = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heNormal([3, 3, 1, 8], 9, rng), bias });
  h = b.neurons(h, { id: 'n0', neuronType, gain: scalar(60), params: { amplitude: 1 / 60 } });
  h = b.dense(b.flatten(h), { id: 'dense', weights: heNormal([26 * 26 * 8, 10], 5408, rng), synapse: { type: 'lowpass', params: { tau: 0.005 } } });
  b.output(h, 'out');
  return b.build();
}

describe('skipping resting neurons of a population with a constant current', () => {
  it('gives the spikes and outputs of stepping every neuron, bit for bit (SpikingRectifiedLinear: J <= 0 rests)', () => {
    const images = loadMnist('test', 12).images;
    const reg = registries();
    // the same type without its rest rule: every neuron is stepped every step
    reg.neurons.register({ ...SpikingRectifiedLinear, name: 'SpikingRectifiedLinearNoRest', restsWhen: undefined });
    for (const precision of ['float32', 'float64'] as const) {
      const runOf = (type: string) =>
        compile(network(type), { ...reg, batchSize: 5, precision }).run({ image: images }, {
          nSteps: 20,
          probes: { out: { node: 'out', keep: 'all' }, s0: { node: 'n0', keep: 'all' } },
        });
      const skipped = runOf('SpikingRectifiedLinear');
      const full = runOf('SpikingRectifiedLinearNoRest');
      expect(full.stats.n0.spikes).toBeGreaterThan(1000);
      expect(Array.from(skipped.probes.s0.data)).toEqual(Array.from(full.probes.s0.data));
      expect(Array.from(skipped.probes.out.data)).toEqual(Array.from(full.probes.out.data));
      expect(Array.from(skipped.stats.n0.perNeuronHz)).toEqual(Array.from(full.stats.n0.perNeuronHz));
      expect(skipped.synops).toBe(full.synops);
    }
  });
});
