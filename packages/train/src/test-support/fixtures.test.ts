import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { initTraining } from '../fit/init-training.js';
import { createModel } from '../model/model.js';
import { lifGainBiasScalars, spikingMnistGraph } from './fixtures.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

describe('the spiking-MNIST network', () => {
  it('has the NengoDL example shapes: 26x26x32, 24x24x64, 12x12x64, 10x10x128, 5x5x128, 10', () => {
    const shapes = inferShapes(spikingMnistGraph(0));
    expect([shapes.get('lif0'), shapes.get('lif1'), shapes.get('pool1'), shapes.get('lif2'), shapes.get('pool2'), shapes.get('out')]).toEqual([
      [26, 26, 32],
      [24, 24, 64],
      [12, 12, 64],
      [10, 10, 128],
      [5, 5, 128],
      [10],
    ]);
  });

  it('uses LIF(amplitude 0.01) with the gain/bias of max rate 100 Hz and intercept 0 (spec 2.3 gain_bias), frozen', () => {
    // x = 1 / (1 - exp((tau_ref - 1/r) / tau_rc)), gain = (1 - x) / (c - 1), bias = 1 - gain c
    const x = 1 / (1 - Math.exp((0.002 - 1 / 100) / 0.02));
    const { gain, bias } = lifGainBiasScalars(100, 0, { amplitude: 0.01 });
    expect(gain.data[0]).toBeCloseTo(x - 1, 5);
    expect(bias.data[0]).toBe(1);
    const graph = spikingMnistGraph(0);
    for (const id of ['lif0', 'lif1', 'lif2']) {
      const node = graph.nodes.find((n) => n.id === id)!;
      expect(node).toMatchObject({ kind: 'neurons', neuronType: 'LIF', params: { amplitude: 0.01 }, trainable: false });
    }
    // only the conv/dense weights and biases train
    const model = createModel(graph, { neurons: createNeuronRegistry() });
    expect(model.trainableVariables().map((v) => v.shape)).toEqual([[3, 3, 1, 32], [32], [3, 3, 32, 64], [64], [3, 3, 64, 128], [128], [3200, 10], [10]]);
    model.dispose();
  });
});
