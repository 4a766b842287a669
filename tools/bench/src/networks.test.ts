import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { compile, initBackend } from '@snn/sim';
import { loadMnist } from '@snn/mnist/node';
import { kerasToSnnWeights, spikingKerasToSnnGraph } from './networks.js';
import { naiveSpikingRun } from './sim-baseline.js';

const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };

beforeAll(async () => {
  await initBackend();
});

function normwise(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

describe('the benchmark networks', () => {
  const weights = kerasToSnnWeights(1);
  const seed = 1;
  const images = loadMnist('test', 4).images;

  it('builds the keras-to-snn shapes', () => {
    const shapes = inferShapes(spikingKerasToSnnGraph(seed));
    expect(shapes.get('conv0')).toEqual([26, 26, 32]);
    expect(shapes.get('conv1')).toEqual([12, 12, 64]);
    expect(shapes.get('out')).toEqual([10]);
  });

  it('the naive tfjs baseline and the simulator compute the same network (both converge to the rate output)', () => {
    const rate = compile(spikingKerasToSnnGraph(seed, { neuronType: 'RectifiedLinear', tau: 0 }), { ...registries, mode: 'rate' })
      .run({ image: images }).probes.out.data;
    const scale = 2000;
    const nSteps = 300;
    const naive = naiveSpikingRun(weights, images, 4, { nSteps, batch: 4, scale, tau: 0.03 });
    const sim = compile(spikingKerasToSnnGraph(seed, { scale, tau: 0.03 }), registries).run({ image: images }, { nSteps }).probes.out.data;
    expect(normwise(naive, rate)).toBeLessThan(0.02);
    expect(normwise(sim, rate)).toBeLessThan(0.02);
  });
});
